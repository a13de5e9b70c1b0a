/* Built-ins of ES2015-2022 that sit inside mujs's own objects; see
 * builtins.h. */
#include "config.h"

#include <dlfcn.h>
#include <math.h>
#include <mujs.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "js/builtins.h"

/*
 * Error's cause option (ES2022): new Error(message, { cause }) gives the
 * error an own, non-enumerable cause.  mujs 1.3.2 makes its seven error
 * constructors in jsB_initerror with js_newcconstructor, which libmujs.so
 * calls through its PLT, so the definition below takes its place for
 * them and hands mujs a wrapper of each: the wrapper runs mujs's own
 * constructor as a plain C call (the same JavaScript frame, so the stack
 * trace mujs records is unchanged) and then adds the cause.
 */
static const char *const error_names[] = {
	"Error", "EvalError", "RangeError", "ReferenceError", "SyntaxError",
	"TypeError", "URIError",
};
#define NERRORS	(sizeof error_names / sizeof error_names[0])

static js_CFunction error_real[NERRORS];

/* The error mujs's constructor i left on the stack gets argument 2's
 * cause, if it has one. */
static void
error_with_cause(js_State *J, int i)
{
	error_real[i](J);
	if (js_gettop(J) > 3 && js_isobject(J, 2) && js_hasproperty(J, 2, "cause"))
		js_defproperty(J, -2, "cause", JS_DONTENUM);
}

#define ERROR_CTOR(i) \
	static void error_ctor##i(js_State *J) { error_with_cause(J, i); }
ERROR_CTOR(0) ERROR_CTOR(1) ERROR_CTOR(2) ERROR_CTOR(3) ERROR_CTOR(4)
ERROR_CTOR(5) ERROR_CTOR(6)

static const js_CFunction error_ctors[NERRORS] = {
	error_ctor0, error_ctor1, error_ctor2, error_ctor3, error_ctor4,
	error_ctor5, error_ctor6,
};

void
js_newcconstructor(js_State *J, js_CFunction fun, js_CFunction con,
    const char *name, int length)
{
	static void (*real)(js_State *, js_CFunction, js_CFunction,
	    const char *, int);
	size_t i;

	if (real == NULL && (*(void **)&real = dlsym(RTLD_NEXT,
	    "js_newcconstructor")) == NULL)
		abort();	/* not libmujs.so: cannot be */
	for (i = 0; i < NERRORS; i++)
		if (fun == con && name != NULL &&
		    strcmp(name, error_names[i]) == 0) {
			error_real[i] = fun;
			fun = con = error_ctors[i];
			break;
		}
	real(J, fun, con, name, length);
}

/*
 * Symbol.toStringTag (ES2015): Object.prototype.toString.call(new Map())
 * is "[object Map]".  A symbol is a string key in the engine (see
 * src/js/runtime/10-symbol.js); the runtime library's objects carry
 * theirs, and any object may.
 */
#define TO_STRING_TAG	"@@sym:Symbol.toStringTag"

static js_CFunction tostring_real;

static void
object_tostring(js_State *J)
{
	if (js_isobject(J, 0) && js_hasproperty(J, 0, TO_STRING_TAG)) {
		if (js_isstring(J, -1)) {
			js_pushliteral(J, "[object ");
			js_rot2(J);
			js_concat(J);
			js_pushliteral(J, "]");
			js_concat(J);
			return;
		}
		js_pop(J, 1);
	}
	tostring_real(J);
}


/*
 * String.prototype.trim: mujs 1.3.2's tests bytes, so it left U+00A0,
 * U+FEFF, U+2028 and the other whitespace beyond ASCII in place.
 */
int	jsU_chartorune(int *, const char *);

static int
js_whitespace(int c)
{
	return c == 32 || (c >= 9 && c <= 13) || c == 0xa0 || c == 0x1680 ||
	    (c >= 0x2000 && c <= 0x200a) || c == 0x2028 || c == 0x2029 ||
	    c == 0x202f || c == 0x205f || c == 0x3000 || c == 0xfeff;
}

static void
string_trim(js_State *J)
{
	const char *s, *end, *p;
	int c;

	if (js_isundefined(J, 0) || js_isnull(J, 0))
		js_typeerror(J, "String.prototype.trim called on null or undefined");
	s = js_tostring(J, 0);
	while (*s != '\0' && (p = s + jsU_chartorune(&c, s), js_whitespace(c)))
		s = p;
	for (end = p = s; *p != '\0'; ) {
		p += jsU_chartorune(&c, p);
		if (!js_whitespace(c))
			end = p;
	}
	js_pushlstring(J, s, (int)(end - s));
}

/*
 * Array.prototype.splice: mujs 1.3.2's reads its arguments past the top
 * of the stack, so splice(start) returned "" and removed the wrong
 * elements (splice(1) on [1, 2, 3, 4] left [2, 3, 4]).  Given one
 * argument, it deletes to the end, as the language says; given none,
 * nothing.
 */
static js_CFunction splice_real;

static void
array_splice(js_State *J)
{
	int top = js_gettop(J);

	if (top < 2)
		js_pushundefined(J);
	if (top < 3)
		js_pushnumber(J, top < 2 ? 0 : INFINITY);
	splice_real(J);
}

/*
 * String.prototype.lastIndexOf: mujs 1.3.2's never finds a match at the
 * end ("abc".lastIndexOf("") was 2) and takes a NaN position for 0.
 */
static void
string_lastindexof(js_State *J)
{
	const char *s, *needle, *p;
	double pos;
	size_t n;
	int c, k, last = -1;

	if (js_isundefined(J, 0) || js_isnull(J, 0))
		js_typeerror(J, "String.prototype.lastIndexOf called on null or undefined");
	s = js_tostring(J, 0);
	needle = js_tostring(J, 1);
	pos = js_tonumber(J, 2);
	pos = isnan(pos) ? INFINITY : trunc(pos);
	n = strlen(needle);
	for (k = 0, p = s; k <= pos; k++) {
		if (strncmp(p, needle, n) == 0)
			last = k;
		if (*p == '\0')
			break;
		p += jsU_chartorune(&c, p);
	}
	js_pushnumber(J, last);
}

/*
 * Date.UTC: mujs 1.3.2 takes a missing month for NaN (ES2017 has it 0)
 * and adds 1900 to every year below 100, negative ones too (the language
 * does to the integers 0 to 99).  mujs passes undefined for each missing
 * argument up to the function's length (7), so an explicit undefined
 * month is 0 here too, where the language has NaN.
 */
static js_CFunction utc_real;

static void
date_utc(js_State *J)
{
	double y, yi;

	y = js_tonumber(J, 1);
	yi = trunc(y);
	js_pushnumber(J, yi >= 0 && yi <= 99 ? yi : y < 100 ? y - 1900 : y);
	js_replace(J, 1);
	if (js_isundefined(J, 2) && !isnan(y)) {
		js_pushnumber(J, 0);
		js_replace(J, 2);
	}
	utc_real(J);
}

/* The built-ins of mujs's that the program replaces or wraps (real, if
 * not NULL, gets mujs's own). */
static const struct {
	const char	*name;
	js_CFunction	 own;
	js_CFunction	*real;
} own_builtins[] = {
	{ "Object.prototype.toString", object_tostring, &tostring_real },
	{ "String.prototype.trim", string_trim, NULL },
	{ "String.prototype.lastIndexOf", string_lastindexof, NULL },
	{ "Array.prototype.splice", array_splice, &splice_real },
	{ "Date.UTC", date_utc, &utc_real },
};

js_CFunction
builtins_own(const char *name, js_CFunction fn)
{
	size_t i;

	for (i = 0; i < sizeof own_builtins / sizeof own_builtins[0]; i++)
		if (name[0] == own_builtins[i].name[0] &&
		    strcmp(name, own_builtins[i].name) == 0) {
			if (own_builtins[i].real != NULL)
				*own_builtins[i].real = fn;
			return own_builtins[i].own;
		}
	return fn;
}

/*
 * Math's hyperbolic functions (ES2015), from the C library, added to
 * mujs's Math when the runtime first makes it (js/runtime.c defers it).
 */
static double (*const hyperbolic[])(double) = {
	sinh, cosh, tanh, asinh, acosh, atanh,
};
static const char *const hyperbolic_names[] = {
	"sinh", "cosh", "tanh", "asinh", "acosh", "atanh",
};

static void
math_hyperbolic(js_State *J)
{
	int i = (int)(intptr_t)js_currentfunctiondata(J);

	js_pushnumber(J, hyperbolic[i](js_tonumber(J, 1)));
}

void
builtins_math(js_State *J)
{
	size_t i;

	for (i = 0; i < sizeof hyperbolic / sizeof hyperbolic[0]; i++) {
		js_newcfunctionx(J, math_hyperbolic, hyperbolic_names[i], 1,
		    (void *)(intptr_t)i, NULL);
		js_defproperty(J, -2, hyperbolic_names[i], JS_DONTENUM);
	}
	js_pushliteral(J, "Math");
	js_defproperty(J, -2, TO_STRING_TAG, JS_DONTENUM | JS_READONLY);
}
