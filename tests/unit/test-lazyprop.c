/* js/lazyprop.c: methods made on first use look, from every path, as
 * they would had they been made at once.  Each case runs a script in a
 * state with deferring and in one without, then describes every
 * built-in holder of both (each own property's name in order, its
 * attributes, its value's type, a function's name and length): the two
 * descriptions and the script's results must be the same. */
#include "config.h"

#include <mujs.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "js/lazyprop.h"
#include "js/modules.h"
#include "js/mujs-layout.h"
#include "js/runtime.h"

/* r: what the case's script found; the holders are described in
 * getOwnPropertyNames's order, two levels below the global object. */
static const char describe[] =
	"(function (G) {\n"
	"var seen = [], out = [String(G.r)];\n"
	"function fn(v) {\n"
	"	var d = Object.getOwnPropertyDescriptor(v, 'length');\n"
	"	return ' len=' + (d ? d.value + '/' + d.writable + d.enumerable +\n"
	"	    d.configurable : 'none') + ' name=' + v.name;\n"
	"}\n"
	"function walk(o, path, depth) {\n"
	"	var names, i, d, v;\n"
	"	if (seen.indexOf(o) >= 0) return;\n"
	"	seen.push(o);\n"
	"	names = Object.getOwnPropertyNames(o);\n"
	"	out.push(path + ': ' + names.join(' '));\n"
	"	for (i = 0; i < names.length; i++) {\n"
	"		d = Object.getOwnPropertyDescriptor(o, names[i]);\n"
	"		if (!d) {	/* mujs: an array's or a string's length */\n"
	"			out.push(path + '.' + names[i] + ' no descriptor');\n"
	"			continue;\n"
	"		}\n"
	"		if (d.get || d.set) {\n"
	"			out.push(path + '.' + names[i] + ' accessor ' +\n"
	"			    d.enumerable + d.configurable);\n"
	"			continue;\n"
	"		}\n"
	"		v = d.value;\n"
	"		out.push(path + '.' + names[i] + ' ' + typeof v + ' ' +\n"
	"		    d.writable + d.enumerable + d.configurable +\n"
	"		    (typeof v === 'function' ? fn(v) : ''));\n"
	"		if (depth < 2 && v !== null && (typeof v === 'object' ||\n"
	"		    typeof v === 'function'))\n"
	"			walk(v, path + '.' + names[i], depth + 1);\n"
	"	}\n"
	"}\n"
	"walk(G, 'G', 0);\n"
	"return out.join('\\n');\n"
	"})(this)";

static void
module_fn(js_State *J)
{
	js_pushnumber(J, js_gettop(J));
}

/* The global M, made as a native module makes its exports: enumerable
 * functions (modules_setfn) between other properties. */
static void
module_object(js_State *J)
{
	js_newobject(J);
	js_pushnumber(J, 1);
	js_setproperty(J, -2, "first");
	modules_setfn(J, module_fn, "get", 1);
	modules_setfn(J, module_fn, "post", 2);
	js_pushstring(J, "x");
	js_setproperty(J, -2, "middle");
	modules_setfn(J, module_fn, "put", 3);
	js_setglobal(J, "M");
}

/* A new state with the runtime loaded. */
static js_State *
loaded(void)
{
	js_State *J = js_newstate(NULL, NULL, 0);
	char *cause = NULL;

	assert_non_null(J);
	if (runtime_load(J, &cause) != 0)
		fail_msg("runtime: %s", cause);
	return J;
}

/* Run script, then describe, in a new state: an owned string. */
static char *
run(const char *script, int lazy)
{
	js_State *J;
	char *out;

	lazyprop_enabled = lazy;
	J = loaded();
	module_object(J);
	if (js_ploadstring(J, "case", script) ||
	    (js_pushundefined(J), js_pcall(J, 0)))
		fail_msg("%s: %s", script, js_trystring(J, -1, "?"));
	js_pop(J, 1);
	if (!lazy)
		assert_int_equal(lazyprop_holders(J), 0);
	if (js_ploadstring(J, "describe", describe) ||
	    (js_pushundefined(J), js_pcall(J, 0)))
		fail_msg("describe after %s: %s", script, js_trystring(J, -1, "?"));
	out = strdup(js_tostring(J, -1));
	js_freestate(J);
	lazyprop_enabled = 1;
	return out;
}

/* The first line where a and b differ. */
static void
first_difference(const char *a, const char *b)
{
	size_t i, line = 0;

	for (i = 0; a[i] == b[i] && a[i] != '\0'; i++)
		if (a[i] == '\n')
			line = i + 1;
	fail_msg("deferred: %.*s\nmade at once: %.*s",
	    (int)strcspn(a + line, "\n"), a + line,
	    (int)strcspn(b + line, "\n"), b + line);
}

static void
same(const char *script)
{
	char *eager = run(script, 0), *lazy = run(script, 1);

	if (strcmp(lazy, eager) != 0)
		first_difference(lazy, eager);
	free(eager);
	free(lazy);
}

static void
test_defers(void **state)
{
	js_State *J = loaded();

	(void)state;
	/* the built-in prototypes, constructors, JSON and the global */
	assert_true(lazyprop_holders(J) >= 10);
	js_freestate(J);
}

/* Many states, freed out of order: each still finds its holders. */
static void
test_many_states(void **state)
{
	enum { N = 300 };
	js_State *J[N];
	int i, n;

	(void)state;
	for (i = 0; i < N; i++) {
		J[i] = js_newstate(NULL, NULL, 0);
		assert_non_null(J[i]);
	}
	for (i = 0; i < N; i += 3)
		js_freestate(J[i]);
	for (i = 0; i < N; i++) {
		if (i % 3 == 0)
			continue;
		n = lazyprop_holders(J[i]);
		assert_true(n > 0);
		assert_int_equal(js_dostring(J[i], "if ('ab '.trim() !== 'ab')"
		    " throw new Error('trim');"), 0);
		js_freestate(J[i]);
	}
}

static void
test_untouched(void **state)
{
	(void)state;
	same("r = 0");
}

static void
test_read(void **state)
{
	(void)state;
	same("r = String.prototype.split.call('a,b', ',').length +"
	    " [3, 1, 2].sort().join() + parseInt('12') + JSON.stringify([1])");
	same("var s = 'abc'; r = s.charAt(1) + s.slice(1) + (1.5).toFixed(2) +"
	    " true.toString() + /x/.test('x')");
}

static void
test_in(void **state)
{
	(void)state;
	same("r = ('split' in String.prototype) + ',' + ('nope' in String.prototype) +"
	    " ',' + ('parseFloat' in this) + ',' + ('map' in [])");
}

static void
test_typeof(void **state)
{
	(void)state;
	same("r = typeof String.prototype.trim + typeof isNaN + typeof JSON.parse +"
	    " typeof String.fromCharCode + typeof nosuch");
}

static void
test_own(void **state)
{
	(void)state;
	same("r = String.prototype.hasOwnProperty('slice') +"
	    " Object.prototype.hasOwnProperty.call(Array.prototype, 'map') +"
	    " Array.prototype.propertyIsEnumerable('map') +"
	    " JSON.stringify(Object.getOwnPropertyDescriptor(Array.prototype, 'join'))");
}

static void
test_lists(void **state)
{
	(void)state;
	/* touched in another order than they were made */
	same("String.prototype.trim; String.prototype.charAt; Number.prototype.toFixed;"
	    " r = Object.getOwnPropertyNames(String.prototype).join()");
	same("var k, a = []; for (k in this) a.push(k); for (k in new String('ab')) a.push(k);"
	    " r = a.join() + Object.keys(this).join() + Object.keys(Array.prototype).length +"
	    " JSON.stringify(JSON) + JSON.stringify(String.prototype)");
	/* a deferred, non-enumerable method hides an enumerable one below */
	same("Object.prototype.toLocaleUpperCase = 1; Object.prototype.nosuch = 2; var k, a = [];"
	    " for (k in new String('x')) a.push(k); r = a.join()");
}

static void
test_change(void **state)
{
	(void)state;
	same("String.prototype.trim = 5; Array.prototype.lastIndexOf = null; this.parseInt = 'p';"
	    " Object.defineProperty(String.prototype, 'split', { value: 1, enumerable: true });"
	    " Object.defineProperty(JSON, 'parse', { get: function () { return 2; } });"
	    " r = String.prototype.trim + ',' + String.prototype.split + ',' + JSON.parse");
	same("r = delete String.prototype.split; r += delete this.isNaN;"
	    " r += typeof isNaN + ('split' in String.prototype); r += delete parseInt.length");
}

static void
test_prototype_getter(void **state)
{
	(void)state;
	/* an accessor further up the chain does not hide a deferred method */
	same("Object.defineProperty(Object.prototype, 'toFixed', { get: function () {"
	    " return 'getter'; }, set: function (v) { this.seen = v; }, configurable: true });"
	    " Object.defineProperty(Function.prototype, 'slice', { get: function () {"
	    " return 'g'; }, configurable: true });"
	    " r = typeof (1).toFixed + ({}).toFixed + ''.slice.length + String.slice");
}

static void
test_walkers(void **state)
{
	(void)state;
	same("r = Object.isFrozen(String.prototype) + ',' + Object.isSealed(JSON) +"
	    " ',' + Object.isFrozen(parseInt); Object.freeze(String.prototype.concat);"
	    " Object.seal(Number.prototype); Object.preventExtensions(Boolean.prototype);"
	    " r += Object.isFrozen(String.prototype.concat) + ',' +"
	    " Object.isSealed(Number.prototype) + Object.isExtensible(Boolean.prototype)");
	same("Object.freeze(Array.prototype); r = [1, 2].map(String).join()");
}

static void
test_functions(void **state)
{
	(void)state;
	/* a C function's deferred length, and the runtime library's stubs */
	same("r = parseInt.length + ',' + Object.getOwnPropertyNames(isFinite).join() +"
	    " ',' + [].map.hasOwnProperty('length') + [].find.name + [].find.length +"
	    " 'a'.padStart(3, '-') + [1, 2].includes(2) + Array.from('ab').join()");
	same("r = Function.prototype.call.call(String.prototype.slice, 'abc', 1) +"
	    " String.prototype.slice.apply('abc', [2]) + (String.prototype.concat instanceof"
	    " Function) + Object.getPrototypeOf(Math.max) === Function.prototype");
}

/* A JavaScript function's length and prototype, from every path that
 * can look first; the global functions below are described as well. */
static void
test_js_functions(void **state)
{
	(void)state;
	same("function F(a, b) {} function G() {} function H(x) {}"
	    " r = Object.getOwnPropertyNames(F).join() + F.length +"
	    " (G.prototype.constructor === G) + H.hasOwnProperty('prototype')");
	same("function F(a) { this.a = a; } var f = new F(1);"
	    " r = (f instanceof F) + ',' + (Object.getPrototypeOf(f) === F.prototype) +"
	    " ',' + JSON.stringify(Object.getOwnPropertyDescriptor(F, 'prototype')) +"
	    " JSON.stringify(Object.getOwnPropertyDescriptor(F, 'length'))");
	same("function F() {} function G() {} r = ({} instanceof F) + ',' +"
	    " ('prototype' in G) + ('length' in G) + delete F.prototype + delete G.length");
	same("function F() {} var k, a = []; for (k in F) a.push(k); F.x = 1;"
	    " for (k in F) a.push(k); r = a.join() + Object.keys(F).join() +"
	    " F.propertyIsEnumerable('prototype') + JSON.stringify(F)");
	same("function F() {} F.prototype = { m: 1 }; function G() {} G.prototype.m = 2;"
	    " r = new F().m + new G().m + Object.getOwnPropertyNames(F).join() +"
	    " Object.getOwnPropertyNames(G.prototype).join()");
	same("function F() {} F.y = 2; Object.defineProperty(F, 'prototype',"
	    " { value: 7 }); function G() {} G.z = 1; r = F.prototype +"
	    " Object.getOwnPropertyNames(F).join() + Object.getOwnPropertyNames(G).join()");
	same("function F() {} function G() {} function H() {} Object.freeze(F);"
	    " Object.seal(G); Object.preventExtensions(H); r = Object.isFrozen(F) +"
	    " ',' + Object.isSealed(G) + Object.getOwnPropertyNames(H).join() +"
	    " typeof H.prototype + Object.isExtensible(H)");
	same("var fs = [], i; for (i = 0; i < 3; i++) fs.push(function (a, b, c) {});"
	    " fs[1].prototype.q = 1; r = fs[0].length + fs[2].prototype.constructor.length +"
	    " (fs[0].prototype !== fs[1].prototype) + fs[1].prototype.q +"
	    " Object.getOwnPropertyNames(fs[2]).join()");
	same("var F = new Function('a', 'b', 'return a'); r = F.length +"
	    " Object.getOwnPropertyNames(F).join() + typeof F.prototype;"
	    " function C() {} C.prototype.toString = function () { return 'c'; };"
	    " r += String(new C()) + Object.create(C.prototype).constructor.length");
}

/* The runtime library's new globals (Map, Promise, Symbol...), accessors
 * made when first looked for, from every path. */
static void
test_lazy_globals(void **state)
{
	(void)state;
	same("r = typeof Map + typeof this.Set + ('Promise' in this) +"
	    " Object.prototype.hasOwnProperty.call(this, 'WeakMap') + JSON.stringify(Object.keys(this))");
	same("r = JSON.stringify(Object.getOwnPropertyDescriptor(this, 'Symbol')) +"
	    " typeof Object.getOwnPropertyDescriptor(this, 'Map').get +"
	    " Object.getOwnPropertyDescriptor(this, 'Set').get.prototype");
	same("Map = 1; Set = undefined; r = Map + ',' + Set + ',' + new WeakMap().has({})");
	same("r = delete this.Promise; r += typeof Promise; var k, a = [];"
	    " for (k in this) a.push(k); r += a.join()");
	same("Object.defineProperty(this, 'Symbol', { value: 3, enumerable: true });"
	    " r = Symbol + Object.keys(this).join()");
	same("var ps = Object.getOwnPropertyNames(this); r = ps.length +"
	    " ps.indexOf('Map') + typeof new Set([1]).has");
	same("Object.freeze(this); r = Object.isFrozen(this) + typeof Map");
}

/* mujs's Math and Date, made when the script first reads the global:
 * their methods are deferred as the other built-ins' are. */
static void
test_deferred_builtins(void **state)
{
	js_State *J = loaded();
	int n;

	(void)state;
	n = lazyprop_holders(J);
	assert_int_equal(js_dostring(J, "Math.floor(1.5); Date.now();"), 0);
	/* Math, Date and Date.prototype */
	assert_true(lazyprop_holders(J) >= n + 3);
	js_freestate(J);
	same("r = Math.max(1, 2) + Math.sinh(0) + Math.trunc(-1.5) +"
	    " Object.getOwnPropertyNames(Math).join()");
	same("var d = new Date(0); r = d.getTime() + Date.UTC(2000, 0) +"
	    " d.toISOString() + ('getDay' in d) + typeof Date.prototype.setHours +"
	    " Object.getOwnPropertyNames(Date.prototype).join()");
	same("r = Object.keys(Math).length + JSON.stringify(Math) +"
	    " Object.isFrozen(Object.freeze(Date))");
}

/* A native module's functions are deferred too, though enumerable:
 * every path that lists enumerable properties makes them first. */
static void
test_module_functions(void **state)
{
	js_State *J = loaded();
	int n;

	(void)state;
	n = lazyprop_holders(J);
	module_object(J);
	assert_int_equal(lazyprop_holders(J), n + 1);
	js_freestate(J);
	same("r = Object.keys(M).join() + JSON.stringify(M) + M.get(1, 2) + M.put.length");
	same("var k, a = []; for (k in M) a.push(k); r = a.join()");
	same("var k, a = [], o = Object.create(M); for (k in o) a.push(k); r = a.join()");
	same("r = Object.entries(M).length + Object.values(M).length +"
	    " Object.keys(Object.assign({}, M)).join()");
	same("M.get = 1; delete M.post; r = Object.keys(M).join() + M.get");
	same("r = ('put' in M) + M.hasOwnProperty('post') + M.propertyIsEnumerable('get') +"
	    " JSON.stringify(Object.getOwnPropertyDescriptor(M, 'get').enumerable)");
	same("Object.freeze(M); r = Object.isFrozen(M) + Object.keys(M).join()");
	same("Object.defineProperty(M, 'post', { enumerable: false }); r = Object.keys(M).join()");
	same("r = JSON.stringify(Object.keys(Object.create(null, { a: { value: 1,"
	    " enumerable: true } }))) + typeof M.put");
}

/* A constructor's length (js_newcconstructor: the Error family, the
 * program's own) is made on first use too; its prototype is not. */
static void
test_constructor_length(void **state)
{
	static const char *const ctors[] = { "Error", "TypeError", "Array" };
	js_State *J = loaded();
	struct mj_object *o;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof ctors / sizeof ctors[0]; i++) {
		js_getglobal(J, ctors[i]);
		o = js_toobject(J, -1);
		assert_non_null(mj_lookup(o->properties, "prototype"));
		assert_null(mj_lookup(o->properties, "length"));
		js_pop(J, 1);
	}
	js_freestate(J);
	same("r = Error.length + TypeError.length + Array.length +"
	    " Object.getOwnPropertyNames(RangeError).join()");
	same("r = JSON.stringify(Object.getOwnPropertyDescriptor(Boolean, 'length')) +"
	    " Boolean.hasOwnProperty('length') + ('length' in String) + delete URIError.length");
	same("var E = Error; r = new E('x').message + E.prototype.name +"
	    " Object.getOwnPropertyNames(EvalError).join()");
}

/* The list of a state's holders is fitted to them at the end of init
 * (runtime_trim); deferring and making go on as before after it. */
static void
test_trim(void **state)
{
	js_State *J = loaded();
	int n;

	(void)state;
	module_object(J);
	runtime_trim(J);
	n = lazyprop_holders(J);
	assert_int_equal(lazyprop_trim(J), 0);	/* fitted already */
	assert_int_equal(js_dostring(J, "Math.floor(1.5); Date.now();"
	    " if (M.get(1, 2) !== 3 || !('post' in M)) throw new Error('M');"), 0);
	assert_true(lazyprop_holders(J) >= n + 2);
	assert_true(lazyprop_trim(J) > 0);
	assert_int_equal(js_dostring(J, "if (Math.trunc(-1.5) !== -1 ||"
	    " new Date(0).getTime() !== 0) throw new Error('after');"), 0);
	js_freestate(J);
}

/* RegExp.prototype's getters (js/regexp.c: flags, dotAll, unicode,
 * sticky, hasIndices) are made on first use, without a setter. */
static void
test_getters(void **state)
{
	js_State *J = loaded();
	struct mj_object *o;

	(void)state;
	js_getglobal(J, "RegExp");
	js_getproperty(J, -1, "prototype");
	o = js_toobject(J, -1);
	assert_null(mj_lookup(o->properties, "flags"));
	assert_null(mj_lookup(o->properties, "sticky"));
	js_pop(J, 2);
	js_freestate(J);
	same("var R = RegExp; r = new R('a', 'gimsuy').flags + new R('a', 's').dotAll +"
	    " /a/.sticky + new R('a', 'u').unicode +"
	    " Object.getOwnPropertyNames(RegExp.prototype).join()");
	same("var d = Object.getOwnPropertyDescriptor(RegExp.prototype, 'flags');"
	    " r = typeof d.get + typeof d.set + d.enumerable + d.configurable +"
	    " RegExp.prototype.hasOwnProperty('hasIndices') + d.get.name");
	same("var re = /a/; re.flags = 'x'; r = re.flags + ('dotAll' in re) +"
	    " delete RegExp.prototype.unicode + new RegExp('a', 'u').unicode");
}

/* The program's own globals and methods that scripts seldom call
 * (escape, unescape, the compiler's regexp-literal helper,
 * String.prototype.normalize, Object.setPrototypeOf) are made on first
 * use too, and so is an error's stack (js/error.c). */
static void
test_own_builtins(void **state)
{
	static const char *const where[][2] = {
		{ NULL, "escape" }, { NULL, "unescape" }, { NULL, "__ly_regexp" },
		{ "String", "normalize" },
		{ "Object", "setPrototypeOf" },
	};
	js_State *J = loaded();
	size_t i;

	(void)state;
	for (i = 0; i < sizeof where / sizeof where[0]; i++) {
		if (where[i][0] == NULL)
			js_pushglobal(J);
		else {
			js_getglobal(J, where[i][0]);
			if (strcmp(where[i][0], "Object") != 0) {
				js_getproperty(J, -1, "prototype");
				js_rot2pop1(J);
			}
		}
		if (mj_lookup(((struct mj_object *)js_toobject(J, -1))->properties,
		    where[i][1]) != NULL)
			fail_msg("%s is made at once", where[i][1]);
		js_pop(J, 1);
	}
	/* an error's stack, until something looks for it */
	assert_int_equal(js_dostring(J, "var e = new Error('m');"), 0);
	js_getglobal(J, "e");
	assert_null(mj_lookup(((struct mj_object *)js_toobject(J, -1))->properties,
	    "stack"));
	assert_true(js_hasproperty(J, -1, "stack"));
	assert_true(js_isstring(J, -1));
	assert_non_null(mj_lookup(((struct mj_object *)js_toobject(J, -2))->properties,
	    "stack"));
	js_pop(J, 2);
	js_freestate(J);
	same("r = escape('a b') + unescape('%41') + typeof __ly_regexp +"
	    " 'e\\u0301'.normalize('NFC').length + Object.setPrototypeOf({}, { z: 1 }).z");
	same("var e = new Error('m'), n = Object.getOwnPropertyNames(e).join(),"
	    " d = Object.getOwnPropertyDescriptor(e, 'stack'); r = n + typeof d.value +"
	    " d.writable + d.enumerable + d.configurable + ('stack' in Error.prototype);"
	    " e.stack = 'x'; r += e.stack + delete e.stack + e.stack");
	same("escape = 1; r = escape + Object.getOwnPropertyNames(this).join()");
}

/* js/regexp.c's String.prototype and RegExp.prototype methods take the
 * places of mujs's while those are deferred (lazyprop_override): made
 * on first use, with their names, lengths and places in the order. */
static void
test_overrides(void **state)
{
	static const char *const where[][2] = {
		{ "String", "match" }, { "String", "search" },
		{ "String", "replace" }, { "String", "split" },
		{ "RegExp", "exec" }, { "RegExp", "test" }, { "RegExp", "toString" },
	};
	js_State *J = loaded();
	size_t i;

	(void)state;
	for (i = 0; i < sizeof where / sizeof where[0]; i++) {
		js_getglobal(J, where[i][0]);
		js_getproperty(J, -1, "prototype");
		if (mj_lookup(((struct mj_object *)js_toobject(J, -1))->properties,
		    where[i][1]) != NULL)
			fail_msg("%s.prototype.%s is made at once", where[i][0],
			    where[i][1]);
		js_pop(J, 2);
	}
	assert_int_equal(js_dostring(J, "if ('a-b'.replace(/-/, '+') !== 'a+b' ||"
	    " 'a-b'.replace('-', '+') !== 'a+b' || 'a1b'.split(/1/).length !== 2)"
	    " throw new Error('wrong');"), 0);
	js_freestate(J);
	same("r = 'a-b-c'.replace('-', '+') + 'a-b-c'.replace(/-/g, '+') +"
	    " 'a,b'.split(',').length + 'a1b2'.split(/\\d/).join('|') +"
	    " 'abc'.match(/b/)[0] + 'abc'.search(/c/) + /x/.test('xx') +"
	    " /y(z)/.exec('yz')[1] + String(/a/g)");
	same("var s = String.prototype, p = RegExp.prototype; r = s.replace.name +"
	    " s.replace.length + s.split.length + s.match.name + p.exec.length +"
	    " p.toString.name + Object.getOwnPropertyNames(s).join() +"
	    " Object.getOwnPropertyNames(p).join()");
	/* mujs's replace and split, as the program makes them: UTF-16 */
	same("r = '\\ud83d\\ude00-'.replace('-', function (m, i) { return i; }) +"
	    " 'x\\ud83d\\ude00y'.split('').length");
	same("try { String.prototype.replace.call(null, 'a', 'b'); } catch (e) {"
	    " r = e.message; } try { ''.split.call(undefined); } catch (e) {"
	    " r += e.message; }");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_defers),
		cmocka_unit_test(test_many_states),
		cmocka_unit_test(test_untouched),
		cmocka_unit_test(test_read),
		cmocka_unit_test(test_in),
		cmocka_unit_test(test_typeof),
		cmocka_unit_test(test_own),
		cmocka_unit_test(test_lists),
		cmocka_unit_test(test_change),
		cmocka_unit_test(test_prototype_getter),
		cmocka_unit_test(test_walkers),
		cmocka_unit_test(test_functions),
		cmocka_unit_test(test_js_functions),
		cmocka_unit_test(test_lazy_globals),
		cmocka_unit_test(test_deferred_builtins),
		cmocka_unit_test(test_module_functions),
		cmocka_unit_test(test_constructor_length),
		cmocka_unit_test(test_trim),
		cmocka_unit_test(test_getters),
		cmocka_unit_test(test_own_builtins),
		cmocka_unit_test(test_overrides),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
