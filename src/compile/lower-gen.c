/* Generators and async functions as state machines, for ES5.
 *
 * As regenerator does, the body becomes a function of a context _$g run
 * by a helper (__ly.gen, __ly.async, __ly.agen in helpers.js):
 *
 *	function f(a) { var x, _$1; return __ly.gen(function (_$g, _$s) {
 *	    _$l: for (;; __ly_tick()) switch (_$g.p = _$g.n) { case 0: ...
 *	    _$g.n = 1; return (x);  case 1: y = _$s; ...
 *	    default: return _$g.stop(); } }, [[try, catch, finally, after]]); }
 *
 * A yield sets the state to resume at and returns its value; the value
 * sent in is _$s, the body's second argument (a property of the context
 * would be made at every await).  Statements and expressions without a yield (or
 * await) are printed by lower.c as they are, each on its source line;
 * those with one are taken apart ("exploded"): the parts of an
 * expression evaluated before a yield are kept in temporaries, and
 * loops, ifs, switches and trys become jumps between states.  All the
 * body's variables live in the outer function, so they survive between
 * calls of the inner one.  try statements become a table of states
 * (regenerator's try entries): _$g.p, the state running, tells the
 * helper which catch or finally an exception or a return goes to.
 *
 * State numbers are given in order of output, so that a try's states
 * form a range; jumps forward are printed as "\1label\2" and patched to
 * numbers when the body is done. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "compile/ast.h"
#include "compile/lexer.h"
#include "compile/lower-int.h"
#include "util/xmalloc.h"

/* A loop, switch or labelled statement taken apart: where break and
 * continue go. */
#define GEN_MAX_LABELS	8	/* labels on one statement */
/* In a flat function, statements nested deeper than this stay whole. */
#define GEN_FLAT_KEEP	16
/* Each turn records the state it runs, which only a body with a try
 * reads (the context's exc, ab and ct, in helpers.js): taken out of the
 * others once the body is lowered. */
#define PSET		"_$g.p = "

struct gtarget {
	struct gtarget	*up;
	int		 loop;		/* continue allowed */
	int		 sw;		/* a switch (unlabelled break) */
	const char	*labels[GEN_MAX_LABELS];
	size_t		 labeln[GEN_MAX_LABELS];
	int		 nlabels;
	int		 brk, cont;	/* labels */
};

struct lgen {
	int		*labs;		/* label -> state, or -1 */
	size_t		 nlabs, caplabs;
	int		 nstate;
	struct buf	 tries;		/* the try table */
	struct gtarget	*targets;
	int		 kind;		/* 0 generator, 1 async, 2 async gen */
	int		 flat;		/* a plain function too deep for mujs */
	int		 deep;		/* flat, or a body as deep: statements
					 * without a yield nested deeper than
					 * GEN_FLAT_KEEP are taken apart too */
	/* Labels waiting for the loop they label. */
	const char	*pend[GEN_MAX_LABELS];
	size_t		 pendn[GEN_MAX_LABELS];
	int		 npend;
};

static void ex_stmt(struct gen *, struct node *);
static void ex_expr(struct gen *, struct node **);
static void ex_destr(struct gen *, struct node *, const char *, int);
static void ex_class(struct gen *, struct node *);
static int has_yield_list(const struct node *);
static void replace(struct node **, struct node *);

static struct lgen *
LG(struct gen *g)
{
	return g->fn->gen;
}

/* Does n (not the list it heads) contain a yield or await of this
 * function?  Nested functions and classes have their own. */
static int
has_yield(const struct node *n)
{
	if (n == NULL)
		return 0;
	switch (n->type) {
	case N_YIELD:
	case N_AWAIT:
		return 1;
	case N_FUNC:
		return 0;
	case N_CLASS: {
		/* its extends clause and computed keys run here; its
		 * methods and initialisers are functions of their own */
		const struct node *m;

		if (has_yield(n->b))
			return 1;
		for (m = n->c; m != NULL; m = m->next)
			if ((m->flags & NF_COMPUTED) && has_yield(m->a))
				return 1;
		return 0;
	}
	case N_FOROF:
		if (n->flags & NF_ASYNC)
			return 1;
		break;
	}
	return has_yield_list(n->a) || has_yield_list(n->b) ||
	    has_yield_list(n->c) || has_yield_list(n->d);
}

static int
has_yield_list(const struct node *n)
{
	for (; n != NULL; n = n->next)
		if (has_yield(n))
			return 1;
	return 0;
}

static int
depth_list(const struct node *n)
{
	int m = 0, d;

	for (; n != NULL; n = n->next)
		if ((d = lowergen_depth(n)) > m)
			m = d;
	return m;
}

static int
max2(int a, int b)
{
	return a > b ? a : b;
}

int
lowergen_depth(const struct node *n)
{
	if (n == NULL)
		return 0;
	switch (n->type) {
	case N_BLOCK:
		return 1 + depth_list(n->a);
	case N_IF:
		return 1 + max2(lowergen_depth(n->b), lowergen_depth(n->c));
	case N_FOR:
		return 1 + lowergen_depth(n->d);
	case N_FORIN:
	case N_FOROF:
		return 1 + lowergen_depth(n->c);
	case N_WHILE:
		return 1 + lowergen_depth(n->b);
	case N_DOWHILE:
		return 1 + lowergen_depth(n->a);
	case N_WITH:
		return 1 + lowergen_depth(n->b);
	case N_TRY:
		return 1 + max2(lowergen_depth(n->a),
		    max2(lowergen_depth(n->c), lowergen_depth(n->d)));
	case N_SWITCH: {
		const struct node *k;
		int m = 0;

		for (k = n->b; k != NULL; k = k->next)
			m = max2(m, depth_list(k->b));
		return 2 + m;
	}
	case N_LABEL:
		return 1 + lowergen_depth(n->b);
	default:
		return 1;
	}
}

int
lowergen_awaits(const struct node *list)
{
	return has_yield_list(list);
}

static int
newlab(struct gen *g)
{
	struct lgen *lg = LG(g);

	if (lg->nlabs == lg->caplabs) {
		lg->caplabs = lg->caplabs ? lg->caplabs * 2 : 32;
		lg->labs = xreallocarray(lg->labs, lg->caplabs, sizeof *lg->labs);
	}
	lg->labs[lg->nlabs] = -1;
	return (int)lg->nlabs++;
}

/* A new state starts here: the label's. */
static void
mark(struct gen *g, int lab)
{
	struct lgen *lg = LG(g);

	lg->labs[lab] = lg->nstate;
	emitf(g, " case %d:", lg->nstate++);
}

/* A state where a try, catch, finally or what follows starts: falling
 * into it must update _$g.p too. */
static void
mark_p(struct gen *g, int lab)
{
	mark(g, lab);
	emitf(g, " _$g.p = %d;", LG(g)->labs[lab]);
}

static void
jump(struct gen *g, int lab)
{
	emitf(g, " _$g.n = \1%d\2; continue _$l;", lab);
}

static struct node *
ident(struct gen *g, const struct node *at, const char *name)
{
	struct node *n = ast_new(g->arena, N_IDENT, at->line, at->pos);

	n->s = name;
	n->n = strlen(name);
	return n;
}

/* Is the value of n the same whenever it is read? */
static int
constant(const struct node *n)
{
	switch (n->type) {
	case N_NUM:
	case N_STR:
	case N_REGEX:
	case N_FUNC:
	case N_THIS:
	case N_SUPER:
	case N_HOLE:
		return 1;
	case N_IDENT:
		/* Temporaries of ours (not the value sent in, _$s). */
		return n->n > 2 && n->s[0] == '_' && n->s[1] == '$' &&
		    n->s[2] != 'g' && !(n->n == 3 && n->s[2] == 's');
	}
	return 0;
}

/* Evaluate *np now into a temporary, which replaces it. */
static void
spill(struct gen *g, struct node **np)
{
	const char *t;

	if (has_yield(*np))
		ex_expr(g, np);
	if (constant(*np))
		return;
	t = temp(g);
	emitf(g, " %s = (", t);
	gen_expr(g, *np, 1);
	emit(g, ");");
	replace(np, ident(g, *np, t));
}

/* Take apart the slots of an expression, in the order they are
 * evaluated: those before the last one with a yield are spilled. */
static void
ex_slots(struct gen *g, struct node ***slots, int n)
{
	int i, last = -1;

	for (i = 0; i < n; i++)
		if (has_yield(*slots[i]))
			last = i;
	for (i = 0; i < last; i++)
		spill(g, slots[i]);
	if (last >= 0)
		ex_expr(g, slots[last]);
}

#define MAXSLOTS	256

/* The slots of a list: elements, arguments (a spread's argument). */
static int
list_slots(struct node **lp, struct node ***slots, int n)
{
	struct node **p;

	for (p = lp; *p != NULL && n < MAXSLOTS; p = &(*p)->next) {
		if ((*p)->type == N_SPREAD)
			slots[n++] = &(*p)->a;
		else if ((*p)->type != N_HOLE)
			slots[n++] = p;
	}
	return n;
}

/* Replace *np in place: slots of a list point at the next field of
 * the node before. */
static void
replace(struct node **np, struct node *r)
{
	struct node *next = (*np)->next;
	unsigned last = r->type == N_IDENT ? pos_last(*np) : 0;

	**np = *r;
	(*np)->next = next;
	/* where k6 noted last in the expression it stands for */
	if (r->type == N_IDENT) {
		(*np)->flags |= NF_STANDIN;
		(*np)->tok = last;
	}
}

static void
emit_yield(struct gen *g, struct node *n, struct node **np)
{
	struct lgen *lg = LG(g);
	int lab = newlab(g);

	if (n->a != NULL && has_yield(n->a))
		ex_expr(g, &n->a);
	sync(g, n->line);
	emitf(g, " _$g.n = \1%d\2; return ", lab);
	if (n->type == N_YIELD && (n->flags & NF_STAR)) {
		emit(g, lg->kind == 2 ? "__ly.ady(" : "_$g.dy(");
		gen_expr(g, n->a, 1);
		emit(g, ");");
	} else if (n->type == N_AWAIT && lg->kind == 2) {
		emit(g, "__ly.aw(");
		gen_expr(g, n->a, 1);
		emit(g, ");");
	} else if (n->a != NULL) {
		emit(g, "(");
		gen_expr(g, n->a, 1);
		emit(g, ");");
	} else
		emit(g, "void 0;");
	mark(g, lab);
	replace(np, ident(g, n, "_$s"));
}

/* t = *np, its yields exploded first. */
static void
set_temp(struct gen *g, struct node **np, const char *t)
{
	if (has_yield(*np))
		ex_expr(g, np);
	emitf(g, " %s = (", t);
	gen_expr(g, *np, 1);
	emit(g, ");");
}

/* a && b, a || b, a ?? b with a yield in b; c ? a : b with one in a or
 * b: jumps, the value in a temporary. */
static void
ex_branch(struct gen *g, struct node **np)
{
	struct node *n = *np;
	const char *t = temp(g);
	int end = newlab(g);

	if (n->type == N_COND) {
		int no = newlab(g);

		if (has_yield(n->a))
			ex_expr(g, &n->a);
		emit(g, " if (!(");
		gen_expr(g, n->a, 1);
		emit(g, ")) {");
		jump(g, no);
		emit(g, " }");
		set_temp(g, &n->b, t);
		jump(g, end);
		mark(g, no);
		set_temp(g, &n->c, t);
		mark(g, end);
		replace(np, ident(g, n, t));
		return;
	}
	set_temp(g, &n->a, t);
	if (n->op == T_AND)
		emitf(g, " if (!%s) {", t);
	else if (n->op == T_OR)
		emitf(g, " if (%s) {", t);
	else
		emitf(g, " if (%s != null) {", t);
	jump(g, end);
	emit(g, " }");
	set_temp(g, &n->b, t);
	mark(g, end);
	replace(np, ident(g, n, t));
}

/* The binary operator of a compound assignment, or 0. */
static int
compound_op(int op)
{
	switch (op) {
	case T_ADD_AS: return '+';
	case T_SUB_AS: return '-';
	case T_MUL_AS: return '*';
	case T_DIV_AS: return '/';
	case T_MOD_AS: return '%';
	case T_EXP_AS: return T_EXP;
	case T_SHL_AS: return T_SHL;
	case T_SHR_AS: return T_SHR;
	case T_USHR_AS: return T_USHR;
	case T_AND_AS: return '&';
	case T_OR_AS: return '|';
	case T_XOR_AS: return '^';
	}
	return 0;
}

/* target = value, target op= value with a yield in the value. */
static void
ex_assign(struct gen *g, struct node **np)
{
	struct node *n = *np, *t = n->a, **slots[2];
	int bop = compound_op(n->op), ns = 0;

	while (t->type == N_PAREN)
		t = t->a;
	if (n->op == '=' && (t->type == N_ARRPAT || t->type == N_OBJPAT) &&
	    has_yield(t)) {
		const char *v = temp(g);

		ex_expr(g, &n->b);
		emitf(g, " %s = (", v);
		gen_expr(g, n->b, 1);
		emit(g, ");");
		ex_destr(g, t, v, D_ASSIGN);
		replace(np, ident(g, n, v));
		return;
	}
	if (t->type == N_MEMBER && t->a->type != N_SUPER) {
		slots[ns++] = &t->a;
		if (t->flags & NF_COMPUTED)
			slots[ns++] = &t->b;
		for (int i = 0; i < ns; i++)
			spill(g, slots[i]);
	} else if (t->type != N_IDENT && (has_yield(t) || (n->op != '=' &&
	    bop == 0)))
		gfail(g, t, "not supported yet: %s in an assignment target",
		    LG(g)->kind == 1 ? "await" : "yield");
	if (n->op != '=' && bop == 0) {
		/* a ||= v is a || (a = v), the target's parts read once */
		struct node *l = ast_new(g->arena, N_LOGICAL, n->line, n->pos);
		struct node *rd = ast_new(g->arena, t->type, t->line, t->pos);

		*rd = *t;
		rd->next = NULL;
		l->op = n->op == T_LAND_AS ? T_AND : n->op == T_LOR_AS ? T_OR :
		    T_NULLISH;
		l->a = rd;
		l->b = ast_new(g->arena, N_ASSIGN, n->line, n->pos);
		l->b->op = '=';
		l->b->a = t;
		l->b->b = n->b;
		replace(np, l);
		ex_branch(g, np);
		return;
	}
	if (bop != 0) {
		/* The old value is read before the yield. */
		struct node *old = ast_new(g->arena, N_PAREN, t->line, t->pos);
		struct node *b = ast_new(g->arena, N_BINARY, n->line, n->pos);

		old->a = t;
		spill(g, &old);
		b->op = (unsigned short)bop;
		b->a = old;
		b->b = n->b;
		n->b = b;
		n->op = '=';
		ex_expr(g, &b->b);
		return;
	}
	ex_expr(g, &n->b);
}

/* A yield or await after a ?. link of the chain *np: the link's base
 * is evaluated into a temporary and tested, as a branch, and the rest
 * of the chain runs on the temporary.  The deepest such link is taken
 * first (its base has none), the others by recursion.  0 when the chain
 * has no such link. */
static int
ex_optchain(struct gen *g, struct node **np)
{
	struct node *k, *l = NULL, *c;
	const char *r, *t, *obj = NULL;
	int above = 0, end;

	for (k = *np; k->type == N_MEMBER || k->type == N_CALL; k = k->a) {
		if (k->type == N_CALL ? has_yield_list(k->b) :
		    (k->flags & NF_COMPUTED) && has_yield(k->b))
			above = 1;
		if (above && (k->flags & NF_OPTIONAL))
			l = k;
	}
	if (l == NULL)
		return 0;
	r = temp(g);
	end = newlab(g);
	c = l->a;
	while (c->type == N_PAREN && l->type == N_CALL && c->a->type == N_MEMBER)
		c = c->a;
	if (l->type == N_CALL && c->type == N_MEMBER && c->a->type != N_SUPER) {
		/* o.f?.(x): f is called with this = o */
		spill(g, &c->a);
		if (c->flags & NF_COMPUTED)
			spill(g, &c->b);
		obj = c->a->s;
	} else
		ex_expr(g, &l->a);
	t = temp(g);
	emitf(g, " %s = (", t);
	gen_expr(g, l->a, 1);
	emitf(g, "); if (%s == null) { %s = void 0;", t, r);
	jump(g, end);
	emit(g, " }");
	l->flags &= ~NF_OPTIONAL;
	if (obj != NULL) {
		struct node *m = ast_new(g->arena, N_MEMBER, l->line, l->pos);
		struct node *self = ident(g, l, obj);

		m->a = ident(g, l, t);
		m->b = ident(g, l, "call");
		self->next = l->b;
		l->a = m;
		l->b = self;
	} else
		l->a = ident(g, l, t);
	ex_expr(g, np);
	/* the links left may still be ?. ones */
	c = ast_new(g->arena, N_CHAIN, l->line, l->pos);
	c->a = *np;
	emitf(g, " %s = (", r);
	gen_expr(g, c, 1);
	emit(g, ");");
	mark(g, end);
	replace(np, ident(g, *np, r));
	return 1;
}

/* A class with a yield or await in its extends clause or computed
 * keys: they are evaluated first, in order, into temporaries. */
static void
ex_class(struct gen *g, struct node *n)
{
	struct node **slots[MAXSLOTS], *m;
	int ns = 0;

	if (n->b != NULL)
		slots[ns++] = &n->b;
	for (m = n->c; m != NULL && ns < MAXSLOTS; m = m->next)
		if (m->flags & NF_COMPUTED)
			slots[ns++] = &m->a;
	ex_slots(g, slots, ns);
}

/* Make *np free of yields, printing what must run before it. */
static void
ex_expr(struct gen *g, struct node **np)
{
	struct node *n = *np, **slots[MAXSLOTS];
	int ns = 0;

	if (!has_yield(n))
		return;
	switch (n->type) {
	case N_YIELD:
	case N_AWAIT:
		emit_yield(g, n, np);
		return;
	case N_PAREN:
		ex_expr(g, &n->a);
		return;
	case N_CHAIN:
		if (ex_optchain(g, &n->a))
			replace(np, n->a);
		else
			ex_expr(g, &n->a);
		return;
	case N_LOGICAL:
		if (has_yield(n->b)) {
			ex_branch(g, np);
			return;
		}
		ex_expr(g, &n->a);
		return;
	case N_COND:
		if (has_yield(n->b) || has_yield(n->c)) {
			ex_branch(g, np);
			return;
		}
		ex_expr(g, &n->a);
		return;
	case N_ASSIGN:
		ex_assign(g, np);
		return;
	case N_UNARY:
	case N_SPREAD:
		ex_expr(g, &n->a);
		return;
	case N_UPDATE:
	case N_MEMBER:
		if (n->type == N_MEMBER && ex_optchain(g, np))
			return;
		if (n->type == N_UPDATE) {
			struct node *t = n->a;

			while (t->type == N_PAREN)
				t = t->a;
			if (t->type != N_MEMBER)
				return;
			n = t;
		}
		if (n->a->type != N_SUPER)
			slots[ns++] = &n->a;
		if (n->flags & NF_COMPUTED)
			slots[ns++] = &n->b;
		break;
	case N_CALL:
	case N_NEW: {
		struct node *c = n->a;

		if (n->type == N_CALL && ex_optchain(g, np))
			return;

		while (c->type == N_PAREN && n->type == N_CALL &&
		    c->a->type != N_MEMBER)
			c = c->a;
		if (n->type == N_CALL && c->type == N_MEMBER &&
		    c->a->type != N_SUPER && !(c->flags & NF_OPTIONAL)) {
			/* A method call: spill the object and key, keep
			 * the call a method call. */
			slots[ns++] = &c->a;
			if (c->flags & NF_COMPUTED)
				slots[ns++] = &c->b;
		} else if (c->type != N_SUPER)
			slots[ns++] = &n->a;
		ns = list_slots(&n->b, slots, ns);
		break;
	}
	case N_BINARY:
		if (n->a->type != N_PRIVNAME)
			slots[ns++] = &n->a;
		slots[ns++] = &n->b;
		break;
	case N_SEQ:
	case N_ARRAY:
		ns = list_slots(&n->a, slots, 0);
		break;
	case N_TEMPLATE:
		ns = list_slots(&n->b, slots, 0);
		break;
	case N_TAGGED:
		slots[ns++] = &n->a;
		ns = list_slots(&n->b->b, slots, ns);
		break;
	case N_CLASS:
		ex_class(g, n);
		return;
	case N_OBJECT: {
		struct node *k;

		for (k = n->a; k != NULL && ns < MAXSLOTS - 1; k = k->next) {
			if (k->type == N_SPREAD) {
				slots[ns++] = &k->a;
				continue;
			}
			if (k->flags & NF_COMPUTED)
				slots[ns++] = &k->a;
			if (!(k->flags & (NF_METHOD | NF_GET | NF_SET)))
				slots[ns++] = &k->b;
		}
		break;
	}
	default:
		gfail(g, n, "not supported yet: %s in this position",
		    LG(g)->kind == 1 ? "await" : "yield");
	}
	ex_slots(g, slots, ns);
}

/* An expression statement-like piece: explode, then print. */
static void
ex_value(struct gen *g, struct node **np)
{
	ex_expr(g, np);
}

/* *np evaluated as a statement. */
static void
ex_exprstmt(struct gen *g, struct node **np)
{
	ex_value(g, np);
	emit(g, " ");
	gen_expr(g, *np, 1);
	emit(g, ";");
}

/* Jump to lab when *np is truthy (when) or falsy (!when). */
static void
branch(struct gen *g, struct node **np, int when, int lab)
{
	ex_value(g, np);
	emit(g, when ? " if (" : " if (!(");
	gen_expr(g, *np, 1);
	emit(g, when ? ") {" : ")) {");
	jump(g, lab);
	emit(g, " }");
}

static void
ex_stmts(struct gen *g, struct node *n)
{
	for (; n != NULL; n = n->next)
		ex_stmt(g, n);
}

static struct gtarget *
target_push(struct gen *g, struct gtarget *t, int loop, int sw)
{
	struct lgen *lg = LG(g);
	int i;

	memset(t, 0, sizeof *t);
	t->loop = loop;
	t->sw = sw;
	t->brk = newlab(g);
	t->cont = loop ? newlab(g) : -1;
	if (loop || sw) {
		for (i = 0; i < lg->npend; i++) {
			t->labels[i] = lg->pend[i];
			t->labeln[i] = lg->pendn[i];
		}
		t->nlabels = lg->npend;
		lg->npend = 0;
	}
	t->up = lg->targets;
	lg->targets = t;
	return t;
}

static void
target_pop(struct gen *g)
{
	LG(g)->targets = LG(g)->targets->up;
}

/* Block-scoped names of a statement list, in a scope of their own. */
static void
block_enter(struct gen *g, struct node *list)
{
	scope_push(g);
	declare_block(g, list, 0);
	tdz_scope(g, list, 0, 0);
	tdz_resets(g);
}

static void
ex_block(struct gen *g, struct node *b)
{
	if (b->type != N_BLOCK) {
		ex_stmt(g, b);
		return;
	}
	block_enter(g, b->a);
	ex_stmts(g, b->a);
	scope_pop(g);
}

/* Destructure val into the pattern t, with a yield or await in its
 * defaults or computed keys: as destr() in lower.c, one statement at a
 * time, a default a branch taken when the value is undefined. */
static void
ex_destr(struct gen *g, struct node *t, const char *val, int mode)
{
	struct node *k;
	const char *tmp, *keys = "";
	int i, skip;

	while (t->type == N_PAREN)
		t = t->a;
	if (!has_yield(t)) {
		emit(g, " ");
		g->first = 1;
		destr(g, t, val, mode);
		emit(g, ";");
		return;
	}
	tmp = temp(g);
	switch (t->type) {
	case N_ASSIGNPAT:
		skip = newlab(g);
		emitf(g, " %s = %s; if (%s !== void 0) {", tmp, val, tmp);
		jump(g, skip);
		emit(g, " }");
		ex_expr(g, &t->b);
		emitf(g, " %s = (", tmp);
		gen_expr(g, t->b, 1);
		emit(g, ");");
		mark(g, skip);
		ex_destr(g, t->a, tmp, mode);
		return;
	case N_ARRPAT:
		for (k = t->a, i = 0; k != NULL && k->type != N_REST; k = k->next)
			i++;
		if (k != NULL)
			emitf(g, " %s = __ly.ai(%s);", tmp, val);
		else
			emitf(g, " %s = __ly.ai(%s, %d);", tmp, val, i);
		for (k = t->a, i = 0; k != NULL; k = k->next, i++) {
			if (k->type == N_HOLE)
				continue;
			if (k->type == N_REST)
				ex_destr(g, k->a, gprintf(g, "%s.slice(%d)", tmp, i),
				    mode);
			else
				ex_destr(g, k, gprintf(g, "%s[%d]", tmp, i), mode);
		}
		return;
	case N_OBJPAT:
		emitf(g, " %s = __ly.oc(%s);", tmp, val);
		for (k = t->a; k != NULL; k = k->next) {
			const char *sep = *keys ? ", " : "", *kt;

			if (k->type == N_REST) {
				ex_destr(g, k->a, gprintf(g, "__ly.or(%s, [%s])",
				    tmp, keys), mode);
				continue;
			}
			if (!(k->flags & NF_COMPUTED)) {
				struct buf q = BUF_INIT;

				if (k->a->type == N_NUM)
					buf_printf(&q, "\"%.17g\"", k->a->num);
				else
					quote(&q, k->a->s, k->a->n);
				keys = gprintf(g, "%s%s%s", keys, sep, q.data);
				buf_free(&q);
				ex_destr(g, k->b, access(g, tmp, k->a), mode);
				continue;
			}
			ex_expr(g, &k->a);
			kt = temp(g);
			emitf(g, " %s = (", kt);
			gen_expr(g, k->a, 1);
			emit(g, ");");
			keys = gprintf(g, "%s%s%s", keys, sep, kt);
			ex_destr(g, k->b, gprintf(g, "%s[%s]", tmp, kt), mode);
		}
		return;
	}
	gfail(g, t, "not supported yet: %s in an assignment target",
	    LG(g)->kind == 1 ? "await" : "yield");
}

/* A var, let or const: one declarator at a time. */
static void
ex_var(struct gen *g, struct node *v)
{
	struct node one = *v, *d, *nx;

	for (d = v->a; d != NULL; d = nx) {
		nx = d->next;
		if (d->b != NULL)
			ex_value(g, &d->b);
		if (d->b != NULL && d->a->type != N_IDENT && has_yield(d->a)) {
			const char *t = temp(g);

			sync(g, d->line);
			emitf(g, " %s = (", t);
			gen_expr(g, d->b, 1);
			emit(g, ");");
			ex_destr(g, d->a, t, D_DECL);
			if (v->flags & (NF_LET | NF_CONST)) {
				emit(g, " ");
				g->first = 1;
				tdz_set_names(g, d->a);
				emit(g, g->first ? "void 0;" : ";");
			}
			continue;
		}
		d->next = NULL;
		one.a = d;
		emit(g, " ");
		gen_var(g, &one, 0);
		d->next = nx;
	}
}

/* The loop's value assigned to its left side (for-in, for-of). */
static void
assign_left(struct gen *g, struct node *left, const char *v, unsigned last)
{
	struct node *target = left->type == N_VAR ? left->a->a : left;

	emit(g, " ");
	g->first = 1;
	if (target->type == N_IDENT && left->type == N_VAR) {
		emit_ident_ref(g, target);
		emitf(g, " = %s;", v);
		return;
	}
	destr_from(g, target, v, left->type == N_VAR ? D_DECL : D_ASSIGN, last);
	emit(g, ";");
}

static void
loop_scope(struct gen *g, struct node *left)
{
	scope_push(g);
	if (left != NULL && left->type == N_VAR &&
	    (left->flags & (NF_LET | NF_CONST))) {
		struct lexarg la;

		memset(&la, 0, sizeof la);
		la.kind = (left->flags & NF_CONST) ? B_CONST : B_LET;
		pattern_names(g, left->a->a, cb_lexical, &la);
	}
}

/* A try entry: its states, as labels, in the table. */
static void
try_entry(struct gen *g, int t, int c, int f, int a)
{
	struct lgen *lg = LG(g);

	buf_printf(&lg->tries, "%s[\1%d\2, ", lg->tries.len ? ", " : "", t);
	if (c >= 0)
		buf_printf(&lg->tries, "\1%d\2, ", c);
	else
		buf_puts(&lg->tries, "0, ");
	if (f >= 0)
		buf_printf(&lg->tries, "\1%d\2, ", f);
	else
		buf_puts(&lg->tries, "0, ");
	buf_printf(&lg->tries, "\1%d\2]", a);
}

static void
ex_forof(struct gen *g, struct node *n, struct gtarget *tg)
{
	struct lgen *lg = LG(g);
	const char *it = temp(g), *s = temp(g), *dn = temp(g);
	int tl = newlab(g), fl = newlab(g);
	int async = (n->flags & NF_ASYNC) != 0;
	/* k6 checks the value after the source's code (for await: not
	 * modelled) */
	unsigned last = async || g->map == NULL ? POS_UNKNOWN :
	    pos_last(n->b);

	ex_value(g, &n->b);
	emitf(g, " %s = __ly.%s(", it, async ? "ait" : "$iter");
	gen_expr(g, n->b, 1);
	emitf(g, "); %s = 1;", dn);
	try_entry(g, tl, -1, fl, tg->brk);
	mark_p(g, tl);
	mark(g, tg->cont);
	if (async) {
		int l = newlab(g);

		emitf(g, " %s = 1; _$g.n = \1%d\2; return %s%s.next());", dn, l,
		    lg->kind == 2 ? "__ly.aw(" : "(", it);
		mark(g, l);
		emitf(g, " %s = _$s; if (Object(%s) !== %s) throw new "
		    "TypeError(\"Iterator result \" + %s + \" is not an object\");",
		    s, s, s, s);
	} else {
		emitf(g, " %s = 1; %s = ", dn, s);
		pos_next(g, it, last);
		emit(g, ";");
	}
	emitf(g, " if (%s.done) {", s);
	emitf(g, " _$g.n = \1%d\2; continue _$l; }", fl);
	emitf(g, " %s = 0;", dn);
	loop_scope(g, n->a);
	assign_left(g, n->a, gprintf(g, "%s.value", s), last);
	ex_block(g, n->c);
	scope_pop(g);
	jump(g, tg->cont);
	mark_p(g, fl);
	if (async) {
		/* An async iterator's return is awaited. */
		int l = newlab(g);

		emitf(g, " if (!%s && %s[\"return\"] != null) { _$g.n = \1%d\2; "
		    "return %s%s[\"return\"]()); }", dn, it, l,
		    lg->kind == 2 ? "__ly.aw(" : "(", it);
		mark(g, l);
	} else
		emitf(g, " if (!%s) __ly.ic(%s, _$g.ct(%d));", dn, it,
		    lg->labs[fl]);
	emitf(g, " return _$g.fin(%d);", lg->labs[fl]);
	mark_p(g, tg->brk);
}

static void
ex_loop(struct gen *g, struct node *n)
{
	struct gtarget tg;
	struct node *k;
	struct names *cap;
	int top;

	cap = gen_capture_push(g, n->type == N_WHILE || n->type == N_DOWHILE ?
	    NULL : n->a, n->type == N_WHILE ? n->b : n->type == N_DOWHILE ?
	    n->a : n->type == N_FOR ? n->d : n->c);
	target_push(g, &tg, 1, 0);
	switch (n->type) {
	case N_WHILE:
		mark(g, tg.cont);
		if (n->a != NULL) {
			branch(g, &n->a, 0, tg.brk);
		}
		ex_block(g, n->b);
		jump(g, tg.cont);
		mark(g, tg.brk);
		break;
	case N_DOWHILE:
		top = newlab(g);
		mark(g, top);
		ex_block(g, n->a);
		mark(g, tg.cont);
		branch(g, &n->b, 1, top);
		mark(g, tg.brk);
		break;
	case N_FOR:
		top = newlab(g);
		loop_scope(g, NULL);
		if (n->a != NULL && n->a->type == N_VAR) {
			if (n->a->flags & (NF_LET | NF_CONST))
				declare_block(g, n->a, 0);
			ex_var(g, n->a);
		} else if (n->a != NULL) {
			ex_exprstmt(g, &n->a);
		}
		mark(g, top);
		if (n->b != NULL) {
			branch(g, &n->b, 0, tg.brk);
		}
		ex_block(g, n->d);
		mark(g, tg.cont);
		if (n->c != NULL) {
			ex_exprstmt(g, &n->c);
		}
		jump(g, top);
		mark(g, tg.brk);
		scope_pop(g);
		break;
	case N_FORIN: {
		const char *keys = temp(g), *i = temp(g), *k2 = temp(g);
		unsigned kl = g->map != NULL ? pos_last(n->b) : POS_UNKNOWN;

		ex_value(g, &n->b);
		emitf(g, " %s = []; for (%s in (", keys, k2);
		gen_expr(g, n->b, 1);
		emitf(g, ")) if (typeof %s !== \"symbol\") %s.push(%s); %s = 0;",
		    k2, keys, k2, i);
		mark(g, tg.cont);
		emitf(g, " if (!(%s < %s.length)) {", i, keys);
		jump(g, tg.brk);
		emit(g, " }");
		loop_scope(g, n->a);
		k = n->a;
		assign_left(g, k, gprintf(g, "%s[%s++]", keys, i), POS_UNKNOWN);
		g->keylast = kl;
		ex_block(g, n->c);
		scope_pop(g);
		jump(g, tg.cont);
		mark(g, tg.brk);
		break;
	}
	case N_FOROF:
		ex_forof(g, n, &tg);
		break;
	}
	target_pop(g);
	gen_capture_pop(g, cap);
}

static void
ex_switch(struct gen *g, struct node *n)
{
	struct gtarget tg;
	struct node *k;
	const char *d = temp(g);
	int labs[256], nc = 0, i, dflt = -1;

	target_push(g, &tg, 0, 1);
	ex_value(g, &n->a);
	emitf(g, " %s = (", d);
	gen_expr(g, n->a, 1);
	emit(g, ");");
	scope_push(g);
	for (k = n->b; k != NULL; k = k->next)
		declare_block(g, k->b, 0);
	tdz_scope(g, n->b, 0, 1);
	tdz_resets(g);
	for (k = n->b; k != NULL; k = k->next) {
		if (nc == 256)
			gfail(g, k, "too many cases");
		labs[nc] = newlab(g);
		if (k->a == NULL)
			dflt = labs[nc];
		else {
			ex_value(g, &k->a);
			sync(g, k->line);
			emitf(g, " if (%s === (", d);
			gen_expr(g, k->a, 1);
			emit(g, ")) {");
			jump(g, labs[nc]);
			emit(g, " }");
		}
		nc++;
	}
	jump(g, dflt >= 0 ? dflt : tg.brk);
	for (k = n->b, i = 0; k != NULL; k = k->next, i++) {
		sync(g, k->line);
		mark(g, labs[i]);
		ex_stmts(g, k->b);
	}
	scope_pop(g);
	mark(g, tg.brk);
	target_pop(g);
}

static void
ex_try(struct gen *g, struct node *n)
{
	struct lgen *lg = LG(g);
	int tl = newlab(g), cl = n->c ? newlab(g) : -1;
	int fl = n->d ? newlab(g) : -1, al = newlab(g);

	try_entry(g, tl, cl, fl, al);
	mark_p(g, tl);
	ex_block(g, n->a);
	jump(g, fl >= 0 ? fl : al);
	if (n->c != NULL) {
		sync(g, n->c->line);
		mark_p(g, cl);
		scope_push(g);
		if (n->b != NULL && n->b->type == N_IDENT &&
		    (n->b->flags & NF_BOXED)) {
			/* lower.c's declare_lexical makes the box */
			struct lexarg la;

			memset(&la, 0, sizeof la);
			la.kind = B_LET;
			cb_lexical(g, n->b, &la);
			tdz_resets(g);
			emitf(g, " %s = _$g.cat(%d);",
			    scope_find(g->scope, n->b->s, n->b->n)->emit,
			    lg->labs[tl]);
		} else if (n->b != NULL && n->b->type == N_IDENT) {
			const char *e = gprintf(g, "%.*s$%d", (int)n->b->n,
			    n->b->s, ++g->uid);

			bind(g, g->scope, n->b->s, n->b->n, e, B_LET);
			buf_printf(&g->fn->temps, "%s%s",
			    g->fn->temps.len ? ", " : "", e);
			emitf(g, " %s = _$g.cat(%d);", e, lg->labs[tl]);
		} else if (n->b != NULL) {
			const char *t = temp(g);
			struct lexarg la;

			memset(&la, 0, sizeof la);
			la.kind = B_LET;
			pattern_names(g, n->b, cb_lexical, &la);
			tdz_resets(g);
			emitf(g, " %s = _$g.cat(%d); ", t, lg->labs[tl]);
			g->first = 1;
			destr(g, n->b, t, D_ASSIGN);
			emit(g, ";");
		} else
			emitf(g, " _$g.cat(%d);", lg->labs[tl]);
		ex_block(g, n->c);
		scope_pop(g);
		if (fl < 0)
			jump(g, al);
	}
	if (n->d != NULL) {
		sync(g, n->d->line);
		mark_p(g, fl);
		ex_block(g, n->d);
		emitf(g, " return _$g.fin(%d);", lg->labs[fl]);
	}
	mark_p(g, al);
}

static int
is_loop(const struct node *n)
{
	return n->type == N_FOR || n->type == N_FORIN || n->type == N_FOROF ||
	    n->type == N_WHILE || n->type == N_DOWHILE;
}

static void
ex_stmt(struct gen *g, struct node *n)
{
	struct lgen *lg = LG(g);

	/* A deep body takes apart the statements nested too deep to stay
	 * as they are (N_WITH cannot be taken apart): mujs's parser would
	 * refuse them, and nested try statements past 64 fail at run time. */
	if (!has_yield(n) && (!lg->deep || n->type == N_WITH ||
	    lowergen_depth(n) <= GEN_FLAT_KEEP)) {
		emit(g, " ");
		gen_stmt(g, n);
		return;
	}
	sync(g, n->line);
	switch (n->type) {
	case N_EXPRSTMT:
		ex_value(g, &n->a);
		emit(g, " ");
		gen_stmt(g, n);
		break;
	case N_VAR:
		ex_var(g, n);
		break;
	case N_CLASS:
		ex_class(g, n);
		emit(g, " ");
		gen_stmt(g, n);
		break;
	case N_RETURN:
	case N_THROW:
		ex_value(g, &n->a);
		emit(g, " ");
		gen_stmt(g, n);
		break;
	case N_IF: {
		int no = newlab(g), end = newlab(g);

		branch(g, &n->a, 0, no);
		ex_block(g, n->b);
		if (n->c != NULL)
			jump(g, end);
		mark(g, no);
		if (n->c != NULL) {
			ex_block(g, n->c);
			mark(g, end);
		}
		break;
	}
	case N_BLOCK:
		ex_block(g, n);
		break;
	case N_WHILE:
	case N_DOWHILE:
	case N_FOR:
	case N_FORIN:
	case N_FOROF:
		ex_loop(g, n);
		break;
	case N_SWITCH:
		ex_switch(g, n);
		break;
	case N_TRY:
		ex_try(g, n);
		break;
	case N_LABEL:
		if (lg->npend == GEN_MAX_LABELS)
			gfail(g, n, "more than %d labels on one statement",
			    GEN_MAX_LABELS);
		lg->pend[lg->npend] = n->a->s;
		lg->pendn[lg->npend++] = n->a->n;
		if (is_loop(n->b) || n->b->type == N_LABEL ||
		    n->b->type == N_SWITCH) {
			ex_stmt(g, n->b);
		} else {
			struct gtarget tg;

			target_push(g, &tg, 0, 0);
			tg.labels[0] = n->a->s;
			tg.labeln[0] = n->a->n;
			tg.nlabels = 1;
			lg->npend = 0;
			ex_stmt(g, n->b);
			mark(g, tg.brk);
			target_pop(g);
		}
		break;
	case N_EXPORT:
		/* export let x = await ...: the getter reads the variable */
		if (!(n->flags & NF_DEFAULT) && n->a != NULL &&
		    n->a->type == N_VAR) {
			ex_stmt(g, n->a);
			break;
		}
		/* export default await ...: the value into the default's
		 * variable, declared with the body's temporaries (a var in
		 * its switch would not be the module's) */
		if ((n->flags & NF_DEFAULT) && n->a != NULL &&
		    n->a->type != N_FUNC && n->a->type != N_CLASS) {
			ex_value(g, &n->a);
			buf_printf(&g->fn->temps, "%s_default$",
			    g->fn->temps.len ? ", " : "");
			emit(g, " _default$ = ");
			gen_expr(g, n->a, 1);
			emit(g, ";");
			break;
		}
		gfail(g, n, "not supported yet: await in an export");
	default:
		gfail(g, n, "not supported yet: %s in this statement",
		    lg->kind == 1 ? "await" : "yield");
	}
}

/* A break or continue that leaves statements of the state machine (the
 * ones lower.c printed whole are left by a plain jump). */
int
lowergen_jump(struct gen *g, struct node *n)
{
	struct lgen *lg = LG(g);
	struct jscope *j;
	struct gtarget *t;
	int i;

	for (j = g->jumps; j != NULL && j->fn == g->fn; j = j->up) {
		if (n->a != NULL) {
			if (j->kind == J_LABEL && j->labeln == n->a->n &&
			    memcmp(j->label, n->a->s, n->a->n) == 0)
				return 0;
		} else if (j->kind == J_LOOP || j->kind == J_FOROF ||
		    (j->kind == J_SWITCH && n->type == N_BREAK))
			return 0;
	}
	for (t = lg->targets; t != NULL; t = t->up) {
		if (n->a != NULL) {
			for (i = 0; i < t->nlabels; i++)
				if (t->labeln[i] == n->a->n &&
				    memcmp(t->labels[i], n->a->s, n->a->n) == 0)
					break;
			if (i == t->nlabels)
				continue;
		} else if (!t->loop && !(t->sw && n->type == N_BREAK))
			continue;
		if (n->type == N_CONTINUE && !t->loop)
			gfail(g, n, "Illegal continue statement");
		emitf(g, "return _$g.ab(\1%d\2);", n->type == N_BREAK ?
		    t->brk : t->cont);
		return 1;
	}
	return 0;
}

/* return in the state machine: through the finally blocks around it. */
void
lowergen_return(struct gen *g, struct node *n, const char *marks)
{
	emit(g, "return _$g.ab(-1, (");
	if (*marks)
		emitf(g, "%s, ", marks);
	if (n->a != NULL)
		gen_expr(g, n->a, 1);
	else
		emit(g, "void 0");
	emit(g, "));");
}

/* Replace the labels in the output from off on by their states. */
static void
patch(struct gen *g, size_t off)
{
	struct lgen *lg = LG(g);
	struct buf b = BUF_INIT;
	size_t i;

	for (i = off; i < g->out.len; i++) {
		char *end;
		long l;

		if (g->out.data[i] != '\1') {
			buf_putc(&b, g->out.data[i]);
			continue;
		}
		l = strtol(g->out.data + i + 1, &end, 10);
		if (*end != '\2' || l < 0 || (size_t)l >= lg->nlabs ||
		    lg->labs[l] < 0)
			abort();
		buf_printf(&b, "%d", lg->labs[l]);
		i = (size_t)(end - g->out.data);
	}
	g->out.len = off;
	buf_add(&g->out, b.data, b.len);
	buf_free(&b);
}

static void
add_name(struct fnctx *f, const char *name)
{
	buf_printf(&f->temps, "%s%s", f->temps.len ? ", " : "", name);
}

/* The function a statement of a body declares, or NULL: a declaration,
 * or one a module exports (export function f, export default function
 * f), which a module with top-level await hoists as any module does. */
static struct node *
declared_fn(struct node *k)
{
	if (k->type == N_EXPORT && k->a != NULL && k->a->type == N_FUNC &&
	    (!(k->flags & NF_DEFAULT) || (k->a->flags & NF_DECL)))
		k = k->a;
	return k->type == N_FUNC && k->a != NULL ? k : NULL;
}

/*
 * The body's statements.  Its function declarations are hoisted: each
 * stays where it stands, so that lines keep their places, in a state of
 * its own that the body's first state jumps to, one after the other,
 * before the first statement; the flow of statements jumps over it.
 */
static void
ex_body(struct gen *g, struct node *body)
{
	struct node *k, *d;
	int next = -1, start = -1, after;

	for (k = body; k != NULL; k = k->next)
		if (declared_fn(k) != NULL) {
			start = newlab(g);
			next = newlab(g);
			jump(g, next);
			mark(g, start);
			break;
		}
	for (k = body; k != NULL; k = k->next) {
		if ((d = declared_fn(k)) == NULL) {
			ex_stmt(g, k);
			continue;
		}
		after = newlab(g);
		jump(g, after);
		mark(g, next);
		ex_stmt(g, d);
		next = newlab(g);
		jump(g, next);
		mark(g, after);
	}
	if (start >= 0) {
		/* the last declaration goes on to the first statement */
		emit(g, " return _$g.stop();");
		mark(g, next);
		jump(g, start);
	}
}

void
lowergen_body(struct gen *g, struct node *f)
{
	struct fnctx *outer = g->fn, *fc;
	/* in the arena: an error leaves it to lowergen_abandon */
	struct lgen *lg = arena_alloc(g->arena, sizeof *lg);
	struct node *body, ret;
	struct scope *s;
	size_t i, start, pset;
	static const char *const helper[] = { "gen", "async", "agen" };

	memset(lg, 0, sizeof *lg);
	lg->kind = (f->flags & NF_ASYNC) ? (f->flags & NF_GEN) ? 2 : 1 : 0;
	lg->flat = !(f->flags & (NF_ASYNC | NF_GEN));
	if (f->flags & NF_EXPRBODY) {
		memset(&ret, 0, sizeof ret);
		ret.type = N_RETURN;
		ret.line = f->c->line;
		ret.pos = f->c->pos;
		ret.a = f->c;
		body = &ret;
	} else
		body = f->c->a;
	lg->deep = lg->flat || lowergen_depth(f->c) > LOWER_FLAT_DEPTH;
	/* The body's names are the outer function's variables. */
	s = g->scope;
	for (i = 0; i < s->nb; i++) {
		if (s->b[i].kind == B_LET || s->b[i].kind == B_CONST)
			add_name(outer, s->b[i].emit);
		/* and their flags (tdz_flag adds those of inner blocks) */
		if (s->b[i].flag != NULL)
			add_name(outer, s->b[i].flag);
	}
	{
		struct node *k, *d;

		for (k = body; k != NULL; k = k->next)
			if ((d = declared_fn(k)) != NULL)
				add_name(outer, lookup(g, d->a->s, d->a->n) ?
				    lookup(g, d->a->s, d->a->n)->emit :
				    gprintf(g, "%.*s", (int)d->a->n, d->a->s));
	}
	hoist_vars(g, body, outer);
	start = g->out.len;
	/* Each turn of the state machine is a back-edge: it ticks. */
	emitf(g, " return __ly.%s(", lg->flat ? "flat" : helper[lg->kind]);
	fn_begin(g, NULL, "");
	emitf(g, "function (_$g, _$s) {%s _$l: for (;; " TICK "()) switch (",
	    g->step_pro != NULL ? g->step_pro : "");
	pset = g->out.len;
	emit(g, PSET "_$g.n) { case 0:");
	g->step_pro = NULL;
	fc = fn_push(g, 1);
	fc->wrapper = 1;
	fc->top = outer->top;	/* a module body with top-level await */
	fc->gen = lg;
	fc->mark = g->out.len;
	lg->nstate = 1;
	ex_body(g, body);
	emit(g, " default: return _$g.stop(); } }");
	if (lg->tries.len > 0)
		emitf(g, ", [%s]", lg->tries.data);
	else {
		/* without a try, nothing reads the state running */
		memmove(g->out.data + pset, g->out.data + pset + strlen(PSET),
		    g->out.len - pset - strlen(PSET));
		g->out.len -= strlen(PSET);
	}
	emit(g, ");");
	patch(g, start);
	/* The inner function's names and temporaries, to the outer. */
	for (i = 0; i < fc->nnames; i++)
		add_name(outer, fc->names[i]);
	if (fc->temps.len > 0)
		add_name(outer, fc->temps.data);
	buf_reset(&fc->temps);
	fc->gen = NULL;
	fn_pop(g);
	lowergen_abandon(lg);
}

void
lowergen_abandon(struct lgen *lg)
{
	buf_free(&lg->tries);
	free(lg->labs);
	lg->labs = NULL;
}
