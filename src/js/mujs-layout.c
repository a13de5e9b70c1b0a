/* A check, before any script runs, that libmujs.so lays its objects out
 * as src/js/mujs-layout.h says; see mujs-layout.h. */
#include "config.h"

#include <mujs.h>
#include <stdio.h>
#include <string.h>

#include "js/mujs-layout.h"
#include "util/xmalloc.h"

void	*js_toobject(js_State *, int);

static void
nothing(js_State *J)
{
	js_pushundefined(J);
}

/* What frames() saw of the call stack. */
static struct {
	int		 envtop, tracetop;
	void		*env;
	const char	*name, *outer;
} seen;

static void
frames(js_State *J)
{
	const struct mj_state *s = (const void *)J;

	seen.envtop = s->envtop;
	seen.env = s->envtop > 0 ? s->envstack[s->envtop - 1] : NULL;
	seen.tracetop = s->tracetop;
	seen.name = s->trace[s->tracetop].name;
	seen.outer = s->tracetop > 0 ? s->trace[s->tracetop - 1].name : "";
	js_pushundefined(J);
}

static const struct mj_property *
find(const struct mj_property *p, const char *name)
{
	int c;

	while (p->level > 0) {
		if ((c = strcmp(name, p->name)) == 0)
			return p;
		p = c < 0 ? p->left : p->right;
	}
	return NULL;
}

/* Each test, on a fresh state, is one assumption of the layout. */
static const char *
probe(js_State *J)
{
	const struct mj_object *o;
	const struct mj_property *a, *b;

	js_newobject(J);
	js_pushnumber(J, 7);
	js_setproperty(J, -2, "b");
	js_pushnumber(J, 8);
	js_setproperty(J, -2, "a");
	o = js_toobject(J, -1);
	if (o->type != MJ_COBJECT || o->extensible != 1 || o->count != 2 ||
	    o->prototype == NULL)
		return "object header";
	if ((a = find(o->properties, "a")) == NULL ||
	    (b = find(o->properties, "b")) == NULL ||
	    a->value.u.number != 8 || b->value.u.number != 7 ||
	    a->getter != NULL || b->setter != NULL)
		return "property tree";
	if (!((unsigned)b->atts >> 4 < (unsigned)a->atts >> 4))
		return "property order";
	js_pop(J, 1);
	js_newarray(J);
	o = js_toobject(J, -1);
	js_pushnumber(J, 1);
	js_setindex(J, -2, 0);
	if (o->type != MJ_CARRAY || o->u.a.simple != 1 || o->u.a.length != 1 ||
	    o->u.a.capacity < 1 || o->u.a.array == NULL ||
	    ((const struct mj_value *)o->u.a.array)[0].type != MJ_TNUMBER ||
	    ((const struct mj_value *)o->u.a.array)[0].u.number != 1)
		return "array";
	js_pop(J, 1);
	js_newstring(J, "abc");
	o = js_toobject(J, -1);
	if (o->type != MJ_CSTRING || o->u.s.length != 3 ||
	    strcmp(o->u.s.string, "abc") != 0)
		return "string object";
	js_pop(J, 1);
	js_newcfunction(J, nothing, "probe", 2);
	o = js_toobject(J, -1);
	if (o->type != MJ_CCFUNCTION || o->u.c.length != 2 ||
	    strcmp(o->u.c.name, "probe") != 0)
		return "C function";
	js_pop(J, 1);
	/* mujs's RegExp constructor, with js/regexp.c's program. */
	js_newregexp(J, "a/b", JS_REGEXP_G | JS_REGEXP_M);
	{
		const struct mj_regexp *r = js_toregexp(J, -1);

		if (r->prog == NULL || r->flags != (JS_REGEXP_G | JS_REGEXP_M) ||
		    r->last != 0 || strcmp(r->source, "a\\/b") != 0)
			return "regexp";
	}
	js_pop(J, 1);
	/* The value stack and the try stack, as js/deepcall.c reads them. */
	{
		const struct mj_state *s = (const void *)J;
		int top = s->top, trytop = s->trytop;

		js_pushnumber(J, 42);
		if (s->top != top + 1 || s->stack == NULL ||
		    s->stack[top].type != MJ_TNUMBER || s->stack[top].u.number != 42)
			return "value stack";
		js_pop(J, 1);
		/* the three kinds of string value (js/symbol.c) */
		js_pushliteral(J, "a literal");
		js_pushstring(J, "short");
		js_pushstring(J, "a string too long to be short");
		if (mj_slot(J, -3)->type != MJ_TLITSTR ||
		    mj_slot(J, -2)->type != MJ_TSHRSTR ||
		    mj_slot(J, -1)->type != MJ_TMEMSTR ||
		    strcmp(mj_value_string(mj_slot(J, -3)), "a literal") != 0 ||
		    strcmp(mj_value_string(mj_slot(J, -2)), "short") != 0 ||
		    strcmp(mj_value_string(mj_slot(J, -1)),
		    "a string too long to be short") != 0 ||
		    mj_slot(J, -1) != &s->stack[top + 2])
			return "string values";
		js_pop(J, 3);
		if (js_try(J))
			return "try stack";
		if (s->trytop != trytop + 1 || s->trybuf[trytop].top != top ||
		    s->trybuf[trytop].bot != s->bot ||
		    s->trybuf[trytop].envtop != s->envtop ||
		    s->trybuf[trytop].tracetop != s->tracetop ||
		    s->trybuf[trytop].E != s->E || s->trybuf[trytop].pc != NULL) {
			js_endtry(J);
			return "try stack";
		}
		js_endtry(J);
	}
	/* the environments and frames of a call, as js/deepcall.c moves them */
	{
		const struct mj_state *s = (const void *)J;
		int envtop = s->envtop, tracetop = s->tracetop;

		js_newcfunction(J, frames, "frames", 0);
		js_setglobal(J, "frames");
		js_loadstring(J, "[layout]", "(function inner() { frames(); })");
		js_pushundefined(J);
		js_call(J, 0);
		js_pushundefined(J);
		js_call(J, 0);
		js_pop(J, 1);
		if (seen.envtop != envtop + 1 || seen.env != s->E ||
		    seen.tracetop != tracetop + 2 ||
		    strcmp(seen.name, "frames") != 0 ||
		    strcmp(seen.outer, "inner") != 0 ||
		    s->envtop != envtop || s->tracetop != tracetop)
			return "call stack";
	}
	/* the call stack that js/errmsg.c reads */
	{
		const struct mj_state *S = (const void *)J;
		const struct mj_function *F;

		js_loadstring(J, "[layout]", "\n\nvoid 0;");
		o = js_toobject(J, -1);
		F = o->u.f.function;
		if (S->top - S->bot != js_gettop(J) ||
		    (const void *)&S->stack[S->top - 1] != js_tovalue(J, -1) ||
		    S->tracetop != 0 || strcmp(S->trace[0].name, "-top-") != 0 ||
		    strcmp(S->trace[0].file, "native") != 0)
			return "state";
		if (o->type != MJ_CSCRIPT || F == NULL || !F->script ||
		    F->filename == NULL || strcmp(F->filename, "[layout]") != 0 ||
		    F->codelen < 4 ||
		    F->code[1] != 13 /* OP_UNDEF */ || F->code[2] != 3)
			return "function";
		/* the newest function, as js/codelimit.c walks the list */
		js_pop(J, 1);
	}
	/* what js/lazyprop.c's js_newfunction reads: Function.prototype
	 * among the state's prototypes, a function's parameter count */
	{
		const struct mj_state *S = (const void *)J;
		const struct mj_function *F, *script;

		js_getglobal(J, "Function");
		js_getproperty(J, -1, "prototype");
		if (js_toobject(J, -1) != S->prototypes[2])
			return "Function.prototype";
		js_pop(J, 2);
		js_loadstring(J, "[layout]", "(function (a, b, c) {})");
		o = js_toobject(J, -1);
		script = o->u.f.function;
		js_pushundefined(J);
		js_call(J, 0);
		o = js_toobject(J, -1);
		F = o->u.f.function;
		if (o->type != MJ_CFUNCTION || F == NULL || F->numparams != 3)
			return "function object";
		/* the list of functions, newest first, that js/codelimit.c
		 * walks after a compilation fails in the calling state */
		if (F->gcnext != script ||
		    js_ploadstring(J, "[layout]", "\nfunction f() { break; }") == 0)
			return "function list";
		js_pop(J, 1);
		F = S->gcfun;
		if (F == NULL || strcmp(F->name, "f") != 0 || F->line != 2 ||
		    F->gcnext == NULL || !F->gcnext->script)
			return "function list";
		js_pop(J, 1);
	}
	return NULL;
}

int
mujs_layout_check(char **cause)
{
	js_State *J = js_newstate(NULL, NULL, 0);
	const char *bad;

	if (J == NULL) {
		*cause = xstrdup("cannot make a JavaScript state");
		return -1;
	}
	if (js_try(J)) {
		bad = "a probe threw";
	} else {
		bad = probe(J);
		js_endtry(J);
	}
	js_freestate(J);
	if (bad == NULL)
		return 0;
	*cause = xasprintf("libmujs.so is not the mujs " LY_MUJS_VERSION
	    " this program was built for (%s differs); Lyocell replaces "
	    "internal functions of mujs and needs exactly that release", bad);
	return -1;
}
