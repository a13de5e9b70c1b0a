/* Unit tests for src/js/lightfn.c: a function whose closures never name
 * its variables runs lightweight; one whose closures do, or that evals,
 * catches, uses with or arguments, keeps its scope object; either way
 * the program computes what it did. */
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

#include "js/mujs-layout.h"
#include "js/scriptcache.h"

void	*js_toobject(js_State *, int);

static const char script[] =
    /* promoted: the closures name only their own variables and globals */
    "var G = 10;\n"
    "function plain(x) { var res = x * 2;\n"
    "  return [1, 2].map(function (r) { return r + G; }).concat([res]); }\n"
    "function nested(a) { var b = a + 1;\n"
    "  return function (c) { return function (d) { return c + d + G; }; }; }\n"
    "function named(n) { var f = function fact(k) { return k <= 1 ? 1 :"
    " k * fact(k - 1); }; return f(n); }\n"
    /* kept: a closure, however deep, names a variable */
    "function direct(x) { var res = x; return function () { return res; }; }\n"
    "function deep(x) { return function () { return function () {"
    " return x; }; }; }\n"
    "function decl() { function a() { return b(); }"
    " function b() { return 3; } return a; }\n"
    "function typeofs(v) { return function () { return typeof v; }; }\n"
    "function sets(v) { return function (w) { v = w; return v; }; }\n"
    "function evals(v) { return function (s) { return eval(s); }; }\n"
    "function withs(o) { var y = 5; return function () {"
    " with (o) { return y; } }; }\n"
    "function catches() { try { throw 1; } catch (e) { return e; } }\n"
    "function args() { return function () { return 1; }"
    "(arguments.length); }\n"
    "function ownEval(s) { var q = 3; eval(s); return function () {"
    " return 0; }; }\n";

static void
load(js_State *J, const char *src)
{
	assert_int_equal(js_ploadstring(J, "lightfn.js", src), 0);
	js_pushundefined(J);
	assert_int_equal(js_pcall(J, 0), 0);
	js_pop(J, 1);
}

static int
light(js_State *J, const char *name)
{
	struct mj_object *o;
	int l;

	js_getglobal(J, name);
	assert_true(js_iscallable(J, -1));
	o = js_toobject(J, -1);
	assert_int_equal(o->type, MJ_CFUNCTION);
	l = ((struct mj_function *)o->u.f.function)->lightweight;
	js_pop(J, 1);
	return l;
}

static const char *
eval_str(js_State *J, const char *expr)
{
	static char out[256];

	assert_int_equal(js_ploadstring(J, "[expr]", expr), 0);
	js_pushundefined(J);
	assert_int_equal(js_pcall(J, 0), 0);
	snprintf(out, sizeof out, "%s", js_tostring(J, -1));
	js_pop(J, 1);
	return out;
}

static void
test_marks(void **state)
{
	js_State *J = js_newstate(NULL, NULL, 0);

	load(J, script);
	assert_true(light(J, "plain"));
	assert_true(light(J, "nested"));
	assert_true(light(J, "named"));
	assert_false(light(J, "direct"));
	assert_false(light(J, "deep"));
	assert_false(light(J, "decl"));
	assert_false(light(J, "typeofs"));
	assert_false(light(J, "sets"));
	assert_false(light(J, "evals"));
	assert_false(light(J, "withs"));
	assert_false(light(J, "catches"));
	assert_false(light(J, "args"));
	assert_false(light(J, "ownEval"));
	js_freestate(J);
}

static void
test_values(void **state)
{
	js_State *J = js_newstate(NULL, NULL, 0);

	load(J, script);
	assert_string_equal(eval_str(J, "plain(4).join()"), "11,12,8");
	assert_string_equal(eval_str(J, "nested(1)(2)(3)"), "15");
	assert_string_equal(eval_str(J, "named(5)"), "120");
	assert_string_equal(eval_str(J, "direct(7)()"), "7");
	assert_string_equal(eval_str(J, "deep(8)()()"), "8");
	assert_string_equal(eval_str(J, "decl()()"), "3");
	assert_string_equal(eval_str(J, "typeofs('s')()"), "string");
	assert_string_equal(eval_str(J, "sets(1)(9)"), "9");
	assert_string_equal(eval_str(J, "evals(4)('v * 2')"), "8");
	assert_string_equal(eval_str(J, "withs({})()"), "5");
	assert_string_equal(eval_str(J, "withs({ y: 6 })()"), "6");
	assert_string_equal(eval_str(J, "catches()"), "1");
	assert_string_equal(eval_str(J, "args(1, 2)"), "1");
	assert_string_equal(eval_str(J, "ownEval('q = 4'), typeof q"),
	    "undefined");
	/* a promoted function run many times keeps no state of its own */
	assert_string_equal(eval_str(J, "var t = 0; for (var i = 0; i < 100; i++)"
	    " t += plain(i)[2]; t"), "9900");
	js_freestate(J);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_marks),
		cmocka_unit_test(test_values),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
