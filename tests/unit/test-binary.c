/* Unit tests for src/js/binary.c's C API: binary_get accepts exactly
 * ArrayBuffers and views (with their offsets) and never throws;
 * binary_push_arraybuffer copies; both work in a state without the
 * runtime library, where the constructors become plain globals; and a
 * state with the library pays for them only on first use. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <mujs.h>

#include "js/binary.h"
#include "js/runtime.h"

static js_State *
bare(void)
{
	js_State *J = js_newstate(NULL, NULL, 0);

	assert_non_null(J);
	return J;
}

static void
test_push_copies(void **state)
{
	unsigned char src[4] = { 1, 0, 255, 7 };
	const unsigned char *p;
	size_t n;
	js_State *J = bare();

	binary_push_arraybuffer(J, src, sizeof src);
	src[0] = 9;
	assert_int_equal(binary_get(J, -1, &p, &n), 0);
	assert_int_equal(n, 4);
	assert_memory_equal(p, "\1\0\377\7", 4);
	js_setglobal(J, "ab");
	assert_int_equal(js_dostring(J, "var ok = ab instanceof ArrayBuffer && "
	    "new Uint8Array(ab)[2] === 255 && ab.byteLength === 4;"), 0);
	js_getglobal(J, "ok");
	assert_true(js_toboolean(J, -1));
	js_pop(J, 1);
	binary_push_arraybuffer(J, NULL, 0);
	assert_int_equal(binary_get(J, -1, &p, &n), 0);
	assert_int_equal(n, 0);
	js_pop(J, 1);
	assert_non_null(binary_push_new(J, 3));
	assert_int_equal(binary_get(J, -1, &p, &n), 0);
	assert_memory_equal(p, "\0\0\0", 3);
	js_pop(J, 1);
	js_freestate(J);
}

static void
test_get_views(void **state)
{
	const unsigned char *p;
	size_t n;
	js_State *J = bare();

	/* Without the runtime library nothing is defined before this. */
	assert_int_not_equal(js_dostring(J, "ArrayBuffer"), 0);
	binary_load(J);
	assert_int_equal(js_dostring(J,
	    "var b = new ArrayBuffer(8); new Uint8Array(b).set([0,1,2,3,4,5,6,7]);"
	    "var u16 = new Uint16Array(b, 2, 2), dv = new DataView(b, 5);"), 0);
	js_getglobal(J, "u16");
	assert_int_equal(binary_get(J, -1, &p, &n), 0);
	assert_int_equal(n, 4);
	assert_int_equal(p[0], 2);
	js_getglobal(J, "dv");
	assert_int_equal(binary_get(J, -1, &p, &n), 0);
	assert_int_equal(n, 3);
	assert_int_equal(p[0], 5);
	js_pop(J, 2);
	js_freestate(J);
}

static void
test_get_rejects(void **state)
{
	static const char *const others[] = {
		"'abc'", "42", "null", "undefined", "[1, 2]", "({ byteLength: 3 })",
		"(function () {})", "new Date(0)",
	};
	const unsigned char *p = NULL;
	size_t i, n = 99;
	js_State *J = bare();

	binary_load(J);
	for (i = 0; i < sizeof others / sizeof others[0]; i++) {
		assert_int_equal(js_ploadstring(J, "x", others[i]), 0);
		js_pushundefined(J);
		assert_int_equal(js_pcall(J, 0), 0);
		assert_int_equal(binary_get(J, -1, &p, &n), -1);
		assert_null(p);
		assert_int_equal(n, 99);
		js_pop(J, 1);
	}
	js_freestate(J);
}

/* Past the 1 GiB cap a buffer is a RangeError the script can catch. */
static void
test_cap(void **state)
{
	js_State *J = bare();

	binary_load(J);
	assert_int_equal(js_dostring(J, "var e1, e2, e3;"
	    "try { new ArrayBuffer(2e9); } catch (e) { e1 = e instanceof RangeError; }"
	    "try { new Float64Array(2e8); } catch (e) { e2 = e instanceof RangeError; }"
	    "try { new Uint8Array(new ArrayBuffer(4), 1, 4); } catch (e) { e3 = e instanceof RangeError; }"
	    "var ok = e1 && e2 && e3;"), 0);
	js_getglobal(J, "ok");
	assert_true(js_toboolean(J, -1));
	js_pop(J, 1);
	js_freestate(J);
}

static void
test_lazy(void **state)
{
	js_State *J = js_newstate(NULL, NULL, 0);
	char *cause = NULL;

	assert_int_equal(runtime_load(J, &cause), 0);
	/* Not loaded until a name is read: the registry has no prototype. */
	js_getregistry(J, "ly.bin.ab");
	assert_true(js_isundefined(J, -1));
	js_pop(J, 1);
	assert_int_equal(js_dostring(J, "var t = typeof Float32Array, "
	    "same = DataView === globalThis.DataView, "
	    "hidden = Object.keys(globalThis).indexOf('Uint8Array');"), 0);
	js_getregistry(J, "ly.bin.ab");
	assert_true(js_isobject(J, -1));
	js_getglobal(J, "t");
	assert_string_equal(js_tostring(J, -1), "function");
	js_getglobal(J, "same");
	assert_true(js_toboolean(J, -1));
	js_getglobal(J, "hidden");
	assert_int_equal(js_tonumber(J, -1), -1);
	js_pop(J, 4);
	/* A buffer made from C before the script names the globals. */
	js_freestate(J);
	J = js_newstate(NULL, NULL, 0);
	assert_int_equal(runtime_load(J, &cause), 0);
	binary_push_arraybuffer(J, "xy", 2);
	js_setglobal(J, "c");
	assert_int_equal(js_dostring(J, "var ok = c instanceof ArrayBuffer;"), 0);
	js_getglobal(J, "ok");
	assert_true(js_toboolean(J, -1));
	js_pop(J, 1);
	js_freestate(J);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_push_copies),
		cmocka_unit_test(test_get_views),
		cmocka_unit_test(test_get_rejects),
		cmocka_unit_test(test_cap),
		cmocka_unit_test(test_lazy),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
