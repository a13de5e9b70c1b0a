/* console.log's rendering of a value, as k6 1.6 and later render it (its
 * internal/js/console.go, valueString and traverseValue):
 *
 *   strings, numbers, booleans   as String(v) at the top, strings quoted
 *                                 ("...", not escaped) inside objects
 *   null, undefined inside       null
 *   functions                    [object Function]
 *   errors                       String(e): "Error: message"
 *   arrays                       [ 1, "a", null ] or []
 *   typed arrays                 Uint8Array(2) [ 1, 2 ] or Uint8Array(0) []
 *   ArrayBuffer                  ArrayBuffer { [Uint8Contents]: <01 02>,
 *                                byteLength: 2 }
 *   dates without own keys       "2024-01-01T00:00:00.000Z"
 *   other objects                { a: 1, b: { c: true } } or {}
 *   an object inside itself      [Circular]
 *
 * Symbols (strings inside the engine, see js/runtime.c) print as
 * Symbol(desc).  A value too deep for mujs's stack prints as String(v). */
#include "config.h"

#include <mujs.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "js/binary.h"
#include "js/consolefmt.h"
#include "js/mujs-layout.h"
#include "js/runtime.h"
#include "util/buf.h"

void	*js_toobject(js_State *, int);

/* The objects being rendered, from the outermost: a repeat is circular. */
#define MAX_PATH	64

struct path {
	void	*obj[MAX_PATH];
	int	 n;
	int	 idx;	/* of the value console_format renders */
};

static void	traverse(js_State *, int, struct buf *, struct path *);

static int
class_of(js_State *J, int idx)
{
	return ((struct mj_object *)js_toobject(J, idx))->type;
}

static void
put_string(js_State *J, int idx, struct buf *b)
{
	char *sym;

	if (js_isstring(J, idx) &&
	    (sym = runtime_symbol_text(js_tostring(J, idx))) != NULL) {
		buf_puts(b, sym);
		free(sym);
	} else
		buf_puts(b, js_tostring(J, idx));
}

static void
binary(js_State *J, int idx, const char *name, struct buf *b)
{
	const unsigned char *data;
	size_t len, i;
	int n;

	if (name == NULL) {
		binary_get(J, idx, &data, &len);
		buf_puts(b, "ArrayBuffer { [Uint8Contents]: <");
		for (i = 0; i < len; i++)
			buf_printf(b, i > 0 ? " %02x" : "%02x", data[i]);
		buf_printf(b, ">, byteLength: %zu }", len);
		return;
	}
	/* k6 cannot tell a clamped array from a Uint8Array. */
	if (strcmp(name, "Uint8ClampedArray") == 0)
		name = "Uint8Array";
	n = js_getlength(J, idx);
	buf_printf(b, "%s(%d) %s", name, n, n == 0 ? "[]" : "[ ");
	for (i = 0; i < (size_t)n; i++) {
		if (i > 0)
			buf_puts(b, ", ");
		js_getindex(J, idx, (int)i);
		buf_puts(b, js_tostring(J, -1));
		js_pop(J, 1);
	}
	if (n > 0)
		buf_puts(b, " ]");
}

static void
date(js_State *J, int idx, struct buf *b)
{
	js_getproperty(J, idx, "toISOString");
	if (!js_iscallable(J, -1)) {
		js_pop(J, 1);
		buf_puts(b, "{}");
		return;
	}
	js_copy(J, idx);
	js_call(J, 0);
	buf_printf(b, "\"%s\"", js_tostring(J, -1));
	js_pop(J, 1);
}

static void
object(js_State *J, int idx, struct buf *b, struct path *p)
{
	int i, n;

	if (js_isarray(J, idx)) {
		n = js_getlength(J, idx);
		buf_puts(b, n == 0 ? "[]" : "[ ");
		for (i = 0; i < n; i++) {
			if (i > 0)
				buf_puts(b, ", ");
			js_getindex(J, idx, i);
			traverse(J, js_gettop(J) - 1, b, p);
			js_pop(J, 1);
		}
		if (n > 0)
			buf_puts(b, " ]");
		return;
	}
	/* Object.keys: own enumerable names, without symbols. */
	js_getglobal(J, "Object");
	js_getproperty(J, -1, "keys");
	js_rot2pop1(J);
	js_pushundefined(J);
	js_copy(J, idx);
	js_call(J, 1);
	n = js_getlength(J, -1);
	if (n == 0) {
		js_pop(J, 1);
		if (class_of(J, idx) == MJ_CDATE)
			date(J, idx, b);
		else
			buf_puts(b, "{}");
		return;
	}
	buf_puts(b, "{ ");
	for (i = 0; i < n; i++) {
		if (i > 0)
			buf_puts(b, ", ");
		js_getindex(J, -1, i);
		buf_puts(b, js_tostring(J, -1));
		buf_puts(b, ": ");
		js_getproperty(J, idx, js_tostring(J, -1));
		traverse(J, js_gettop(J) - 1, b, p);
		js_pop(J, 2);
	}
	js_pop(J, 1);
	buf_puts(b, " }");
}

/* The value at idx (an absolute index) inside an object. */
static void
traverse(js_State *J, int idx, struct buf *b, struct path *p)
{
	const char *name;
	void *o;
	int i;

	if (js_isundefined(J, idx) || js_isnull(J, idx)) {
		buf_puts(b, "null");
		return;
	}
	if (js_iscallable(J, idx)) {
		buf_puts(b, "[object Function]");
		return;
	}
	if (!js_isobject(J, idx)) {
		if (js_isstring(J, idx) &&
		    strncmp(js_tostring(J, idx), "@@sym:", 6) != 0)
			buf_printf(b, "\"%s\"", js_tostring(J, idx));
		else
			put_string(J, idx, b);
		return;
	}
	o = js_toobject(J, idx);
	for (i = 0; i < p->n; i++)
		if (p->obj[i] == o) {
			buf_puts(b, "[Circular]");
			return;
		}
	if (p->n == MAX_PATH)
		js_rangeerror(J, "too deep");
	if (class_of(J, idx) == MJ_CERROR) {
		put_string(J, idx, b);
		return;
	}
	if ((name = binary_typed_name(J, idx)) != NULL ||
	    js_isuserdata(J, idx, "ArrayBuffer")) {
		binary(J, idx, name, b);
		return;
	}
	p->obj[p->n++] = o;
	object(J, idx, b, p);
	p->n--;
}

/* The value at idx (absolute), with a try of its own. */
static void
format_at(js_State *J, struct path *p, struct buf *b, struct buf *one)
{
	if (js_iscallable(J, p->idx)) {
		buf_puts(b, "[object Function]");
		return;
	}
	if (!js_isobject(J, p->idx) || class_of(J, p->idx) == MJ_CERROR) {
		if (js_try(J)) {
			js_pop(J, 1);
			buf_puts(b, "?");
			return;
		}
		put_string(J, p->idx, b);
		js_endtry(J);
		return;
	}
	if (js_try(J)) {
		/* Too deep for the stack, or a getter that threw. */
		js_pop(J, 1);
		if (js_try(J)) {
			js_pop(J, 1);
			buf_puts(b, "[object]");
			return;
		}
		buf_puts(b, js_tostring(J, p->idx));
		js_endtry(J);
		return;
	}
	traverse(J, p->idx, one, p);
	js_endtry(J);
	if (one->data != NULL)
		buf_puts(b, one->data);
}

void
console_format(js_State *J, int idx, struct buf *b)
{
	struct path p;
	struct buf one = BUF_INIT;

	p.n = 0;
	p.idx = idx < 0 ? js_gettop(J) + idx : idx;
	format_at(J, &p, b, &one);
	buf_free(&one);
}
