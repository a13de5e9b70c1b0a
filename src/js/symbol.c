/* Symbols told from strings; see symbol.h.
 *
 * mujs calls its exported functions through libmujs's PLT, so the
 * definitions below take the place of js_typeof (typeof), js_concat (the
 * + operator), js_tonumber, js_toint32 and js_touint32 (the other
 * arithmetic and bitwise operators, Number(), Math) and js_equal (==).
 * Each tests the value's type byte and, for a string, its first bytes;
 * a number costs less than in mujs's own js_tonumber (one call fewer).
 * The runtime's own code builds keys with String.prototype.concat and
 * join, which take no part. */
#include "config.h"

#include <dlfcn.h>
#include <math.h>
#include <mujs.h>
#include <stdlib.h>
#include <string.h>

#include "js/mujs-layout.h"
#include "js/runtime.h"
#include "js/symbol.h"

/* mujs exports them without declaring them in mujs.h */
double	jsV_tonumber(js_State *, void *);
int	jsV_numbertoint32(double);
unsigned int jsV_numbertouint32(double);

/* The tag of a Symbol object, Object(symbol): userdata of Symbol's
 * prototype whose own "@@ly:sym" is the symbol (6-symbol.js). */
static const char box_tag[] = "Symbol";

int
symbol_at(js_State *J, int idx)
{
	const struct mj_value *v = mj_slot(J, idx);
	const char *s;

	return v != NULL && (s = mj_value_string(v)) != NULL && symbol_key(s);
}

static void
string_error(js_State *J)
{
	js_typeerror(J, "Cannot convert a Symbol value to a string");
}

static void
number_error(js_State *J)
{
	js_typeerror(J, "Cannot convert a Symbol value to a number");
}

/*
 * typeof: mujs's answer, and "symbol" for a string that is one.
 */
const char *
js_typeof(js_State *J, int idx)
{
	static const char *(*real)(js_State *, int);
	const char *t;

	if (real == NULL && (*(void **)&real = dlsym(RTLD_NEXT,
	    "js_typeof")) == NULL)
		abort();	/* not libmujs.so: cannot be */
	t = real(J, idx);
	if (t[0] == 's' && t[1] == 't' && symbol_at(J, idx))	/* "string" */
		return "symbol";
	return t;
}

/*
 * a + b: after ToPrimitive, a string on either side makes both strings,
 * else both numbers; a symbol converts to neither.  Two numbers, and two
 * strings that fit CONCAT_BUF, are added here without mujs's calls and
 * its try, which pays for the tests.
 */
#define CONCAT_BUF	256

void
js_concat(js_State *J)
{
	static void (*real)(js_State *);
	struct mj_value *a = mj_slot(J, -2), *b = mj_slot(J, -1);
	const char *sa, *sb;
	char buf[CONCAT_BUF];
	size_t la, lb;

	if (real == NULL && (*(void **)&real = dlsym(RTLD_NEXT,
	    "js_concat")) == NULL)
		abort();	/* not libmujs.so: cannot be */
	if (a == NULL || b == NULL) {
		real(J);
		return;
	}
	if (a->type == MJ_TNUMBER && b->type == MJ_TNUMBER) {
		a->u.number += b->u.number;
		js_pop(J, 1);
		return;
	}
	if (a->type == MJ_TOBJECT || b->type == MJ_TOBJECT) {
		js_toprimitive(J, -2, JS_HNONE);
		js_toprimitive(J, -1, JS_HNONE);
	}
	sa = mj_value_string(a);
	sb = mj_value_string(b);
	if ((sa != NULL && symbol_key(sa)) || (sb != NULL && symbol_key(sb))) {
		if ((sa != NULL && !symbol_key(sa)) ||
		    (sb != NULL && !symbol_key(sb)))
			string_error(J);
		number_error(J);
	}
	if (sa != NULL && sb != NULL &&
	    (la = strlen(sa)) + (lb = strlen(sb)) < sizeof buf) {
		memcpy(buf, sa, la);
		memcpy(buf + la, sb, lb);
		js_pop(J, 2);
		js_pushlstring(J, buf, (int)(la + lb));
		return;
	}
	real(J);
}

/* ToNumber of the value at idx. */
double
js_tonumber(js_State *J, int idx)
{
	struct mj_value *v = mj_slot(J, idx);
	const char *s;

	if (v == NULL)
		return NAN;
	if (v->type == MJ_TNUMBER)
		return v->u.number;
	if (v->type == MJ_TOBJECT)
		js_toprimitive(J, idx, JS_HNUMBER);
	if ((s = mj_value_string(v)) != NULL && symbol_key(s))
		number_error(J);
	return jsV_tonumber(J, v);
}

int
js_toint32(js_State *J, int idx)
{
	return jsV_numbertoint32(js_tonumber(J, idx));
}

unsigned int
js_touint32(js_State *J, int idx)
{
	return jsV_numbertouint32(js_tonumber(J, idx));
}

/*
 * a == b: a symbol equals no number or boolean, where mujs converted the
 * string to a number.  Two numbers or two strings are compared here, as
 * mujs does, without its calls.
 */
static int
number_or_boolean(const struct mj_value *v)
{
	return v->type == MJ_TNUMBER || v->type == MJ_TBOOLEAN;
}

int
js_equal(js_State *J)
{
	static int (*real)(js_State *);
	const struct mj_value *x = mj_slot(J, -2), *y = mj_slot(J, -1);
	const char *sx, *sy;

	if (real == NULL && (*(void **)&real = dlsym(RTLD_NEXT,
	    "js_equal")) == NULL)
		abort();	/* not libmujs.so: cannot be */
	if (x == NULL || y == NULL)
		return real(J);
	if (x->type == MJ_TNUMBER && y->type == MJ_TNUMBER)
		return x->u.number == y->u.number;
	sx = mj_value_string(x);
	sy = mj_value_string(y);
	if (sx != NULL && sy != NULL)
		return strcmp(sx, sy) == 0;
	if ((sx != NULL && symbol_key(sx) && number_or_boolean(y)) ||
	    (sy != NULL && symbol_key(sy) && number_or_boolean(x)))
		return 0;
	return real(J);
}

/* Push "Symbol(DESC)" for the symbol at idx. */
static void
push_text(js_State *J, int idx)
{
	char *volatile text = runtime_symbol_text(js_tostring(J, idx));

	if (js_try(J)) {
		free(text);
		js_throw(J);
	}
	js_pushstring(J, text);
	js_endtry(J);
	free(text);
}

/* Make the value at idx primitive for ToString, which no symbol has:
 * a Symbol object's Symbol.toPrimitive gives its symbol. */
static void
to_string(js_State *J, int idx)
{
	if (js_isobject(J, idx)) {
		if (js_isuserdata(J, idx, box_tag))
			string_error(J);
		js_toprimitive(J, idx, JS_HSTRING);
	}
	if (symbol_at(J, idx))
		string_error(J);
}

/* String(v) gives a symbol's descriptive string; new String(symbol)
 * throws, as any other ToString of one. */
static js_CFunction string_real, string_new_real;

static void
string_call(js_State *J)
{
	if (js_gettop(J) > 1) {
		if (symbol_at(J, 1)) {
			push_text(J, 1);
			return;
		}
		to_string(J, 1);
	}
	string_real(J);
}

static void
string_new(js_State *J)
{
	if (js_gettop(J) > 1)
		to_string(J, 1);
	string_new_real(J);
}

/* Object(symbol), new Object(symbol): a Symbol object. */
static js_CFunction object_real, object_new_real;

static void
object_box(js_State *J, js_CFunction real)
{
	if (js_gettop(J) < 2 || !symbol_at(J, 1)) {
		real(J);
		return;
	}
	js_getglobal(J, "Symbol");
	js_getproperty(J, -1, "prototype");
	js_newuserdata(J, box_tag, NULL, NULL);
	js_copy(J, 1);
	js_defproperty(J, -2, "@@ly:sym", JS_READONLY | JS_DONTENUM |
	    JS_DONTCONF);
}

static void
object_call(js_State *J)
{
	object_box(J, object_real);
}

static void
object_new(js_State *J)
{
	object_box(J, object_new_real);
}

void
symbol_constructor(const char *name, js_CFunction *fun, js_CFunction *con)
{
	if (strcmp(name, "String") == 0) {
		string_real = *fun;
		string_new_real = *con;
		*fun = string_call;
		*con = string_new;
	} else if (strcmp(name, "Object") == 0) {
		object_real = *fun;
		object_new_real = *con;
		*fun = object_call;
		*con = object_new;
	}
}

/* symbol.toString() gives its descriptive string: a symbol reads
 * String.prototype's methods. */
static js_CFunction tostring_real;

static void
string_tostring(js_State *J)
{
	if (symbol_at(J, 0))
		push_text(J, 0);
	else
		tostring_real(J);
}

js_CFunction
symbol_builtin(const char *name, js_CFunction fn)
{
	if (strcmp(name, "String.prototype.toString") != 0)
		return fn;
	tostring_real = fn;
	return string_tostring;
}

/* __ly_str(v): a template literal's ToString of a substitution
 * (src/compile/lower-expr.c), which String(v) is but for symbols. */
static void
template_string(js_State *J)
{
	if (js_gettop(J) < 2)
		js_pushundefined(J);
	to_string(J, 1);
	if (js_isstring(J, 1))
		js_copy(J, 1);
	else
		js_pushstring(J, js_tostring(J, 1));
}

void
symbol_define(js_State *J)
{
	js_newcfunction(J, template_string, "__ly_str", 1);
	js_defglobal(J, "__ly_str", JS_DONTENUM | JS_READONLY | JS_DONTCONF);
}
