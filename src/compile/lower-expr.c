/* Lowering expressions: operators, calls, optional chains, assignments,
 * super, literals of plain data.  Part of lower.c's printer (lower-int.h). */
#include "config.h"

#include <math.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

#include "compile/ast.h"
#include "compile/lexer.h"
#include "compile/lower.h"
#include "compile/literal.h"
#include "util/xmalloc.h"
#include "compile/lower-int.h"
#include "compile/posmap.h"

/* Expressions. */

static int
needs_parens(const struct node *n)
{
	switch (n->type) {
	case N_BINARY: case N_LOGICAL: case N_COND: case N_ASSIGN: case N_SEQ:
	case N_UNARY: case N_UPDATE: case N_FUNC: case N_OBJECT: case N_CLASS:
	case N_TEMPLATE: case N_CHAIN: case N_ARRPAT: case N_OBJPAT:
		return 1;
	}
	return 0;
}

static void
gen_sub(struct gen *g, struct node *n)
{
	gen_expr(g, n, 0);
}

static int
has_spread(struct node *args)
{
	for (; args != NULL; args = args->next)
		if (args->type == N_SPREAD)
			return 1;
	return 0;
}

/* A spread's values, __ly.ai(e), where k6 iterates e: at the last
 * position before, as __ly.ad, which errmsg.c counts, where it is known. */
static void
spread(struct gen *g, struct node *e)
{
	unsigned last = g->map != NULL ? pos_last(e) : POS_UNKNOWN;
	int key;

	if (last == POS_NONE || last == POS_UNKNOWN) {
		emit(g, "__ly.ai(");
		gen_expr(g, e, 1);
		emit(g, ")");
		return;
	}
	pos_fresh(g, 0);
	key = g->pline;
	pos_claim(g, key);
	emit(g, "__ly.ad(");
	gen_expr(g, e, 1);
	emit(g, ")");
	pos_add(g, POS_DESTR, key, last - 1);
}

/* An array value built from a list with spreads: __ly.cc([a], __ly.ai(b)),
 * a helper's call where [].concat would be a call errmsg.c counts as the
 * user's. */
static void
gen_spread_array(struct gen *g, struct node *l)
{
	int open = 0, first = 1;

	sync(g, l ? l->line : g->line);
	emit(g, "__ly.cc(");
	for (; l != NULL; l = l->next) {
		if (l->type == N_SPREAD) {
			if (open) {
				emit(g, "]");
				open = 0;
			}
			emit(g, first ? "" : ", ");
			first = 0;
			spread(g, l->a);
			continue;
		}
		if (!open) {
			emit(g, first ? "[" : ", [");
			first = 0;
			open = 1;
		} else
			emit(g, ", ");
		if (l->type == N_HOLE)
			emit(g, "void 0");
		else
			gen_expr(g, l, 1);
	}
	if (open)
		emit(g, "]");
	emit(g, ")");
}

static void
gen_args(struct gen *g, struct node *l)
{
	emit(g, "(");
	for (; l != NULL; l = l->next) {
		gen_expr(g, l, 1);
		if (l->next)
			emit(g, ", ");
	}
	emit(g, ")");
}

/* The arguments of a call made through __ly.ap: an array. */
static void
gen_args_array(struct gen *g, struct node *args)
{
	struct node *a;

	if (has_spread(args)) {
		gen_spread_array(g, args);
		return;
	}
	emit(g, "[");
	for (a = args; a != NULL; a = a->next) {
		gen_expr(g, a, 1);
		if (a->next)
			emit(g, ", ");
	}
	emit(g, "]");
}

const char *
cls_home(struct gen *g, const struct node *at)
{
	if (g->cls != NULL && g->cls->home != NULL)
		return g->cls->home;
	if (g->cls == NULL)
		gfail(g, at, "'super' keyword unexpected here");
	/* A class without extends: its methods' home objects inherit
	 * from these. */
	if (g->cls->super == NULL)
		return g->cls->is_static ? "Function.prototype" : "Object.prototype";
	if (g->cls->is_static)
		return g->cls->super;
	return gprintf(g, "%s.prototype", g->cls->super);
}

static void
emit_field_calls(struct gen *g)
{
	size_t i;

	for (i = 0; i < g->cls->nfields; i++) {
		emitf(g, ", %s.call(", g->cls->fields[i]);
		emit_this(g);
		emit(g, ")");
	}
}

/* The rest of a call, with this, of the function just emitted:
 * ".call(this, args)", or with a spread the end of the caller's
 * "__ly.ap(f, this, [args])". */
static void
call_with_this(struct gen *g, struct node *args)
{
	struct node *a;

	if (has_spread(args)) {
		emit(g, ", ");
		emit_this(g);
		emit(g, ", ");
		gen_spread_array(g, args);
		emit(g, ")");
		return;
	}
	emit(g, ".call(");
	emit_this(g);
	for (a = args; a != NULL; a = a->next) {
		emit(g, ", ");
		gen_expr(g, a, 1);
	}
	emit(g, ")");
}

static void
gen_call(struct gen *g, struct node *n)
{
	struct node *callee = n->a;
	int key;

	while (callee->type == N_PAREN && callee->a->type == N_MEMBER)
		callee = callee->a;
	if (callee->type == N_SUPER) {
		struct clsctx *c = g->cls;

		if (c == NULL || c->super == NULL)
			gfail(g, callee, "'super' keyword unexpected here");
		sync(g, n->line);
		emitf(g, "(__ly.sup(");
		emit_this(g);
		emitf(g, ", %s, ", c->super);
		if (has_spread(n->b))
			gen_spread_array(g, n->b);
		else {
			struct node *a;

			emit(g, "[");
			for (a = n->b; a != NULL; a = a->next) {
				gen_expr(g, a, 1);
				if (a->next)
					emit(g, ", ");
			}
			emit(g, "]");
		}
		emit(g, ")");
		emit_field_calls(g);
		emit(g, ")");
		return;
	}
	if (callee->type == N_MEMBER && callee->a->type == N_SUPER) {
		/* __ly.sm(home, key, this, [args]): its call is the user's
		 * (errmsg.c), the method's read is not, as in k6 */
		const char *home = cls_home(g, callee);

		sync(g, n->line);
		key = g->pline;
		pos_claim(g, key);
		emitf(g, "__ly.sm(%s, ", home);
		super_key(g, callee, 0);
		emit(g, ", ");
		emit_this(g);
		emit(g, ", ");
		gen_args_array(g, n->b);
		emit(g, ")");
		pos_add(g, POS_CALL, key, n->tok);
		return;
	}
	if (callee->type == N_IDENT && is_word(callee->s, callee->n, "require") &&
	    lookup(g, callee->s, callee->n) == NULL && n->b != NULL &&
	    n->b->next == NULL && n->b->type == N_STR) {
		char *cause = NULL, *id;

		if (g->opt->resolve != NULL) {
			id = g->opt->resolve(g->opt->arg, n->b->s, &cause);
			if (id == NULL) {
				free(g->err);
				g->err = cause;
				g->errpos = n->b->pos;
				g->errline = n->b->line;
				longjmp(g->jmp, 1);
			}
		} else
			id = xstrdup(n->b->s);
		sync(g, n->line);
		emit(g, "require(");
		emit_quoted(g, id, strlen(id));
		emit(g, ")");
		free(id);
		return;
	}
	if (has_spread(n->b)) {
		/* the call is __ly.ap's (errmsg.c) */
		sync(g, n->line);
		key = g->pline;
		pos_claim(g, key);
		if (callee->type == N_MEMBER) {
			const char *t = temp(g);

			emitf(g, "__ly.ap((%s = ", t);
			gen_sub(g, callee->a);
			emit(g, ")");
			if (callee->flags & NF_COMPUTED) {
				emit(g, "[");
				gen_expr(g, callee->b, 1);
				emit(g, "]");
			} else
				emit(g, access(g, "", callee->b));
			emitf(g, ", %s, ", t);
		} else {
			emit(g, "__ly.ap(");
			gen_expr(g, callee, 1);
			emit(g, ", void 0, ");
		}
		gen_spread_array(g, n->b);
		emit(g, ")");
		pos_add(g, POS_CALL, key, n->tok);
		return;
	}
	if (callee->type == N_MEMBER && !(callee->flags & NF_PRIVATE))
		g->as_callee = callee;
	gen_sub(g, n->a);
	g->as_callee = NULL;
	key = g->ll;
	pos_claim(g, key);
	gen_args(g, n->b);
	pos_add(g, POS_CALL, key, n->tok);
}

static void
gen_member_tail(struct gen *g, struct node *n)
{
	if (n->flags & NF_COMPUTED) {
		emit(g, "[");
		gen_expr(g, n->b, 1);
		emit(g, "]");
	} else
		emit(g, access(g, "", n->b));
}

/* Where k6's engine places a read of n it does not place itself (a
 * method's, an operator assignment's): after the object and the key. */
static unsigned
read_pos(const struct node *n)
{
	if ((n->flags & NF_COMPUTED) && n->b->type != N_STR &&
	    n->b->type != N_NUM)
		return pos_end(n->b);
	return pos_end(n->a);
}

/* A member of the user's, its position recorded (lower.c): as a method
 * read when a call's callee, as an assignment's target (its read, for
 * an operator assignment, now; its write after the value), or as a
 * read; obj is where its object's output starts. */
static void
gen_member_pos(struct gen *g, struct node *n, size_t obj)
{
	unsigned at = n->flags & NF_COMPUTED ? n->tok : n->b->pos;
	int callee = g->as_callee == n, target = g->as_target == n;
	int dollar = pos_dollar(g, obj);
	int key;
	size_t tail;

	g->as_callee = NULL;
	g->as_target = NULL;
	if (!callee)
		pos_fresh(g, 0);
	key = g->pline;
	tail = g->out.len;
	gen_member_tail(g, n);
	/* errmsg.c sees the object of a read by name (".x") only */
	dollar = dollar && g->out.data[tail] == '.';
	if (callee) {
		if (!dollar)
			pos_add(g, POS_METHOD, g->ll, read_pos(n));
		return;
	}
	g->ll = key;
	if (target) {
		g->target_key = dollar ? 0 : key;
		if (g->target_op != '=' && !dollar)
			pos_add(g, POS_GET, key, read_pos(n));
	} else if (!dollar)
		pos_add(g, POS_GET, key, at);
}

/* The output line of offset off of the output. */
static int
line_at(const struct gen *g, size_t off)
{
	int line = g->pline;

	for (; off < g->out.len; off++)
		line -= g->out.data[off] == '\n';
	return line;
}

/* A temporary holding the value an optional link tests: named _q$N, not
 * _$N, as the calls of its members are the user's (errmsg.c). */
static const char *
chain_temp(struct gen *g)
{
	char *t = gprintf(g, "_q$%d", ++g->uid);

	buf_printf(&g->fn->temps, "%s%s", g->fn->temps.len ? ", " : "", t);
	return t;
}

/* Puts what was written since start under an optional link's test,
 * ((_q$N = X) == null ? void 0 : _q$N..., and returns where _q$N starts;
 * the caller closes the parenthesis. */
static size_t
guard_optional(struct gen *g, size_t start)
{
	const char *t = chain_temp(g);

	insert_at(g, start, gprintf(g, "((%s = ", t));
	emitf(g, ") == null ? void 0 : ");
	start = g->out.len;
	emit(g, t);
	return start;
}

/*
 * Optional chains: a?.b.c() is ((_q$1 = a) == null ? void 0 : _q$1.b.c()),
 * a method called optionally or with spread arguments goes through
 * __ly.ap with its object kept in a temporary.  The positions are those
 * k6's engine gives the chain without its "?." (a member's name or "[",
 * a call's "(", a method read at the end of its object), recorded as
 * for any call and member (lower.c), members by name of _q$N left out.
 */
static void
gen_chain(struct gen *g, struct node *chain)
{
	struct node *links[256], *k;
	int nl = 0, i, closes = 0, super_call = 0, key;
	size_t start;

	for (k = chain->a; k->type == N_MEMBER || k->type == N_CALL; k = k->a) {
		if (nl == 256)
			gfail(g, chain, "optional chain too long");
		links[nl++] = k;
	}
	/* links[] runs from the outermost; reverse it. */
	for (i = 0; i < nl / 2; i++) {
		struct node *t = links[i];

		links[i] = links[nl - 1 - i];
		links[nl - 1 - i] = t;
	}
	sync(g, chain->line);
	emit(g, "(");
	start = g->out.len;
	if (k->type == N_SUPER && nl > 0) {
		/* super.x?.(...), super.x?.y: super.x is read as outside a
		 * chain (with this), and a call of it right after gets this */
		k = links[0];
		memmove(links, links + 1, (size_t)--nl * sizeof *links);
		super_call = nl > 0 && links[0]->type == N_CALL;
	}
	gen_sub(g, k);
	for (i = 0; i < nl; i++) {
		struct node *l = links[i];
		struct node *nx = i + 1 < nl ? links[i + 1] : NULL;

		if (l->flags & NF_OPTIONAL) {
			start = guard_optional(g, start);
			g->ll = g->pline;
			closes++;
		}
		if (l->type == N_MEMBER && nx != NULL && nx->type == N_CALL &&
		    ((nx->flags & NF_OPTIONAL) || has_spread(nx->b))) {
			/* The call that follows needs this = the object:
			 * __ly.ap((o = obj).m, o, [args]). */
			const char *objtmp = temp(g);
			size_t cstart;

			insert_at(g, start, gprintf(g, "(%s = ", objtmp));
			emit(g, ")");
			key = g->pline;
			gen_member_tail(g, l);
			pos_add(g, POS_GET, key, read_pos(l));
			cstart = start;
			if (nx->flags & NF_OPTIONAL) {
				cstart = guard_optional(g, start);
				closes++;
			}
			key = line_at(g, cstart);
			pos_claim(g, key);
			insert_at(g, cstart, "__ly.ap(");
			emitf(g, ", %s, ", objtmp);
			gen_args_array(g, nx->b);
			emit(g, ")");
			pos_add(g, POS_CALL, key, nx->tok);
			i++;
		} else if (l->type == N_MEMBER) {
			if (nx != NULL && nx->type == N_CALL)
				g->as_callee = l;
			gen_member_pos(g, l, start);
		} else if (i == 0 && super_call) {
			if (has_spread(l->b))
				insert_at(g, start, "__ly.ap(");
			call_with_this(g, l->b);
		} else if (has_spread(l->b)) {
			key = line_at(g, start);
			pos_claim(g, key);
			insert_at(g, start, "__ly.ap(");
			emit(g, ", void 0, ");
			gen_spread_array(g, l->b);
			emit(g, ")");
			pos_add(g, POS_CALL, key, l->tok);
		} else {
			key = g->ll;
			pos_claim(g, key);
			gen_args(g, l->b);
			pos_add(g, POS_CALL, key, l->tok);
		}
	}
	while (closes-- > 0)
		emit(g, ")");
	emit(g, ")");
}

static void
gen_template(struct gen *g, struct node *n)
{
	struct node *q, *e;

	sync(g, n->line);
	if (ast_count(n->b) > LONG_CHAIN / 2) {
		/* Many substitutions: one join, not a long + chain. */
		emit(g, "[");
		for (q = n->a, e = n->b; q != NULL; q = q->next) {
			if (q != n->a)
				emit(g, ", ");
			emit_quoted(g, q->s, q->n);
			if (e != NULL) {
				emit(g, ", __ly_str(");
				gen_expr(g, e, 1);
				emit(g, ")");
				e = e->next;
			}
		}
		emit(g, "].join(\"\")");
		return;
	}
	emit(g, "(");
	for (q = n->a, e = n->b; q != NULL; q = q->next) {
		if (q == n->a || q->n > 0) {
			if (q != n->a)
				emit(g, " + ");
			emit_quoted(g, q->s, q->n);
		}
		if (e != NULL) {
			/* ToString, not the + operator's ToPrimitive: an
			 * object's toString wins over its valueOf.  __ly_str
			 * is String() but for a symbol, which throws
			 * (js/symbol.c). */
			if (e->type == N_STR || e->type == N_NUM ||
			    e->type == N_TEMPLATE) {
				emit(g, " + (");
				gen_expr(g, e, 1);
				emit(g, ")");
			} else {
				emit(g, " + __ly_str(");
				gen_expr(g, e, 1);
				emit(g, ")");
			}
			e = e->next;
		}
	}
	emit(g, ")");
}

/* The last position k6 notes in reading the tag of a template, a
 * callee: a method's at the end of its object (emitCallee). */
static unsigned
tag_pos(const struct node *tag)
{
	unsigned r, x;

	if (tag->type != N_MEMBER)
		return pos_last(tag);
	if (tag->a->type == N_SUPER || (tag->flags & NF_PRIVATE))
		return POS_UNKNOWN;
	r = pos_last(tag->a);
	if ((tag->flags & NF_COMPUTED) && (x = pos_last(tag->b)) != POS_NONE &&
	    r != POS_UNKNOWN)
		r = x;
	return r;
}

static void
gen_tagged(struct gen *g, struct node *n)
{
	struct node *q, *e, *tag;
	struct fnctx *top = g->fn;
	const char *t;
	unsigned at, x;
	int key;

	/* The strings array is made once per site: cache it in a var of
	 * the module body. */
	while (top->up != NULL)
		top = top->up;
	t = gprintf(g, "_$%d", ++g->uid);
	buf_printf(&top->temps, "%s%s", top->temps.len ? ", " : "", t);
	/* k6's call notes no position: it is at the last one noted, of
	 * the tag read as a callee, then of each substitution */
	tag = n->a;
	while (tag->type == N_PAREN && tag->a->type == N_MEMBER)
		tag = tag->a;
	at = tag_pos(tag);
	for (e = n->b->b; e != NULL; e = e->next)
		if ((x = pos_last(e)) != POS_NONE && at != POS_UNKNOWN)
			at = x;
	if (tag->type == N_MEMBER && tag->a->type != N_SUPER &&
	    !(tag->flags & NF_PRIVATE))
		g->as_callee = tag;
	gen_sub(g, n->a);
	g->as_callee = NULL;
	key = g->ll;
	pos_claim(g, key);
	emitf(g, "(%s || (%s = __ly.tpl([", t, t);
	for (q = n->b->a; q != NULL; q = q->next) {
		if (q->flags & NF_BADESC)
			emit(g, "void 0");
		else
			emit_quoted(g, q->s, q->n);
		if (q->next)
			emit(g, ", ");
	}
	emit(g, "], [");
	for (q = n->b->a; q != NULL; q = q->next) {
		emit_quoted(g, q->raw, q->rawn);
		if (q->next)
			emit(g, ", ");
	}
	emit(g, "]))");
	for (e = n->b->b; e != NULL; e = e->next) {
		emit(g, ", ");
		gen_expr(g, e, 1);
	}
	emit(g, ")");
	if (at != POS_NONE && at != POS_UNKNOWN)
		pos_add(g, POS_CALL, key, at - 1);
}

static int
has_super(struct node *n)
{
	for (; n != NULL; n = n->next) {
		if (n->type == N_SUPER)
			return 1;
		if (has_super(n->a) || has_super(n->b) || has_super(n->c) ||
		    has_super(n->d))
			return 1;
	}
	return 0;
}

static int
object_is_simple(struct node *o)
{
	struct node *p;

	for (p = o->a; p != NULL; p = p->next) {
		if (p->type == N_PROP && (p->flags & (NF_METHOD | NF_GET | NF_SET)) &&
		    has_super(p->b))
			return 0;
		if (p->type == N_SPREAD || (p->flags & NF_COMPUTED))
			return 0;
		/* An ES5 getter has no name of its own to say "get x". */
		if (p->flags & (NF_GET | NF_SET))
			return 0;
		if (p->a->type == N_IDENT && is_word(p->a->s, p->a->n, "__proto__"))
			return 0;
	}
	return 1;
}

static void
check_cover(struct gen *g, struct node *p)
{
	if ((p->flags & NF_SHORTHAND) && p->b->type == N_ASSIGNPAT)
		gfail(g, p->b, "Invalid shorthand property initializer");
}

static void
gen_object(struct gen *g, struct node *o)
{
	struct node *p;
	const char *t;
	struct clsctx cc, *saved;

	sync(g, o->line);
	if (object_is_simple(o)) {
		emit(g, "{");
		for (p = o->a; p != NULL; p = p->next) {
			check_cover(g, p);
			sync(g, p->line);
			if (p->flags & (NF_GET | NF_SET)) {
				/* mujs knows the accessor by its get's line */
				fn_begin(g, p->b, "");
				g->fn_begun = g->map != NULL;
				emit(g, (p->flags & NF_GET) ? "get " : "set ");
				emit_key_literal(g, p->a);
				/* Reuse the function printer, then drop "function". */
				{
					size_t at = g->out.len;
					char *fw;

					gen_function(g, p->b, NULL, NULL);
					/* "function (" -> "(" */
					fw = strstr(g->out.data + at, "function ");
					memmove(fw, fw + 9, strlen(fw + 9) + 1);
					g->out.len -= 9;
				}
			} else {
				emit_key_literal(g, p->a);
				emit(g, ": ");
				gen_expr(g, p->b, 1);
			}
			if (p->next)
				emit(g, ", ");
		}
		emit(g, "}");
		return;
	}
	t = temp(g);
	emitf(g, "(%s = {}", t);
	memset(&cc, 0, sizeof cc);
	cc.home = gprintf(g, "Object.getPrototypeOf(%s)", t);
	saved = g->cls;
	for (p = o->a; p != NULL; p = p->next) {
		/* Methods see super as the object's prototype. */
		g->cls = (p->type == N_PROP &&
		    (p->flags & (NF_METHOD | NF_GET | NF_SET))) ? &cc : saved;
		sync(g, p->line);
		if (p->type == N_SPREAD) {
			emitf(g, ", __ly.os(%s, ", t);
			gen_expr(g, p->a, 1);
			emit(g, ")");
			continue;
		}
		check_cover(g, p);
		if (p->flags & (NF_GET | NF_SET)) {
			emitf(g, ", __ly.acc(%s, ", t);
			emit_key(g, p->a, p->flags, p->b);
			emit(g, ", ");
			if (p->flags & NF_SET)
				emit(g, "void 0, ");
			gen_function(g, p->b, NULL, NULL);
			if (p->flags & NF_GET)
				emit(g, ", void 0");
			emit(g, ")");
			continue;
		}
		if (!(p->flags & NF_COMPUTED) && p->a->type == N_IDENT &&
		    is_word(p->a->s, p->a->n, "__proto__")) {
			emitf(g, ", %s = __ly.proto(%s, ", t, t);
			gen_expr(g, p->b, 1);
			emit(g, ")");
			continue;
		}
		emitf(g, ", __ly.dp(%s, ", t);
		emit_key(g, p->a, p->flags, p->b);
		emit(g, ", ");
		gen_expr(g, p->b, 1);
		emit(g, ")");
	}
	g->cls = saved;
	emitf(g, ", %s)", t);
}

/* Assignment targets for compound forms: emits "(t = obj).p" or
 * "(t = obj)[k = key]" and returns the re-read form "t.p" / "t[k]". */
static const char *
gen_target_once(struct gen *g, struct node *m)
{
	const char *t = temp(g);

	emitf(g, "(%s = ", t);
	gen_sub(g, m->a);
	emit(g, ")");
	if (m->flags & NF_COMPUTED) {
		const char *k = temp(g);

		emitf(g, "[%s = ", k);
		gen_expr(g, m->b, 1);
		emit(g, "]");
		return gprintf(g, "%s[%s]", t, k);
	}
	if (m->flags & NF_PRIVATE) {
		const char *a = access(g, "", m->b);

		emit(g, a);
		return gprintf(g, "%s%s", t, a);
	}
	emit(g, access(g, "", m->b));
	return access(g, t, m->b);
}

static void gen_assign1(struct gen *, struct node *);

/* Is code here strict (class bodies, modules)? */
int
super_strict(struct gen *g)
{
	return g->esm || g->cls == NULL || g->cls->home == NULL;
}

/* The key of super.x or super[k]: a string literal, or k stored in a
 * temporary when it is read twice (then *kt is set). */
const char *
super_key(struct gen *g, struct node *m, int twice)
{
	size_t at = g->out.len;
	const char *k;

	if (!(m->flags & NF_COMPUTED)) {
		emit_quoted(g, m->b->s, m->b->n);
		k = gstrdup(g, g->out.data + at);
		return k;
	}
	if (!twice) {
		gen_expr(g, m->b, 1);
		return NULL;
	}
	k = temp(g);
	emitf(g, "%s = ", k);
	gen_expr(g, m->b, 1);
	return k;
}

/* Where k6's engine places a write of the super member m: at its name
 * or "[". */
static unsigned
super_at(const struct node *m)
{
	return m->flags & NF_COMPUTED ? m->tok : m->b->pos;
}

/* The start of a super member's write, "__ly.ss(", at k6's position at
 * (recorded by super_set_end); its key, 0 where k6's is not known (the
 * line's other writes of super members then keep its start too). */
static int
super_set_start(struct gen *g, unsigned at)
{
	int key = 0;

	if (at != POS_NONE && at != POS_UNKNOWN) {
		pos_fresh(g, 0);
		key = g->pline;
		pos_claim(g, key);
	}
	emit(g, "__ly.ss(");
	return key;
}

static void
super_set_end(struct gen *g, int key, unsigned at)
{
	if (key != 0)
		pos_add(g, POS_SUPERSET, key, at);
}

/* super.x = v and its compound forms: a [[Set]] on the home object's
 * prototype with this as receiver (__ly.ss), after a get that calls
 * getters with this (__ly.sv: __ly.sg, where k6 notes no position of
 * its own, left unplaced).  k6 writes at the member's name or "[" but
 * for &&=, ||= and ??=, whose write is after the value's code. */
static void
gen_super_assign(struct gen *g, struct node *m, int op, struct node *v)
{
	const char *home = cls_home(g, m), *k;
	int strict = super_strict(g), key;
	unsigned at = super_at(m);

	if (op == '=') {
		key = super_set_start(g, at);
		emitf(g, "%s, ", home);
		super_key(g, m, 0);
		emit(g, ", ");
		gen_expr(g, v, 1);
		emit(g, ", ");
		emit_this(g);
		emitf(g, ", %d)", strict);
		super_set_end(g, key, at);
		return;
	}
	if (op == T_LAND_AS || op == T_LOR_AS || op == T_NULLISH_AS) {
		const char *r = op == T_NULLISH_AS ? temp(g) : NULL;

		emitf(g, "(%s__ly.sv(%s, ", r != NULL ? gprintf(g, "(%s = ", r) :
		    "", home);
		k = super_key(g, m, 1);
		emit(g, ", ");
		emit_this(g);
		emit(g, ")");
		if (r != NULL)
			emitf(g, ") != null ? %s : ", r);
		else
			emit(g, op == T_LAND_AS ? " && " : " || ");
		at = pos_last(v);
		key = super_set_start(g, at);
		emitf(g, "%s, %s, ", home, k);
		gen_expr(g, v, 1);
		emit(g, ", ");
		emit_this(g);
		emitf(g, ", %d))", strict);
		super_set_end(g, key, at - 1);
		return;
	}
	/* x op= v: the key once, the old value, then the new one. */
	key = super_set_start(g, at);
	emitf(g, "%s, ", home);
	k = super_key(g, m, 1);
	emit(g, ", ");
	if (op == T_EXP_AS)
		emit(g, "Math.pow(");
	emitf(g, "__ly.sv(%s, %s, ", home, k);
	emit_this(g);
	emit(g, ")");
	if (op == T_EXP_AS)
		emit(g, ", ");
	else {
		const char *name = lexer_token_name(op);

		/* "+=" -> " + " */
		emitf(g, " %.*s ", (int)strlen(name) - 1, name);
	}
	emit(g, "(");
	gen_expr(g, v, 1);
	emit(g, ")");
	if (op == T_EXP_AS)
		emit(g, ")");
	emit(g, ", ");
	emit_this(g);
	emitf(g, ", %d)", strict);
	super_set_end(g, key, at);
}

/* ++super.x, super.x--: the read unplaced, the write at the member's
 * name or "[" (gen_super_assign) */
static void
gen_super_update(struct gen *g, struct node *n)
{
	struct node *m = n->a;
	const char *home, *k, *old = temp(g);
	int strict = super_strict(g), key;

	while (m->type == N_PAREN)
		m = m->a;
	home = cls_home(g, m);
	emitf(g, "(%s = +__ly.sv(%s, ", old, home);
	k = super_key(g, m, 1);
	emit(g, ", ");
	emit_this(g);
	emit(g, "), ");
	key = super_set_start(g, super_at(m));
	emitf(g, "%s, %s, %s %c 1, ", home, k, old,
	    n->op == T_INC ? '+' : '-');
	emit_this(g);
	emitf(g, ", %d)", strict);
	super_set_end(g, key, super_at(m));
	if (!(n->flags & NF_PREFIX))
		emitf(g, ", %s", old);
	emit(g, ")");
}

/* An assignment, after the temporal dead zone test of its target. */
static void
gen_assign(struct gen *g, struct node *n)
{
	struct binding *b;

	switch (tdz_kind(g, n->a, &b)) {
	case NF_TDZ:
		/* x = v evaluates v, then throws; x += v throws first. */
		sync(g, n->line);
		emit(g, "(");
		if (n->op == '=') {
			gen_expr(g, n->b, 1);
			emit(g, ", ");
		}
		emit_tdz_throw(g, b);
		emit(g, ")");
		return;
	case NF_TDZCHECK:
		sync(g, n->line);
		emit(g, "(");
		emit_tdz_test(g, b);
		emit(g, ", ");
		gen_assign1(g, n);
		emit(g, ")");
		return;
	}
	gen_assign1(g, n);
}

static void
gen_assign1(struct gen *g, struct node *n)
{
	struct node *t = n->a;
	int op = n->op, key;

	while (t->type == N_PAREN)
		t = t->a;
	sync(g, n->line);
	if (t->type == N_ARRPAT || t->type == N_OBJPAT) {
		const char *v = temp(g);
		int first = g->first;

		emitf(g, "(%s = ", v);
		gen_expr(g, n->b, 1);
		g->first = 0;
		destr_from(g, t, v, D_ASSIGN, init_last(g, n->b));
		g->first = first;
		emitf(g, ", %s)", v);
		return;
	}
	if (const_binding(g, t) != NULL) {
		emit(g, "(");
		gen_expr(g, n->b, 1);
		emit(g, ", __ly.ce())");
		return;
	}
	if (t->type == N_MEMBER && t->a->type == N_SUPER) {
		gen_super_assign(g, t, op, n->b);
		return;
	}
	if (op == T_EXP_AS || op == T_LAND_AS || op == T_LOR_AS ||
	    op == T_NULLISH_AS) {
		const char *reread;

		if (t->type == N_IDENT) {
			size_t at = g->out.len;

			emit_ident_ref(g, t);
			reread = gstrdup(g, g->out.data + at);
			g->out.len = at;
			g->out.data[at] = '\0';
			if (op == T_EXP_AS) {
				emitf(g, "%s = Math.pow(%s, ", reread, reread);
				gen_expr(g, n->b, 1);
				emit(g, ")");
				return;
			}
		} else if (op == T_EXP_AS) {
			reread = gen_target_once(g, t);
			emitf(g, " = Math.pow(%s, ", reread);
			gen_expr(g, n->b, 1);
			emit(g, ")");
			return;
		} else {
			size_t at = g->out.len;

			reread = gen_target_once(g, t);
			if (op == T_NULLISH_AS) {
				const char *r = temp(g);

				insert_at(g, at, gprintf(g, "((%s = ", r));
				emitf(g, ") != null ? %s : (%s = ", r, reread);
				gen_expr(g, n->b, 1);
				emit(g, "))");
				return;
			}
			insert_at(g, at, "(");
			emitf(g, " %s (%s = ", op == T_LAND_AS ? "&&" : "||",
			    reread);
			gen_expr(g, n->b, 1);
			emit(g, "))");
			return;
		}
		if (op == T_NULLISH_AS)
			emitf(g, "(%s != null ? %s : (%s = ", reread, reread, reread);
		else
			emitf(g, "(%s %s (%s = ", reread,
			    op == T_LAND_AS ? "&&" : "||", reread);
		gen_expr(g, n->b, 1);
		emit(g, "))");
		return;
	}
	if (t->type == N_IDENT)
		emit_ident_ref(g, t);
	else {
		if (t->type == N_MEMBER && !(t->flags & NF_PRIVATE)) {
			g->as_target = t;
			g->target_op = op;
		}
		g->target_key = 0;
		gen_expr(g, t, 0);
		g->as_target = NULL;
	}
	key = g->target_key;
	emitf(g, " %s ", lexer_token_name(op));
	gen_expr(g, n->b, 1);
	if (t->type == N_MEMBER)
		pos_add(g, POS_SET, key, t->flags & NF_COMPUTED ? t->tok :
		    t->b->pos);
}

static const char *
binop(int op)
{
	switch (op) {
	case 'i': return "in";
	case 'I': return "instanceof";
	}
	return lexer_token_name(op);
}

/* mujs 1.3.2's parser gives up ("too much recursion") on about 100
 * terms of a + b + c...; a long chain becomes __ly.add([a, b, c...]),
 * which adds left to right as + does. */

static int
gen_long_sum(struct gen *g, struct node *n)
{
	struct node *k, **terms;
	int count = 1, i;

	for (k = n; k->type == N_BINARY && k->op == '+'; k = k->a)
		count++;
	if (count <= LONG_CHAIN)
		return 0;
	terms = xreallocarray(NULL, (size_t)count, sizeof *terms);
	i = count;
	for (k = n; k->type == N_BINARY && k->op == '+'; k = k->a)
		terms[--i] = k->b;
	terms[--i] = k;
	/* Into the arena before generating: errors longjmp. */
	{
		struct node **t = arena_alloc(g->arena, count * sizeof *t);

		memcpy(t, terms, count * sizeof *t);
		free(terms);
		terms = t;
	}
	emit(g, "__ly.add([");
	for (i = 0; i < count; i++) {
		if (i > 0)
			emit(g, ", ");
		gen_expr(g, terms[i], 1);
	}
	emit(g, "])");
	return 1;
}

/* A large literal of plain data as __ly.jp (JSON.parse) of a string: see
 * literal.h.  0, or -1 to emit it as it is. */
static int
gen_json(struct gen *g, struct node *n)
{
	struct buf json = BUF_INIT;

	if (literal_json(n, &json) == -1) {
		buf_free(&json);
		return -1;
	}
	emit(g, "__ly.jp(");
	quote(&g->out, json.data, json.len);
	emit(g, ")");
	buf_free(&json);
	return 0;
}

/* A regular expression literal as written, but for the bytes 1 and 2,
 * which mark a generator's jumps in the output (lower-gen.c): written
 * \x01 and \x02, alone or after a backslash, they match the same. */
static void
emit_regex(struct gen *g, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (s[i] == '\\' && i + 1 < n && s[i + 1] != '\1' &&
		    s[i + 1] != '\2') {
			buf_add(&g->out, s + i, 2);
			i++;
		} else if (s[i] == '\\' && i + 1 < n) {
			buf_printf(&g->out, "\\x0%d", s[i + 1]);
			i++;
		} else if (s[i] == '\1' || s[i] == '\2')
			buf_printf(&g->out, "\\x0%d", s[i]);
		else
			buf_add(&g->out, s + i, 1);
	}
}

void
gen_expr(struct gen *g, struct node *n, int top)
{
	int paren = !top && needs_parens(n);
	sync(g, n->line);
	pos_fresh(g, 0);
	g->ll = g->pline;
	if (paren)
		emit(g, "(");
	if (gen_deep(g, n)) {
		if (paren)
			emit(g, ")");
		return;
	}
	switch (n->type) {
	case N_NUM:
		emit_number(g, n);
		break;
	case N_STR:
		emit_quoted(g, n->s, n->n);
		break;
	case N_REGEX: {
		/* mujs's lexer knows the flags g, i and m; with others the
		 * literal becomes __ly_regexp(source, flags) (js/regexp.c). */
		size_t end = n->n;

		while (end > 0 && n->s[end - 1] != '/')
			end--;
		if (strspn(n->s + end, "gim") == n->n - end) {
			emit_regex(g, n->s, n->n);
			break;
		}
		emit(g, "__ly_regexp(");
		emit_quoted(g, n->s + 1, end - 2);
		emit(g, ", ");
		emit_quoted(g, n->s + end, n->n - end);
		emit(g, ")");
		break;
	}
	case N_TEMPLATE:
		gen_template(g, n);
		break;
	case N_TAGGED:
		gen_tagged(g, n);
		break;
	case N_IDENT: {
		struct binding *b;

		switch (tdz_kind(g, n, &b)) {
		case NF_TDZ:
			emit_tdz_throw(g, b);
			break;
		case NF_TDZCHECK:
			emit(g, "(");
			emit_tdz_test(g, b);
			emitf(g, ", %s)", b->emit);
			break;
		default:
			emit_ident_read(g, n);
		}
		break;
	}
	case N_THIS:
		emit_this(g);
		break;
	case N_NEWTARGET: {
		/* Called with new: this is an instance of the function. */
		struct fnctx *f = nonarrow(g);

		emit(g, "(");
		emit_this(g);
		if (f->fname != NULL)
			emitf(g, " instanceof %s ? ", f->fname);
		else
			emit(g, " ? ");
		emit_this(g);
		emit(g, ".constructor : void 0)");
		break;
	}
	case N_IMPORTCALL: {
		/* import(): a module of the bundle, evaluated a tick later;
		 * a specifier the bundle cannot resolve rejects at run time */
		char *cause = NULL, *id = NULL;

		sync(g, n->line);
		if (n->a->type == N_STR) {
			if (g->opt->resolve == NULL)
				id = xstrdup(n->a->s);
			else
				id = g->opt->resolve(g->opt->arg, n->a->s, &cause);
		}
		emit(g, "__ly.di(__ly_import, ");
		if (id != NULL) {
			emit_quoted(g, id, strlen(id));
			emit(g, ")");
		} else if (cause != NULL) {
			emit(g, "null, ");
			emit_quoted(g, cause, strlen(cause));
			emit(g, ")");
		} else {
			emit(g, "null, null, ");
			gen_expr(g, n->a, 0);
			if (n->b != NULL) {
				emit(g, ", ");
				gen_expr(g, n->b, 0);
			}
			emit(g, ")");
		}
		free(id);
		free(cause);
		break;
	}
	case N_IMPORTMETA:
		emit(g, "__ly.meta(");
		emit_quoted(g, g->id, strlen(g->id));
		emit(g, ")");
		break;
	case N_ARRAY: {
		struct node *k;

		if (gen_json(g, n) == 0)
			break;
		if (has_spread(n->a)) {
			gen_spread_array(g, n->a);
			break;
		}
		emit(g, "[");
		for (k = n->a; k != NULL; k = k->next) {
			if (k->type != N_HOLE)
				gen_expr(g, k, 1);
			if (k->next || k->type == N_HOLE)
				emit(g, ",");
			if (k->next)
				emit(g, " ");
		}
		emit(g, "]");
		break;
	}
	case N_OBJECT:
		if (gen_json(g, n) == 0)
			break;
		gen_object(g, n);
		break;
	case N_FUNC:
		gen_function(g, n, NULL, NULL);
		break;
	case N_YIELD:
	case N_AWAIT:
		if (n->type == N_AWAIT && g->fn->top)
			gfail(g, n, "not supported yet: top-level await");
		gfail(g, n, "not supported yet: %s in this position",
		    n->type == N_YIELD ? "yield" : "await");
	case N_CLASS:
		gen_class(g, n, NULL);
		break;
	case N_MEMBER:
		if (n->a->type == N_SUPER) {
			/* Getters run with this, not the prototype; the
			 * call of __ly.sg is the read (errmsg.c) */
			int key = g->pline;

			pos_claim(g, key);
			emitf(g, "__ly.sg(%s, ", cls_home(g, n->a));
			super_key(g, n, 0);
			emit(g, ", ");
			emit_this(g);
			emit(g, ")");
			pos_add(g, POS_SUPER, key, n->flags & NF_COMPUTED ?
			    n->tok : n->b->pos);
			break;
		}
		{
			size_t obj = g->out.len;
			int callee = g->as_callee == n, target = g->as_target == n;

			/* the object's own members are no callee, no target */
			g->as_callee = NULL;
			g->as_target = NULL;
			if (n->a->type == N_NUM) {
				/* 1.toString() would not parse. */
				emit(g, "(");
				gen_expr(g, n->a, 1);
				emit(g, ")");
			} else
				gen_sub(g, n->a);
			g->as_callee = callee ? n : NULL;
			g->as_target = target ? n : NULL;
			gen_member_pos(g, n, obj);
		}
		break;
	case N_CALL:
		gen_call(g, n);
		break;
	case N_NEW:
		if (has_spread(n->b)) {
			/* the new is __ly.nw's call (errmsg.c) */
			int key = g->pline;

			pos_claim(g, key);
			emit(g, "__ly.nw(");
			gen_expr(g, n->a, 1);
			emit(g, ", ");
			gen_spread_array(g, n->b);
			emit(g, ")");
			pos_add(g, POS_NEW, key, n->pos);
			g->ll = key;
			break;
		}
		{
			int key = g->pline;

			pos_claim(g, key);
			emit(g, "new ");
			if (n->a->type == N_IDENT || (n->a->type == N_MEMBER &&
			    n->a->a->type != N_SUPER))
				gen_expr(g, n->a, 1);
			else {
				emit(g, "(");
				gen_expr(g, n->a, 1);
				emit(g, ")");
			}
			gen_args(g, n->b);
			pos_add(g, POS_NEW, key, n->pos);
			g->ll = key;
		}
		break;
	case N_CHAIN:
		gen_chain(g, n);
		break;
	case N_PAREN:
		emit(g, "(");
		gen_expr(g, n->a, 1);
		emit(g, ")");
		break;
	/* Operands of the user's own operators need no parentheses of ours:
	 * the tree keeps the source's (N_PAREN), and mujs's parser refuses
	 * deep nesting ("too much recursion" past about 100). */
	case N_UNARY:
		switch (n->op) {
		case 't': {
			struct node *a = n->a;

			while (a->type == N_PAREN)
				a = a->a;
			/* typeof of a name asks for it without GETVAR */
			g->no_var = a;
			emit(g, "typeof ");
			break;
		}
		case 'v': emit(g, "void "); break;
		case 'd': {
			struct node *a = n->a;

			while (a->type == N_PAREN)
				a = a->a;
			if (a->type == N_IDENT && g->fn->strict)
				gfail(g, n, "Delete of an unqualified identifier "
				    "in strict mode.");
			emit(g, "delete ");
			break;
		}
		/* A space keeps - -x from becoming --x. */
		default: emitf(g, "%c ", n->op);
		}
		gen_expr(g, n->a, 1);
		break;
	case N_UPDATE: {
		struct binding *b;
		int tk = tdz_kind(g, n->a, &b);

		if (tk == NF_TDZ) {
			emit_tdz_throw(g, b);
			break;
		}
		if (tk == NF_TDZCHECK) {
			emit(g, "(");
			emit_tdz_test(g, b);
			emit(g, ", ");
		}
		if (const_binding(g, n->a) != NULL)
			emit(g, "__ly.ce()");
		else if (n->a->type == N_MEMBER && n->a->a->type == N_SUPER)
			gen_super_update(g, n);
		else {
			/* a member's read and write are an operator
			 * assignment's (gen_assign) */
			struct node *t = n->a->type == N_MEMBER &&
			    !(n->a->flags & NF_PRIVATE) ? n->a : NULL;
			int key;

			if (n->flags & NF_PREFIX)
				emit(g, lexer_token_name(n->op));
			if (tk)
				emit(g, b->emit);
			else if (t != NULL) {
				g->as_target = t;
				g->target_op = n->op;
				g->target_key = 0;
				gen_sub(g, t);
				g->as_target = NULL;
			} else
				gen_sub(g, n->a);
			key = g->target_key;
			if (!(n->flags & NF_PREFIX))
				emit(g, lexer_token_name(n->op));
			if (t != NULL && !tk)
				pos_add(g, POS_SET, key, t->flags & NF_COMPUTED ?
				    t->tok : t->b->pos);
		}
		if (tk)
			emit(g, ")");
		break;
	}
	case N_BINARY:
		if (n->op == '+' && gen_long_sum(g, n))
			break;
		if (n->op == T_EXP) {
			emit(g, "Math.pow(");
			gen_expr(g, n->a, 1);
			emit(g, ", ");
			gen_expr(g, n->b, 1);
			emit(g, ")");
			break;
		}
		if (n->a->type == N_PRIVNAME)
			emit_key_literal(g, n->a);
		else
			gen_expr(g, n->a, 1);
		emitf(g, " %s ", binop(n->op));
		gen_expr(g, n->b, 1);
		break;
	case N_LOGICAL:
		if (n->op == T_NULLISH) {
			const char *t = temp(g);

			/* A conditional binds looser than ??: always wrapped. */
			if (!paren)
				emit(g, "(");
			emitf(g, "(%s = ", t);
			gen_expr(g, n->a, 1);
			emitf(g, ") != null ? %s : ", t);
			gen_sub(g, n->b);
			if (!paren)
				emit(g, ")");
			break;
		}
		gen_expr(g, n->a, 1);
		emitf(g, " %s ", binop(n->op));
		gen_expr(g, n->b, 1);
		break;
	case N_ASSIGN:
		gen_assign(g, n);
		break;
	case N_COND:
		gen_expr(g, n->a, 1);
		emit(g, " ? ");
		gen_expr(g, n->b, 1);
		emit(g, " : ");
		gen_expr(g, n->c, 1);
		break;
	case N_SEQ: {
		struct node *k;

		for (k = n->a; k != NULL; k = k->next) {
			gen_expr(g, k, 1);
			if (k->next)
				emit(g, ", ");
		}
		break;
	}
	case N_SPREAD:
		gfail(g, n, "Unexpected token '...'");
	case N_SUPER:
		gfail(g, n, "'super' keyword unexpected here");
	case N_ARRPAT:
	case N_OBJPAT:
	case N_ASSIGNPAT:
		gfail(g, n, "Invalid destructuring assignment target");
	case N_PRIVNAME:
		gfail(g, n, "Unexpected private name");
	default:
		gfail(g, n, "cannot lower %s", ast_type_name(n->type));
	}
	if (paren)
		emit(g, ")");
}
