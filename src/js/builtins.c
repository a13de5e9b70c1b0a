/* Built-ins of ES2015-2022 that sit inside mujs's own objects; see
 * builtins.h. */
#include "config.h"

#include <ctype.h>
#include <dlfcn.h>
#include <math.h>
#include <mujs.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unicode/ucol.h>
#include <unicode/ustring.h>
#include <unicode/utypes.h>

#include "engine/module.h"
#include "js/asyncfn.h"
#include "js/builtins.h"
#include "js/jsonparse.h"
#include "js/errmsg.h"
#include "js/error.h"
#include "js/lazyprop.h"
#include "js/modules.h"
#include "js/mujs-layout.h"
#include "js/runtime.h"
#include "js/symbol.h"
#include "js/utf16.h"
#include "util/buf.h"
#include "util/xmalloc.h"

/*
 * The error constructors.  mujs 1.3.2 makes its seven in jsB_initerror
 * with js_newcconstructor, which libmujs.so calls through its PLT, so
 * the definition below takes its place for them and hands mujs these
 * instead: each makes its error as js/error.c does, with the stack
 * trace mujs's would record (the same JavaScript frame), and ES2022's
 * cause: new Error(message, { cause }) gives the error an own,
 * non-enumerable cause.
 */
static const char *const error_names[] = {
	"Error", "EvalError", "RangeError", "ReferenceError", "SyntaxError",
	"TypeError", "URIError",
};
#define NERRORS	(sizeof error_names / sizeof error_names[0])
#define ERROR_PROTO	8	/* Error_prototype's place in the state's */

static void
error_construct(js_State *J, int i)
{
	errmsg_trace_fix(J);
	error_new(J, ((struct mj_state *)(void *)J)->prototypes[ERROR_PROTO + i],
	    js_isdefined(J, 1) ? js_tostring(J, 1) : NULL, 1);
	asyncfn_trace(J, -1);
	if (js_gettop(J) > 3 && js_isobject(J, 2) && js_hasproperty(J, 2, "cause"))
		js_defproperty(J, -2, "cause", JS_DONTENUM);
}

#define ERROR_CTOR(i) \
	static void error_ctor##i(js_State *J) { error_construct(J, i); }
ERROR_CTOR(0) ERROR_CTOR(1) ERROR_CTOR(2) ERROR_CTOR(3) ERROR_CTOR(4)
ERROR_CTOR(5) ERROR_CTOR(6)

static const js_CFunction error_ctors[NERRORS] = {
	error_ctor0, error_ctor1, error_ctor2, error_ctor3, error_ctor4,
	error_ctor5, error_ctor6,
};

/* mujs exports it without declaring it in mujs.h */
void	*js_toobject(js_State *, int);

static js_CFunction date_new_real;
static void date_call(js_State *);
static void date_new(js_State *);

typedef void cconstructor_fn(js_State *, js_CFunction, js_CFunction,
    const char *, int);

/* mujs's js_newcconstructor, the constructor's length made on first use
 * (js/lazyprop.h), as a C function's is. */
static void
cconstructor(js_State *J, cconstructor_fn *real, js_CFunction fun,
    js_CFunction con, const char *name, int length)
{
	if (js_try(J)) {
		runtime_lengthless(J, 0);
		js_throw(J);
	}
	runtime_lengthless(J, 1);
	real(J, fun, con, name, length);
	runtime_lengthless(J, 0);
	js_endtry(J);
}

void
js_newcconstructor(js_State *J, js_CFunction fun, js_CFunction con,
    const char *name, int length)
{
	static cconstructor_fn *real;
	size_t i;

	if (real == NULL && (*(void **)&real = dlsym(RTLD_NEXT,
	    "js_newcconstructor")) == NULL)
		abort();	/* not libmujs.so: cannot be */
	for (i = 0; i < NERRORS; i++)
		if (fun == con && name != NULL &&
		    strcmp(name, error_names[i]) == 0) {
			fun = con = error_ctors[i];
			break;
		}
	if (name != NULL && strcmp(name, "Date") == 0) {
		date_new_real = con;
		fun = date_call;
		con = date_new;
	}
	if (name != NULL)
		symbol_constructor(name, &fun, &con);
	cconstructor(J, real, fun, con, name, length);
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
	if (symbol_at(J, 0)) {
		js_pushliteral(J, "[object Symbol]");
		return;
	}
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

/*
 * Annex B's String.prototype.substr and the globals escape and unescape,
 * which mujs 1.3.2 lacks and k6 has; indices count UTF-16 units
 * (js/utf16.c).
 */
int	jsU_runetochar(char *, const int *);

static void
string_substr(js_State *J)
{
	const char *s;
	double size, start, len;

	if (js_isundefined(J, 0) || js_isnull(J, 0))
		js_typeerror(J, "String.prototype.substr called on null or undefined");
	s = js_tostring(J, 0);
	size = jsU_utflen(s);
	start = js_tonumber(J, 1);
	start = isnan(start) ? 0 : trunc(start);
	if (start < 0)
		start = start + size < 0 ? 0 : start + size;
	else if (start > size)
		start = size;
	len = js_isundefined(J, 2) ? size : js_tonumber(J, 2);
	len = isnan(len) ? 0 : trunc(len);
	len = len < 0 ? 0 : len > size - start ? size - start : len;
	utf16_push(J, s, start, start + len);
}

/* Append the UTF-16 unit u as escape writes it. */
static void
put_escaped(struct buf *out, unsigned u)
{
	static const char keep[] = "@*_+-./";

	if (u < 0x80 && (isalnum((int)u) || (u != 0 && strchr(keep, (int)u))))
		buf_putc(out, (char)u);
	else if (u < 0x100)
		buf_printf(out, "%%%02X", u);
	else
		buf_printf(out, "%%u%04X", u);
}

static void
global_escape(js_State *J)
{
	struct buf out = BUF_INIT;
	const char *s = js_tostring(J, 1);
	int c;

	while (*s != '\0') {
		s += jsU_chartorune(&c, s);
		if (c > 0xffff) {
			put_escaped(&out, 0xd800 + ((unsigned)(c - 0x10000) >> 10));
			put_escaped(&out, 0xdc00 + ((unsigned)(c - 0x10000) & 0x3ff));
		} else
			put_escaped(&out, (unsigned)c);
	}
	runtime_pushbuf(J, &out);
}

/* The value of the n hexadecimal digits at s, or -1. */
static int
hex_at(const char *s, int n)
{
	int v = 0, i, d;

	for (i = 0; i < n; i++) {
		if (s[i] >= '0' && s[i] <= '9')
			d = s[i] - '0';
		else if (s[i] >= 'a' && s[i] <= 'f')
			d = s[i] - 'a' + 10;
		else if (s[i] >= 'A' && s[i] <= 'F')
			d = s[i] - 'A' + 10;
		else
			return -1;
		v = v * 16 + d;
	}
	return v;
}

static void
global_unescape(js_State *J)
{
	struct buf out = BUF_INIT;
	const char *s = js_tostring(J, 1);
	char u[8];
	int c, n;

	while (*s != '\0') {
		if (s[0] == '%' && s[1] == 'u' && (c = hex_at(s + 2, 4)) >= 0)
			s += 6;
		else if (s[0] == '%' && (c = hex_at(s + 1, 2)) >= 0)
			s += 3;
		else
			s += jsU_chartorune(&c, s);
		/* mujs keeps U+0000 as C0 80; a surrogate pair is joined
		 * as the string is made (js/surrogate.c) */
		if (c == 0)
			buf_add(&out, "\xc0\x80", 2);
		else {
			n = jsU_runetochar(u, &c);
			buf_add(&out, u, (size_t)n);
		}
	}
	runtime_pushbuf(J, &out);
}

static void	number_define(js_State *);

void
builtins_define(js_State *J)
{
	js_getglobal(J, "Error");
	runtime_setfn(J, error_adopt, "@@ly:es", 2);
	js_pop(J, 1);
	js_getglobal(J, "String");
	js_getproperty(J, -1, "prototype");
	runtime_setfn(J, string_substr, "substr", 2);
	js_pop(J, 2);
	js_pushglobal(J);
	runtime_setfn(J, global_escape, "escape", 1);
	runtime_setfn(J, global_unescape, "unescape", 1);
	js_pop(J, 1);
	number_define(J);
}

/*
 * JSON.stringify writes a lone surrogate as an escape, "\\ud800", as
 * ES2019 has it: mujs wrote its three bytes, which are no UTF-8.  Pairs
 * are joined as strings are made (js/surrogate.c), so what is left in
 * the text are lone ones, inside its strings.
 */
static js_CFunction stringify_real;

/*
 * A replacer array lists the keys to write and their order (mujs kept
 * the object's order): it becomes a replacer function that hands
 * stringify each plain object with just those keys, in that order.
 */
static const char list_replacer[] =
	"var keys = [], seen = {}, i, k, t;\n"
	"for (i = 0; i < list.length; i++) {\n"
	"	k = list[i];\n"
	"	t = Object.prototype.toString.call(k);\n"
	"	if (typeof k === 'number' || t === '[object Number]' ||\n"
	"	    t === '[object String]')\n"
	"		k = String(k);\n"
	"	if (typeof k === 'string' && !seen.hasOwnProperty(k)) {\n"
	"		seen[k] = true;\n"
	"		keys.push(k);\n"
	"	}\n"
	"}\n"
	"return function (key, v) {\n"
	"	var o, i, t;\n"
	"	if (v === null || typeof v !== 'object' || Array.isArray(v))\n"
	"		return v;\n"
	"	t = Object.prototype.toString.call(v);\n"
	"	if (t === '[object Number]' || t === '[object String]' ||\n"
	"	    t === '[object Boolean]')\n"
	"		return v;\n"
	"	o = {};\n"
	"	for (i = 0; i < keys.length; i++)\n"
	"		o[keys[i]] = v[keys[i]];\n"
	"	return o;\n"
	"};\n";

/*
 * mujs's stringify recurses in C with every holder on the value stack,
 * which holds 256: past about 110 levels it throws "stack overflow".
 * The value is then written again by JavaScript that recurses through
 * calls, which nest as deep as the stack allows (js/deepcall.c), with
 * the same words and order (a replacer array is a function by then).
 */
static const char deep_stringify[] =
	"var gap = '', fn = typeof replacer === 'function' ? replacer : null,\n"
	"    holders = [], parts = [], ts = Object.prototype.toString, i;\n"
	"if (ts.call(space) === '[object Number]') {\n"
	"	for (i = 0; i < Math.min(10, Math.floor(Number(space))); i++)\n"
	"		gap += ' ';\n"
	"} else if (ts.call(space) === '[object String]')\n"
	"	gap = String(space).slice(0, 10);\n"
	/* Write holder[key] to parts: false when it is left out. */
	"function str(holder, key, indent) {\n"
	"	var v = holder[key], t, i, keys, inner, n = 0, at, open;\n"
	"	if (v !== null && (typeof v === 'object' || typeof v === 'function') &&\n"
	"	    typeof v.toJSON === 'function')\n"
	"		v = v.toJSON(key);\n"
	"	if (fn)\n"
	"		v = fn.call(holder, key, v);\n"
	"	if (typeof v === 'function')\n"
	"		return false;\n"
	"	if (v !== null && typeof v === 'object') {\n"
	"		t = ts.call(v);\n"
	"		if (t === '[object Number]' || t === '[object String]' ||\n"
	"		    t === '[object Boolean]')\n"
	"			v = v.valueOf();\n"
	"	}\n"
	"	if (v === null || typeof v !== 'object') {\n"
	"		v = JSON.stringify(v);\n"
	"		if (v === undefined)\n"
	"			return false;\n"
	"		parts.push(v);\n"
	"		return true;\n"
	"	}\n"
	/* A cycle repeats: looked for at each power of two deep, it is
	 * found by twice its depth, the holders read O(depth) times. */
	"	n = holders.length;\n"
	"	if ((n & (n - 1)) === 0 && holders.indexOf(v) >= 0)\n"
	"		throw new TypeError('Converting circular structure to JSON');\n"
	"	n = 0;\n"
	"	holders.push(v);\n"
	"	inner = gap ? indent + gap : '';\n"
	"	open = Array.isArray(v) ? '[' : '{';\n"
	"	parts.push(open);\n"
	"	keys = open === '[' ? null : Object.keys(v);\n"
	"	for (i = 0; i < (keys ? keys.length : v.length); i++) {\n"
	"		at = parts.length;\n"
	"		if (n > 0)\n"
	"			parts.push(',');\n"
	"		if (gap)\n"
	"			parts.push('\\n' + inner);\n"
	"		if (keys)\n"
	"			parts.push(JSON.stringify(keys[i]), gap ? ': ' : ':');\n"
	"		if (str(v, keys ? keys[i] : String(i), inner))\n"
	"			n++;\n"
	"		else if (keys)\n"
	"			parts.length = at;\n"
	"		else {\n"
	"			parts.push('null');\n"
	"			n++;\n"
	"		}\n"
	"	}\n"
	"	if (gap && n > 0)\n"
	"		parts.push('\\n' + indent);\n"
	"	parts.push(open === '[' ? ']' : '}');\n"
	"	holders.pop();\n"
	"	return true;\n"
	"}\n"
	"return str({ '': value }, '', '') ? parts.join('') : undefined;\n";

/* Whether what mujs threw (on the top) is its value stack's overflow. */
static int
stack_overflow(js_State *J)
{
	return js_isstring(J, -1) && strcmp(js_tostring(J, -1), "stack overflow") == 0;
}

/* Push the function made once per state from body, with the parameters
 * params ("a, b"), kept in the registry under key. */
static void
function_from(js_State *J, const char *key, const char *params,
    const char *body)
{
	js_getregistry(J, key);
	if (js_iscallable(J, -1))
		return;
	js_pop(J, 1);
	js_getglobal(J, "Function");
	js_pushstring(J, params);
	js_pushstring(J, body);
	js_construct(J, 2);
	js_copy(J, -1);
	js_setregistry(J, key);
}

/* JSON.stringify(1, 2, 3) by deep_stringify. */
static void
stringify_deep(js_State *J)
{
	int i, n = js_gettop(J);

	function_from(J, "ly.json.deep", "value, replacer, space",
	    deep_stringify);
	js_pushundefined(J);
	for (i = 1; i <= 3; i++)
		if (i < n)
			js_copy(J, i);
		else
			js_pushundefined(J);
	js_call(J, 3);
}

/*
 * A symbol is a string "@@sym:..." to the engine, so mujs wrote symbol
 * keys and values as strings.  A text that holds one is written again
 * with a replacer that leaves them out (null in an array, as for any
 * symbol), around the script's own; texts without one cost a search.
 */
static const char symbol_replacer[] =
	"return function (k, v) {\n"
	"	if (typeof k === 'symbol')\n"
	"		return undefined;\n"
	"	if (typeof fn === 'function')\n"
	"		v = fn.call(this, k, v);\n"
	"	return typeof v === 'symbol' ? undefined : v;\n"
	"};\n";


/* mujs's stringify of the arguments, or deep_stringify's past its
 * value stack. */
static void
stringify_run(js_State *J)
{
	if (js_try(J)) {
		if (!stack_overflow(J))
			js_throw(J);
		js_pop(J, 1);
		stringify_deep(J);
	} else {
		stringify_real(J);
		js_endtry(J);
	}
}

static void
json_stringify(js_State *J)
{
	struct buf out = BUF_INIT;
	const unsigned char *s, *p, *q;

	if (js_gettop(J) > 2 && js_isarray(J, 2)) {
		function_from(J, "ly.json.list", "list", list_replacer);
		js_pushundefined(J);
		js_copy(J, 2);
		js_call(J, 1);
		js_replace(J, 2);
	}
	stringify_run(J);
	if (js_isstring(J, -1) && strstr(js_tostring(J, -1), "\"@@sym:")) {
		js_pop(J, 1);
		while (js_gettop(J) < 3)
			js_pushundefined(J);
		function_from(J, "ly.json.sym", "fn", symbol_replacer);
		js_pushundefined(J);
		js_copy(J, 2);
		js_call(J, 1);
		js_replace(J, 2);
		stringify_run(J);
	}
	if (!js_isstring(J, -1))
		return;
	s = (const unsigned char *)js_tostring(J, -1);
	for (p = q = s; (q = (const unsigned char *)strchr((const char *)q,
	    0xed)) != NULL; ) {
		if (q[1] < 0xa0 || q[1] > 0xbf || (q[2] & 0xc0) != 0x80) {
			q++;
			continue;
		}
		buf_add(&out, p, (size_t)(q - p));
		buf_printf(&out, "\\u%04x", 0xd000u |
		    (unsigned)(q[1] & 0x3f) << 6 | (unsigned)(q[2] & 0x3f));
		p = q += 3;
	}
	if (out.data == NULL)
		return;
	buf_add(&out, p, strlen((const char *)p));
	js_pop(J, 1);
	runtime_pushbuf(J, &out);
}

/*
 * Date.prototype.toUTCString writes HTTP's date form, "Thu, 01 Jan 1970
 * 00:00:00 GMT", as every engine does; mujs wrote the ISO form.
 * Date.parse reads that form too (mujs read only the ISO one), so that a
 * Date header or a cookie's expiry parses.
 */
static const char days[] = "SunMonTueWedThuFriSat";
static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";

static js_CFunction utcstring_real, parse_real;

static void
date_utcstring(js_State *J)
{
	const char *iso;
	double t, day;
	int y, mo, d, h, mi, s;
	char out[64];

	utcstring_real(J);	/* checks this; ISO or "Invalid Date" */
	iso = js_tostring(J, -1);
	if (sscanf(iso, "%4d-%2d-%2dT%2d:%2d:%2d", &y, &mo, &d, &h, &mi, &s) != 6 ||
	    mo < 1 || mo > 12)
		return;		/* invalid, or a year beyond 9999 */
	t = js_tonumber(J, 0);
	day = fmod(floor(t / 86400000) + 4, 7);
	if (day < 0)
		day += 7;
	snprintf(out, sizeof out, "%.3s, %02d %.3s %04d %02d:%02d:%02d GMT",
	    days + 3 * (int)day, d, months + 3 * (mo - 1), y, h, mi, s);
	js_pop(J, 1);
	js_pushstring(J, out);
}

/* Days from 1970-01-01 to the date y-m-d (m from 1). */
static double
days_from_civil(int y, int m, int d)
{
	int era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (double)era * 146097 + doe - 719468;
}

/*
 * The date forms JavaScript engines read besides the ISO one, as k6's
 * engine reads them (the algorithm of QuickJS's date parser, which
 * k6's follows): "December 17, 1995 03:24:00", "2019/01/02", "Tue, 01
 * Jan 2019 00:00:00 GMT", "1/2/2019 3:04 PM", with a time zone as
 * +HHMM, +HH:MM or one of a few abbreviations, or else local time.
 */
struct pdate {
	int	 year, month, day, hour, min, sec, msec;
	int	 tz;		/* minutes east of UTC */
	int	 local;
};

static int
pd_match(const char **s, const char *lower)
{
	size_t i;

	for (i = 0; lower[i] != '\0'; i++)
		if ((*s)[i] == '\0' || tolower((unsigned char)(*s)[i]) != lower[i])
			return 0;
	*s += i;
	return 1;
}

static int
pd_digits(const char **s, int min, int max, int *v)
{
	int i = 0;

	*v = 0;
	while (i < max && (*s)[i] >= '0' && (*s)[i] <= '9')
		*v = *v * 10 + ((*s)[i++] - '0');
	if (i < min)
		return 0;
	*s += i;
	return 1;
}

/* [+-]HH, [+-]HHMM or [+-]HH:MM after a time; 1 if read. */
static int
pd_offset(const char **s, int *v)
{
	const char *t = *s + 1;
	int hh, mm = 0, n;

	if (!pd_digits(&t, 1, 9, &hh))
		return 0;
	for (n = (int)(t - *s - 1); n > 4; n -= 2)
		hh /= 100;
	if (n > 2) {
		mm = hh % 100;
		hh /= 100;
	} else if (*t == ':') {
		t++;
		if (!pd_digits(&t, 2, 2, &mm))
			return 0;
	}
	if (hh > 23 || mm > 59)
		return 0;
	*v = (**s == '-' ? -1 : 1) * (hh * 60 + mm);
	*s = t;
	return 1;
}

static int
pd_twodigit(int y)
{
	return y + (y < 100 ? 1900 : 0) + (y < 50 ? 100 : 0);
}

static int
date_other(const char *s, struct pdate *d)
{
	static const struct { const char *name; int off; } zones[] = {
		{ "gmt", 0 }, { "utc", 0 }, { "ut", 0 }, { "z", 0 },
		{ "edt", -240 }, { "est", -300 }, { "cdt", -300 },
		{ "cst", -360 }, { "mdt", -360 }, { "mst", -420 },
		{ "pdt", -420 }, { "pst", -480 }, { "wet", 0 }, { "west", 60 },
		{ "cet", 60 }, { "cest", 120 }, { "eet", 120 }, { "eest", 180 },
	};
	static const char *const mon[] = { "jan", "feb", "mar", "apr",
	    "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec" };
	int nums[3], nnums = 0, has_year = 0, has_mon = 0, has_time = 0;
	int v, i, n;
	const char *start;

	memset(d, 0, sizeof *d);
	d->year = 2001;
	d->month = d->day = 1;
	d->local = 1;
	for (;;) {
		while (*s == ' ')
			s++;
		if (*s == '\0')
			break;
		start = s;
		if (*s == '+' || *s == '-') {
			int sign = *s == '-';

			if (has_time && pd_offset(&s, &v)) {
				d->tz = v;
				d->local = 0;
			} else {
				s++;
				if (pd_digits(&s, 1, 9, &v)) {
					if (sign && v == 0)
						return 0;
					d->year = sign ? -v : v;
					has_year = 1;
				}
			}
		} else if (pd_digits(&s, 1, 9, &v)) {
			if (*s == ':') {
				s++;
				d->hour = v;
				if (!pd_digits(&s, 1, 2, &d->min))
					return 0;
				if (*s == ':') {
					s++;
					if (!pd_digits(&s, 1, 2, &d->sec))
						return 0;
					if ((*s == '.' || *s == ',') &&
					    s[1] >= '0' && s[1] <= '9') {
						int mul = 100;

						for (s++, i = 0; i < 9 &&
						    *s >= '0' && *s <= '9'; i++, s++) {
							d->msec += (*s - '0') * mul;
							mul /= 10;
						}
					}
				}
				has_time = 1;
				{
					const char *t = s;

					while (*t == ' ')
						t++;
					if (pd_match(&t, "pm")) {
						if (d->hour < 12)
							d->hour += 12;
						s = t;
						continue;
					}
					if (pd_match(&t, "am")) {
						if (d->hour == 12)
							d->hour = 0;
						s = t;
						continue;
					}
				}
			} else if (s - start > 2) {
				d->year = v;
				has_year = 1;
			} else if (v < 1 || v > 31) {
				d->year = pd_twodigit(v);
				has_year = 1;
			} else {
				if (nnums == 3)
					return 0;
				nums[nnums++] = v;
			}
		} else {
			for (i = 0; i < 12 && !pd_match(&s, mon[i]); i++)
				;
			if (i < 12) {
				d->month = i + 1;
				has_mon = 1;
				while (*s != '\0' && strchr("0123456789 -/(", *s) == NULL)
					s++;
			} else {
				for (i = 0; i < (int)(sizeof zones / sizeof zones[0]) &&
				    !pd_match(&s, zones[i].name); i++)
					;
				if (i < (int)(sizeof zones / sizeof zones[0])) {
					if (isalpha((unsigned char)*s))
						return 0;
					d->tz = zones[i].off;
					d->local = 0;
					continue;
				}
				if (*s == '(') {
					int level = 1;

					for (s++; *s != '\0' && level > 0; s++)
						level += *s == '(' ? 1 : *s == ')' ? -1 : 0;
					if (level > 0)
						return 0;
				} else if (*s == ')' || has_year || has_mon ||
				    has_time || nnums > 0)
					return 0;
				else
					while (*s != '\0' && strchr(" -/(", *s) == NULL)
						s++;
			}
		}
		while (*s != '\0' && strchr("-/.,", *s) != NULL)
			s++;
	}
	n = nnums + has_year + has_mon;
	if (n > 3)
		return 0;
	switch (nnums) {
	case 0:
		if (!has_year)
			return 0;
		break;
	case 1:
		if (has_mon)
			d->day = nums[0];
		else
			d->month = nums[0];
		break;
	case 2:
		if (has_year) {
			d->month = nums[0];
			d->day = nums[1];
		} else if (has_mon) {
			d->year = pd_twodigit(nums[1]);
			d->day = nums[0];
		} else {
			d->month = nums[0];
			d->day = nums[1];
		}
		break;
	default:
		d->year = pd_twodigit(nums[2]);
		d->month = nums[0];
		d->day = nums[1];
	}
	return d->month > 0 && d->day > 0 && d->month <= 12 && d->day <= 31 &&
	    d->hour <= 24 && d->min <= 59 && d->sec <= 59 &&
	    (d->hour < 24 || (d->min == 0 && d->sec == 0 && d->msec == 0));
}

/* The time value of d, or NaN. */
static double
pdate_time(const struct pdate *d)
{
	double t;

	if (d->local) {
		struct tm tm;
		time_t tt;

		memset(&tm, 0, sizeof tm);
		tm.tm_year = d->year - 1900;
		tm.tm_mon = d->month - 1;
		tm.tm_mday = d->day;
		tm.tm_hour = d->hour;
		tm.tm_min = d->min;
		tm.tm_sec = d->sec;
		tm.tm_isdst = -1;
		if ((tt = mktime(&tm)) == (time_t)-1 && (tm.tm_year != 69 ||
		    tm.tm_mon != 11 || tm.tm_mday != 31))
			return NAN;
		t = (double)tt * 1000 + d->msec;
	} else
		t = ((days_from_civil(d->year, d->month, d->day) * 86400 +
		    d->hour * 3600 + d->min * 60 + d->sec - d->tz * 60) * 1000) +
		    d->msec;
	return fabs(t) <= 8.64e15 ? t : NAN;
}

static void
date_parse(js_State *J)
{
	struct pdate d;

	parse_real(J);
	if (!isnan(js_tonumber(J, -1)) || !js_isstring(J, 1) ||
	    !date_other(js_tostring(J, 1), &d))
		return;
	js_pop(J, 1);
	js_pushnumber(J, pdate_time(&d));
}

/*
 * Dates as strings, as k6's engine writes them (Go's layouts, local
 * time): toString "Mon Dec 07 2026 13:34:08 GMT+0000 (UTC)", the date
 * and time halves, and toLocale*String "12/07/2026, 13:34:08"; mujs
 * wrote ISO forms.  Date() called as a function gives toString's form.
 */
enum { DF_FULL, DF_DATE, DF_TIME, DF_LOCALE, DF_LOCALE_DATE, DF_LOCALE_TIME };

static void
push_date_form(js_State *J, double t, int form)
{
	struct tm tm;
	time_t secs;
	char zone[16], year[16], date[64], time[64], out[160];
	long off;

	if (isnan(t)) {
		js_pushliteral(J, "Invalid Date");
		return;
	}
	secs = (time_t)floor(t / 1000);
	if (localtime_r(&secs, &tm) == NULL) {
		js_pushliteral(J, "Invalid Date");
		return;
	}
	if (strftime(zone, sizeof zone, "%Z", &tm) == 0)
		zone[0] = '\0';
	off = tm.tm_gmtoff / 60;
	if (tm.tm_year + 1900 < 0)
		snprintf(year, sizeof year, "-%04d", -(tm.tm_year + 1900));
	else
		snprintf(year, sizeof year, "%04d", tm.tm_year + 1900);
	snprintf(date, sizeof date, "%.3s %.3s %02d %s", days + 3 * tm.tm_wday,
	    months + 3 * tm.tm_mon, tm.tm_mday, year);
	snprintf(time, sizeof time, "%02d:%02d:%02d GMT%c%02ld%02ld (%s)",
	    tm.tm_hour, tm.tm_min, tm.tm_sec, off < 0 ? '-' : '+',
	    labs(off) / 60, labs(off) % 60, zone);
	switch (form) {
	case DF_FULL:
		snprintf(out, sizeof out, "%s %s", date, time);
		break;
	case DF_DATE:
		snprintf(out, sizeof out, "%s", date);
		break;
	case DF_TIME:
		snprintf(out, sizeof out, "%s", time);
		break;
	case DF_LOCALE:
		snprintf(out, sizeof out, "%02d/%02d/%s, %02d:%02d:%02d",
		    tm.tm_mon + 1, tm.tm_mday, year, tm.tm_hour, tm.tm_min,
		    tm.tm_sec);
		break;
	case DF_LOCALE_DATE:
		snprintf(out, sizeof out, "%02d/%02d/%s", tm.tm_mon + 1,
		    tm.tm_mday, year);
		break;
	default:
		snprintf(out, sizeof out, "%02d:%02d:%02d", tm.tm_hour,
		    tm.tm_min, tm.tm_sec);
	}
	js_pushstring(J, out);
}

/* this's time value: Date.prototype.valueOf checks that this is a Date. */
static double
this_time(js_State *J)
{
	double t;

	js_getglobal(J, "Date");
	js_getproperty(J, -1, "prototype");
	js_getproperty(J, -1, "valueOf");
	js_copy(J, 0);
	js_call(J, 0);
	t = js_tonumber(J, -1);
	js_pop(J, 3);
	return t;
}

#define DATE_FORM(fn, form) \
	static void fn(js_State *J) { push_date_form(J, this_time(J), form); }
DATE_FORM(date_tostring, DF_FULL)
DATE_FORM(date_todatestring, DF_DATE)
DATE_FORM(date_totimestring, DF_TIME)
DATE_FORM(date_tolocalestring, DF_LOCALE)
DATE_FORM(date_tolocaledatestring, DF_LOCALE_DATE)
DATE_FORM(date_tolocaletimestring, DF_LOCALE_TIME)

static void
date_call(js_State *J)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	push_date_form(J, floor((double)ts.tv_sec * 1000 + ts.tv_nsec / 1e6),
	    DF_FULL);
}

/* new Date(string) reads what Date.parse reads; new Date(date) takes
 * its time value (mujs would read its string, which it cannot parse). */
static void
date_new(js_State *J)
{
	if (js_gettop(J) == 2 && js_isobject(J, 1) &&
	    ((struct mj_object *)js_toobject(J, 1))->type == MJ_CDATE) {
		js_getglobal(J, "Date");
		js_getproperty(J, -1, "prototype");
		js_getproperty(J, -1, "valueOf");
		js_copy(J, 1);
		js_call(J, 0);
		js_replace(J, 1);
		js_pop(J, 2);
	} else if (js_gettop(J) == 2 && js_isstring(J, 1)) {
		js_getglobal(J, "Date");
		js_getproperty(J, -1, "parse");
		js_rot2(J);
		js_copy(J, 1);
		js_call(J, 1);
		js_replace(J, 1);
	}
	date_new_real(J);
}

/*
 * String.prototype.localeCompare as k6's engine compares: Unicode's
 * collation with CLDR's root rules (accents after letters, lower case
 * before upper, punctuation before digits before letters) through ICU,
 * where mujs compared code points ("a" came after "B").  One collator
 * per process, opened on first use.
 */
static UCollator *collator;

static void
string_localecompare(js_State *J)
{
	UErrorCode st = U_ZERO_ERROR;
	const char *a, *b;

	if (js_isundefined(J, 0) || js_isnull(J, 0))
		js_typeerror(J, "String.prototype.localeCompare called on null "
		    "or undefined");
	a = js_tostring(J, 0);
	b = js_tostring(J, 1);
	if (collator == NULL) {
		collator = ucol_open("", &st);
		if (U_FAILURE(st)) {
			collator = NULL;
			js_error(J, "localeCompare: no collator (%s)",
			    u_errorName(st));
		}
		ucol_setAttribute(collator, UCOL_NORMALIZATION_MODE, UCOL_ON, &st);
		st = U_ZERO_ERROR;
	}
	js_pushnumber(J, (double)ucol_strcollUTF8(collator, a, -1, b, -1, &st));
}

/*
 * toUpperCase and toLowerCase with Unicode's full case mappings ("ß"
 * becomes "SS", a final sigma "ς"), as k6's engine maps them; mujs maps
 * one character to one.  ASCII strings keep mujs's own, faster path.
 */
static js_CFunction upper_real, lower_real;

static int
ascii_only(const char *p)
{
	for (; *p != '\0'; p++)
		if ((unsigned char)*p >= 0x80)
			return 0;
	return 1;
}

static void
string_case(js_State *J, int upper)
{
	UErrorCode st = U_ZERO_ERROR;
	UChar *src, *dst;
	int32_t n, m, cap;
	struct buf out = BUF_INIT;
	const char *s;

	if (js_isundefined(J, 0) || js_isnull(J, 0) ||
	    ascii_only(s = js_tostring(J, 0))) {
		(upper ? upper_real : lower_real)(J);
		return;
	}
	u_strFromUTF8(NULL, 0, &n, s, -1, &st);
	st = U_ZERO_ERROR;
	src = xreallocarray(NULL, (size_t)n + 1, sizeof *src);
	u_strFromUTF8(src, n + 1, NULL, s, -1, &st);
	cap = n * 3 + 1;
	dst = xreallocarray(NULL, (size_t)cap, sizeof *dst);
	m = upper ? u_strToUpper(dst, cap, src, n, "", &st) :
	    u_strToLower(dst, cap, src, n, "", &st);
	if (U_SUCCESS(st)) {
		int32_t len = 0;

		u_strToUTF8(NULL, 0, &len, dst, m, &st);
		st = U_ZERO_ERROR;
		buf_reserve(&out, (size_t)len + 1);
		u_strToUTF8(out.data, len + 1, NULL, dst, m, &st);
		out.len = (size_t)len;
	}
	free(src);
	free(dst);
	if (U_FAILURE(st)) {
		buf_free(&out);
		(upper ? upper_real : lower_real)(J);
		return;
	}
	runtime_pushbuf(J, &out);
}

static void string_toupper(js_State *J) { string_case(J, 1); }
static void string_tolower(js_State *J) { string_case(J, 0); }

/* The built-ins of mujs's that the program replaces or wraps (real, if
 * not NULL, gets mujs's own). */
static const struct {
	const char	*name;
	js_CFunction	 own;
	js_CFunction	*real;
} own_builtins[] = {
	{ "Object.prototype.toString", object_tostring, &tostring_real },
	{ "String.prototype.trim", string_trim, NULL },
	{ "String.prototype.localeCompare", string_localecompare, NULL },
	{ "String.prototype.toUpperCase", string_toupper, &upper_real },
	{ "String.prototype.toLowerCase", string_tolower, &lower_real },
	{ "Array.prototype.splice", array_splice, &splice_real },
	{ "Date.UTC", date_utc, &utc_real },
	{ "Date.prototype.toUTCString", date_utcstring, &utcstring_real },
	{ "Date.parse", date_parse, &parse_real },
	{ "Date.prototype.toString", date_tostring, NULL },
	{ "Date.prototype.toDateString", date_todatestring, NULL },
	{ "Date.prototype.toTimeString", date_totimestring, NULL },
	{ "Date.prototype.toLocaleString", date_tolocalestring, NULL },
	{ "Date.prototype.toLocaleDateString", date_tolocaledatestring, NULL },
	{ "Date.prototype.toLocaleTimeString", date_tolocaletimestring, NULL },
	{ "JSON.stringify", json_stringify, &stringify_real },
	{ "JSON.parse", jsonparse_builtin, &jsonparse_mujs },
	/* true for a SharedArray too (js/data.c) */
	{ "Array.isArray", data_isarray, NULL },
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

/*
 * ES2015's other Math and Number functions, in C so that they are
 * deferred as built-in methods are (js/lazyprop.c): as JavaScript
 * functions of runtime group 3 they were 5 KiB of every VU that read
 * Math or Number.
 */
static double
math_sign(double a)
{
	return a > 0 ? 1 : a < 0 ? -1 : a;
}

/* The formulas group 3 had in JavaScript, so that the results stay
 * what they were to the last bit: an exact power gives its exponent. */
static double
log_base(double a, double x)
{
	double r = log(a) / log(x), i = floor(r + 0.5);

	return pow(x, i) == a ? i : r;
}

static double
math_log2(double a)
{
	return log_base(a, 2);
}

static double
math_log10(double a)
{
	return log_base(a, 10);
}

static double
math_cbrt(double a)
{
	double r;

	if (a == 0 || !isfinite(a))
		return a;
	r = pow(fabs(a), 1.0 / 3);
	r -= (r * r * r - fabs(a)) / (3 * r * r);
	return a < 0 ? -r : r;
}

static double
math_expm1(double a)
{
	double x = exp(a);

	if (x == 1 || x == INFINITY)
		return x == 1 ? a : x;
	return x - 1 == -1 ? -1 : (x - 1) * a / log(x);
}

static double
math_log1p(double a)
{
	double x = 1 + a;

	if (x == 1 || x == INFINITY)
		return x == 1 ? a : x;
	return log(x) * a / (x - 1);
}

/* Rounded to the nearest float, ties to even, as the conversion does. */
static double
math_fround(double a)
{
	return (double)(float)a;
}

static double (*const unary[])(double) = {
	trunc, math_sign, math_log2, math_log10, math_cbrt, math_expm1,
	math_log1p, math_fround,
};
static const char *const unary_names[] = {
	"trunc", "sign", "log2", "log10", "cbrt", "expm1", "log1p", "fround",
};

static void
math_unary(js_State *J)
{
	int i = (int)(intptr_t)js_currentfunctiondata(J);

	js_pushnumber(J, unary[i](js_tonumber(J, 1)));
}

static void
math_imul(js_State *J)
{
	uint32_t a = (uint32_t)js_toint32(J, 1), b = (uint32_t)js_toint32(J, 2);

	js_pushnumber(J, (int32_t)(a * b));
}

static void
math_clz32(js_State *J)
{
	uint32_t a = js_touint32(J, 1);

	js_pushnumber(J, a == 0 ? 32 : __builtin_clz(a));
}

/* As group 3 had it: Infinity if any argument is, else NaN if any is,
 * scaled by the largest so that the squares do not overflow; each
 * argument converted again in the second pass.  Its length is 0: mujs
 * passes a C function undefined for the arguments its length names and
 * the call lacks, and hypot() is 0. */
static void
math_hypot(js_State *J)
{
	int i, n = js_gettop(J) - 1, nan = 0;
	double r = 0, e = 0, y;

	for (i = 1; i <= n; i++) {
		y = fabs(js_tonumber(J, i));
		if (y == INFINITY) {
			js_pushnumber(J, y);
			return;
		}
		if (isnan(y))
			nan = 1;
		else if (y > r)
			r = y;
	}
	if (nan || r == 0) {
		js_pushnumber(J, nan ? NAN : 0);
		return;
	}
	for (i = 1; i <= n; i++) {
		y = js_tonumber(J, i) / r;
		e += y * y;
	}
	js_pushnumber(J, r * sqrt(e));
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
	for (i = 0; i < sizeof unary / sizeof unary[0]; i++) {
		js_newcfunctionx(J, math_unary, unary_names[i], 1,
		    (void *)(intptr_t)i, NULL);
		js_defproperty(J, -2, unary_names[i], JS_DONTENUM);
	}
	js_newcfunction(J, math_imul, "imul", 2);
	js_defproperty(J, -2, "imul", JS_DONTENUM);
	js_newcfunction(J, math_clz32, "clz32", 1);
	js_defproperty(J, -2, "clz32", JS_DONTENUM);
	js_newcfunction(J, math_hypot, "hypot", 0);
	js_defproperty(J, -2, "hypot", JS_DONTENUM);
}

static void
number_isfinite(js_State *J)
{
	js_pushboolean(J, js_isnumber(J, 1) && isfinite(js_tonumber(J, 1)));
}

static void
number_isnan(js_State *J)
{
	js_pushboolean(J, js_isnumber(J, 1) && isnan(js_tonumber(J, 1)));
}

static int
is_integer(js_State *J, double max)
{
	double a;

	if (!js_isnumber(J, 1) || !isfinite(a = js_tonumber(J, 1)))
		return 0;
	return floor(a) == a && fabs(a) <= max;
}

static void
number_isinteger(js_State *J)
{
	js_pushboolean(J, is_integer(J, INFINITY));
}

static void
number_issafeinteger(js_State *J)
{
	js_pushboolean(J, is_integer(J, 9007199254740991.0));
}

/* Number's ES2015 predicates, made on first use; runtime group 3 adds
 * the rest when the global Number is first read. */
static void
number_define(js_State *J)
{
	js_getglobal(J, "Number");
	runtime_setfn(J, number_isinteger, "isInteger", 1);
	runtime_setfn(J, number_isfinite, "isFinite", 1);
	runtime_setfn(J, number_isnan, "isNaN", 1);
	runtime_setfn(J, number_issafeinteger, "isSafeInteger", 1);
	js_pop(J, 1);
}
