/* Lowering statements: blocks, loops and their body functions, jumps,
 * switch, try.  Part of lower.c's printer (lower-int.h). */
#include "config.h"

#include <setjmp.h>
#include <string.h>

#include "compile/ast.h"
#include "compile/lower-int.h"
#include "compile/posmap.h"

static const char *jump_marks(struct gen *, int, const char *, size_t);

/* Statements. */

/* A block; pre, if not NULL, is emitted first inside it. */
static void
gen_block_pre(struct gen *g, struct node *b, const char *pre)
{
	sync(g, b->line);
	emit(g, "{");
	if (pre != NULL)
		emit(g, pre);
	scope_push(g);
	declare_block(g, b->a, 0);
	tdz_scope(g, b->a, 0, 0);
	tdz_resets(g);
	gen_stmts(g, b->a);
	scope_pop(g);
	emit(g, " }");
}

static void
gen_block(struct gen *g, struct node *b)
{
	gen_block_pre(g, b, NULL);
}

void
gen_var(struct gen *g, struct node *v, int in_for)
{
	struct node *d;
	int lexical = (v->flags & (NF_LET | NF_CONST)) != 0;

	/* In a loop body function, var names belong to the outer function:
	 * assign, do not declare. */
	int novar = g->fn->wrapper && (!lexical || g->fn->gen != NULL);

	sync(g, v->line);
	if (!novar)
		emit(g, "var ");
	g->first = 1;
	for (d = v->a; d != NULL; d = d->next) {
		sync(g, d->line);
		if (d->a->type == N_IDENT) {
			if (novar && !lexical && d->b == NULL && !in_for)
				continue;
			piece(g);
			emit_ident_ref(g, d->a);
			if (d->b != NULL) {
				emit(g, " = ");
				if (d->b->type == N_CLASS && d->b->a == NULL)
					gen_class(g, d->b, arena_strndup(g->arena,
					    d->a->s, d->a->n));
				else
					gen_expr(g, d->b, 1);
			} else if (lexical && !in_for)
				emit(g, " = void 0");
			if (lexical)
				pattern_names(g, d->a, cb_tdz_set, NULL);
			continue;
		}
		if (d->b == NULL) {
			/* for (const [a, b] of ...): bound by the loop. */
			continue;
		}
		{
			const char *t = temp(g);

			piece(g);
			emitf(g, "%s = ", t);
			gen_expr(g, d->b, 1);
			destr_from(g, d->a, t, D_DECL, init_last(g, d->b));
			if (lexical)
				pattern_names(g, d->a, cb_tdz_set, NULL);
		}
	}
	if (g->first)
		emit(g, novar ? "void 0" : "_$unused");
	if (!in_for)
		emit(g, ";");
}

static void
gen_body_stmt(struct gen *g, struct node *s)
{
	emit(g, " ");
	gen_stmt(g, s);
}

static int
is_named(struct node *id, struct names *nm)
{
	int i;

	for (i = 0; i < nm->n; i++)
		if (id->n == nm->v[i]->n && memcmp(id->s, nm->v[i]->s, id->n) == 0)
			return 1;
	return 0;
}

/* Does a function inside n mention one of the names? */
static int
captured(struct node *n, struct names *nm, int infn)
{
	for (; n != NULL; n = n->next) {
		int f = infn || n->type == N_FUNC || n->type == N_CLASS;

		if (infn && n->type == N_IDENT && is_named(n, nm))
			return 1;
		if (captured(n->a, nm, f) || captured(n->b, nm, f) ||
		    captured(n->c, nm, f) || captured(n->d, nm, f))
			return 1;
	}
	return 0;
}

/* Is one of the names assigned inside n? */
static int
assigned(struct node *n, struct names *nm)
{
	for (; n != NULL; n = n->next) {
		if ((n->type == N_ASSIGN || n->type == N_UPDATE) &&
		    n->a->type == N_IDENT && is_named(n->a, nm))
			return 1;
		if (assigned(n->a, nm) || assigned(n->b, nm) ||
		    assigned(n->c, nm) || assigned(n->d, nm))
			return 1;
	}
	return 0;
}

/* The let/const/class names declared anywhere in a loop body (not in
 * nested functions), and with catches, the catch clauses' parameters. */
static void
body_lexicals(struct gen *g, struct node *n, struct names *nm, int catches)
{
	struct node *k;

	for (; n != NULL && nm->n < 32; n = n->next) {
		switch (n->type) {
		case N_VAR:
			if (n->flags & (NF_LET | NF_CONST))
				for (k = n->a; k != NULL; k = k->next)
					pattern_names(g, k->a, cb_collect, nm);
			break;
		case N_CLASS:
			if ((n->flags & NF_DECL) && n->a != NULL)
				cb_collect(g, n->a, nm);
			break;
		case N_BLOCK:
			body_lexicals(g, n->a, nm, catches);
			break;
		case N_IF:
			body_lexicals(g, n->b, nm, catches);
			body_lexicals(g, n->c, nm, catches);
			break;
		case N_TRY:
			if (catches && n->b != NULL)
				pattern_names(g, n->b, cb_collect, nm);
			body_lexicals(g, n->a, nm, catches);
			body_lexicals(g, n->c, nm, catches);
			body_lexicals(g, n->d, nm, catches);
			break;
		case N_SWITCH:
			for (k = n->b; k != NULL; k = k->next)
				body_lexicals(g, k->b, nm, catches);
			break;
		case N_LABEL:
		case N_WHILE:
			body_lexicals(g, n->b, nm, catches);
			break;
		case N_DOWHILE:
			body_lexicals(g, n->a, nm, catches);
			break;
		case N_FOR:
			body_lexicals(g, n->d, nm, catches);
			break;
		case N_FORIN:
		case N_FOROF:
			body_lexicals(g, n->c, nm, catches);
			break;
		}
	}
}

static void
cb_unbox(struct gen *g, struct node *id, void *arg)
{
	id->flags &= ~NF_BOXED;
}

struct names *
gen_capture_push(struct gen *g, struct node *decl, struct node *body)
{
	struct names *saved = g->capture, all, one, *nm;
	struct node *d;
	int i, head;

	all.n = 0;
	if (decl != NULL && decl->type == N_VAR &&
	    (decl->flags & (NF_LET | NF_CONST)))
		for (d = decl->a; d != NULL; d = d->next)
			pattern_names(g, d->a, cb_collect, &all);
	head = all.n;
	/* a catch clause taken apart binds a variable of the function */
	body_lexicals(g, body, &all, 1);
	nm = arena_alloc(g->arena, sizeof *nm);
	nm->n = 0;
	/* an inner loop's closures copy the outer loops' bindings too */
	for (i = 0; saved != NULL && i < saved->n; i++)
		nm->v[nm->n++] = saved->v[i];
	for (i = 0; i < all.n && nm->n < 32; i++) {
		one.n = 1;
		one.v[0] = all.v[i];
		if (!captured(body, &one, 0))
			continue;
		/* one the body assigns is shared by the closures of a turn:
		 * a property of a box made when its block is entered */
		if (assigned(body, &one)) {
			if (i < head)
				continue;
			all.v[i]->flags |= NF_BOXED;
		}
		nm->v[nm->n++] = all.v[i];
	}
	if (nm->n > 0)
		g->capture = nm;
	return saved;
}

void
gen_capture_pop(struct gen *g, struct names *saved)
{
	g->capture = saved;
}

/* The names a let/const loop head binds, when the body needs a fresh
 * copy of them per iteration; else 0. */
static int
loop_names(struct gen *g, struct node *decl, struct node *body,
    struct names *nm)
{
	struct node *d;
	struct names all;
	int head;

	nm->n = 0;
	head = decl != NULL && decl->type == N_VAR &&
	    (decl->flags & (NF_LET | NF_CONST));
	if (head)
		for (d = decl->a; d != NULL; d = d->next)
			pattern_names(g, d->a, cb_collect, nm);
	if (nm->n == 32)
		return 0;
	/* A body that assigns the variable keeps the shared one: the
	 * assignment must reach the loop's update expression. */
	if (nm->n > 0 && captured(body, nm, 0) && !assigned(body, nm))
		return 1;
	/* let/const inside the body: fresh per iteration when wrapped. */
	all.n = 0;
	body_lexicals(g, body, &all, 0);
	if (all.n == 32)
		return 0;
	if (all.n > 0 && captured(body, &all, 0)) {
		if (assigned(body, nm))
			nm->n = 0;
		return nm->n == 0 || !assigned(body, nm);
	}
	return 0;
}

/* var declarations in a loop body function assign names of the function
 * around it (gen_var): declare them there, with its temporaries, or they
 * would be implicit globals (or errors, in strict code). */
static void
cb_hoist(struct gen *g, struct node *id, void *arg)
{
	struct fnctx *f = arg;
	struct binding *b = lookup(g, id->s, id->n);
	const char *name = b != NULL ? b->emit :
	    arena_strndup(g->arena, id->s, id->n);

	buf_printf(&f->temps, "%s%s", f->temps.len ? ", " : "", name);
}

void
hoist_vars(struct gen *g, struct node *n, struct fnctx *f)
{
	struct node *k;

	for (; n != NULL; n = n->next) {
		switch (n->type) {
		case N_FUNC:
		case N_CLASS:
			continue;
		case N_VAR:
			if (!(n->flags & (NF_LET | NF_CONST)))
				for (k = n->a; k != NULL; k = k->next)
					pattern_names(g, k->a, cb_hoist, f);
			continue;
		}
		hoist_vars(g, n->a, f);
		hoist_vars(g, n->b, f);
		hoist_vars(g, n->c, f);
		hoist_vars(g, n->d, f);
	}
}

/* Print a loop body as "var r = (function (names) { body })(names);"
 * plus the dispatch of its result: 1 is break, an object a return. */
static void
gen_wrapped(struct gen *g, struct node *body, struct names *nm,
    const char *label)
{
	const char *r = temp(g);
	struct loopwrap w;
	struct fnctx *fc;
	struct buf nb = BUF_INIT;
	const char *names, *marks;
	int i;

	for (i = 0; i < nm->n; i++) {
		struct binding *b = lookup(g, nm->v[i]->s, nm->v[i]->n);

		buf_printf(&nb, "%s%s", i ? ", " : "",
		    b ? b->emit : "undefined");
	}
	names = gstrdup(g, nb.data != NULL ? nb.data : "");
	buf_free(&nb);
	{
		struct fnctx *f = g->fn;
		struct node *save = body->next;

		while (f->wrapper && f->up != NULL)
			f = f->up;
		body->next = NULL;
		hoist_vars(g, body, f);
		body->next = save;
	}
	memset(&w, 0, sizeof w);
	w.up = g->wrap;
	w.label = label;
	emitf(g, " var %s = (", r);
	fn_begin(g, NULL, "");
	emitf(g, "function (%s) {", names);
	fc = fn_push(g, 1);
	fc->wrapper = 1;
	fc->mark = g->out.len;
	g->wrap = &w;
	if (body->type == N_BLOCK) {
		scope_push(g);
		declare_block(g, body->a, 0);
		tdz_scope(g, body->a, 0, 0);
		gen_stmts(g, body->a);
		scope_pop(g);
	} else
		gen_body_stmt(g, body);
	g->wrap = w.up;
	fn_pop(g);
	marks = jump_marks(g, N_BREAK, NULL, 0);
	if (*marks)
		emitf(g, " })(%s); if (%s === 1) { %s; break; } if (%s) {", names,
		    r, marks, r);
	else
		emitf(g, " })(%s); if (%s === 1) break; if (%s) {", names, r, r);
	for (i = 0; i < w.njumps; i++) {
		struct node jump, lab;

		memset(&jump, 0, sizeof jump);
		memset(&lab, 0, sizeof lab);
		jump.type = w.jumps[i][0] == 'b' ? N_BREAK : N_CONTINUE;
		jump.a = &lab;
		lab.type = N_IDENT;
		lab.s = w.jumps[i] + 2;
		lab.n = strlen(lab.s);
		emitf(g, " if (%s.l === \"%s\") ", r, w.jumps[i]);
		gen_stmt(g, &jump);
	}
	marks = jump_marks(g, N_RETURN, NULL, 0);
	if (g->wrap == NULL && g->fn->gen != NULL)
		emitf(g, " return _$g.ab(\"return\", (%s%s%s.v)); }", marks,
		    *marks ? ", " : "", r);
	else
		emitf(g, " return %s%s%s; }", *marks ? marks : "",
		    *marks ? ", " : "", g->wrap != NULL ? r :
		    gprintf(g, "%s.v", r));
}

/* A loop or switch body inside a loop body function. */
static void
wrap_enter(struct gen *g, int loop)
{
	if (g->wrap != NULL) {
		g->wrap->breaks++;
		g->wrap->loops += loop;
	}
}

static void
wrap_leave(struct gen *g, int loop)
{
	if (g->wrap != NULL) {
		g->wrap->breaks--;
		g->wrap->loops -= loop;
	}
}

/* A loop's body, after the tick of its back-edge. */
static void
gen_loop_body(struct gen *g, struct node *s)
{
	emit(g, " { " TICK "();");
	wrap_enter(g, 1);
	gen_body_stmt(g, s);
	wrap_leave(g, 1);
	emit(g, " }");
}

/*
 * A symbol is a string "@@sym:..." to the engine, and a property keyed
 * by one is enumerable, which for-in must not show: the loop skips such
 * a key before its body.  A member on the left (for (o.k in x)) is
 * assigned before the test could run, and is left as it is.
 */
static void
forin_skip(struct gen *g, struct node *left)
{
	struct node *id = left->type == N_VAR ? left->a->a : left;

	if (id->type != N_IDENT)
		return;
	emit(g, " if (typeof ");
	emit_ident_ref(g, id);
	emit(g, " === \"symbol\") continue;");
}

/* "op = op && 2, ..." for the for...of loops a jump leaves (type N_BREAK,
 * N_CONTINUE or N_RETURN, with label or NULL), or "" for none: their
 * finally then closes the iterator as for a jump, not an exception. */
static const char *
jump_marks(struct gen *g, int type, const char *label, size_t labeln)
{
	struct jscope *j, *lastloop = NULL, *end = NULL;
	struct buf b = BUF_INIT;
	const char *r;

	/* Find where the jump goes: the walk stops before end. */
	for (j = g->jumps; j != NULL && j->fn == g->fn; j = j->up) {
		if (type == N_RETURN)
			continue;
		if (label != NULL) {
			if (j->kind == J_LABEL && j->labeln == labeln &&
			    memcmp(j->label, label, labeln) == 0) {
				/* continue L stays in L's loop. */
				end = type == N_CONTINUE ? lastloop : j;
				break;
			}
		} else if (type == N_CONTINUE && j->kind != J_LABEL &&
		    j->kind != J_SWITCH) {
			end = j;
			break;
		} else if (type == N_BREAK && j->kind != J_LABEL) {
			end = j->up;
			break;
		}
		if (j->kind == J_LOOP || j->kind == J_FOROF)
			lastloop = j;
	}
	if (j == NULL || j->fn != g->fn)
		end = j;
	for (j = g->jumps; j != end && j != NULL; j = j->up)
		if (j->kind == J_FOROF && j->op != NULL)
			buf_printf(&b, "%s%s = %s && 2", b.len ? ", " : "", j->op,
			    j->op);
	r = gstrdup(g, b.data != NULL ? b.data : "");
	buf_free(&b);
	return r;
}

void
pos_next(struct gen *g, const char *it, unsigned last)
{
	int key;

	if (last == POS_NONE || last == POS_UNKNOWN) {
		emitf(g, "%s.next()", it);
		return;
	}
	pos_fresh(g, 0);
	key = g->pline;
	pos_claim(g, key);
	emitf(g, "%s.next()", it);
	pos_add(g, POS_ITER, key, last - 1);
}

/* for (x of v) becomes an indexed loop over arrays that keep the
 * built-in iterator (and strings), else a loop over v's iterator.  The
 * loop sits in a try whose finally closes the iterator when the loop is
 * left before it is done.  op is 1 while a value taken from an iterator
 * is being used (so an exception from next() itself closes nothing, as
 * the spec says), and a jump out of the loop (break, return, a jump to
 * an outer label) sets it to 2 first (jump_marks): with 1, the loop is
 * left by an exception, which wins over the close's own.  No catch
 * clause: in mujs, one makes every variable of the function slower. */
static void
gen_forof(struct gen *g, struct node *n)
{
	const char *it = temp(g), *isarr = temp(g), *i = temp(g), *st = temp(g);
	const char *op = temp(g);
	struct node *left = n->a;
	const char *label = g->loop_label;
	const char *labels = g->forof_labels;
	struct names nm;
	unsigned last;

	g->loop_label = NULL;
	g->forof_labels = NULL;
	g->jumps->op = op;

	sync(g, n->line);
	scope_push(g);
	if (left->type == N_VAR && (left->flags & (NF_LET | NF_CONST))) {
		struct lexarg la;

		la.kind = (left->flags & NF_CONST) ? B_CONST : B_LET;
		la.fntop = 0;
		la.end = la.istart = la.iend = 0;
		la.init = NULL;
		pattern_names(g, left->a->a, cb_lexical, &la);
	}
	emitf(g, "try { %sfor (var %s = __ly.it(", labels != NULL ? labels : "",
	    it);
	gen_expr(g, n->b, 1);
	/* k6 checks the value after the source's code (for await: not
	 * modelled) */
	last = g->map == NULL || (n->flags & NF_ASYNC) ? POS_UNKNOWN :
	    pos_last(n->b);
	emitf(g, "), %s = typeof %s.next != \"function\", %s = 0, %s, %s = 0; "
	    "%s ? %s < %s.length : (%s = 0, !(%s = ", isarr, it, i, st, op,
	    isarr, i, it, op, st);
	pos_next(g, it, last);
	emitf(g, ").done); %s++) { " TICK "();", i);
	{
		const char *v = temp(g);
		struct node *target = left->type == N_VAR ? left->a->a : left;
		int mode = left->type == N_VAR ? D_DECL : D_ASSIGN;

		emitf(g, " var %s = %s ? %s[%s] : (%s = %s.value, %s = 1, %s); ",
		    v, isarr, it, i, v, st, op, v);
		if (mode == D_DECL)
			emit(g, "var ");
		g->first = 1;
		if (mode == D_DECL && target->type == N_IDENT) {
			piece(g);
			emit_ident_ref(g, target);
			emitf(g, " = %s", v);
		} else
			destr_from(g, target, v, mode, last);
		emit(g, ";");
	}
	if (loop_names(g, left, n->c, &nm))
		gen_wrapped(g, n->c, &nm, label);
	else if (n->c->type == N_BLOCK) {
		wrap_enter(g, 1);
		scope_push(g);
		declare_block(g, n->c->a, 0);
		tdz_scope(g, n->c->a, 0, 0);
		tdz_resets(g);
		gen_stmts(g, n->c->a);
		scope_pop(g);
		wrap_leave(g, 1);
	} else {
		wrap_enter(g, 1);
		gen_body_stmt(g, n->c);
		wrap_leave(g, 1);
	}
	emitf(g, " } } finally { if (%s) __ly.ic(%s, %s); }", op, it, op);
	scope_pop(g);
}

static void gen_stmt1(struct gen *, struct node *);

/* break or continue, as a return from a loop body function if it
 * leaves one. */
static void
gen_jump(struct gen *g, struct node *n)
{
	struct loopwrap *w = g->wrap;
	int inner = 0, i;

	if (w != NULL) {
		if (n->a == NULL)
			inner = n->type == N_BREAK ? w->breaks > 0 :
			    w->loops > 0;
		else {
			for (i = 0; i < w->nlabels; i++)
				if (strlen(w->labels[i]) == n->a->n &&
				    memcmp(w->labels[i], n->a->s, n->a->n) == 0)
					inner = 1;
			if (!inner && (w->label == NULL ||
			    strlen(w->label) != n->a->n ||
			    memcmp(w->label, n->a->s, n->a->n) != 0)) {
				/* Leaves an enclosing loop: the caller's
				 * dispatch does the jump. */
				const char *j = gprintf(g, "%c:%.*s",
				    n->type == N_BREAK ? 'b' : 'c',
				    (int)n->a->n, n->a->s);

				for (i = 0; i < w->njumps; i++)
					if (strcmp(w->jumps[i], j) == 0)
						break;
				if (i == w->njumps) {
					if (w->njumps == LOWER_MAX_LABELS)
						gfail(g, n, "more than %d labelled "
						    "jumps out of a loop body",
						    LOWER_MAX_LABELS);
					w->jumps[w->njumps++] = j;
				}
				emitf(g, "return {l: \"%s\"};", j);
				return;
			}
		}
		if (!inner) {
			emit(g, n->type == N_BREAK ? "return 1;" : "return;");
			return;
		}
	}
	if (g->fn->gen != NULL && lowergen_jump(g, n))
		return;
	emit(g, n->type == N_BREAK ? "break" : "continue");
	if (n->a != NULL)
		emitf(g, " %.*s", (int)n->a->n, n->a->s);
	emit(g, ";");
}


void
gen_stmt(struct gen *g, struct node *n)
{
	struct jscope j;

	switch (n->type) {
	case N_FOR: case N_FORIN: case N_WHILE: case N_DOWHILE:
		j.kind = J_LOOP;
		break;
	case N_FOROF:
		j.kind = J_FOROF;
		break;
	case N_SWITCH:
		j.kind = J_SWITCH;
		break;
	case N_LABEL:
		j.kind = J_LABEL;
		j.label = n->a->s;
		j.labeln = n->a->n;
		break;
	default:
		gen_stmt1(g, n);
		return;
	}
	j.up = g->jumps;
	j.fn = g->fn;
	j.op = NULL;
	g->jumps = &j;
	gen_stmt1(g, n);
	g->jumps = j.up;
}

static void
gen_stmt1(struct gen *g, struct node *n)
{
	struct node *k;
	const char *marks;
	const char *label = g->loop_label;
	struct names nm;

	if (n->type != N_FOROF)
		g->loop_label = NULL;
	sync(g, n->line);
	pos_fresh(g, 1);
	switch (n->type) {
	case N_EMPTY:
		emit(g, ";");
		break;
	case N_DEBUGGER:
		emit(g, "debugger;");
		break;
	case N_VAR:
		gen_var(g, n, 0);
		break;
	case N_FUNC: {
		struct binding *b = lookup(g, n->a->s, n->a->n);

		if (g->fn->gen != NULL) {
			/* In a state machine, names live in the function
			 * around it, and a declaration in a switch is not
			 * hoisted by mujs: an assignment where it stands. */
			emitf(g, "%s = ", b != NULL ? b->emit :
			    arena_strndup(g->arena, n->a->s, n->a->n));
			gen_function(g, n, NULL, NULL);
			emit(g, ";");
			break;
		}
		if (b != NULL && (b->kind == B_LET || b->kind == B_CONST) &&
		    scope_find(g->scope, n->a->s, n->a->n) != NULL &&
		    g->scope->up != NULL && !g->fn->top) {
			/* A function declared in a block. */
			emitf(g, "var %s = ", b->emit);
			gen_function(g, n, NULL, NULL);
			emit(g, ";");
			break;
		}
		if (b != NULL && b->kind != B_VAR) {
			emitf(g, "var %s = ", b->emit);
			gen_function(g, n, NULL, NULL);
			emit(g, ";");
			break;
		}
		gen_function(g, n, b != NULL ? b->emit :
		    arena_strndup(g->arena, n->a->s, n->a->n), NULL);
		break;
	}
	case N_CLASS: {
		struct binding *b = lookup(g, n->a->s, n->a->n);

		emitf(g, "%s%s = ", g->fn->gen != NULL ? "" : "var ",
		    b != NULL ? b->emit :
		    arena_strndup(g->arena, n->a->s, n->a->n));
		gen_class(g, n, NULL);
		emit(g, ";");
		if (b != NULL && b->flag != NULL)
			emitf(g, " %s%s = 1;", g->fn->gen != NULL ? "" : "var ",
			    b->flag);
		break;
	}
	case N_EXPRSTMT:
		if (n->a->type == N_FUNC || n->a->type == N_OBJECT ||
		    n->a->type == N_CLASS) {
			emit(g, "(");
			gen_expr(g, n->a, 1);
			emit(g, ")");
		} else
			gen_expr(g, n->a, 1);
		emit(g, ";");
		break;
	case N_BLOCK:
		gen_block(g, n);
		break;
	case N_IF:
		emit(g, "if (");
		gen_expr(g, n->a, 1);
		emit(g, ")");
		gen_body_stmt(g, n->b);
		if (n->c != NULL) {
			emit(g, " else");
			gen_body_stmt(g, n->c);
		}
		break;
	case N_WHILE:
		emit(g, "while (");
		gen_expr(g, n->a, 1);
		emit(g, ")");
		if (loop_names(g, NULL, n->b, &nm)) {
			emit(g, " { " TICK "();");
			gen_wrapped(g, n->b, &nm, label);
			emit(g, " }");
			break;
		}
		gen_loop_body(g, n->b);
		break;
	case N_DOWHILE:
		emit(g, "do");
		if (loop_names(g, NULL, n->a, &nm)) {
			emit(g, " { " TICK "();");
			gen_wrapped(g, n->a, &nm, label);
			emit(g, " }");
		} else
			gen_loop_body(g, n->a);
		emit(g, " while (");
		gen_expr(g, n->b, 1);
		emit(g, ");");
		break;
	case N_FOR:
		scope_push(g);
		if (n->a != NULL && n->a->type == N_VAR &&
		    (n->a->flags & (NF_LET | NF_CONST))) {
			declare_block(g, n->a, 0);
			tdz_scope(g, n, 1, 0);
		}
		emit(g, "for (");
		if (n->a != NULL) {
			if (n->a->type == N_VAR)
				gen_var(g, n->a, 1);
			else
				gen_expr(g, n->a, 1);
		}
		emit(g, "; ");
		if (n->b != NULL)
			gen_expr(g, n->b, 1);
		emit(g, "; ");
		if (n->c != NULL)
			gen_expr(g, n->c, 1);
		emit(g, ")");
		if (loop_names(g, n->a, n->d, &nm)) {
			emit(g, " { " TICK "();");
			gen_wrapped(g, n->d, &nm, label);
			emit(g, " }");
		} else
			gen_loop_body(g, n->d);
		scope_pop(g);
		break;
	case N_FORIN:
		scope_push(g);
		if (n->a->type == N_VAR && (n->a->flags & (NF_LET | NF_CONST)))
			declare_block(g, n->a, 0);
		emit(g, "for (");
		if (n->a->type == N_VAR && n->a->a->a->type == N_IDENT) {
			if (!(g->fn->wrapper && !(n->a->flags & (NF_LET | NF_CONST))))
				emit(g, "var ");
			emit_ident_ref(g, n->a->a->a);
		} else if (n->a->type == N_IDENT || n->a->type == N_MEMBER)
			gen_expr(g, n->a, 1);
		else
			gfail(g, n->a, "not supported yet: destructuring in for-in");
		emit(g, " in ");
		gen_expr(g, n->b, 1);
		emit(g, ") { " TICK "();");
		if (g->map != NULL)
			g->keylast = pos_last(n->b);
		forin_skip(g, n->a);
		if (loop_names(g, n->a, n->c, &nm))
			gen_wrapped(g, n->c, &nm, label);
		else {
			wrap_enter(g, 1);
			gen_body_stmt(g, n->c);
			wrap_leave(g, 1);
		}
		emit(g, " }");
		scope_pop(g);
		break;
	case N_FOROF:
		gen_forof(g, n);
		break;
	case N_RETURN:
		if ((n->flags & NF_TOPRETURN) && g->esm)
			gfail(g, n, "Illegal return statement");
		marks = jump_marks(g, N_RETURN, NULL, 0);
		if (g->fn->gen != NULL && g->wrap == NULL) {
			lowergen_return(g, n, marks);
			break;
		}
		if (*marks && n->a == NULL) {
			emitf(g, "{ %s; %s }", marks, g->wrap != NULL ?
			    "return {v: void 0};" : "return;");
			break;
		}
		if (g->wrap != NULL) {
			emit(g, "return {v: ");
			if (n->a == NULL)
				emit(g, "void 0");
			else if (*marks) {
				const char *t = temp(g);

				emitf(g, "(%s = ", t);
				gen_expr(g, n->a, 0);
				emitf(g, ", %s, %s)", marks, t);
			} else
				gen_expr(g, n->a, 0);
			emit(g, "};");
			break;
		}
		emit(g, "return");
		if (n->a != NULL) {
			emit(g, " (");
			if (*marks) {
				const char *t = temp(g);

				emitf(g, "%s = ", t);
				gen_expr(g, n->a, 0);
				emitf(g, ", %s, %s", marks, t);
			} else
				gen_expr(g, n->a, 1);
			emit(g, ")");
		}
		emit(g, ";");
		break;
	case N_THROW: {
		int key = g->pline;

		pos_claim(g, key);
		emit(g, "throw __ly.th(");
		gen_expr(g, n->a, 0);
		emit(g, ");");
		pos_add(g, POS_THROW, key, n->pos);
		break;
	}
	case N_BREAK:
	case N_CONTINUE:
		marks = jump_marks(g, n->type, n->a != NULL ? n->a->s : NULL,
		    n->a != NULL ? n->a->n : 0);
		if (*marks) {
			emitf(g, "{ %s; ", marks);
			gen_jump(g, n);
			emit(g, " }");
			break;
		}
		gen_jump(g, n);
		break;
	case N_LABEL: {
		const char *l = arena_strndup(g->arena, n->a->s, n->a->n);
		int pushed = 0;

		/* A for...of's labels go inside the try around it. */
		for (k = n->b; k->type == N_LABEL; k = k->b)
			;
		if (k->type == N_FOROF)
			g->forof_labels = gprintf(g, "%s%s: ",
			    g->forof_labels != NULL ? g->forof_labels : "", l);
		else
			emitf(g, "%s:", l);
		if (g->wrap != NULL) {
			if (g->wrap->nlabels == LOWER_MAX_LABELS)
				gfail(g, n, "more than %d labels in a loop body",
				    LOWER_MAX_LABELS);
			g->wrap->labels[g->wrap->nlabels++] = l;
			pushed = 1;
		}
		g->loop_label = l;
		gen_body_stmt(g, n->b);
		g->loop_label = NULL;
		if (pushed)
			g->wrap->nlabels--;
		break;
	}
	case N_TRY:
		emit(g, "try ");
		gen_block(g, n->a);
		if (n->c != NULL) {
			sync(g, n->c->line);
			if (n->b != NULL && n->b->type == N_IDENT &&
			    (n->b->flags & NF_BOXED)) {
				/* the turn's closures share it (gen_capture_push) */
				struct lexarg la = { B_LET, 0 };
				const struct binding *b;

				emitf(g, " catch (%.*s) ", (int)n->b->n, n->b->s);
				scope_push(g);
				cb_lexical(g, n->b, &la);
				b = scope_find(g->scope, n->b->s, n->b->n);
				gen_block_pre(g, n->c, gprintf(g, " %s = {}; %s = %.*s; "
				    TICK "();", b->box, b->emit, (int)n->b->n, n->b->s));
				scope_pop(g);
			} else if (n->b != NULL && n->b->type == N_IDENT) {
				emitf(g, " catch (%.*s) ", (int)n->b->n, n->b->s);
				scope_push(g);
				bind(g, g->scope, n->b->s, n->b->n,
				    arena_strndup(g->arena, n->b->s, n->b->n), B_VAR);
				gen_block_pre(g, n->c, " " TICK "();");
				scope_pop(g);
			} else if (n->b != NULL) {
				const char *t = gprintf(g, "_$e%d", ++g->uid);

				emitf(g, " catch (%s) { " TICK "();", t);
				scope_push(g);
				{
					struct lexarg la = { B_LET, 0 };

					/* declared by a var: not boxed */
					pattern_names(g, n->b, cb_unbox, NULL);
					pattern_names(g, n->b, cb_lexical, &la);
				}
				emit(g, " var ");
				g->first = 1;
				/* k6 checks it after the try block's code */
				destr_from(g, n->b, t, D_DECL, g->map != NULL &&
				    n->a->type == N_BLOCK ? stmts_last(n->a->a) :
				    POS_UNKNOWN);
				emit(g, "; ");
				gen_block(g, n->c);
				scope_pop(g);
				emit(g, " }");
			} else {
				emitf(g, " catch (_$e%d) ", ++g->uid);
				gen_block_pre(g, n->c, " " TICK "();");
			}
		}
		if (n->d != NULL) {
			sync(g, n->d->line);
			emit(g, " finally ");
			gen_block(g, n->d);
		}
		break;
	case N_SWITCH: {
		size_t at;

		emit(g, "switch (");
		at = g->out.len;
		gen_expr(g, n->a, 1);
		emit(g, ") {");
		wrap_enter(g, 0);
		scope_push(g);
		for (k = n->b; k != NULL; k = k->next)
			declare_block(g, k->b, 0);
		if (n->b != NULL) {
			struct buf r = BUF_INIT;
			size_t i;

			/* Resets go before the discriminant: no statement
			 * can come before the first case. */
			tdz_scope(g, n->b, 0, 1);
			for (i = 0; i < g->scope->nb; i++)
				if (g->scope->b[i].flag != NULL)
					buf_printf(&r, "%s = 0, ",
					    g->scope->b[i].flag);
			if (r.len > 0)
				insert_at(g, at, r.data);
			buf_free(&r);
		}
		for (k = n->b; k != NULL; k = k->next) {
			sync(g, k->line);
			if (k->a != NULL) {
				emit(g, " case ");
				gen_expr(g, k->a, 1);
				emit(g, ":");
			} else
				emit(g, " default:");
			gen_stmts(g, k->b);
		}
		scope_pop(g);
		wrap_leave(g, 0);
		emit(g, " }");
		break;
	}
	case N_WITH:
		emit(g, "with (");
		gen_expr(g, n->a, 1);
		emit(g, ")");
		gen_body_stmt(g, n->b);
		break;
	case N_IMPORT:
		break;
	case N_EXPORT:
		if (n->flags & NF_DEFAULT) {
			struct node *d = n->a;

			if (d->type == N_FUNC && (d->flags & NF_DECL)) {
				if (d->a != NULL)
					gen_stmt(g, d);
				else if (g->fn->gen != NULL) {
					/* a module body with top-level await: a
					 * declaration in its switch is not hoisted */
					buf_printf(&g->fn->temps, "%s_default$",
					    g->fn->temps.len ? ", " : "");
					emit(g, "_default$ = ");
					gen_function(g, d, "_default$", NULL);
					emit(g, ";");
				} else
					gen_function(g, d, "_default$", NULL);
			} else if (d->type == N_CLASS && (d->flags & NF_DECL) &&
			    d->a != NULL) {
				gen_stmt(g, d);
			} else {
				emit(g, "var _default$ = ");
				if (d->type == N_CLASS)
					gen_class(g, d, "_default");
				else
					gen_expr(g, d, 1);
				emit(g, ";");
			}
		} else if (n->a != NULL)
			gen_stmt(g, n->a);
		break;
	default:
		gfail(g, n, "cannot lower statement %s", ast_type_name(n->type));
	}
}

void
gen_stmts(struct gen *g, struct node *n)
{
	for (; n != NULL; n = n->next) {
		emit(g, " ");
		gen_stmt(g, n);
	}
}
