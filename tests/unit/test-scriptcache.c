/* Unit tests for src/js/scriptcache.c: a text compiled once for every
 * state of the process, its functions outliving the states that ran
 * them, errors thrown where they were before, eval left alone. */
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

#include "js/runtime.h"
#include "js/scriptcache.h"

static const char script[] =
    "var made = 0;\n"
    "function Counter(n) { this.n = n; made++; }\n"
    "Counter.prototype.next = function () { return ++this.n; };\n"
    "function adder(k) { return function (x) { return x + k; }; }\n"
    "var garbage = [];\n"
    "for (var i = 0; i < 2000; i++) garbage.push({ i: i, s: 'x' + i });\n";

static double
number(js_State *J, const char *expr)
{
	double v;

	assert_int_equal(js_ploadstring(J, "[expr]", expr), 0);
	js_pushundefined(J);
	assert_int_equal(js_pcall(J, 0), 0);
	v = js_tonumber(J, -1);
	js_pop(J, 1);
	return v;
}

static void
load(js_State *J, const char *name, const char *src)
{
	assert_int_equal(js_ploadstring(J, name, src), 0);
	js_pushundefined(J);
	assert_int_equal(js_pcall(J, 0), 0);
	js_pop(J, 1);
}

/* Many states run one compilation; it survives their collections and
 * their ends. */
static void
test_shared(void **state)
{
	js_State *J[8];
	size_t before = scriptcache_count();
	int i, round;

	for (i = 0; i < 8; i++) {
		J[i] = js_newstate(NULL, NULL, 0);
		assert_non_null(J[i]);
		load(J[i], "shared.js", script);
	}
	assert_int_equal(scriptcache_count(), before + 1);
	for (round = 0; round < 3; round++)
		for (i = 0; i < 8; i++) {
			js_gc(J[i], 0);
			assert_int_equal(number(J[i],
			    "new Counter(" "41).next() + adder(1)(1) + made"),
			    42 + 2 + 1 + round);
		}
	/* the first states end; the others keep running the code */
	for (i = 0; i < 4; i++)
		js_freestate(J[i]);
	for (i = 4; i < 8; i++) {
		load(J[i], "more.js", "garbage = null; var f = adder(3);");
		js_gc(J[i], 0);
		assert_int_equal(number(J[i], "f(4) + new Counter(1).next()"),
		    9);
		js_freestate(J[i]);
	}
	/* a new state after all of them */
	J[0] = js_newstate(NULL, NULL, 0);
	load(J[0], "shared.js", script);
	assert_int_equal(number(J[0], "adder(2)(2)"), 4);
	js_freestate(J[0]);
	assert_int_equal(scriptcache_count(), before + 5);
}

/* A text that does not compile throws in the state that loads it, with
 * the message mujs gives; the state goes on. */
static void
test_error(void **state)
{
	js_State *J = js_newstate(NULL, NULL, 0);
	size_t before = scriptcache_count();
	int i;

	for (i = 0; i < 2; i++) {
		assert_int_not_equal(js_ploadstring(J, "bad.js",
		    "var a = 1;\nvar = 2;\n"), 0);
		assert_non_null(strstr(js_tostring(J, -1), "bad.js:2:"));
		js_pop(J, 1);
		assert_int_not_equal(js_ploadstring(J, "bad.js",
		    "while (1) { }\nbreak;\n"), 0);
		assert_non_null(strstr(js_tostring(J, -1), "bad.js:2:"));
		js_pop(J, 1);
	}
	assert_int_equal(scriptcache_count(), before);
	assert_int_equal(number(J, "1 + 1"), 2);
	js_freestate(J);
}

/* Same name, other text; same text, other name: separate entries.
 * eval() compiles in its own state, every call. */
static void
test_keys(void **state)
{
	js_State *J = js_newstate(NULL, NULL, 0);
	size_t before = scriptcache_count();
	char src[64];
	int i;

	load(J, "k.js", "var k = 1;");
	load(J, "k.js", "var k = 2;");
	load(J, "k2.js", "var k = 2;");
	load(J, "k.js", "var k = 1;");
	assert_int_equal(scriptcache_count(), before + 3);
	assert_int_equal(number(J, "k"), 1);
	before = scriptcache_count();
	for (i = 0; i < 100; i++) {
		snprintf(src, sizeof src, "eval('var e%d = %d; e%d')", i, i, i);
		assert_int_equal(number(J, src), i);
	}
	/* one entry per distinct "[expr]" text above, none for the evals */
	assert_int_equal(scriptcache_count(), before + 100);
	assert_int_equal(number(J, "eval('(function () { return 7; })')()"), 7);
	js_freestate(J);
}

/* The runtime library's groups, compiled by the Function constructor,
 * are compiled once for every state. */
static void
test_groups(void **state)
{
	js_State *J;
	char *cause = NULL;
	size_t first = 0;
	int i;

	for (i = 0; i < 3; i++) {
		J = js_newstate(NULL, NULL, 0);
		assert_int_equal(runtime_load(J, &cause), 0);
		assert_int_equal(number(J, "[1, 2, 3].includes(2) + "
		    "'abc'.padStart(5).length + new Map([[1, 2]]).get(1)"),
		    1 + 5 + 2);
		if (i == 0)
			first = scriptcache_count();
		else
			assert_int_equal(scriptcache_count(), first);
		js_freestate(J);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_shared),
		cmocka_unit_test(test_error),
		cmocka_unit_test(test_keys),
		cmocka_unit_test(test_groups),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
