/* Unit tests for src/js/gjson.c: GJSON paths over a parsed document (the
 * example of gjson's SYNTAX.md), malformed paths that must select nothing
 * without crashing, and random paths that must leave the stack as they
 * found it. */
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

#include "js/gjson.h"

static const char doc[] =
    "{\"name\": {\"first\": \"Tom\", \"last\": \"Anderson\"},"
    "\"age\": 37, \"children\": [\"Sara\", \"Alex\", \"Jack\"],"
    "\"fav.movie\": \"Deer Hunter\", \"friends\": ["
    "{\"first\": \"Dale\", \"last\": \"Murphy\", \"age\": 44, \"nets\": [\"ig\", \"fb\", \"tw\"]},"
    "{\"first\": \"Roger\", \"last\": \"Craig\", \"age\": 68, \"nets\": [\"fb\", \"tw\"]},"
    "{\"first\": \"Jane\", \"last\": \"Murphy\", \"age\": 47, \"nets\": [\"ig\", \"tw\"]}],"
    "\"deep\": [[[[[[1]]]]]], \"e\": {\"\": 5}, \"u\": \"\\u00e9t\\u00e9\"}";

/* Path and JSON.stringify of what it selects; NULL for undefined. */
static const struct {
	const char	*path, *want;
} cases[] = {
	{ "name.last", "\"Anderson\"" },
	{ "age", "37" },
	{ "children.1", "\"Alex\"" },
	{ "child*.2", "\"Jack\"" },
	{ "c?ildren.0", "\"Sara\"" },
	{ "fav\\.movie", "\"Deer Hunter\"" },
	{ "friends.#", "3" },
	{ "friends.#.age", "[44,68,47]" },
	{ "friends.#(last==\"Murphy\").first", "\"Dale\"" },
	{ "friends.#(last==\"Murphy\")#.first", "[\"Dale\",\"Jane\"]" },
	{ "friends.#(age>45)#.last", "[\"Craig\",\"Murphy\"]" },
	{ "friends.#(first%\"D*\").last", "\"Murphy\"" },
	{ "friends.#(first!%\"D*\").last", "\"Craig\"" },
	{ "children.#(!%\"*a*\")", "\"Alex\"" },
	{ "children.#(%\"*a*\")#", "[\"Sara\",\"Jack\"]" },
	{ "friends.#(nets.#(==\"fb\"))#.first", "[\"Dale\",\"Roger\"]" },
	{ "friends.#(last=\"Murphy\")#|0.first", "\"Dale\"" },
	{ "friends.#(last=\"Murphy\")#|#", "2" },
	{ "friends.#(last=\"Murphy\")#.#", "[]" },
	{ "children.@reverse.0", "\"Jack\"" },
	{ "{name.first,age,\"the_murphys\":friends.#(last=\"Murphy\")#.first}",
	  "{\"first\":\"Tom\",\"age\":37,\"the_murphys\":[\"Dale\",\"Jane\"]}" },
	{ "[name.first,age,children.0]", "[\"Tom\",37,\"Sara\"]" },
	{ "deep.@flatten:{\"deep\":true}", "[1]" },
	{ "deep.0.0.0.0.0.0", "1" },
	{ "e.", "5" },
	{ "u", "\"\xc3\xa9t\xc3\xa9\"" },
	{ "u.@this", "\"\xc3\xa9t\xc3\xa9\"" },
	{ "children.#(%\"?t?\")", NULL },
	{ "friends.@dig:nets.0", "[\"ig\",\"fb\",\"ig\"]" },
	{ "..0.age", "37" },
	{ "..#", "1" },
	{ "friends.#(first%\"?a?e\").age", "44" },
	/* malformed or odd paths select nothing, and never crash */
	{ "", NULL },
	{ ".", NULL },
	{ "\\", NULL },
	{ "friends.#(", NULL },
	{ "friends.#(last==", NULL },
	{ "friends.#(last==\"Murphy)", NULL },
	{ "[name.first,", NULL },
	{ "{", NULL },
	{ "@", NULL },
	{ "!", NULL },
	{ "!{", NULL },
	{ "|||", NULL },
	{ "#.#.#.#", NULL },
};

static js_State *
state(void)
{
	js_State *J = js_newstate(NULL, NULL, 0);
	char *s;

	assert_non_null(J);
	s = malloc(sizeof doc + 32);
	snprintf(s, sizeof doc + 32, "var doc = JSON.parse('%s');", doc);
	assert_int_equal(js_dostring(J, s), 0);
	free(s);
	return J;
}

/* Evaluate path over doc; return JSON.stringify of the result (static
 * buffer) or NULL for undefined, and check the stack is balanced. */
static const char *
get(js_State *J, const char *path)
{
	static char out[4096];
	int top = js_gettop(J);

	js_getglobal(J, "doc");
	if (js_try(J))
		fail_msg("%s: threw %s", path, js_tostring(J, -1));
	gjson_get(J, path);
	js_endtry(J);
	assert_int_equal(js_gettop(J), top + 1);
	if (js_isundefined(J, -1)) {
		js_pop(J, 1);
		return NULL;
	}
	js_getglobal(J, "JSON");
	js_getproperty(J, -1, "stringify");
	js_rot2pop1(J);
	js_rot2(J);
	js_pushundefined(J);
	js_rot2(J);
	js_call(J, 1);
	snprintf(out, sizeof out, "%s", js_tostring(J, -1));
	js_pop(J, 1);
	assert_int_equal(js_gettop(J), top);
	return out;
}

static void
test_cases(void **state_)
{
	js_State *J = state();
	const char *got;
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		got = get(J, cases[i].path);
		if (cases[i].want == NULL && got != NULL)
			fail_msg("%s: got %s, want undefined", cases[i].path, got);
		if (cases[i].want != NULL && (got == NULL ||
		    strcmp(got, cases[i].want) != 0))
			fail_msg("%s: got %s, want %s", cases[i].path,
			    got != NULL ? got : "undefined", cases[i].want);
	}
	js_freestate(J);
}

/* A result shares no object with the document, however deep. */
static void
test_copies(void **state_)
{
	js_State *J = state();

	assert_int_equal(js_dostring(J,
	    "var d = 1; for (var i = 0; i < 30; i++) d = [d];"), 0);
	js_getglobal(J, "doc");
	gjson_get(J, "friends");
	js_setglobal(J, "got");
	js_getglobal(J, "d");
	gjson_get(J, "@this");
	js_setglobal(J, "gotd");
	assert_int_equal(js_dostring(J,
	    "var ok = got !== doc.friends && got[0] !== doc.friends[0] && "
	    "got[0].nets !== doc.friends[0].nets && got[2].nets[1] === 'tw' && "
	    "gotd !== d && gotd[0] !== d[0];"
	    "for (var x = gotd, i = 0; i < 30; i++) x = x[0];"
	    "ok = ok && x === 1;"), 0);
	js_getglobal(J, "ok");
	assert_true(js_toboolean(J, -1));
	js_pop(J, 1);
	js_freestate(J);
}

/* Documents that are an array or a plain value at the top. */
static void
test_roots(void **state_)
{
	static const struct {
		const char	*doc, *path, *want;
	} t[] = {
		{ "[{\"id\":1},{\"id\":5,\"n\":\"x\"}]", "#(id==5).n", "\"x\"" },
		{ "[{\"id\":1},{\"id\":5,\"n\":\"x\"}]", "#.id", "[1,5]" },
		{ "[{\"id\":1},{\"id\":5,\"n\":\"x\"}]", "1.n", "\"x\"" },
		{ "[{\"id\":1},{\"id\":5,\"n\":\"x\"}]", "#", "2" },
		{ "[1,2]", "@reverse", "[2,1]" },
		{ "{\"a\":1,\"b\":{\"y\":2,\"x\":3}}", "@reverse", "{\"b\":{\"y\":2,\"x\":3},\"a\":1}" },
		{ "5", "@this", "5" },
		{ "5", "a", NULL },
		{ "\"s\"", "0", NULL },
		{ "null", "@this", "null" },
		{ "null", "a", NULL },
	};
	js_State *J = js_newstate(NULL, NULL, 0);
	const char *got;
	char src[256];
	size_t i;

	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		snprintf(src, sizeof src, "var doc = JSON.parse('%s');", t[i].doc);
		assert_int_equal(js_dostring(J, src), 0);
		got = get(J, t[i].path);
		if (t[i].want == NULL ? got != NULL : got == NULL ||
		    strcmp(got, t[i].want) != 0)
			fail_msg("%s on %s: got %s", t[i].path, t[i].doc,
			    got != NULL ? got : "undefined");
	}
	js_freestate(J);
}

/* Nesting far beyond any real selector ends in a value, undefined or a
 * mujs error, never a crash, and leaves the stack as it was. */
static void
test_deep(void **state_)
{
	static const char *open[] = { "#(", "[", "{", "friends.#(nets.#(" };
	js_State *J = state();
	char path[8192];
	size_t i, k, n;
	int top = js_gettop(J);

	for (k = 0; k < sizeof open / sizeof open[0]; k++) {
		n = 0;
		for (i = 0; i < 300; i++) {
			memcpy(path + n, open[k], strlen(open[k]));
			n += strlen(open[k]);
		}
		memcpy(path + n, "age", 3);
		n += 3;
		for (i = 0; i < 300; i++)
			path[n++] = open[k][0] == '{' ? '}' :
			    open[k][0] == '[' ? ']' : ')';
		path[n] = '\0';
		js_getglobal(J, "doc");
		if (js_try(J) == 0) {
			gjson_get(J, path);
			js_endtry(J);
		}
		js_pop(J, 1);
		assert_int_equal(js_gettop(J), top);
	}
	js_freestate(J);
}

/* Random paths from the special characters: each selects something or
 * nothing, throws nothing, and leaves one value on the stack. */
static void
test_random(void **state_)
{
	static const char alpha[] = ".|#()[]{}@!*?\\\"=<>%~:, 0a1nfe";
	js_State *J = state();
	char path[40];
	unsigned int seed = 12345;
	int i, j, n;

	for (i = 0; i < 20000; i++) {
		seed = seed * 1103515245u + 12345u;
		n = (int)((seed >> 16) % (sizeof path - 1));
		for (j = 0; j < n; j++) {
			seed = seed * 1103515245u + 12345u;
			path[j] = alpha[(seed >> 16) % (sizeof alpha - 1)];
		}
		path[n] = '\0';
		(void)get(J, path);
	}
	js_freestate(J);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cases),
		cmocka_unit_test(test_copies),
		cmocka_unit_test(test_roots),
		cmocka_unit_test(test_deep),
		cmocka_unit_test(test_random),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
