/* Loading the embedded ES5 runtime library into a mujs state. */
#include "config.h"

#include <dlfcn.h>
#include <mujs.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "js/asyncfn.h"
#include "js/binary.h"
#include "js/builtins.h"
#include "js/errmsg.h"
#include "js/error.h"
#include "js/numfmt.h"
#include "js/fnname.h"
#include "js/fnsource.h"
#include "js/lazyprop.h"
#include "js/modules.h"
#include "js/mujs-layout.h"
#include "js/proporder.h"
#include "js/runtime.h"
#include "js/symbol.h"
#include "js/textcodec.h"
#include "js/utf16.h"
#include "js/normalize.h"
#include "js/promise.h"
#include "js/proxy.h"
#include "util/buf.h"
#include "util/log.h"
#include "util/xmalloc.h"

#define ITER	"@@sym:Symbol.iterator"

/* mujs exports these without declaring them in mujs.h */
void	*js_toobject(js_State *, int);
const char *js_intern(js_State *, const char *);
void	 js_pushobject(js_State *, void *);

/* Groups written in C: Proxy (js/proxy.c), text codecs
 * (js/textcodec.c), binary data (js/binary.c). */
#define GROUP_PROXY	18
#define GROUP_TEXT	19
#define GROUP_BINARY	20

/* What every VU gets from the library before it uses any of it (see
 * src/js/runtime/10-symbol.js): stubs for the methods, lazy globals and
 * aliases.  Each entry's names are its group's operations op, op + 1, ...
 * (the cases of the group's dispatcher, groups/G-name.js).  Holders, by
 * number: the global object, Array.prototype, Array, String.prototype,
 * String, Object.prototype. */
static const struct lib_entry {
	char		 kind;	/* s stub, v variadic stub, a stub as getter and
				   setter, l lazy global, = alias of a name */
	unsigned char	 holder;
	unsigned char	 group;
	unsigned char	 op;
	const char	*names;	/* separated by spaces */
} lib[] = {
	{ 'l', 0, 6, 0, "Symbol" },
	{ 'l', 0, 8, 0, "Reflect" },
	{ 'l', 0, GROUP_TEXT, 0, "TextEncoder TextDecoder" },
	{ 'l', 0, 11, 0, "structuredClone" },
	{ 'l', 0, 12, 0, "WeakRef FinalizationRegistry" },
	{ 'l', 0, 13, 0, "GoError" },
	{ 'l', 0, GROUP_PROXY, 0, "Proxy" },
	{ 'l', 0, 2, 0, "Object" },
	{ 's', 1, 0, 0, "find findIndex findLast findLastIndex includes at fill "
	    "keys values entries flat flatMap copyWithin" },
	{ '=', 1, 0, 0, ITER " values" },
	{ 's', 1, 0, 17, "toSorted toReversed with" },
	{ 'v', 1, 0, 20, "toSpliced" },
	{ 's', 2, 0, 13, "from" },
	{ 'v', 2, 0, 14, "of" },
	{ 'a', 5, 0, 16, ITER },
	{ 's', 3, 1, 0, "includes startsWith endsWith padStart padEnd repeat "
	    "trimStart trimEnd codePointAt matchAll replaceAll at " ITER },
	{ 'v', 4, 1, 15, "fromCodePoint raw" },
	{ 's', 3, 1, 17, "isWellFormed toWellFormed" },
	{ '=', 3, 0, 0, "trimLeft trimStart" },
	{ '=', 3, 0, 0, "trimRight trimEnd" },
	{ 'l', 0, 3, 0, "Number Math" },
	{ 'l', 0, 4, 0, "Map Set WeakMap WeakSet" },
	{ 'l', 0, 5, 0, "Promise AggregateError queueMicrotask" },
	{ 'l', 0, GROUP_BINARY, 0, "ArrayBuffer DataView Int8Array Uint8Array "
	    "Uint8ClampedArray Int16Array Uint16Array Int32Array Uint32Array "
	    "Float32Array Float64Array" },
};

/* A stub's function data: its group and operation, and these flags. */
#define STUB_VARIADIC	0x1000
#define LAZY_GLOBAL	512	/* lazy globals: 512 + group, as in 10-symbol.js */

/* How many loads of each group are running now (one thread runs
 * JavaScript, and a group's code never yields): while group g loads, its
 * lazy globals read as the built-ins they stand for (lazy_global). */
static int loading[GROUP_BINARY + 1];

/* Push rt.load(g)'s result: group g's dispatcher, or true. */
static void
push_group(js_State *J, int g)
{
	if (g == GROUP_BINARY || g == GROUP_TEXT || g == GROUP_PROXY) {
		if (g == GROUP_PROXY)
			proxy_load(J);
		else if (g == GROUP_TEXT) {
			binary_load(J);
			textcodec_load(J);
		} else
			binary_load(J);
		js_pushboolean(J, 1);
		return;
	}
	js_getregistry(J, "ly.rt");
	js_getproperty(J, -1, "impl");
	js_getindex(J, -1, g);
	if (js_iscallable(J, -1)) {
		js_rot3pop2(J);
		return;
	}
	js_pop(J, 2);
	js_getproperty(J, -1, "load");
	js_rot2(J);
	js_pushnumber(J, g);
	if (js_try(J)) {
		loading[g]--;
		js_throw(J);
	}
	loading[g]++;
	js_call(J, 1);
	loading[g]--;
	js_endtry(J);
}

/* A method stub: call its group's dispatcher (op, this, a, b, c[, args]). */
static void
stub(js_State *J)
{
	int id = (int)(intptr_t)js_currentfunctiondata(J);
	int top = js_gettop(J), i;

	push_group(J, (id & 511) >> 6);
	js_pushundefined(J);
	js_pushnumber(J, id & 63);
	for (i = 0; i < 4; i++)
		if (i < top)
			js_copy(J, i);
		else
			js_pushundefined(J);
	if (id & STUB_VARIADIC) {
		js_newarray(J);
		for (i = 1; i < top; i++) {
			js_copy(J, i);
			js_setindex(J, -2, i - 1);
		}
	}
	js_call(J, id & STUB_VARIADIC ? 6 : 5);
}

/* A function of libmujs.so that the program's own takes the place of. */
static void *
mujs_fn(const char *name)
{
	void *fn = dlsym(RTLD_NEXT, name);

	if (fn == NULL)
		abort();	/* not libmujs.so 1.3: cannot be */
	return fn;
}

/*
 * mujs's Date (48 C functions) and Math (18, and 8 constants) are about
 * 16 KiB of every VU, and most scripts never touch Date, many not Math.
 * js_newstate calls jsB_initdate and jsB_initmath through libmujs.so's
 * PLT, so the definitions below take their place and make each global
 * an accessor; its first read runs mujs's own function, whose
 * js_defglobal (through the PLT too) hands the new object to us instead
 * of the global.  Nothing else reaches these objects: no Date object can
 * exist before the global is read, and Math is only a global.  The
 * runtime library's lazy global Math (group 3) takes the place of ours
 * and makes mujs's Math when it first needs it (lazy_global).
 *
 * The globals stay accessors: mujs 1.3.2 deletes a property with two
 * children in its tree by moving its successor's name and value, not
 * its getter and setter, into its node, so deleting an accessor can
 * leave its getter on the next name (NaN read as Math).
 */
void	jsB_initdate(js_State *);
void	jsB_initmath(js_State *);

static const char *const deferred[] = { "jsB_initdate", "jsB_initmath" };
static const char *const deferred_name[] = { "Date", "Math" };
static int capturing = -1;	/* whose js_defglobal we take */

/* Push deferred built-in i, made now (Math with the hyperbolic functions
 * mujs lacks, js/builtins.c), its methods made on first use: Date's 48
 * and Math's 24 made at once were 7 and 4 KiB of every VU that read
 * Date.now or Math.random (js/lazyprop.c). */
static void
undefer(js_State *J, int i)
{
	static void (*real[2])(js_State *);

	if (real[i] == NULL)
		*(void **)&real[i] = mujs_fn(deferred[i]);
	/* its methods deferred, as those js_newstate makes */
	lazyprop_capturing++;
	if (js_try(J)) {
		capturing = -1;
		lazyprop_end();
		js_throw(J);
	}
	capturing = i;
	real[i](J);
	capturing = -1;
	js_getregistry(J, "ly.deferred");
	if (i == 1)
		builtins_math(J);
	js_endtry(J);
	lazyprop_end();
	js_pushundefined(J);
	js_setregistry(J, "ly.deferred");
}

void
js_defglobal(js_State *J, const char *name, int atts)
{
	static void (*real)(js_State *, const char *, int);

	if (capturing >= 0 && strcmp(name, deferred_name[capturing]) == 0) {
		js_setregistry(J, "ly.deferred");
		return;
	}
	if (lazyprop_waiting() && lazyprop_place(J, -1, 1, name, atts))
		return;
	if (real == NULL)
		*(void **)&real = mujs_fn("js_defglobal");
	real(J, name, atts);
}

/* The global's getter (called with no argument) and setter (one): the
 * value lives in the function's v property. */
static void
deferred_global(js_State *J)
{
	int i = (int)(intptr_t)js_currentfunctiondata(J);
	int set = js_gettop(J) > 1;

	js_currentfunction(J);
	if (set) {
		js_copy(J, 1);
		js_setproperty(J, -2, "v");
		js_pushundefined(J);
	} else if (!js_hasproperty(J, -1, "v")) {
		undefer(J, i);
		js_copy(J, -1);
		js_setproperty(J, -3, "v");
	}
}

static void
defer(js_State *J, int i)
{
	int lazy = lazyprop_capturing;

	lazyprop_capturing = 0;
	js_pushglobal(J);
	js_newcfunctionx(J, deferred_global, deferred_name[i], 0,
	    (void *)(intptr_t)i, NULL);
	js_copy(J, -1);
	js_defaccessor(J, -3, deferred_name[i], JS_DONTENUM);
	js_pop(J, 1);
	lazyprop_capturing = lazy;
}

void
jsB_initdate(js_State *J)
{
	defer(J, 0);
}

void
jsB_initmath(js_State *J)
{
	defer(J, 1);
}

/* Lazy global fn (at -2) stands for deferred built-in i: make the
 * built-in now, as fn.o. */
static void
undefer_lazy(js_State *J, int i)
{
	js_delproperty(J, -2, "d");
	undefer(J, i);
	js_setproperty(J, -3, "o");
}

/* Which deferred built-in global name is, or -1. */
static int
deferred_index(const char *name)
{
	int i;

	for (i = 0; i < 2; i++)
		if (strcmp(name, deferred_name[i]) == 0)
			return i;
	return -1;
}

/* Lazy global fn (at -1) over one of mujs's deferred built-ins: make it. */
static void
make_deferred(js_State *J)
{
	if (js_hasproperty(J, -1, "d")) {
		undefer_lazy(J, js_toint32(J, -1));
		js_pop(J, 1);
	}
}

/* A lazy global's getter and setter: the getter gets no argument (so
 * assigning undefined reads it instead), the setter one.  The value lives
 * in the function's v property, which rt.def sets when the group loads
 * (unless the script assigned the global first); o is the built-in or
 * the value the global had, which the group's own code reads while it
 * loads, whatever the script assigned. */
static void
lazy_global(js_State *J)
{
	int g = (int)(intptr_t)js_currentfunctiondata(J) - LAZY_GLOBAL;

	js_currentfunction(J);
	if (js_isdefined(J, 1)) {
		js_copy(J, 1);
		js_setproperty(J, -2, "v");
	} else if (js_hasproperty(J, -1, "v")) {
		if (loading[g] == 0)
			return;
		js_pop(J, 1);
		make_deferred(J);
		js_getproperty(J, -1, "o");
		return;
	} else {
		make_deferred(J);
		push_group(J, g);
		js_pop(J, 1);
	}
	if (!js_hasproperty(J, -1, "v"))
		js_getproperty(J, -1, "o");
}

/* Push the holders, by number (see lib[]), before any is replaced. */
static void
push_holders(js_State *J)
{
	js_pushglobal(J);
	js_getglobal(J, "Array");
	js_getproperty(J, -1, "prototype");
	js_rot2(J);
	js_getglobal(J, "String");
	js_getproperty(J, -1, "prototype");
	js_rot2(J);
	js_getglobal(J, "Object");
	js_getproperty(J, -1, "prototype");
	js_rot2pop1(J);
}

/* Method key of the object at -1, a function called fname, made on
 * first use (js/lazyprop.h). */
static void
define_named(js_State *J, js_CFunction fn, const char *key, const char *fname,
    int length, void *data, int atts)
{
	lazyprop_capturing++;
	if (js_try(J)) {
		lazyprop_end();
		js_throw(J);
	}
	js_newcfunctionx(J, fn, fname, length, data, NULL);
	js_defproperty(J, -2, key, atts);
	js_endtry(J);
	lazyprop_capturing--;
}

static void
define_method(js_State *J, js_CFunction fn, const char *name, int length,
    void *data, int atts)
{
	define_named(J, fn, name, name, length, data, atts);
}

/* Lazy global fn (on top of the stack, its data data): rt.def knows it
 * by its prototype property, 512 + its group. */
static void
lazy_mark(js_State *J, void *data)
{
	js_pushnumber(J, (double)(intptr_t)data);
	js_setproperty(J, -2, "prototype");
}

/* Whether the holder at the top of the stack has name. */
static int
holder_has(js_State *J, const char *name)
{
	if (!js_hasproperty(J, -1, name))
		return 0;
	js_pop(J, 1);
	return 1;
}

/* Install one name of entry e on the holder at the top of the stack. */
static void
install_name(js_State *J, const struct lib_entry *e, const char *name, int op)
{
	int d;

	switch (e->kind) {
	case '=':
		js_getproperty(J, -1, name + strlen(name) + 1);
		js_defproperty(J, -2, name, JS_DONTENUM);
		return;
	}
	/* mujs keeps a C function's name by pointer: name is the caller's
	 * buffer */
	name = js_intern(J, name);
	switch (e->kind) {
	case 'l':
		/* a new global, made when first looked for */
		if (deferred_index(name) < 0 && !holder_has(J, name) &&
		    lazyprop_defer_accessor(J, -1, name, lazy_global, name, 1,
		    (void *)(intptr_t)(LAZY_GLOBAL + e->group), lazy_mark,
		    JS_DONTENUM))
			return;
		js_newcfunctionx(J, lazy_global, name, 1,
		    (void *)(intptr_t)(LAZY_GLOBAL + e->group), NULL);
		lazy_mark(J, (void *)(intptr_t)(LAZY_GLOBAL + e->group));
		if ((d = deferred_index(name)) >= 0) {
			/* not made yet: lazy_global makes it */
			js_pushnumber(J, d);
			js_setproperty(J, -2, "d");
		} else if (js_hasproperty(J, -2, name)) {
			if (js_isdefined(J, -1))
				js_setproperty(J, -2, "o");
			else
				js_pop(J, 1);
		}
		js_copy(J, -1);
		js_defaccessor(J, -3, name, JS_DONTENUM);
		return;
	}
	if (e->kind == 'a') {
		js_newcfunctionx(J, stub, name, 3, (void *)(intptr_t)
		    (e->group << 6 | op), NULL);
		js_copy(J, -1);
		js_defaccessor(J, -3, name, JS_DONTENUM);
		return;
	}
	define_method(J, stub, name, e->kind == 'v' ? 0 : 3, (void *)(intptr_t)
	    (e->group << 6 | op | (e->kind == 'v' ? STUB_VARIADIC : 0)), JS_DONTENUM);
}

/* __ly_rtinstall(rt): install lib[] for rt, the library's core object. */
static void
rtinstall(js_State *J)
{
	char		 name[64];
	const char	*p, *q;
	size_t		 i, n;
	int		 op, base;

	js_copy(J, 1);
	js_setregistry(J, "ly.rt");
	base = js_gettop(J);
	push_holders(J);
	for (i = 0; i < sizeof lib / sizeof lib[0]; i++) {
		js_copy(J, base + lib[i].holder);
		op = lib[i].op;
		for (p = lib[i].names; *p != '\0'; p = *q ? q + 1 : q) {
			q = strchr(p, ' ');
			if (q == NULL)
				q = p + strlen(p);
			n = (size_t)(q - p);
			if (n >= sizeof name)
				js_error(J, "runtime name too long");
			memcpy(name, p, n);
			name[n] = '\0';
			if (lib[i].kind == '=') {
				/* "NAME OTHER": both in name, NUL-separated. */
				p = q + 1;
				q = p + strlen(p);
				if (n + 1 + (size_t)(q - p) >= sizeof name)
					js_error(J, "runtime name too long");
				memcpy(name + n + 1, p, (size_t)(q - p) + 1);
			}
			install_name(J, &lib[i], name, op++);
		}
		js_pop(J, 1);
	}
	js_pop(J, 6);
	js_pushundefined(J);
}

/* __ly_rtsrc(g): the text of group g (from groups/G-name.js), a static
 * string that mujs keeps by pointer. */
static void
rtsrc(js_State *J)
{
	double		 g = js_tonumber(J, 1);
	const char	*name;
	char		*end;
	unsigned	 i;

	for (i = 0; i < runtime_groups_n; i++) {
		name = runtime_groups[i].name;
		if (strtoul(name, &end, 10) == g && end != name && *end == '-') {
			if (g == 5) {
				/* see runtime_promises_loaded() */
				js_pushboolean(J, 1);
				js_setregistry(J, "ly.rt.promises");
				js_getregistry(J, "ly.rt");
				if (js_isobject(J, -1))
					asyncfn_install(J, promise_install(J));
				js_pop(J, 1);
			}
			js_pushliteral(J, runtime_groups[i].src);
			return;
		}
	}
	js_rangeerror(J, "no runtime group %g", g);
}

/*
 * mujs gives every C function a prototype object with its constructor
 * property, built-in methods included, where JavaScript gives methods
 * none: about 170 objects, 25 KiB of a VU's 112 KiB fresh state, and a
 * third of the instructions of js_newstate.  Its built-ins and ours are
 * made by js_newcfunctionx, which libmujs.so calls through its PLT, so
 * the definition below takes its place and runs mujs's own with
 * `methodless` set: while it is, js_newobject pushes undefined instead of
 * the prototype object and js_defproperty drops the two properties that
 * would hold it ("constructor" on it, "prototype" on the function), so
 * a C function has no prototype property, as a built-in method in
 * JavaScript.  Constructors come from js_newcconstructor and keep
 * theirs; a C function meant for `new` gets its prototype set.  Its
 * length property is made on first use (js/lazyprop.h), and so is the
 * whole function when it is a method defined while a capture is on.
 */
static js_State *methodless;
/* Set while mujs's js_newcconstructor runs (js/builtins.c): the
 * constructor's length is made on first use as a method's is. */
static js_State *lengthless;

void
runtime_lengthless(js_State *J, int on)
{
	lengthless = on ? J : NULL;
}

/* The program's own for a built-in of mujs's: Object.getOwnPropertyNames
 * lists names in JavaScript's order (js/proporder.c), mujs's in its
 * tree's; Number's toFixed, toExponential and toPrecision are
 * JavaScript's (js/numfmt.c); js/builtins.c has the others. */
js_CFunction
runtime_builtin(const char *name, js_CFunction fn)
{
	if (name == NULL)
		return fn;
	if (strcmp(name, "Object.getOwnPropertyNames") == 0)
		return proporder_names;
	if (name[0] == 'O' && lazyprop_builtin(name, fn) != fn)
		return lazyprop_builtin(name, fn);
	if (name[0] == 'N')
		return numfmt_builtin(name, fn);
	if (name[0] == 'S' || name[0] == 'e' || name[0] == 'A')
		fn = utf16_builtin(name, fn);
	if (name[0] == 'S')
		fn = symbol_builtin(name, fn);
	return builtins_own(name, fn);
}

void
js_newcfunctionx(js_State *J, js_CFunction fn, const char *name, int length,
    void *data, js_Finalize finalize)
{
	static void (*real)(js_State *, js_CFunction, const char *, int,
	    void *, js_Finalize);

	if (lazyprop_capture(J, fn, name, length, data, finalize)) {
		js_pushundefined(J);
		return;
	}
	if (real == NULL)
		*(void **)&real = mujs_fn("js_newcfunctionx");
	if (js_try(J)) {
		methodless = NULL;
		js_throw(J);
	}
	methodless = J;
	real(J, runtime_builtin(name, fn), name, length, data, finalize);
	methodless = NULL;
	js_endtry(J);
}

void
js_newobject(js_State *J)
{
	static void (*real)(js_State *);

	if (methodless == J) {
		js_pushundefined(J);
		return;
	}
	if (real == NULL)
		*(void **)&real = mujs_fn("js_newobject");
	real(J);
}

void
js_defproperty(js_State *J, int idx, const char *name, int atts)
{
	static void (*real)(js_State *, int, const char *, int);

	if (lazyprop_waiting() && lazyprop_place(J, idx, 0, name, atts))
		return;
	if (methodless == J && (strcmp(name, "constructor") == 0 ||
	    strcmp(name, "prototype") == 0 || (strcmp(name, "length") == 0 &&
	    lazyprop_defer_length(js_toobject(J, idx))))) {
		js_pop(J, 1);
		return;
	}
	if (lengthless == J && strcmp(name, "length") == 0 &&
	    lazyprop_defer_length(js_toobject(J, idx))) {
		js_pop(J, 1);
		return;
	}
	if (real == NULL)
		*(void **)&real = mujs_fn("js_defproperty");
	real(J, idx, name, atts);
}

void
runtime_trim(js_State *J)
{
	struct mj_state *S = (struct mj_state *)J;

	js_free(J, S->lexbuf.text);
	S->lexbuf.text = NULL;
	S->lexbuf.len = S->lexbuf.cap = 0;
	lazyprop_trim(J);
}

int
runtime_promises_loaded(js_State *J)
{
	int loaded;

	js_getregistry(J, "ly.rt.promises");
	loaded = js_toboolean(J, -1);
	js_pop(J, 1);
	return loaded;
}

void
runtime_publish(js_State *J, const char *name)
{
	js_getregistry(J, "ly.rt");
	if (!js_isobject(J, -1)) {
		js_pop(J, 1);
		js_defglobal(J, name, JS_DONTENUM);
		return;
	}
	js_getproperty(J, -1, "def");
	js_rot2(J);
	js_pushglobal(J);
	js_pushstring(J, name);
	js_copy(J, -5);
	js_call(J, 3);
	js_pop(J, 2);
}

void
runtime_pushbuf(js_State *J, struct buf *b)
{
	if (js_try(J)) {
		buf_free(b);
		js_throw(J);
	}
	js_pushlstring(J, b->data != NULL ? b->data : "", (int)b->len);
	js_endtry(J);
	buf_free(b);
}

void
runtime_setfn(js_State *J, void (*f)(js_State *), const char *name, int n)
{
	define_method(J, f, name, n, NULL, JS_DONTENUM);
}

void
runtime_setfn_enumerable(js_State *J, void (*f)(js_State *), const char *name,
    int n)
{
	define_method(J, f, name, n, NULL, 0);
}

void
runtime_setfn_named(js_State *J, void (*f)(js_State *), const char *key,
    const char *fname, int n)
{
	define_named(J, f, key, fname, n, NULL, 0);
}

/* The first promise rejected and left unhandled, [reason] on top of
 * the stack (popped), as an owned "Uncaught (in promise) ..." message
 * (with the reason's stack when it has one, as k6 prints it), or NULL
 * when the top is not an array. */
static char *
uncaught(js_State *J)
{
	struct buf b = BUF_INIT;

	if (!js_isarray(J, -1)) {
		js_pop(J, 1);
		return NULL;
	}
	js_getindex(J, -1, 0);
	buf_puts(&b, "Uncaught (in promise) ");
	js_copy(J, -1);
	buf_puts(&b, js_trystring(J, -1, "error"));
	js_pop(J, 1);
	if (js_isobject(J, -1) && js_hasproperty(J, -1, ERROR_FRAMES)) {
		buf_puts(&b, js_trystring(J, -1, ""));
		js_pop(J, 1);
	}
	js_pop(J, 2);
	return buf_steal(&b);
}

/*
 * The Promise group's drain function, called with true: it runs the
 * jobs and returns [reason] of the first promise left rejected and
 * unhandled.  It is kept in the registry once the group is loaded, so
 * a drain is one call from C; before that there are no jobs.
 */
char *
runtime_run_microtasks(js_State *J)
{
	struct promise *P;

	/* no Promise group, no jobs: one lookup for a script without them,
	 * none after for the state that last had its jobs run */
	if ((P = promise_get(J)) == NULL)
		return NULL;
	js_pushobject(J, P->drain);	/* the group's rt.drain */
	js_pushundefined(J);
	js_pushboolean(J, 1);
	if (js_pcall(J, 1)) {
		/* the drain itself failed (out of memory): as k6 would */
		log_msg(LOG_ERROR, "source=stacktrace", "Uncaught (in promise) %s",
		    js_trystring(J, -1, "error"));
		js_pop(J, 1);
		/* a job threw: the rejections are still to be checked */
		js_getglobal(J, "__ly_rt");
		js_getproperty(J, -1, "uncaught");
		js_rot2(J);
		if (js_pcall(J, 0)) {
			js_pop(J, 1);
			return NULL;
		}
	}
	return uncaught(J);
}

/* Object.setPrototypeOf(o, p): mujs 1.3.2 has no way to change an
 * object's prototype, so this writes it where mujs keeps it. */
static void
set_prototype_of(js_State *J)
{
	struct mj_object *o, *p = NULL, *q;

	if (js_isundefined(J, 1) || js_isnull(J, 1))
		js_typeerror(J, "Object.setPrototypeOf called on null or undefined");
	if (!js_isobject(J, 2) && !js_isnull(J, 2))
		js_typeerror(J, "Object prototype may only be an Object or null: %s",
		    js_trystring(J, 2, "?"));
	if (!js_isobject(J, 1)) {
		js_copy(J, 1);
		return;
	}
	o = js_toobject(J, 1);
	if (js_isobject(J, 2))
		p = js_toobject(J, 2);
	if (o->prototype != p) {
		if (!o->extensible)
			js_typeerror(J, "#<Object> is not extensible");
		for (q = p; q != NULL; q = q->prototype)
			if (q == o)
				js_typeerror(J, "Cyclic __proto__ value");
		o->prototype = p;
	}
	js_copy(J, 1);
}

static void
tick_nop(js_State *J)
{
	js_pushundefined(J);
}

void
runtime_define(js_State *J)
{
	errmsg_probe(J);
	/* For the compiler's helpers (src/compile/helpers.js), which run in
	 * every bundle: reading the global Object would load group 2. */
	js_getglobal(J, "Object");
	js_getproperty(J, -1, "defineProperty");
	js_defglobal(J, "__ly_defp", JS_DONTENUM | JS_READONLY | JS_DONTCONF);
	define_named(J, set_prototype_of, "setPrototypeOf",
	    "Object.setPrototypeOf", 2, NULL, JS_DONTENUM);
	js_pop(J, 1);
	js_getglobal(J, "String");
	js_getproperty(J, -1, "prototype");
	define_named(J, normalize_string, "normalize",
	    "String.prototype.normalize", 0, NULL, JS_DONTENUM);
	js_pop(J, 2);
	fnname_define(J);
	fnsource_define(J);
	builtins_define(J);
	js_newcfunction(J, rtsrc, "__ly_rtsrc", 1);
	js_defglobal(J, "__ly_rtsrc", JS_DONTENUM);
	js_newcfunction(J, rtinstall, "__ly_rtinstall", 1);
	js_defglobal(J, "__ly_rtinstall", JS_DONTENUM);
	regexp_define(J);
	utf16_define(J);
	symbol_define(J);
	js_pushglobal(J);
	if (js_hasproperty(J, -1, "__ly_tick")) {
		js_pop(J, 2);
		return;
	}
	js_pop(J, 1);
	js_newcfunction(J, tick_nop, "__ly_tick", 0);
	js_defglobal(J, "__ly_tick", JS_DONTENUM);
}

int
runtime_load(js_State *J, char **cause)
{
	runtime_define(J);
	return runtime_load_files(J, runtime_files, runtime_files_n, cause);
}

int
runtime_load_files(js_State *J, const struct runtime_file *files, unsigned n,
    char **cause)
{
	unsigned i;

	for (i = 0; i < n; i++) {
		const struct runtime_file *f = &files[i];

		if (js_ploadstring(J, f->name, f->src))
			goto fail;
		js_pushundefined(J);
		if (js_pcall(J, 0))
			goto fail;
		js_pop(J, 1);
	}
	return 0;
fail:
	/* Exactly one error object is left on the stack by a failed p-call. */
	*cause = xasprintf("runtime %s: %s", files[i].name,
	    js_trystring(J, -1, "Error"));
	js_pop(J, 1);
	return -1;
}

char *
runtime_symbol_text(const char *s)
{
	const char *desc, *colon;
	size_t len;

	if (strncmp(s, "@@sym:", 6) != 0)
		return NULL;
	desc = s + 6;
	len = strlen(desc);
	/* A made symbol ends in ":N", one of Symbol.for in ":"; a
	 * well-known one has no colon. */
	if ((colon = strrchr(desc, ':')) != NULL &&
	    strspn(colon + 1, "0123456789") == strlen(colon + 1))
		len = (size_t)(colon - desc);
	return xasprintf("Symbol(%.*s)", (int)len, desc);
}

/* A debugger statement: mujs prints its whole state to stdout; with no
 * debugger attached k6's engine does nothing, and so do we.  (libmujs
 * exports js_trap without declaring it.) */
void	js_trap(js_State *, int);

void
js_trap(js_State *J, int pc)
{
	(void)J;
	(void)pc;
}

void *const mujs_replacements[] = {
	(void *)js_strtod, (void *)js_stringtofloat, (void *)js_grisu2,
	(void *)jsV_setproperty,
	(void *)jsV_delproperty, (void *)jsV_newiterator,
	(void *)js_regcompx, (void *)js_regfreex, (void *)js_regexec,
	(void *)jsV_nextiterator, (void *)jsV_getownproperty,
	(void *)jsC_compilescript, (void *)js_newcconstructor,
	(void *)js_pushstring, (void *)jsV_stringtonumber,
	(void *)js_call, (void *)js_throw, (void *)js_gc,
	(void *)jsU_utflen, (void *)js_runeat, (void *)js_utfptrtoidx,
	(void *)js_utfidxtoptr, (void *)js_compare,
	(void *)jsV_getproperty, (void *)jsV_getpropertyx,
	(void *)js_toobject, (void *)js_typeerror, (void *)js_newtypeerror,
	(void *)js_hasproperty, (void *)js_trap, (void *)js_typeof,
	(void *)js_concat, (void *)js_tonumber, (void *)js_toint32,
	(void *)js_touint32, (void *)js_equal,
};
