/* Lowering functions and classes.  Part of lower.c's printer (lower-int.h). */
#include "config.h"

#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

#include "compile/ast.h"
#include "compile/lower-int.h"

/* Functions. */

struct fnctx *
fn_push(struct gen *g, int arrow)
{
	struct fnctx *f = arena_alloc(g->arena, sizeof *f);

	memset(f, 0, sizeof *f);
	f->up = g->fn;
	f->id = ++g->nfn;
	f->arrow = arrow;
	f->strict = f->up != NULL && f->up->strict;
	g->fn = f;
	return f;
}

/* Insert the function's own declarations at its mark, and pop it. */
void
fn_pop(struct gen *g)
{
	struct fnctx *f = g->fn;
	struct buf d = BUF_INIT;

	if (f->uses_this)
		buf_puts(&d, "var _this$ = this; ");
	if (f->uses_args)
		buf_puts(&d, "var _args$ = arguments; ");
	if (f->temps.len)
		buf_printf(&d, "var %s; ", f->temps.data);
	if (d.len)
		insert_at(g, f->mark, d.data);
	buf_free(&d);
	buf_free(&f->temps);
	free(f->names);
	g->fn = f->up;
}

void
cb_collect(struct gen *g, struct node *id, void *arg)
{
	struct names *nm = arg;

	if (nm->n < 32)
		nm->v[nm->n++] = id;
}

/* Duplicate parameter names: an error in strict code, arrows and
 * parameter lists that are not simple names. */
static void
check_params(struct gen *g, struct node *f)
{
	struct names nm;
	struct node *p;
	int i, j, simple = 1;

	for (p = f->b; p != NULL; p = p->next)
		if (p->type != N_IDENT)
			simple = 0;
	if (simple && !g->fn->strict && !(f->flags & NF_ARROW))
		return;
	nm.n = 0;
	for (p = f->b; p != NULL; p = p->next)
		pattern_names(g, p, cb_collect, &nm);
	for (i = 0; i < nm.n; i++)
		for (j = 0; j < i; j++)
			if (nm.v[i]->n == nm.v[j]->n &&
			    memcmp(nm.v[i]->s, nm.v[j]->s, nm.v[i]->n) == 0)
				gfail(g, nm.v[i], "Duplicate parameter name not "
				    "allowed in this context");
}

void
gen_function(struct gen *g, struct node *f, const char *name,
    const char *prologue)
{
	struct fnctx *fc;
	struct node *p;
	int i, arrow = (f->flags & NF_ARROW) != 0;
	int named_scope = 0, simple = 1, saved_first, use_strict, nformal;
	int saved_dtrack = g->dtrack;
	unsigned saved_dlast = g->dlast;
	struct loopwrap *saved_wrap;
	struct names *saved_capture;
	const char *capture_args = NULL, *inferred = NULL;
	const struct node *span = g->fn_span != NULL ? g->fn_span : f;
	const char *es5name = "";

	g->fn_span = NULL;
	sync(g, f->line);
	if (name == NULL)
		inferred = fnname_ident(g, f);
	if (fnname_computed(f))
		emit(g, "__ly.nf(");
	if (name == NULL && f->a != NULL && !(f->flags & NF_DECL)) {
		/* A named function expression sees its own name. */
		scope_push(g);
		named_scope = 1;
		bind(g, g->scope, f->a->s, f->a->n,
		    arena_strndup(g->arena, f->a->s, f->a->n), B_VAR);
	}
	saved_wrap = g->wrap;
	saved_first = g->first;
	g->wrap = NULL;
	saved_capture = g->capture;
	g->capture = NULL;
	if (saved_capture != NULL && name == NULL && !(f->flags & NF_DECL)) {
		struct buf cb = BUF_INIT;

		for (i = 0; i < saved_capture->n; i++) {
			struct node *id = saved_capture->v[i];
			struct binding *b = lookup(g, id->s, id->n);

			if (b != NULL)
				buf_printf(&cb, "%s%s", cb.len ? ", " : "",
				    b->box != NULL ? b->box : b->emit);
		}
		if (cb.len > 0) {
			capture_args = gstrdup(g, cb.data);
			emit(g, "(");
			fn_begin(g, NULL, "");
			emitf(g, "function (%s) { return ", capture_args);
		}
		buf_free(&cb);
	}
	if (name != NULL)
		es5name = name;
	else if (f->a != NULL && !arrow)
		es5name = arena_strndup(g->arena, f->a->s, f->a->n);
	else if (inferred != NULL)
		es5name = inferred;
	fn_begin(g, span, es5name);
	emit(g, "function");
	if (*es5name != '\0')
		emitf(g, " %s", es5name);
	else
		emit(g, " ");
	emit(g, "(");
	fc = fn_push(g, arrow);
	use_strict = !(f->flags & NF_EXPRBODY) && f->c != NULL &&
	    has_use_strict(g, f->c->a) && !fc->strict;
	if (use_strict)
		fc->strict = 1;
	check_params(g, f);
	if (name != NULL)
		fc->fname = name;
	else if (f->a != NULL && !arrow)
		fc->fname = arena_strndup(g->arena, f->a->s, f->a->n);
	else
		fc->fname = inferred;
	scope_push(g);
	/* The function's length counts the parameters before the first
	 * with a default or the rest: only those are the ES5 function's,
	 * the others are read from arguments in the body. */
	for (p = f->b, nformal = 0; p != NULL && p->type != N_REST &&
	    p->type != N_ASSIGNPAT; p = p->next)
		nformal++;
	/* Parameters: simple names stay; the rest is done in the body. */
	for (p = f->b, i = 0; p != NULL; p = p->next, i++) {
		if (p->type == N_REST)
			break;
		if (i > 0 && i < nformal)
			emit(g, ", ");
		if (p->type == N_IDENT) {
			strict_name(g, p);
			declare_var(g, p->s, p->n);
			if (i < nformal)
				buf_add(&g->out, p->s, p->n);
		} else if (p->type == N_ASSIGNPAT && p->a->type == N_IDENT) {
			strict_name(g, p->a);
			declare_var(g, p->a->s, p->a->n);
		} else if (i < nformal)
			emit(g, gprintf(g, "_$p%d", i));
	}
	emit(g, ") {");
	/* Before the declarations inserted at the mark: a directive must
	 * come first. */
	if (use_strict)
		emit(g, "\"use strict\"; ");
	fc->mark = g->out.len;
	emit(g, " " TICK "();");
	for (p = f->b; p != NULL; p = p->next) {
		if (p->type != N_IDENT)
			pattern_names(g, p, cb_var, NULL);
		if (p->type != N_IDENT)
			simple = 0;
	}
	/* Default values see the parameters and the outer scope, not the
	 * body: with them, the body's declarations come later, renamed
	 * where they would clash. */
	if (!(f->flags & NF_EXPRBODY)) {
		collect_vars(g, f->c->a, 1);
		if (simple) {
			declare_block(g, f->c->a, 1);
			if (f->c->a != NULL)
				tdz_scope(g, f->c->a, 0, 0);
		}
	}
	if (prologue != NULL)
		emit(g, prologue);
	/* k6 checks a pattern's value after what it noted last: the
	 * function's start (a method's: its key's, after static), then the
	 * parameters before it */
	g->dtrack = g->map != NULL;
	g->dlast = (f->tok != 0 ? f->tok : f->pos) + 1;
	for (p = f->b, i = 0; p != NULL && p->type != N_REST; p = p->next, i++) {
		if (i < nformal)
			continue;
		if (p->type == N_IDENT)
			emitf(g, " var %.*s = arguments[%d];", (int)p->n, p->s, i);
		else if (p->type == N_ASSIGNPAT && p->a->type == N_IDENT)
			emitf(g, " var %.*s = arguments[%d];", (int)p->a->n,
			    p->a->s, i);
		else
			emitf(g, " var _$p%d = arguments[%d];", i, i);
	}
	for (p = f->b, i = 0; p != NULL; p = p->next, i++) {
		if (p->type == N_IDENT)
			continue;
		if (p->type == N_ASSIGNPAT && p->a->type == N_IDENT) {
			unsigned x;

			emitf(g, " if (%.*s === void 0) %.*s = ",
			    (int)p->a->n, p->a->s, (int)p->a->n, p->a->s);
			gen_expr(g, p->b, 1);
			emit(g, ";");
			if (g->dtrack && (x = pos_last(p->b)) != POS_NONE)
				g->dlast = x;
			continue;
		}
		emit(g, " var ");
		g->first = 1;
		if (p->type == N_REST)
			destr(g, p->a, gprintf(g, "[].slice.call(arguments, %d)", i),
			    D_DECL);
		else
			destr(g, p, gprintf(g, "_$p%d", i), D_DECL);
		emit(g, ";");
	}
	g->dtrack = 0;
	if (!simple && !(f->flags & NF_EXPRBODY)) {
		scope_push(g);
		declare_block(g, f->c->a, 0);
		if (f->c->a != NULL)
			tdz_scope(g, f->c->a, 0, 0);
	}
	if ((f->flags & (NF_GEN | NF_ASYNC)) || (!(f->flags & NF_EXPRBODY) &&
	    lowergen_depth(f->c) > LOWER_FLAT_DEPTH)) {
		lowergen_body(g, f);
		emit(g, " }");
		if (!simple && !(f->flags & NF_EXPRBODY))
			scope_pop(g);
	} else if (f->flags & NF_EXPRBODY) {
		emit(g, " return (");
		gen_expr(g, f->c, 1);
		emit(g, "); }");
	} else {
		gen_stmts(g, f->c->a);
		emit(g, " }");
		if (!simple)
			scope_pop(g);
	}
	scope_pop(g);
	fn_pop(g);
	if (named_scope)
		scope_pop(g);
	if (capture_args != NULL)
		emitf(g, "; })(%s)", capture_args);
	if (fnname_computed(f))
		emitf(g, ", \"%s\")", f->s);
	g->capture = saved_capture;
	g->wrap = saved_wrap;
	g->first = saved_first;
	g->dtrack = saved_dtrack;
	g->dlast = saved_dlast;
}

/* Classes. */

void
gen_class(struct gen *g, struct node *c, const char *bindname)
{
	struct clsctx cc, *saved = g->cls;
	struct node *m, *ctor = NULL;
	const char *name, *sup = NULL;
	struct buf fb = BUF_INIT;
	const char *fieldpro;
	size_t nf = 0, i;
	int was_strict;

	memset(&cc, 0, sizeof cc);
	if (c->a != NULL)
		name = arena_strndup(g->arena, c->a->s, c->a->n);
	else if ((name = fnname_ident(g, c)) != NULL)
		;
	else if (bindname != NULL)
		name = bindname;
	else
		name = gprintf(g, "__ly$n$$$%d", ++g->uid);
	cc.name = name;
	for (m = c->c; m != NULL; m = m->next) {
		if (m->type == N_METHOD && (m->flags & NF_CTOR))
			ctor = m;
		if (m->type == N_FIELD && !(m->flags & NF_STATIC))
			nf++;
	}
	cc.fields = arena_alloc(g->arena, (nf + 1) * sizeof *cc.fields);
	for (m = c->c; m != NULL; m = m->next)
		if (m->type == N_FIELD && !(m->flags & NF_STATIC))
			cc.fields[cc.nfields++] = gprintf(g, "_fi$%d", ++g->uid);
	sync(g, c->line);
	if (c->b != NULL) {
		sup = gprintf(g, "_super$%d", ++g->uid);
		cc.super = sup;
	}
	emit(g, "(");
	fn_begin(g, NULL, "");
	emitf(g, "function (%s) {", sup ? sup : "");
	/* Class bodies are strict code. */
	was_strict = g->fn->strict;
	if (!was_strict) {
		emit(g, "\"use strict\"; ");
		g->fn->strict = 1;
	}
	scope_push(g);
	/* Only a class's own name is bound inside it: in const C = class
	 * {}, C is the outer binding, in its dead zone in static fields. */
	if (c->a != NULL)
		bind(g, g->scope, name, strlen(name), name, B_CONST);
	g->cls = &cc;
	if (sup == NULL)
		for (i = 0; i < cc.nfields; i++)
			buf_printf(&fb, " %s.call(this);", cc.fields[i]);
	/* In the arena: an error longjmps past the end of this function. */
	fieldpro = gstrdup(g, fb.data != NULL ? fb.data : "");
	buf_free(&fb);
	if (ctor == NULL) {
		emit(g, " ");
		fn_begin(g, c, name);
		emitf(g, "function %s() {", name);
		if (sup != NULL) {
			emitf(g, " __ly.sup(this, %s, arguments)", sup);
			for (i = 0; i < cc.nfields; i++)
				emitf(g, ", %s.call(this)", cc.fields[i]);
			emit(g, ";");
		} else
			emit(g, fieldpro);
		emit(g, " }");
	}
	if (sup != NULL)
		emitf(g, " __ly.inh(%s, %s);", name, sup);
	nf = 0;
	for (m = c->c; m != NULL; m = m->next) {
		const char *target;

		cc.is_static = (m->flags & NF_STATIC) != 0;
		target = cc.is_static ? name : gprintf(g, "%s.prototype", name);
		sync(g, m->line);
		if (m->type == N_STATICBLOCK) {
			emit(g, " (");
			{
				struct node fake;

				memset(&fake, 0, sizeof fake);
				fake.type = N_FUNC;
				fake.line = m->line;
				fake.pos = m->pos;
				fake.c = m->a;
				gen_function(g, &fake, NULL, NULL);
			}
			emitf(g, ").call(%s);", name);
			continue;
		}
		if (m->type == N_FIELD) {
			const char *key = NULL;
			struct node fake, ret;

			if (m->flags & NF_COMPUTED) {
				key = gprintf(g, "_fk$%d", ++g->uid);
				emitf(g, " var %s = ", key);
				gen_expr(g, m->a, 1);
				emit(g, ";");
			}
			/* The initialiser runs with this = the instance (or the
			 * class for static fields), as a function of its own. */
			memset(&fake, 0, sizeof fake);
			memset(&ret, 0, sizeof ret);
			fake.type = N_FUNC;
			fake.line = m->line;
			fake.pos = m->pos;
			fake.flags = NF_EXPRBODY;
			fake.c = m->b != NULL ? m->b : &ret;
			ret.type = N_IDENT;
			ret.line = m->line;
			ret.s = "undefined";
			ret.n = 9;
			if (cc.is_static)
				emitf(g, " __ly.fd(%s, ", name);
			else {
				emit(g, " ");
				fn_begin(g, NULL, cc.fields[nf]);
				emitf(g, "function %s() { __ly.fd(this, ",
				    cc.fields[nf++]);
			}
			if (key != NULL)
				emit(g, key);
			else
				emit_key_literal(g, m->a);
			emit(g, ", ");
			gen_function(g, &fake, NULL, NULL);
			if (cc.is_static)
				emitf(g, ".call(%s));", name);
			else
				emit(g, ".call(this)); }");
			continue;
		}
		if (m->flags & NF_CTOR) {
			emit(g, " ");
			/* the constructor is the class */
			g->fn_span = c;
			gen_function(g, m->b, name, sup == NULL ? fieldpro : NULL);
			continue;
		}
		if (m->flags & (NF_GET | NF_SET)) {
			emitf(g, " __ly.acc(%s, ", target);
			emit_key(g, m->a, m->flags, m->b);
			emit(g, ", ");
			if (m->flags & NF_SET)
				emit(g, "void 0, ");
			gen_function(g, m->b, NULL, NULL);
			if (m->flags & NF_GET)
				emit(g, ", void 0");
			emit(g, ");");
			continue;
		}
		emitf(g, " __ly.m(%s, ", target);
		emit_key(g, m->a, m->flags, m->b);
		emit(g, ", ");
		gen_function(g, m->b, NULL, NULL);
		emit(g, ");");
	}
	cc.is_static = 0;
	g->cls = saved;
	g->fn->strict = was_strict;
	scope_pop(g);
	emitf(g, " return %s; })(", name);
	if (c->b != NULL)
		gen_expr(g, c->b, 1);
	emit(g, ")");
}
