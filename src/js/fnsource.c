/* Function.prototype.toString; see fnsource.h.
 *
 * Why: libraries read a function's text (lodash's isNative, class
 * detection with /^class\b/, parameter names for dependency injection)
 * and k6's engine gives the source as written, where mujs 1.3.2 gives
 * "function f(a,b) { [byte code] }" of the ES5 the compiler made.
 *
 * How: the compiler lists each function of its output with the span of
 * the source it stands for, keyed by the output line of its "function"
 * (compile/posmap.h fns), and starts a new output line before a
 * "function" where the line holds one already, so that the key tells
 * functions apart.  mujs gives a compiled function that same line.  Once
 * per compilation of the script cache (js/scriptcache.c), whose
 * functions live as long as the process and are shared by every VU, the
 * functions of each line are matched with the entries of their line: the
 * one with the one, or where the compiler could not start new lines
 * (after "return", past its limit of lines), by their ES5 names in
 * order (mujs hoists declarations), and each one matched to a span is
 * noted in one table of the process, sorted by the function's
 * address.  A VU pays nothing; its toString finds the text
 * there and reads it from the map's copy of the source.  The functions
 * of the program's own scripts (the runtime library: k6's built-ins) are
 * noted without a span and read "[native code]", as k6's built-ins do;
 * the rest keeps mujs's text. */
#include "config.h"

#include <mujs.h>
#include <stdlib.h>
#include <string.h>

#include "compile/posmap.h"
#include "js/errmsg.h"
#include "js/fnname.h"
#include "js/fnsource.h"
#include "js/lazyprop.h"
#include "js/mujs-layout.h"
#include "js/scriptcache.h"
#include "util/buf.h"
#include "util/xmalloc.h"

/* mujs exports these without declaring them in mujs.h */
void		*js_toobject(js_State *, int);

struct noted {
	const struct mj_function	*F;
	const struct posmap		*map;
	const struct posmap_fn		*fn;
};

static struct noted *noted;
static size_t nnoted, capnoted;

/* A function of a compilation and its place in it (for a stable sort). */
struct found {
	const struct mj_function	*F;
	size_t				 order;
};

static int
found_cmp(const void *a, const void *b)
{
	const struct found *x = a, *y = b;

	if (x->F->line != y->F->line)
		return x->F->line < y->F->line ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

static int
noted_cmp(const void *a, const void *b)
{
	const struct noted *x = a, *y = b;

	return x->F < y->F ? -1 : x->F > y->F;
}

/* The functions in F, depth first in the order of their tables, which
 * is the order of their "function" where they share a line. */
static void
collect(const struct mj_function *F, struct found **v, size_t *n,
    size_t *cap, int depth)
{
	int i;

	for (i = 0; i < F->funlen && depth < 200; i++) {
		const struct mj_function *G = F->funtab[i];

		if (G == NULL || G == F)
			continue;
		if (*n == *cap) {
			*cap = *cap ? *cap * 2 : 64;
			*v = xreallocarray(*v, *cap, sizeof **v);
		}
		(*v)[*n].F = G;
		(*v)[*n].order = *n;
		(*n)++;
		collect(G, v, n, cap, depth + 1);
	}
}

static void
note(const struct mj_function *F, const struct posmap *m,
    const struct posmap_fn *fn)
{
	if (nnoted == capnoted) {
		capnoted = capnoted ? capnoted * 2 : 256;
		noted = xreallocarray(noted, capnoted, sizeof *noted);
	}
	noted[nnoted].F = F;
	noted[nnoted].map = m;
	noted[nnoted].fn = fn;
	nnoted++;
}

/* The entry of the function G of a line whose entries are fns[0..n),
 * used[] those taken: the only one when the line has one function (the
 * compiler's lines tell them apart), else the first free one of its
 * name, or, a function mujs compiled more than once (in a finally
 * block), the one of its name; NULL if none tells. */
static const struct posmap_fn *
match(const struct mj_function *G, int alone, const struct posmap_fn *fns,
    size_t n, char *used)
{
	const struct posmap_fn *only = NULL;
	unsigned h;
	size_t i, same = 0;

	if (alone && n == 1)
		return fns;
	h = posmap_name(G->name, G->name != NULL ? strlen(G->name) : 0);
	for (i = 0; i < n; i++) {
		if (fns[i].name != h)
			continue;
		if (!used[i]) {
			used[i] = 1;
			return &fns[i];
		}
		only = &fns[i];
		same++;
	}
	return same == 1 ? only : NULL;
}

void
fnsource_mark(void *fun)
{
	const struct mj_function *F = fun;
	const struct posmap *m;
	const struct posmap_fn *fn;
	struct found *v = NULL;
	char *used = NULL;
	size_t n = 0, cap = 0, i, j, k, e, ne, before = nnoted;

	if (F == NULL)
		return;
	if ((m = errmsg_map(F->filename)) == NULL) {
		/* a Function constructor's text the compiler lowered is the
		 * user's; the rest is the program's own: k6's built-ins */
		if (F->filename != NULL && strncmp(F->filename,
		    SCRIPTCACHE_FUNCTION, strlen(SCRIPTCACHE_FUNCTION)) == 0)
			return;
		collect(F, &v, &n, &cap, 0);
		for (i = 0; i < n; i++)
			note(v[i].F, NULL, NULL);
		goto out;
	}
	if (m->nfns == 0 || m->src == NULL)
		return;
	for (i = 1; i < m->nfns; i++)
		if (m->fns[i].key < m->fns[i - 1].key)
			return;		/* not a map of this kind */
	collect(F, &v, &n, &cap, 0);
	qsort(v, n, sizeof *v, found_cmp);
	for (i = 0, e = 0; i < n; i = j) {
		unsigned line = (unsigned)v[i].F->line;

		for (j = i + 1; j < n && (unsigned)v[j].F->line == line; j++)
			;
		while (e < m->nfns && m->fns[e].key < line)
			e++;
		for (ne = 0; e + ne < m->nfns && m->fns[e + ne].key == line;
		    ne++)
			;
		if (ne == 0)
			continue;
		used = xreallocarray(used, ne, 1);
		memset(used, 0, ne);
		for (k = i; k < j; k++)
			if ((fn = match(v[k].F, j - i == 1, &m->fns[e], ne,
			    used)) != NULL && fn->end > fn->start &&
			    fn->end <= m->srclen)
				note(v[k].F, m, fn);
	}
	free(used);
out:
	free(v);
	if (nnoted > before)
		qsort(noted, nnoted, sizeof *noted, noted_cmp);
}

static const struct noted *
find(const struct mj_function *F)
{
	struct noted key;

	key.F = F;
	return nnoted == 0 ? NULL : bsearch(&key, noted, nnoted,
	    sizeof *noted, noted_cmp);
}

/* The text of a function without a source: "[native code]" for the
 * program's (its runtime library's, k6's built-ins), mujs's "[byte code]"
 * for the rest. */
static void
push_compiled(js_State *J, const struct mj_function *F, int native)
{
	struct buf b = BUF_INIT;
	int i;

	buf_printf(&b, "function %s(", F->name != NULL ? F->name : "");
	for (i = 0; !native && i < F->numparams && i < F->varlen; i++)
		buf_printf(&b, "%s%s", i > 0 ? "," : "", F->vartab[i]);
	buf_puts(&b, native ? ") { [native code] }" : ") { [byte code] }");
	js_pushlstring(J, b.data, b.len);
	buf_free(&b);
}

/* The Function constructor's text of the function it made, which
 * lives as long as the function: a hidden property, for the user's
 * functions only (the program's own are shared, js/scriptcache.c). */
#define SRCKEY	"@@ly:src"

static js_CFunction function_ctor;	/* mujs's */

/* new Function(p1, ..., pn, body): mujs's, and its text as JavaScript
 * writes it, "function anonymous(p1,...,pn\n) {\nbody\n}". */
static void
function_new(js_State *J)
{
	struct mj_object *o;
	struct buf b = BUF_INIT;
	int top = js_gettop(J), i;

	function_ctor(J);
	o = js_toobject(J, -1);
	if ((o->type != MJ_CFUNCTION && o->type != MJ_CSCRIPT) ||
	    scriptcache_shared(o->u.f.function))
		return;
	/* mujs's constructor made strings of its arguments in their
	 * places: reading them again runs nothing */
	buf_puts(&b, "function anonymous(");
	for (i = 1; i < top - 1; i++)
		buf_printf(&b, "%s%s", i > 1 ? "," : "", js_tostring(J, i));
	buf_puts(&b, "\n) {\n");
	if (top > 1 && js_isdefined(J, top - 1))
		buf_puts(&b, js_tostring(J, top - 1));
	buf_puts(&b, "\n}");
	js_pushlstring(J, b.data, (int)b.len);
	buf_free(&b);
	js_defproperty(J, -2, SRCKEY, JS_READONLY | JS_DONTENUM |
	    JS_DONTCONF);
}

static void
to_string(js_State *J)
{
	struct mj_object *o;
	const struct noted *s;
	const struct mj_function *F;

	if (!js_iscallable(J, 0))
		js_typeerror(J, "Function.prototype.toString requires that "
		    "'this' be a Function");
	o = js_toobject(J, 0);
	switch (o->type) {
	case MJ_CFUNCTION:
	case MJ_CSCRIPT:
		F = o->u.f.function;
		if ((s = find(F)) != NULL && s->fn != NULL)
			js_pushlstring(J, s->map->src + s->fn->start,
			    (int)(s->fn->end - s->fn->start));
		else if (s == NULL && F->filename != NULL &&
		    strcmp(F->filename, "[string]") == 0 &&
		    js_hasproperty(J, 0, SRCKEY))
			;
		else
			push_compiled(J, F, s != NULL);
		return;
	case MJ_CCFUNCTION:
		if (o->u.c.name != NULL && strcmp(o->u.c.name, "[bind]") == 0) {
			js_pushliteral(J, "function () { [native code] }");
			return;
		}
		js_pushliteral(J, "function ");
		fnname_push(J, 0);
		js_concat(J);
		js_pushliteral(J, "() { [native code] }");
		js_concat(J);
		return;
	default:
		js_pushliteral(J, "function () { [native code] }");
		return;
	}
}

void
fnsource_define(js_State *J)
{
	struct mj_object *o;

	js_getglobal(J, "Function");
	o = js_toobject(J, -1);
	if (o->type == MJ_CCFUNCTION && o->u.c.function != function_new) {
		function_ctor = o->u.c.function;
		o->u.c.function = function_new;
		o->u.c.constructor = function_new;
	}
	js_getproperty(J, -1, "prototype");
	if (lazyprop_override(J, -1, "toString", to_string,
	    "Function.prototype.toString", 0) == NULL) {
		js_newcfunction(J, to_string, "Function.prototype.toString", 0);
		js_defproperty(J, -2, "toString", JS_DONTENUM);
	}
	js_pop(J, 2);
}
