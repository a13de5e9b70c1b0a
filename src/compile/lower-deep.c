/* Deep code: output mujs's parser accepts, whatever the input's depth.
 *
 * mujs 1.3.2's parser counts its nesting and gives up past 100 levels
 * ("too much recursion", JS_ASTLIMIT).  Its count grows by one for each
 * operator of a chain of `,` `&&` `||` or `=`, each link of a chain of
 * `.x`, `[k]` and calls, each conditional nested in another's branch and
 * each level of parentheses, array, object or call nesting, and it only
 * falls back when the chain or the nesting ends.  Bundlers write such
 * chains hundreds long (a minifier's `e.a = ..., e.b = ..., ...`,
 * TypeScript's `exports.a = exports.b = ... = void 0`).  Here the long
 * ones are rewritten so that the count stays low, keeping the order of
 * evaluation and every piece on its line:
 *
 *   a, b, c, ...	groups of at most DEEP_GROUP in parentheses, nested
 *   a && b && ...	the same (&& and || are associative)
 *   o.a.b(). ... .z	(t = o.a.b()...., t = t.c...., t.y.z): segments of
 *			at most DEEP_LINKS links through a temporary, cut only
 *			where a member is read from the value (never between a
 *			method and its call, which needs its this)
 *   a - b * c + ...	(t = a - b ..., t = t + ..., t - ...): segments of a
 *			chain of binary operators through a temporary
 *   a = b = ... = v	(t = x = ... = v, t = y = ... = t, a = ... = t), when
 *			the targets are names or name.key / this.key, whose
 *			evaluation has no effect to reorder
 *   c1 ? v1 : c2 ? v2 : ... : d
 *			(t = c1 ? v1 : ... ck ? vk : S, t === S && (t = ...),
 *			..., t === S ? d : t), with S __ly.none, an object
 *			of the compiler's helpers that no script value is
 */
#include "config.h"

#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

#include "compile/ast.h"
#include "compile/lexer.h"
#include "compile/lower.h"
#include "util/xmalloc.h"
#include "compile/lower-int.h"

#define DEEP_GROUP	16	/* items of one level of a grouped chain */
#define DEEP_CHAIN	24	/* longer chains of , && || are grouped */
#define DEEP_LINKS	24	/* links of a member/call chain segment */
#define DEEP_ASSIGN	24	/* = of an assignment chain segment */
#define DEEP_COND	24	/* conditionals of a segment */

static struct node **
node_array(struct gen *g, int n)
{
	return arena_alloc(g->arena, (size_t)n * sizeof(struct node *));
}

static struct node *
temp_ident(struct gen *g, const struct node *at, const char *name)
{
	struct node *n = ast_new(g->arena, N_IDENT, at->line, at->pos);

	n->s = name;
	n->n = strlen(name);
	return n;
}

/* items joined by sep, in nested groups of at most DEEP_GROUP. */
static void
emit_groups(struct gen *g, struct node **items, int n, const char *sep)
{
	int per, i, k;

	if (n <= DEEP_GROUP) {
		for (i = 0; i < n; i++) {
			if (i > 0)
				emit(g, sep);
			gen_expr(g, items[i], 1);
		}
		return;
	}
	per = (n + DEEP_GROUP - 1) / DEEP_GROUP;
	for (i = 0; i < n; i += per) {
		k = n - i < per ? n - i : per;
		if (i > 0)
			emit(g, sep);
		if (k == 1) {
			gen_expr(g, items[i], 1);
			continue;
		}
		emit(g, "(");
		emit_groups(g, items + i, k, sep);
		emit(g, ")");
	}
}

/* A long N_SEQ, or a long left-nested chain of one of && and ||. */
static int
deep_list(struct gen *g, struct node *n)
{
	struct node **items, *k;
	int count = 0, i;

	if (n->type == N_SEQ) {
		for (k = n->a; k != NULL; k = k->next)
			count++;
		if (count <= DEEP_CHAIN)
			return 0;
		items = node_array(g, count);
		for (i = 0, k = n->a; k != NULL; k = k->next)
			items[i++] = k;
		emit_groups(g, items, count, ", ");
		return 1;
	}
	if (n->op != T_AND && n->op != T_OR)
		return 0;
	for (k = n; k->type == N_LOGICAL && k->op == n->op; k = k->a)
		count++;
	if (++count <= DEEP_CHAIN)
		return 0;
	items = node_array(g, count);
	i = count;
	for (k = n; k->type == N_LOGICAL && k->op == n->op; k = k->a)
		items[--i] = k->b;
	items[--i] = k;
	emit_groups(g, items, count, n->op == T_AND ? " && " : " || ");
	return 1;
}

/* Is k a link of a member/call chain that can be generated on a
 * temporary in place of its object? */
static int
is_link(const struct node *k)
{
	if (k->type != N_MEMBER && k->type != N_CALL)
		return 0;
	if (k->flags & (NF_OPTIONAL | NF_PRIVATE))
		return 0;
	return k->a->type != N_SUPER;
}

static int
deep_links(struct gen *g, struct node *n)
{
	struct node **links, *k, *t;
	const char *tmp;
	int count = 0, i, since, ncut = 0, *cuts;

	for (k = n; is_link(k); k = k->a)
		count++;
	if (count <= DEEP_LINKS * 2)
		return 0;
	links = node_array(g, count + 1);
	for (i = 0, k = n; i <= count; k = k->a)
		links[i++] = k;
	/* links[count] is the chain's base.  Cut at i where links[i - 1]
	 * reads a member of links[i]'s value. */
	cuts = arena_alloc(g->arena, (size_t)count * sizeof *cuts);
	for (i = count, since = 0; i >= 1; i--, since++)
		if (since >= DEEP_LINKS && links[i - 1]->type == N_MEMBER) {
			cuts[ncut++] = i;
			since = 0;
		}
	if (ncut == 0)
		return 0;
	tmp = temp(g);
	t = temp_ident(g, n, tmp);
	emit(g, "(");
	/* From the base up: tmp = the segment on the previous value. */
	for (i = 0; i <= ncut; i++) {
		struct node *top = i < ncut ? links[cuts[i]] : n;
		struct node *parent = i > 0 ? links[cuts[i - 1] - 1] : NULL;
		struct node *saved = parent ? parent->a : NULL;

		if (parent != NULL)
			parent->a = t;
		if (i < ncut)
			emitf(g, "%s = ", tmp);
		gen_expr(g, top, 1);
		if (parent != NULL)
			parent->a = saved;
		if (i < ncut)
			emit(g, ", ");
	}
	emit(g, ")");
	return 1;
}

/* A target whose evaluation has no effect: name, name.key, this.key. */
static int
plain_target(const struct node *t)
{
	if (t->type == N_IDENT)
		return 1;
	return t->type == N_MEMBER && !(t->flags & (NF_COMPUTED | NF_PRIVATE |
	    NF_OPTIONAL)) && (t->a->type == N_IDENT || t->a->type == N_THIS);
}

static int
deep_assign(struct gen *g, struct node *n)
{
	struct node **as, *k, *t;
	const char *tmp;
	int count = 0, i, end;

	for (k = n; k->type == N_ASSIGN && k->op == '=' && plain_target(k->a); k = k->b)
		count++;
	if (count <= DEEP_ASSIGN * 2)
		return 0;
	as = node_array(g, count);
	for (i = 0, k = n; i < count; k = k->b)
		as[i++] = k;
	tmp = temp(g);
	t = temp_ident(g, n, tmp);
	emit(g, "(");
	/* Segments from the value up: as[i..end) with as[end - 1]'s value
	 * the temporary, except for the lowest. */
	for (end = count; end > 0; end = i) {
		struct node *saved = NULL;

		i = end > DEEP_ASSIGN ? end - DEEP_ASSIGN : 0;
		if (end < count) {
			saved = as[end - 1]->b;
			as[end - 1]->b = t;
		}
		if (i > 0)
			emitf(g, "%s = ", tmp);
		gen_expr(g, as[i], 1);
		if (saved != NULL)
			as[end - 1]->b = saved;
		if (i > 0)
			emit(g, ", ");
	}
	emit(g, ")");
	return 1;
}

static int
deep_cond(struct gen *g, struct node *n)
{
	struct node **cs, *k, *last;
	const char *tmp;
	int count = 0, i, end;

	for (k = n; k->type == N_COND; k = k->c)
		count++;
	if (count <= DEEP_COND * 2)
		return 0;
	cs = node_array(g, count);
	for (i = 0, k = n; i < count; k = k->c)
		cs[i++] = k;
	last = cs[count - 1]->c;
	tmp = temp(g);
	emit(g, "(");
	for (i = 0; i < count; i = end) {
		struct node *saved;

		end = count - i > DEEP_COND ? i + DEEP_COND : count;
		if (i > 0)
			emitf(g, "%s === __ly.none && (", tmp);
		emitf(g, "%s = ", tmp);
		/* The segment's last alternative: the sentinel. */
		saved = cs[end - 1]->c;
		cs[end - 1]->c = temp_ident(g, saved, "__ly.none");
		gen_expr(g, cs[i], 1);
		cs[end - 1]->c = saved;
		emit(g, i > 0 ? "), " : ", ");
	}
	emitf(g, "%s === __ly.none ? ", tmp);
	gen_expr(g, last, 1);
	emitf(g, " : %s)", tmp);
	return 1;
}

/* A left-nested chain of binary operators (a - b * c + d ...), whose
 * left operand is always the chain so far. */
static int
is_binary_link(const struct node *k)
{
	return k->type == N_BINARY && k->op != T_EXP && k->a->type != N_PRIVNAME;
}

static int
deep_binary(struct gen *g, struct node *n)
{
	struct node **ops, *k, *t;
	const char *tmp;
	int count = 0, i, end;

	for (k = n; is_binary_link(k); k = k->a)
		count++;
	if (count <= DEEP_LINKS * 2)
		return 0;
	ops = node_array(g, count);
	for (i = 0, k = n; i < count; k = k->a)
		ops[i++] = k;
	tmp = temp(g);
	t = temp_ident(g, n, tmp);
	emit(g, "(");
	/* ops[count - 1] is the innermost; segments from there up, each on
	 * the value of the one below. */
	for (end = count; end > 0; end = i) {
		struct node *saved = NULL;

		i = end > DEEP_LINKS ? end - DEEP_LINKS : 0;
		if (end < count) {
			saved = ops[end - 1]->a;
			ops[end - 1]->a = t;
		}
		if (i > 0)
			emitf(g, "%s = ", tmp);
		gen_expr(g, ops[i], 1);
		if (saved != NULL)
			ops[end - 1]->a = saved;
		if (i > 0)
			emit(g, ", ");
	}
	emit(g, ")");
	return 1;
}

/* 1 when n was long and is generated here, 0 to generate it as usual. */
int
lower_gen_deep(struct gen *g, struct node *n)
{
	switch (n->type) {
	case N_SEQ:
	case N_LOGICAL:
		return deep_list(g, n);
	case N_MEMBER:
	case N_CALL:
		return deep_links(g, n);
	case N_ASSIGN:
		return deep_assign(g, n);
	case N_COND:
		return deep_cond(g, n);
	case N_BINARY:
		return deep_binary(g, n);
	}
	return 0;
}
