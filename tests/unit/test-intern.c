/* Unit tests for src/js/intern.c: repeats answered from the cache are
 * mujs's own interned strings, one state at a time, none carried over to
 * the next state. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <mujs.h>

#include "js/intern.h"

const char *js_intern(js_State *, const char *);

static void
test_same_state(void **state)
{
	js_State *J, *K;
	const char *a, *b, *c;

	intern_cache_begin();
	J = js_newstate(NULL, NULL, 0);
	assert_non_null(J);
	a = js_intern(J, "lyocell-name");
	b = js_intern(J, "lyocell-name");
	assert_ptr_equal(a, b);
	assert_string_equal(a, "lyocell-name");
	assert_ptr_not_equal(js_intern(J, "lyocell-other"), a);
	/* A second state is not served from the first one's names. */
	K = js_newstate(NULL, NULL, 0);
	c = js_intern(K, "lyocell-name");
	assert_ptr_not_equal(c, a);
	assert_ptr_equal(js_intern(K, "lyocell-name"), c);
	intern_cache_end();
	/* After the start, mujs's own tree gives the same strings. */
	assert_ptr_equal(js_intern(J, "lyocell-name"), a);
	js_freestate(K);
	js_freestate(J);
}

static void
test_next_state(void **state)
{
	js_State *J, *K;
	const char *a, *b;

	intern_cache_begin();
	J = js_newstate(NULL, NULL, 0);
	a = js_intern(J, "lyocell-again");
	intern_cache_end();
	js_freestate(J);
	intern_cache_begin();
	K = js_newstate(NULL, NULL, 0);
	b = js_intern(K, "lyocell-again");
	assert_string_equal(b, "lyocell-again");
	/* the string of the freed state is never handed out: same address
	 * or not, it is the one K's tree holds */
	assert_ptr_equal(js_intern(K, "lyocell-again"), b);
	intern_cache_end();
	js_dostring(K, "var o = { length: 1, prototype: 2 }; o.length + o.prototype;");
	js_freestate(K);
	(void)a;
}

static void
test_many_names(void **state)
{
	js_State *J;
	char name[32];
	const char *first[5000];
	int i;

	intern_cache_begin();
	J = js_newstate(NULL, NULL, 0);
	/* more names than the table holds: the rest go to mujs directly */
	for (i = 0; i < 5000; i++) {
		snprintf(name, sizeof name, "n%d", i);
		first[i] = js_intern(J, name);
	}
	for (i = 0; i < 5000; i++) {
		snprintf(name, sizeof name, "n%d", i);
		assert_ptr_equal(js_intern(J, name), first[i]);
	}
	intern_cache_end();
	assert_int_equal(js_dostring(J, "var s = 0; for (var k in { a: 1, b: 2 }) s++; if (s !== 2) throw 1;"), 0);
	js_freestate(J);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_same_state),
		cmocka_unit_test(test_next_state),
		cmocka_unit_test(test_many_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
