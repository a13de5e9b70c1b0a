/* Unit tests for src/js/intern.c: one interned string per name for every
 * state of the process, surviving the states, and mujs working on it. */
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
test_shared(void **state)
{
	js_State *J, *K;
	const char *a;

	J = js_newstate(NULL, NULL, 0);
	K = js_newstate(NULL, NULL, 0);
	assert_non_null(J);
	assert_non_null(K);
	a = js_intern(J, "lyocell-name");
	assert_string_equal(a, "lyocell-name");
	assert_ptr_equal(js_intern(J, "lyocell-name"), a);
	assert_ptr_equal(js_intern(K, "lyocell-name"), a);
	assert_ptr_not_equal(js_intern(J, "lyocell-other"), a);
	js_freestate(J);
	/* the string outlives the state that interned it first */
	assert_ptr_equal(js_intern(K, "lyocell-name"), a);
	assert_string_equal(a, "lyocell-name");
	js_freestate(K);
}

static void
test_growth(void **state)
{
	js_State *J = js_newstate(NULL, NULL, 0);
	const char *first[20000];
	char name[32];
	size_t before = intern_count();
	int i;

	for (i = 0; i < 20000; i++) {
		snprintf(name, sizeof name, "grow%d", i);
		first[i] = js_intern(J, name);
	}
	assert_true(intern_count() >= before + 20000);
	for (i = 0; i < 20000; i++) {
		snprintf(name, sizeof name, "grow%d", i);
		assert_ptr_equal(js_intern(J, name), first[i]);
		assert_string_equal(first[i], name);
	}
	js_freestate(J);
}

/* An interned string given back is itself; a buffer of the caller's,
 * whatever it held before, is looked up by what it holds now. */
static void
test_again(void **state)
{
	js_State *J = js_newstate(NULL, NULL, 0);
	const char *got[600];
	char buf[32];
	int i, round;

	for (i = 0; i < 600; i++) {
		snprintf(buf, sizeof buf, "again%d", i);
		got[i] = js_intern(J, buf);
		assert_ptr_not_equal(got[i], buf);
		assert_string_equal(got[i], buf);
	}
	for (round = 0; round < 2; round++)
		for (i = 0; i < 600; i++) {
			assert_ptr_equal(js_intern(J, got[i]), got[i]);
			snprintf(buf, sizeof buf, "again%d", 599 - i);
			assert_ptr_equal(js_intern(J, buf), got[599 - i]);
		}
	js_freestate(J);
}

/* mujs itself on shared names: properties, literals, JSON, for-in. */
static void
test_mujs(void **state)
{
	js_State *J, *K;
	int i;

	for (i = 0; i < 3; i++) {
		J = js_newstate(NULL, NULL, 0);
		K = js_newstate(NULL, NULL, 0);
		assert_int_equal(js_dostring(J,
		    "var o = { alpha: 1, beta: 'x' }, n = 0, k;"
		    "for (k in o) n++;"
		    "var j = JSON.parse('{\"alpha\":2,\"gamma\":[1,2]}');"
		    "if (n !== 2 || j.alpha !== 2 || j.gamma.length !== 2 ||"
		    "    JSON.stringify(o) !== '{\"alpha\":1,\"beta\":\"x\"}' ||"
		    "    typeof Math.max !== 'function' || 'alpha' in {} )"
		    "  throw new Error('bad');"), 0);
		js_freestate(J);
		assert_int_equal(js_dostring(K,
		    "var p = { beta: 3 }; if (p.beta !== 3 || p.alpha !== undefined)"
		    "  throw new Error('bad');"), 0);
		js_freestate(K);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_shared),
		cmocka_unit_test(test_growth),
		cmocka_unit_test(test_again),
		cmocka_unit_test(test_mujs),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
