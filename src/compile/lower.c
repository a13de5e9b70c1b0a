/* Lowering ES2022 syntax trees to ES5 text; see lower.h.
 *
 * One pass over the tree prints ES5 while keeping a count of output lines:
 * before a node is printed, newlines are added until the output is on the
 * node's source line, so nothing moves up or down.  Text that has to come
 * before something already printed (temporaries, "var _this$ = this", the
 * module prologue, optional-chain heads) is inserted into the buffer at a
 * remembered offset; it never holds a newline, so line numbers stay.
 *
 * Block scoping is done by renaming: let, const and class become var, with
 * a fresh name when the plain one would clash inside the function, and
 * always in an inner block, whose var would be seen outside it (a block's
 * function keeps its name: sloppy code sees it after the block).
 *
 * Every loop body, function body and catch clause starts with a call of
 * TICK, the module function's last parameter (01-modules.js passes the
 * VU's __ly_tick), so that a VU running JavaScript that never blocks can
 * still be interrupted, and an interrupted one cannot catch it.  Calling
 * a variable of the module function measured cheaper in mujs than a
 * counter in a local or in a property, and a global would be looked up
 * through every scope.
 * Helpers the output calls live on the global __ly (helpers.js; each
 * bundle carries the ones its modules use, see bundle.c). */
#include "config.h"

#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compile/ast.h"
#include "compile/lexer.h"
#include "compile/lower.h"
#include "compile/literal.h"
#include "compile/nametab.h"
#include "compile/parser.h"
#include "compile/posmap.h"
#include "compile/username.h"
#include "util/xmalloc.h"

#include "compile/lower-int.h"

void
gfail(struct gen *g, const struct node *at, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	free(g->err);
	g->err = xvasprintf(fmt, ap);
	va_end(ap);
	g->errpos = at->pos;
	g->errline = at->line;
	longjmp(g->jmp, 1);
}

/* Output. */

void
emit(struct gen *g, const char *s)
{
	buf_puts(&g->out, s);
}

void
emitf(struct gen *g, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	buf_vprintf(&g->out, fmt, ap);
	va_end(ap);
}

/* mujs 1.3.2 numbers lines in 16 bits ("integer overflow in instruction
 * coding" past it): lines of the output past this one share it. */
#define LOWER_MAX_LINE	65535

/*
 * Positions (posmap.h).  mujs gives each instruction a line of the output
 * and k6 names a column, so the output gets more lines than the source:
 * a statement, and an expression of another function than the one whose
 * positions the line holds, start a new output line.  On each line, the
 * positions of one kind are then recorded in the order mujs's compiler
 * emits their instructions (a call after its arguments, a member's
 * assignment after its value), each keyed by the output line mujs gives
 * its instruction: the line of its "." or "[", "new" or "throw"; for a
 * call and for the read of its method, the line mujs noted last while
 * compiling the callee's object, which ll models (the line of the last
 * operand or member before it).  Newlines stop at POS_MAX_LINE output
 * lines, which leaves the positions at least as many numbers below
 * errmsg's marks (32768): the instructions of positions numbered past
 * them keep their lines (posmap_id).
 */
#define POS_MAX_LINE	16384
/* k6 runs a script that neither imports nor exports inside
 * "(function(module, exports){" on its first line. */
#define CJS_WRAP	((unsigned)sizeof "(function(module, exports){" - 1)

static int
is_ident_char(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '_' || c == '$' ||
	    (unsigned char)c >= 0x80;
}

static void
newline(struct gen *g)
{
	buf_putc(&g->out, '\n');
	g->pline++;
	g->lowner = 0;
	if (g->map == NULL)
		return;
	if ((size_t)g->pline > g->lines_cap) {
		g->lines_cap = g->lines_cap ? g->lines_cap * 2 : 256;
		g->map->lines = xreallocarray(g->map->lines, g->lines_cap,
		    sizeof *g->map->lines);
	}
	g->map->lines[g->pline - 1] = (unsigned)g->line;
	g->map->nlines = (size_t)g->pline;
}

void
sync(struct gen *g, int line)
{
	while (g->line < line && g->pline < LOWER_MAX_LINE) {
		g->line++;
		newline(g);
	}
}

/* Whether a newline here keeps the program's meaning: not after return,
 * throw, break or continue. */
static int
can_break(const struct gen *g)
{
	static const char *const words[] = { "return", "throw", "break",
	    "continue" };
	size_t end = g->out.len, n, i;

	while (end > 0 && (g->out.data[end - 1] == ' ' ||
	    g->out.data[end - 1] == '\t'))
		end--;
	for (i = 0; i < sizeof words / sizeof words[0]; i++) {
		n = strlen(words[i]);
		if (end >= n && memcmp(g->out.data + end - n, words[i], n) == 0 &&
		    (end == n || !is_ident_char(g->out.data[end - n - 1])))
			return 0;
	}
	return 1;
}

/* A new output line where positions follow: at a statement (stmt), or
 * where the line holds another function's. */
void
pos_fresh(struct gen *g, int stmt)
{
	if (g->map == NULL || g->lowner == 0 || g->pline >= POS_MAX_LINE ||
	    (!stmt && g->lowner == g->fn->id) || !can_break(g))
		return;
	newline(g);
}

/* A position keyed to the output line key is to come: the line is the
 * function's. */
void
pos_claim(struct gen *g, int key)
{
	if (g->map != NULL && key == g->pline && g->lowner == 0)
		g->lowner = g->fn->id;
}

static unsigned
src_line(const struct gen *g, unsigned pos)
{
	size_t lo = 0, hi = g->nstarts;

	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;

		if (g->starts[mid] <= pos)
			lo = mid;
		else
			hi = mid;
	}
	return (unsigned)lo + 1;
}

void
pos_add(struct gen *g, int kind, int key, unsigned pos)
{
	struct posmap_pos *p;
	unsigned line;

	if (g->map == NULL || key <= 0)
		return;
	if (g->map->npos == g->pos_cap) {
		g->pos_cap = g->pos_cap ? g->pos_cap * 2 : 256;
		g->map->pos = xreallocarray(g->map->pos, g->pos_cap,
		    sizeof *g->map->pos);
	}
	line = src_line(g, pos);
	p = &g->map->pos[g->map->npos++];
	p->key = (unsigned)key;
	p->kind = (unsigned)kind;
	p->line = line;
	p->col = pos - g->starts[line - 1] + 1 + (line == 1 ? g->map->wrap : 0);
	g->lowner = g->fn->id;
}

void
fn_begin(struct gen *g, const struct node *span, const char *name)
{
	struct posmap_fn *f;

	if (g->map == NULL)
		return;
	if (g->fn_begun) {
		g->fn_begun = 0;
		return;
	}
	/* mujs knows a function by the line of its "function": one a line
	 * tells them apart (js/fnsource.c) */
	if (g->fline == g->pline && g->pline < POS_MAX_LINE && can_break(g)) {
		newline(g);
		g->ll = g->pline;
	}
	if (g->map->nfns == g->fns_cap) {
		g->fns_cap = g->fns_cap ? g->fns_cap * 2 : 64;
		g->map->fns = xreallocarray(g->map->fns, g->fns_cap,
		    sizeof *g->map->fns);
	}
	f = &g->map->fns[g->map->nfns++];
	f->key = (unsigned)g->pline;
	f->name = posmap_name(name, strlen(name));
	f->start = f->end = 0;
	if (span != NULL && span->end > 0) {
		f->start = span->type != N_FUNC ? span->pos : span->tok != 0 ?
		    span->tok : span->from != 0 ? span->from - 1 : span->pos;
		f->end = span->end;
	}
	g->fline = g->pline;
}

/* Where k6's engine places the read of a method of e: where it placed
 * e's last part. */
unsigned
pos_end(const struct node *e)
{
	while (e->type == N_PAREN)
		e = e->a;
	if (e->type == N_MEMBER)
		return e->flags & NF_COMPUTED ? e->tok : e->b->pos;
	if (e->type == N_CALL)
		return e->tok;
	return e->pos;
}

/* Where an operator expression starts for k6's engine (Idx0): at its
 * leftmost operand, whose parentheses its parser drops. */
static unsigned
expr_start(const struct node *e)
{
	while (e->type == N_BINARY || e->type == N_LOGICAL ||
	    e->type == N_PAREN || e->type == N_MEMBER || e->type == N_CALL ||
	    e->type == N_TAGGED)
		e = e->a;
	return e->pos;
}

/* Whether k6's engine computes e as it compiles: literals and operators
 * on them. */
static int
folded(const struct node *e)
{
	while (e->type == N_PAREN)
		e = e->a;
	switch (e->type) {
	case N_NUM: case N_STR:
		return 1;
	case N_IDENT:
		return is_word(e->s, e->n, "null") || is_word(e->s, e->n,
		    "true") || is_word(e->s, e->n, "false");
	case N_BINARY:
		return folded(e->a) && folded(e->b);
	}
	return 0;
}

static unsigned ref_last(const struct node *);

/* Whether e is a member that is neither super's nor private. */
static int
plain_member(const struct node *e)
{
	return e->type == N_MEMBER && e->a->type != N_SUPER &&
	    !(e->flags & NF_PRIVATE);
}

/* pos_last of e whose value k6 drops (a statement, void's operand, a
 * sequence's but the last): a name's ++x at the name, as x++. */
static unsigned
pos_void(const struct node *e)
{
	const struct node *k;
	unsigned r = POS_NONE, x;

	while (e->type == N_PAREN)
		e = e->a;
	if (e->type == N_UPDATE && e->a->type == N_IDENT)
		return e->a->pos + 1;
	if (e->type != N_SEQ)
		return pos_last(e);
	for (k = e->a; k != NULL; k = k->next)
		if ((x = pos_void(k)) == POS_UNKNOWN)
			return x;
		else if (x != POS_NONE)
			r = x;
	return r;
}

/* The last position k6's engine notes (addSrcMap) in the code of e, plus
 * one: POS_NONE for a literal, which notes none, POS_UNKNOWN for what
 * is not modelled here. */
unsigned
pos_last(const struct node *e)
{
	const struct node *k;
	unsigned r, x;

	switch (e->type) {
	case N_NUM: case N_STR: case N_REGEX: case N_HOLE:
		return POS_NONE;
	case N_FUNC:
		/* its code is its own */
		return POS_NONE;
	case N_IDENT:
		if (e->flags & NF_STANDIN)
			return e->tok;
		if (is_word(e->s, e->n, "null") || is_word(e->s, e->n, "true") ||
		    is_word(e->s, e->n, "false"))
			return POS_NONE;
		return e->pos + 1;
	case N_THIS: case N_NEW:
		return e->pos + 1;
	case N_CALL:
		return e->a->type == N_SUPER ? POS_UNKNOWN : e->tok + 1;
	case N_MEMBER:
		if (e->a->type == N_SUPER || (e->flags & NF_PRIVATE))
			return POS_UNKNOWN;
		return (e->flags & NF_COMPUTED ? e->tok : e->b->pos) + 1;
	case N_PAREN:
	case N_CHAIN:	/* as without its "?." */
	case N_SPREAD:
	case N_AWAIT:	/* resumed after its operand's code */
		return pos_last(e->a);
	case N_YIELD:
		return e->a != NULL ? pos_last(e->a) : POS_NONE;
	case N_UNARY:
		/* after the operand's code; delete of a member at it */
		if (e->op == 'v')
			return pos_void(e->a);
		if (e->op != 'd')
			return pos_last(e->a);
		return plain_member(e->a) ? pos_last(e->a) : POS_UNKNOWN;
	case N_UPDATE:
		/* a member's write at it; a name at its start, ++x as a
		 * value at the ++ (k6's toNumber, where it keeps the value:
		 * pos_void) */
		if (plain_member(e->a))
			return pos_last(e->a);
		if (e->a->type == N_IDENT)
			return e->pos + 1;
		return POS_UNKNOWN;
	case N_TEMPLATE: case N_SEQ:
		/* each substitution's, each expression's, in turn */
		r = POS_NONE;
		for (k = e->type == N_TEMPLATE ? e->b : e->a; k != NULL;
		    k = k->next)
			if ((x = e->type == N_SEQ && k->next != NULL ?
			    pos_void(k) : pos_last(k)) == POS_UNKNOWN)
				return x;
			else if (x != POS_NONE)
				r = x;
		return r;
	case N_ASSIGN:
		/* a name: noted before the value; a member: after it (an
		 * operator assignment as "=") */
		k = e->a;
		while (k->type == N_PAREN)
			k = k->a;
		x = pos_last(e->b);
		if (e->op >= T_LAND_AS && e->op <= T_NULLISH_AS) {
			/* the reference, then the value if it notes one */
			if (x != POS_NONE)
				return x;
			if (!plain_member(k) || (r = ref_last(k)) == POS_NONE)
				return POS_UNKNOWN;
			return r;
		}
		if (k->type == N_IDENT)
			return x == POS_UNKNOWN || x != POS_NONE ? x : k->pos + 1;
		if (plain_member(k))
			return x == POS_UNKNOWN ? x :
			    (k->flags & NF_COMPUTED ? k->tok : k->b->pos) + 1;
		return POS_UNKNOWN;
	case N_BINARY:
		/* at its start, after its operands: none if k6 folds it */
		if (folded(e))
			return POS_NONE;
		r = pos_last(e->a);
		x = pos_last(e->b);
		if (r == POS_UNKNOWN || x == POS_UNKNOWN)
			return POS_UNKNOWN;
		return expr_start(e) + 1;
	case N_LOGICAL:
		/* at its start after the left operand, then the right's
		 * (k6 folds a constant left one) */
		r = pos_last(e->a);
		x = pos_last(e->b);
		if (r == POS_NONE || r == POS_UNKNOWN || x == POS_UNKNOWN)
			return POS_UNKNOWN;
		if (x != POS_NONE)
			return x;
		return expr_start(e) + 1;
	case N_COND:
		/* the branches' code follows the test's */
		r = pos_last(e->a);
		if (r == POS_UNKNOWN)
			return r;
		for (k = e->b; k != NULL; k = k == e->b ? e->c : NULL) {
			if ((x = pos_last(k)) == POS_UNKNOWN)
				return x;
			if (x != POS_NONE)
				r = x;
		}
		return r;
	case N_ARRAY: case N_OBJECT:
		/* at the literal's start, then its values' */
		r = e->pos + 1;
		for (k = e->a; k != NULL; k = k->next) {
			/* a method's value is a function, noting none */
			if (k->type == N_PROP && (k->flags & NF_COMPUTED) &&
			    (x = pos_last(k->a)) != POS_NONE)
				r = x;
			x = pos_last(k->type == N_PROP ? k->b : k);
			if (x != POS_NONE)
				r = x;
			if (r == POS_UNKNOWN)
				return r;
		}
		return r;
	}
	return POS_UNKNOWN;
}

static unsigned list_last(const struct node *);

/* pos_last of the code of a statement: k6 compiles an if's test, then
 * its branches, a block's statements in turn. */
static unsigned
stmt_last(const struct node *s)
{
	const struct node *d;
	unsigned r = POS_NONE, x;

	switch (s->type) {
	case N_EMPTY: case N_BREAK: case N_CONTINUE:
		return POS_NONE;
	case N_EXPRSTMT:
		return pos_void(s->a);
	case N_RETURN:
		return s->a != NULL ? pos_last(s->a) : POS_NONE;
	case N_THROW:
		/* noted after its value */
		return s->pos + 1;
	case N_VAR:
		/* each name after its value */
		for (d = s->a; d != NULL; d = d->next) {
			if (d->a->type != N_IDENT)
				return POS_UNKNOWN;
			if (d->b == NULL)
				continue;
			if (pos_last(d->b) == POS_UNKNOWN)
				return POS_UNKNOWN;
			r = d->a->pos + 1;
		}
		return r;
	case N_BLOCK:
		/* its functions are made first (not modelled) */
		for (d = s->a; d != NULL; d = d->next)
			if (d->type == N_FUNC)
				return POS_UNKNOWN;
		return list_last(s->a);
	case N_IF:
		/* a test k6 folds leaves one branch's code only */
		if (folded(s->a) || (r = pos_last(s->a)) == POS_UNKNOWN)
			return POS_UNKNOWN;
		for (d = s->b; d != NULL; d = d == s->b ? s->c : NULL) {
			if (d->type == N_FUNC)
				return POS_UNKNOWN;
			if ((x = stmt_last(d)) != POS_NONE)
				r = x;
		}
		return r;
	}
	return POS_UNKNOWN;
}

/* The last statement's of l that notes one (POS_NONE if none does). */
static unsigned
list_last(const struct node *l)
{
	unsigned r = POS_NONE, x;

	for (; l != NULL; l = l->next)
		if ((x = stmt_last(l)) != POS_NONE)
			r = x;
	return r;
}

unsigned
stmts_last(const struct node *l)
{
	unsigned r = list_last(l);

	/* none: what came before, not modelled */
	return r == POS_NONE ? POS_UNKNOWN : r;
}

/* Whether the output from off is one name with a "$" in it, but for
 * _this$ and _args$ (the user's this and arguments in an arrow): the
 * compiler's own variables, whose members errmsg.c does not match. */
int
pos_dollar(const struct gen *g, size_t off)
{
	size_t i;
	int dollar = 0;

	while (off < g->out.len && (g->out.data[off] == ' ' ||
	    g->out.data[off] == '\n'))
		off++;
	if (off == g->out.len)
		return 0;
	for (i = off; i < g->out.len; i++) {
		if (!is_ident_char(g->out.data[i]))
			return 0;
		dollar |= g->out.data[i] == '$';
	}
	i = g->out.len - off;
	return dollar && !(i == 6 && (memcmp(g->out.data + off, "_this$", 6) == 0 ||
	    memcmp(g->out.data + off, "_args$", 6) == 0));
}

void
insert_at(struct gen *g, size_t off, const char *s)
{
	size_t n = strlen(s);

	if (n == 0)
		return;
	buf_reserve(&g->out, n);
	memmove(g->out.data + off + n, g->out.data + off, g->out.len - off + 1);
	memcpy(g->out.data + off, s, n);
	g->out.len += n;
}

/* A JavaScript string literal for s, safe for ES5 and mujs. */
void
quote(struct buf *b, const char *s, size_t n)
{
	literal_quote(b, s, n);
}

void
emit_quoted(struct gen *g, const char *s, size_t n)
{
	quote(&g->out, s, n);
}

char *
gstrdup(struct gen *g, const char *s)
{
	return arena_strndup(g->arena, s, strlen(s));
}

char *
gprintf(struct gen *g, const char *fmt, ...)
{
	va_list ap;
	char *s, *r;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	r = gstrdup(g, s);
	free(s);
	return r;
}

void
emit_number(struct gen *g, const struct node *n)
{
	char tmp[64];
	int prec;
	size_t i;
	int plain = n->s != NULL;

	for (i = 0; plain && i < n->n; i++) {
		char c = n->s[i];

		if (!((c >= '0' && c <= '9') || c == '.' || c == 'e' ||
		    c == 'E' || c == '+' || c == '-'))
			plain = 0;
	}
	if (plain && n->n > 1 && n->s[0] == '0' && n->s[1] >= '0' &&
	    n->s[1] <= '9') {
		if (g->fn != NULL && g->fn->strict) {
			for (i = 1; i < n->n && n->s[i] >= '0' && n->s[i] <= '7'; i++)
				;
			gfail(g, n, i == n->n ? "Octal literals are not allowed "
			    "in strict mode." : "Decimals with leading zeros are "
			    "not allowed in strict mode.");
		}
		plain = 0;
	}
	if (plain) {
		buf_add(&g->out, n->s, n->n);
		return;
	}
	if (isinf(n->num)) {
		emit(g, "Infinity");
		return;
	}
	for (prec = 1; prec <= 17; prec++) {
		snprintf(tmp, sizeof tmp, "%.*g", prec, n->num);
		if (strtod(tmp, NULL) == n->num)
			break;
	}
	emit(g, tmp);
}

/* Scopes and names. */

int
is_word(const char *s, size_t n, const char *w)
{
	return strlen(w) == n && memcmp(s, w, n) == 0;
}

/* Does a statement list start with a "use strict" directive? */
int
has_use_strict(struct gen *g, struct node *n)
{
	for (; n != NULL && n->type == N_EXPRSTMT && n->a->type == N_STR;
	    n = n->next) {
		const char *q = g->src + n->a->pos;

		if (n->a->pos + 12 <= g->len &&
		    (memcmp(q, "\"use strict\"", 12) == 0 ||
		    memcmp(q, "'use strict'", 12) == 0))
			return 1;
	}
	return 0;
}

/* Names strict mode code cannot bind. */
void
strict_name(struct gen *g, struct node *id)
{
	static const char *const reserved[] = { "implements", "interface",
	    "package", "private", "protected", "public", "static", "yield",
	    "let", NULL };
	const char *const *r;

	if (!g->fn->strict)
		return;
	if (is_word(id->s, id->n, "eval") || is_word(id->s, id->n, "arguments"))
		gfail(g, id, "Unexpected eval or arguments in strict mode");
	for (r = reserved; *r != NULL; r++)
		if (is_word(id->s, id->n, *r))
			gfail(g, id, "Unexpected strict mode reserved word");
}

void
scope_push(struct gen *g)
{
	struct scope *s = arena_alloc(g->arena, sizeof *s);

	memset(s, 0, sizeof *s);
	s->up = g->scope;
	g->scope = s;
}

void
scope_pop(struct gen *g)
{
	free(g->scope->b);
	g->scope = g->scope->up;
}

/* Past this many names, a scope or function keeps a table of them: a
 * script of 100,000 top-level declarations compiled in quadratic time. */
#define NAMES_LINEAR	8

struct binding *
scope_find(struct scope *s, const char *name, size_t n)
{
	size_t i;
	int k;

	if (s->tab != NULL)
		return (k = nametab_get(s->tab, name, n)) < 0 ? NULL : &s->b[k];
	for (i = 0; i < s->nb; i++)
		if (s->b[i].n == n && memcmp(s->b[i].name, name, n) == 0)
			return &s->b[i];
	return NULL;
}

/* A scope binds a name once (bind), so the first found is the one. */
struct binding *
lookup(struct gen *g, const char *name, size_t n)
{
	struct scope *s;
	struct binding *b;

	for (s = g->scope; s != NULL; s = s->up)
		if ((b = scope_find(s, name, n)) != NULL)
			return b;
	return NULL;
}

void
bind(struct gen *g, struct scope *s, const char *name, size_t n,
    const char *emitname, int kind)
{
	struct binding *b = scope_find(s, name, n);

	if (b != NULL) {
		if (kind != B_VAR)
			b->kind = kind;
		return;
	}
	if (s->nb == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 8;
		s->b = xreallocarray(s->b, s->cap, sizeof *s->b);
	}
	b = &s->b[s->nb++];
	memset(b, 0, sizeof *b);
	b->name = name;
	b->n = n;
	b->emit = emitname;
	b->kind = kind;
	if (s->tab != NULL)
		nametab_put(s->tab, name, n, (int)(s->nb - 1));
	else if (s->nb > NAMES_LINEAR) {
		size_t i;

		s->tab = nametab_new(g->arena);
		for (i = 0; i < s->nb; i++)
			nametab_put(s->tab, s->b[i].name, s->b[i].n, (int)i);
	}
}

static int
fn_has_name(struct fnctx *f, const char *s)
{
	size_t i;

	if (f->ntab != NULL)
		return nametab_get(f->ntab, s, strlen(s)) >= 0;
	for (i = 0; i < f->nnames; i++)
		if (strcmp(f->names[i], s) == 0)
			return 1;
	return 0;
}

static void
fn_add_name(struct gen *g, struct fnctx *f, const char *s)
{
	size_t i;

	if (f->nnames == f->capnames) {
		f->capnames = f->capnames ? f->capnames * 2 : 16;
		f->names = xreallocarray(f->names, f->capnames, sizeof *f->names);
	}
	f->names[f->nnames++] = s;
	if (f->ntab != NULL)
		nametab_put(f->ntab, s, strlen(s), 0);
	else if (f->nnames > NAMES_LINEAR) {
		f->ntab = nametab_new(g->arena);
		for (i = 0; i < f->nnames; i++)
			nametab_put(f->ntab, f->names[i], strlen(f->names[i]), 0);
	}
}

/* Declare a var-scoped name (var, function, parameter). */
void
declare_var(struct gen *g, const char *name, size_t n)
{
	char *s = arena_strndup(g->arena, name, n);

	bind(g, g->scope, s, n, s, B_VAR);
	if (!fn_has_name(g->fn, s))
		fn_add_name(g, g->fn, s);
}

/* A name as the user wrote it (username.h), for messages and exports. */
static const char *
spelled(struct gen *g, const char *s, size_t n)
{
	struct buf b = BUF_INIT;
	const char *r;

	if (username_unescape(&b, s, n)) {
		r = arena_strndup(g->arena, b.data, b.len);
		buf_free(&b);
		return r;
	}
	return arena_strndup(g->arena, s, n);
}

static int
ascii(const char *s)
{
	for (; *s != '\0'; s++)
		if ((unsigned char)*s >= 0x80)
			return 0;
	return 1;
}

/* Declare a block-scoped name in the current scope, renamed if not at the
 * function's top (dup_ok: a block's function, only on a clash). */
static void
declare_lexical(struct gen *g, struct node *id, int kind, int fntop, int dup_ok)
{
	const char *name = id->s;
	size_t n = id->n;
	char *s = arena_strndup(g->arena, name, n);
	const char *e = s;

	strict_name(g, id);
	if (scope_find(g->scope, name, n) != NULL) {
		if (!dup_ok)
			gfail(g, id, "Identifier '%s' has already been declared",
			    spelled(g, name, n));
		return;
	}
	if (id->flags & NF_BOXED) {
		struct binding *b;
		const char *box = temp(g);

		bind(g, g->scope, s, n, gprintf(g, "%s.v", box), kind);
		if ((b = scope_find(g->scope, name, n)) != NULL)
			b->box = box;
		return;
	}
	if (!fntop && (!dup_ok || fn_has_name(g->fn, s) ||
	    lookup(g, name, n) != NULL))
		e = gprintf(g, "%s$%d", s, ++g->uid);
	bind(g, g->scope, s, n, e, kind);
	if (!fn_has_name(g->fn, e))
		fn_add_name(g, g->fn, e);
}

const char *
temp(struct gen *g)
{
	char *t = gprintf(g, "_$%d", ++g->uid);

	buf_printf(&g->fn->temps, "%s%s", g->fn->temps.len ? ", " : "", t);
	return t;
}

/* Names bound by a pattern. */
void
pattern_names(struct gen *g, struct node *p,
    void (*cb)(struct gen *, struct node *, void *), void *arg)
{
	struct node *k;

	switch (p->type) {
	case N_IDENT:
		cb(g, p, arg);
		break;
	case N_ASSIGNPAT:
		pattern_names(g, p->a, cb, arg);
		break;
	case N_REST:
		pattern_names(g, p->a, cb, arg);
		break;
	case N_ARRPAT:
		for (k = p->a; k != NULL; k = k->next)
			if (k->type != N_HOLE)
				pattern_names(g, k, cb, arg);
		break;
	case N_OBJPAT:
		for (k = p->a; k != NULL; k = k->next)
			pattern_names(g, k->type == N_REST ? k->a : k->b, cb, arg);
		break;
	}
}

void
cb_var(struct gen *g, struct node *id, void *arg)
{
	strict_name(g, id);
	declare_var(g, id->s, id->n);
}

void
cb_lexical(struct gen *g, struct node *id, void *arg)
{
	struct lexarg *la = arg;
	struct binding *b;

	declare_lexical(g, id, la->kind, la->fntop, 0);
	if ((b = scope_find(g->scope, id->s, id->n)) != NULL) {
		b->end = la->end;
		b->istart = la->istart;
		b->iend = la->iend;
		b->init = la->init;
	}
}

/* Past the last byte offset of a node, as far as its children tell. */
static unsigned
node_end(struct node *n)
{
	unsigned e = 0, c;

	for (; n != NULL; n = n->next) {
		c = n->end > n->pos ? n->end : n->pos + 1;
		if (c > e)
			e = c;
		if ((c = node_end(n->a)) > e)
			e = c;
		if ((c = node_end(n->b)) > e)
			e = c;
		if ((c = node_end(n->c)) > e)
			e = c;
		if ((c = node_end(n->d)) > e)
			e = c;
	}
	return e;
}

/* node_end of n alone, not of the list it heads. */
static unsigned
node_end1(struct node *n)
{
	struct node *save = n->next;
	unsigned e;

	n->next = NULL;
	e = node_end(n);
	n->next = save;
	return e;
}

/* Declare the names of a let/const pattern, each initialised at the end
 * of its own element: { a = 1, b = a } reads a after it is set. */
static void
declare_pattern(struct gen *g, struct node *p, struct lexarg *la)
{
	struct node *k;

	switch (p->type) {
	case N_IDENT:
		la->end = p->pos + 1;
		cb_lexical(g, p, la);
		break;
	case N_ASSIGNPAT:
		if (p->a->type == N_IDENT) {
			la->end = node_end1(p);
			cb_lexical(g, p->a, la);
		} else
			declare_pattern(g, p->a, la);
		break;
	case N_REST:
		declare_pattern(g, p->a, la);
		break;
	case N_ARRPAT:
		for (k = p->a; k != NULL; k = k->next)
			if (k->type != N_HOLE)
				declare_pattern(g, k, la);
		break;
	case N_OBJPAT:
		for (k = p->a; k != NULL; k = k->next)
			declare_pattern(g, k->type == N_REST ? k->a : k->b, la);
		break;
	}
}

/* Hoist var declarations (and, at the top, function declarations). */
void
collect_vars(struct gen *g, struct node *n, int top)
{
	struct node *k;

	for (; n != NULL; n = n->next) {
		switch (n->type) {
		case N_VAR:
			if (!(n->flags & (NF_LET | NF_CONST)))
				for (k = n->a; k != NULL; k = k->next)
					pattern_names(g, k->a, cb_var, NULL);
			break;
		case N_FUNC:
			if (top && n->a != NULL)
				declare_var(g, n->a->s, n->a->n);
			break;
		case N_EXPORT:
			if (n->a != NULL)
				collect_vars(g, n->a->type == N_FUNC &&
				    n->a->a == NULL ? NULL : n->a, top);
			break;
		case N_BLOCK:
			collect_vars(g, n->a, 0);
			break;
		case N_IF:
			collect_vars(g, n->b, 0);
			if (n->c)
				collect_vars(g, n->c, 0);
			break;
		case N_FOR:
			if (n->a && n->a->type == N_VAR)
				collect_vars(g, n->a, 0);
			collect_vars(g, n->d, 0);
			break;
		case N_FORIN:
		case N_FOROF:
			if (n->a->type == N_VAR)
				collect_vars(g, n->a, 0);
			collect_vars(g, n->c, 0);
			break;
		case N_WHILE:
		case N_LABEL:
		case N_WITH:
			collect_vars(g, n->b, 0);
			break;
		case N_DOWHILE:
			collect_vars(g, n->a, 0);
			break;
		case N_TRY:
			collect_vars(g, n->a, 0);
			if (n->c)
				collect_vars(g, n->c, 0);
			if (n->d)
				collect_vars(g, n->d, 0);
			break;
		case N_SWITCH:
			for (k = n->b; k != NULL; k = k->next)
				collect_vars(g, k->b, 0);
			break;
		}
	}
}

/* Declare the let/const/class (and block function) names of a list. */
void
declare_block(struct gen *g, struct node *n, int fntop)
{
	struct node *k;
	struct lexarg la;

	la.fntop = fntop;
	for (; n != NULL; n = n->next) {
		struct node *d = n;

		if (d->type == N_EXPORT && d->a != NULL && !(d->flags & NF_DEFAULT))
			d = d->a;
		if (d->type == N_EXPORT && (d->flags & NF_DEFAULT) && d->a &&
		    d->a->type == N_CLASS && d->a->a != NULL)
			d = d->a;
		switch (d->type) {
		case N_VAR:
			if (!(d->flags & (NF_LET | NF_CONST)))
				break;
			la.kind = (d->flags & NF_CONST) ? B_CONST : B_LET;
			for (k = d->a; k != NULL; k = k->next) {
				la.istart = la.iend = 0;
				la.init = NULL;
				if (k->a->type == N_IDENT) {
					la.end = node_end1(k);
					for (la.init = k->b; la.init != NULL &&
					    la.init->type == N_PAREN;
					    la.init = la.init->a)
						;
					cb_lexical(g, k->a, &la);
					continue;
				}
				/* The value is read before any name is set. */
				if (k->b != NULL) {
					la.istart = k->b->pos;
					la.iend = node_end1(k->b);
				}
				declare_pattern(g, k->a, &la);
			}
			break;
		case N_CLASS:
			if (d->a != NULL) {
				struct binding *b;

				declare_lexical(g, d->a, B_LET, fntop, 0);
				/* Uses inside the class see its own name. */
				if ((b = scope_find(g->scope, d->a->s, d->a->n)))
					b->end = d->pos + 1;
			}
			break;
		case N_FUNC:
			if (!fntop && d->a != NULL)
				declare_lexical(g, d->a, B_LET, 0, 1);
			break;
		}
	}
}

/* The temporal dead zone.  A let, const or class binding read or written
 * before its declaration has run throws ReferenceError.  Which uses can
 * come too early is decided here, once per scope, from the tree alone:
 *  - a use in the same function, textually before the end of the
 *    declaration, always does (NF_TDZ: the use becomes a throw);
 *  - a use inside a function created before that point may (NF_TDZCHECK:
 *    the binding gets a flag variable "x$tdz", set when the declaration
 *    runs, and the use tests it).  A function declaration is created when
 *    its scope starts, but it cannot run before its name is first used,
 *    so its creation counts from there (a function nobody names, like an
 *    exported one, counts as created last);
 *  - so may any use of a binding declared in a switch, whose cases can
 *    be skipped;
 *  - every other use (after the declaration, in its function, or in a
 *    function created after it) costs nothing.
 * Uses are matched by name; one that turns out to mean another binding
 * (shadowed) ignores the marks, which belong to the binding it means. */
struct tdzpass {
	struct gen	*g;
	struct node	*list;		/* the scope's statements */
	struct binding	**b;		/* its bindings to classify */
	size_t		 nb;
	struct nametab	*tab;		/* name to index in b, if b is long */
	int		 sw;		/* a switch scope */
	struct node	*memo[32];	/* function declarations ... */
	unsigned	 memopos[32];	/* ... and when they can first run */
	int		 nmemo;
};

static unsigned tdz_created(struct tdzpass *, struct node *, int);

/* The earliest offset at which a use of name in n (outside the function
 * declaration self) can run. */
static unsigned
tdz_first_use(struct tdzpass *t, struct node *n, struct node *fn,
    struct node *self, int depth)
{
	unsigned best = (unsigned)-1, c;

	for (; n != NULL; n = n->next) {
		struct node *f = fn;

		switch (n->type) {
		case N_IDENT:
			if (n->n != self->a->n ||
			    memcmp(n->s, self->a->s, n->n) != 0)
				continue;
			if (f == NULL)
				c = n->pos;
			else if (f == self)
				continue;
			else
				c = tdz_created(t, f, depth + 1);
			if (c < best)
				best = c;
			continue;
		case N_FUNC:
			if (f == NULL)
				f = n;
			c = tdz_first_use(t, n->b, f, self, depth);
			if (c < best)
				best = c;
			c = tdz_first_use(t, n->c, f, self, depth);
			if (c < best)
				best = c;
			continue;
		case N_FIELD:
		case N_STATICBLOCK:
			if (f == NULL)
				f = n;
			break;
		case N_MEMBER:
			c = tdz_first_use(t, n->a, f, self, depth);
			if (c < best)
				best = c;
			if (n->flags & NF_COMPUTED) {
				c = tdz_first_use(t, n->b, f, self, depth);
				if (c < best)
					best = c;
			}
			continue;
		}
		if ((c = tdz_first_use(t, n->a, f, self, depth)) < best)
			best = c;
		if ((c = tdz_first_use(t, n->b, f, self, depth)) < best)
			best = c;
		if ((c = tdz_first_use(t, n->c, f, self, depth)) < best)
			best = c;
		if ((c = tdz_first_use(t, n->d, f, self, depth)) < best)
			best = c;
	}
	return best;
}

/* When the outermost function f (within the scope) can first run. */
static unsigned
tdz_created(struct tdzpass *t, struct node *f, int depth)
{
	unsigned c;
	int i;

	if (f->type != N_FUNC || !(f->flags & NF_DECL))
		return f->pos;
	/* export default function () {}: nothing here can call it. */
	if (f->a == NULL)
		return (unsigned)-1;
	for (i = 0; i < t->nmemo; i++)
		if (t->memo[i] == f)
			return t->memopos[i];
	if (depth > 4 || t->nmemo == 32)
		return 0;
	/* Meanwhile, a cycle of calls back to f counts as the earliest:
	 * each function is scanned once. */
	i = t->nmemo++;
	t->memo[i] = f;
	t->memopos[i] = 0;
	c = tdz_first_use(t, t->list, NULL, f, depth);
	t->memopos[i] = c;
	return c;
}

/* Give b its flag variable.  A generator's or async function's body
 * declares no var where it stands (lower-gen.c hoists its names to the
 * function around the state machine), so there the flag is one of the
 * function's names; elsewhere the declaration's var covers it. */
static void
tdz_flag(struct gen *g, struct binding *b)
{
	b->flag = gprintf(g, "%s$tdz", b->box != NULL ? b->box : b->emit);
	if (g->fn->gen != NULL)
		fn_add_name(g, g->fn, b->flag);
}

/* Is offset pos before b is initialised? */
static int
tdz_before(const struct binding *b, unsigned pos)
{
	return pos < b->end || (pos >= b->istart && pos < b->iend);
}

/* fn is the outermost function (within the scope) around n; own, the
 * object literal or class it is a method of, if it is one.  Evaluating
 * const f = () => f() or const o = { m() { return o; } } calls none of
 * the functions it makes, so their uses of the name come after it is
 * set. */
static void
tdz_walk(struct tdzpass *t, struct node *n, struct node *fn, struct node *own)
{
	size_t i;
	struct node *k;

	for (; n != NULL; n = n->next) {
		struct node *f = fn;

		switch (n->type) {
		case N_IDENT:
			i = 0;
			if (t->tab != NULL) {
				int at = nametab_get(t->tab, n->s, n->n);

				i = at < 0 ? t->nb : (size_t)at;
			}
			for (; i < t->nb; i++) {
				struct binding *b = t->b[i];
				int check;

				if (b->n != n->n || memcmp(b->name, n->s, n->n) != 0)
					continue;
				n->flags &= ~(NF_TDZ | NF_TDZCHECK);
				if (f == NULL && tdz_before(b, n->pos))
					n->flags |= NF_TDZ;
				else {
					check = t->sw || (f != NULL &&
					    f != b->init && (own == NULL ||
					    own != b->init) &&
					    tdz_before(b, tdz_created(t, f, 0)));
					if (check) {
						n->flags |= NF_TDZCHECK;
						if (b->flag == NULL)
							tdz_flag(t->g, b);
					}
				}
				break;
			}
			continue;
		case N_FUNC:
			if (f == NULL)
				f = n;
			tdz_walk(t, n->b, f, own);
			tdz_walk(t, n->c, f, own);
			continue;
		case N_OBJECT:
			for (k = n->a; k != NULL; k = k->next) {
				struct node *save = k->next;

				k->next = NULL;
				if (k->type == N_PROP && !(k->flags & NF_COMPUTED) &&
				    k->b != NULL && k->b->type == N_FUNC)
					tdz_walk(t, k->b, f, f == NULL ? n : own);
				else
					tdz_walk(t, k, f, own);
				k->next = save;
			}
			continue;
		case N_FIELD:
		case N_STATICBLOCK:
			if (f == NULL)
				f = n;
			break;
		case N_MEMBER:
			tdz_walk(t, n->a, f, own);
			if (n->flags & NF_COMPUTED)
				tdz_walk(t, n->b, f, own);
			continue;
		case N_CLASS:
			tdz_walk(t, n->b, f, own);
			for (k = n->c; k != NULL; k = k->next) {
				struct node *save = k->next;

				k->next = NULL;
				if (k->type == N_METHOD && !(k->flags & NF_COMPUTED))
					tdz_walk(t, k->b, f, f == NULL ? n : own);
				else
					tdz_walk(t, k, f, own);
				k->next = save;
			}
			continue;
		case N_LABEL:
			tdz_walk(t, n->b, f, own);
			continue;
		case N_BREAK:
		case N_CONTINUE:
		case N_EXPORTSPEC:
			continue;
		}
		tdz_walk(t, n->a, f, own);
		tdz_walk(t, n->b, f, own);
		tdz_walk(t, n->c, f, own);
		tdz_walk(t, n->d, f, own);
	}
}

/* Classify the uses of the current scope's new let/const/class bindings
 * in list, the statements of the scope (sw: a switch's cases). */
void
tdz_scope(struct gen *g, struct node *list, int single, int sw)
{
	struct tdzpass t;
	struct scope *s = g->scope;
	struct node *save;
	size_t i;

	memset(&t, 0, sizeof t);
	if (list == NULL)
		return;
	for (i = 0; i < s->nb; i++)
		if (s->b[i].end > 0 && !s->b[i].tdz)
			t.nb++;
	if (t.nb == 0)
		return;
	t.g = g;
	t.list = list;
	t.sw = sw;
	t.b = xreallocarray(NULL, t.nb, sizeof *t.b);
	t.nb = 0;
	for (i = 0; i < s->nb; i++)
		if (s->b[i].end > 0 && !s->b[i].tdz) {
			s->b[i].tdz = 1;
			t.b[t.nb++] = &s->b[i];
		}
	/* In the arena: an error longjmps. */
	{
		struct binding **a = arena_alloc(g->arena, t.nb * sizeof *a);

		memcpy(a, t.b, t.nb * sizeof *a);
		free(t.b);
		t.b = a;
	}
	if (t.nb > NAMES_LINEAR) {
		t.tab = nametab_new(g->arena);
		for (i = 0; i < t.nb; i++)
			nametab_put(t.tab, t.b[i]->name, t.b[i]->n, (int)i);
	}
	/* single: the statement alone, not those after it. */
	save = list->next;
	if (single)
		list->next = NULL;
	tdz_walk(&t, list, NULL, NULL);
	list->next = save;
}

/* How a use of an identifier stands to the temporal dead zone: 0 fine,
 * NF_TDZ always too early, NF_TDZCHECK maybe; *bp is its binding. */
int
tdz_kind(struct gen *g, struct node *n, struct binding **bp)
{
	struct binding *b;

	while (n->type == N_PAREN)
		n = n->a;
	if (n->type != N_IDENT || !(n->flags & (NF_TDZ | NF_TDZCHECK)))
		return 0;
	b = lookup(g, n->s, n->n);
	if (b == NULL || !b->tdz)
		return 0;
	*bp = b;
	if (n->flags & NF_TDZ)
		return NF_TDZ;
	return b->flag != NULL ? NF_TDZCHECK : 0;
}

/* The throw for a use of b too early. */
void
emit_tdz_throw(struct gen *g, struct binding *b)
{
	emit(g, "__ly.tdz(");
	emit_quoted(g, b->name, b->n);
	emit(g, ")");
}

/* "flag || __ly.tdz("x")" */
void
emit_tdz_test(struct gen *g, struct binding *b)
{
	emitf(g, "%s || ", b->flag);
	emit_tdz_throw(g, b);
}

/* After a declaration: set the flags of the names it bound. */
void
cb_tdz_set(struct gen *g, struct node *id, void *arg)
{
	struct binding *b = lookup(g, id->s, id->n);

	if (b != NULL && b->flag != NULL) {
		piece(g);
		emitf(g, "%s = 1", b->flag);
	}
}

void
tdz_set_names(struct gen *g, struct node *pattern)
{
	pattern_names(g, pattern, cb_tdz_set, NULL);
}

/* Emit the resets of a block's flags and its new boxes (the block may
 * run again). */
void
tdz_resets(struct gen *g)
{
	size_t i;

	for (i = 0; i < g->scope->nb; i++) {
		if (g->scope->b[i].flag != NULL)
			emitf(g, " %s = 0;", g->scope->b[i].flag);
		if (g->scope->b[i].box != NULL)
			emitf(g, " %s = {};", g->scope->b[i].box);
	}
}

struct fnctx *
nonarrow(struct gen *g)
{
	struct fnctx *f = g->fn;

	while (f->arrow && f->up != NULL)
		f = f->up;
	return f;
}

void
emit_this(struct gen *g)
{
	struct fnctx *f = nonarrow(g);

	if (f->top) {
		emit(g, g->esm ? "(void 0)" : "this");
		return;
	}
	if (f == g->fn) {
		emit(g, "this");
		return;
	}
	f->uses_this = 1;
	emit(g, "_this$");
}

void
emit_ident_ref(struct gen *g, struct node *n)
{
	struct binding *b;

	sync(g, n->line);
	if (is_word(n->s, n->n, "arguments") && lookup(g, n->s, n->n) == NULL) {
		struct fnctx *f = nonarrow(g);

		if (f != g->fn) {
			f->uses_args = 1;
			emit(g, "_args$");
			return;
		}
	}
	b = lookup(g, n->s, n->n);
	if (b != NULL)
		emit(g, b->emit);
	else if (username_unescape(NULL, n->s, n->n) &&
	    strncmp(n->s + 3, "_$$", 3) != 0 && strncmp(n->s + 3, "__ly", 4) != 0 &&
	    ascii(spelled(g, n->s, n->n)))
		/* A global the file does not declare, with a "$" but not
		 * one of the compiler's prefixes: the user's own spelling
		 * reaches it.  A name not ASCII keeps its ASCII form, which
		 * mujs reads (and names in "is not defined"). */
		emit(g, spelled(g, n->s, n->n));
	else
		buf_add(&g->out, n->s, n->n);
}

/* A read of an identifier: one that no scope declares is a global, whose
 * read k6's engine places at the name (a ReferenceError's). */
void
emit_ident_read(struct gen *g, struct node *n)
{
	int key;

	sync(g, n->line);
	key = g->pline;
	if (g->no_var == n || lookup(g, n->s, n->n) != NULL ||
	    is_word(n->s, n->n, "arguments") || memchr(n->s, '$', n->n) ||
	    (n->n >= 4 && memcmp(n->s, "__ly", 4) == 0)) {
		emit_ident_ref(g, n);
		return;
	}
	pos_claim(g, key);
	emit_ident_ref(g, n);
	pos_add(g, POS_VAR, key, n->pos);
}

/* Is the identifier an immutable binding (const or import)? */
struct binding *
const_binding(struct gen *g, struct node *n)
{
	struct binding *b;

	while (n->type == N_PAREN)
		n = n->a;
	if (n->type != N_IDENT)
		return NULL;
	b = lookup(g, n->s, n->n);
	if (b != NULL && (b->kind == B_CONST || b->kind == B_IMPORT))
		return b;
	return NULL;
}

static int
is_simple_name(const char *s, size_t n)
{
	size_t i;

	if (n == 0)
		return 0;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    c == '_' || c == '$' || (i > 0 && c >= '0' && c <= '9')))
			return 0;
	}
	return 1;
}

/* Emit a property key as a string or number literal. */
void
emit_key_literal(struct gen *g, struct node *k)
{
	if (k->type == N_NUM)
		emit_number(g, k);
	else if (k->type == N_PRIVNAME) {
		struct buf b = BUF_INIT;

		buf_putc(&b, '#');
		buf_add(&b, k->s, k->n);
		emit_quoted(g, b.data, b.len);
		buf_free(&b);
	} else
		emit_quoted(g, k->s, k->n);
}

/* A key expression: computed, or a literal string/number. */
void
emit_key(struct gen *g, struct node *k, unsigned flags,
    const struct node *value)
{
	if ((flags & NF_COMPUTED) && fnname_computed(value)) {
		/* The key names the function (fnname.c). */
		emit(g, "__ly.nk(");
		gen_expr(g, k, 1);
		emit(g, ")");
	} else if (flags & NF_COMPUTED)
		gen_expr(g, k, 1);
	else
		emit_key_literal(g, k);
}

/* ".name" or "[key]" for an access with a literal key. */
char *
access(struct gen *g, const char *obj, struct node *k)
{
	struct buf b = BUF_INIT;
	char *r;

	buf_puts(&b, obj);
	if (k->type == N_IDENT && is_simple_name(k->s, k->n)) {
		buf_putc(&b, '.');
		buf_add(&b, k->s, k->n);
	} else if (k->type == N_NUM) {
		char tmp[64];

		snprintf(tmp, sizeof tmp, "[%.17g]", k->num);
		buf_puts(&b, tmp);
	} else {
		buf_putc(&b, '[');
		if (k->type == N_PRIVNAME) {
			struct buf p = BUF_INIT;

			buf_putc(&p, '#');
			buf_add(&p, k->s, k->n);
			quote(&b, p.data, p.len);
			buf_free(&p);
		} else
			quote(&b, k->s, k->n);
		buf_putc(&b, ']');
	}
	r = gstrdup(g, b.data);
	buf_free(&b);
	return r;
}

/* Destructuring: pieces "target = value" separated by commas. */

void
piece(struct gen *g)
{
	if (!g->first)
		emit(g, ", ");
	g->first = 0;
}

/* k6's last position after a member target's reference, its object
 * and key (pos_last's), where a null object throws: its value, and a
 * default, come after. */
static unsigned
ref_last(const struct node *t)
{
	unsigned r = POS_NONE, x;

	while (t->type == N_PAREN)
		t = t->a;
	if (t->type != N_MEMBER)
		return POS_NONE;
	if ((x = pos_last(t->a)) != POS_NONE)
		r = x;
	if ((t->flags & NF_COMPUTED) && (x = pos_last(t->b)) != POS_NONE)
		r = x;
	return r;
}

/* The target t takes val; a member's reference is at last, as ref_last
 * gives it (POS_NONE if none). */
static void
destr_leaf(struct gen *g, struct node *t, const char *val, int mode,
    unsigned last)
{
	if (t->type == N_IDENT && mode == D_ASSIGN) {
		struct binding *b;
		int tk = tdz_kind(g, t, &b);

		if (tk != 0) {
			piece(g);
			if (tk == NF_TDZ)
				emit_tdz_throw(g, b);
			else
				emit_tdz_test(g, b);
		}
	}
	piece(g);
	if (t->type == N_IDENT) {
		if (mode == D_ASSIGN && const_binding(g, t) != NULL) {
			sync(g, t->line);
			emit(g, "__ly.ce()");
			return;
		}
		emit_ident_ref(g, t);
		/* k6 notes a declaration's name after its value */
		if (g->dtrack && mode == D_DECL)
			g->dlast = t->pos + 1;
	} else if (t->type == N_MEMBER && t->a->type == N_SUPER) {
		/* k6 writes it where it noted last */
		unsigned at = g->dtrack ? g->dlast : POS_UNKNOWN;
		int key = 0;

		if (at != POS_NONE && at != POS_UNKNOWN) {
			pos_fresh(g, 0);
			key = g->pline;
			pos_claim(g, key);
		}
		emitf(g, "__ly.ss(%s, ", cls_home(g, t));
		super_key(g, t, 0);
		emitf(g, ", %s, ", val);
		emit_this(g);
		emitf(g, ", %d)", super_strict(g));
		if (key != 0)
			pos_add(g, POS_SUPERSET, key, at - 1);
		return;
	} else if (t->type == N_MEMBER && !(t->flags & NF_PRIVATE)) {
		/* k6 makes its reference (which throws for a null object)
		 * where it noted last: after its object and key */
		int key;

		g->as_target = t;
		g->target_op = '=';
		g->target_key = 0;
		gen_expr(g, t, 0);
		g->as_target = NULL;
		key = g->target_key;
		emitf(g, " = %s", val);
		if (g->dtrack && last != POS_NONE)
			g->dlast = last;
		pos_add(g, POS_SET, key, last != POS_NONE && last != POS_UNKNOWN ?
		    last - 1 : t->flags & NF_COMPUTED ? t->tok : t->b->pos);
		return;
	} else
		gen_expr(g, t, 0);
	emit(g, " = ");
	emit(g, val);
}

/* In a destructuring declaration, k6's last position after e's code. */
static void
destr_after(struct gen *g, const struct node *e)
{
	unsigned x;

	if (g->dtrack && (x = pos_last(e)) != POS_NONE)
		g->dlast = x;
}

/* "tmp = __ly.oc(val)", the check k6 makes of an object pattern's value
 * (checkObjectCoercible), or "tmp = __ly.ad(val, n)", an array
 * pattern's values (iterate; n < 0: all), at k6's last position where
 * it is known. */
static void
destr_check(struct gen *g, const char *tmp, const char *fn, const char *val,
    int n)
{
	int key;

	if (!g->dtrack || g->dlast == POS_NONE || g->dlast == POS_UNKNOWN) {
		if (n >= 0)
			emitf(g, "%s = __ly.%s(%s, %d)", tmp, fn, val, n);
		else
			emitf(g, "%s = __ly.%s(%s)", tmp, fn, val);
		return;
	}
	emitf(g, "%s = ", tmp);
	pos_fresh(g, 0);
	key = g->pline;
	pos_claim(g, key);
	if (n >= 0)
		emitf(g, "__ly.%s(%s, %d)", fn, val, n);
	else
		emitf(g, "__ly.%s(%s)", fn, val);
	pos_add(g, POS_DESTR, key, g->dlast - 1);
}

void
destr_from(struct gen *g, struct node *t, const char *val, int mode,
    unsigned last)
{
	int dtrack = g->dtrack;
	unsigned dlast = g->dlast;

	g->dtrack = g->map != NULL;
	g->dlast = last;
	destr(g, t, val, mode);
	g->dtrack = dtrack;
	g->dlast = dlast;
}

/* pos_last of a destructuring's value: for a for-in's key, its
 * source's (parser.c's forin_pattern). */
unsigned
init_last(const struct gen *g, const struct node *e)
{
	if (g->map == NULL)
		return POS_UNKNOWN;
	if (e->type == N_IDENT && (e->flags & NF_FORKEY))
		return g->keylast;
	return pos_last(e);
}

void
destr(struct gen *g, struct node *t, const char *val, int mode)
{
	struct node *k;
	const char *tmp;
	int i;

	while (t->type == N_PAREN)
		t = t->a;
	if (t->type == N_ASSIGNPAT) {
		struct node *u = t->a;

		while (u->type == N_PAREN)
			u = u->a;
		tmp = temp(g);
		piece(g);
		emitf(g, "%s = %s === void 0 ? ", tmp, val);
		gen_expr(g, t->b, 0);
		emitf(g, " : %s", val);
		destr_after(g, t->b);
		if (u->type == N_IDENT || u->type == N_MEMBER) {
			/* k6 reads a target's object before the default */
			destr_leaf(g, u, tmp, mode, g->map != NULL ?
			    ref_last(u) : POS_UNKNOWN);
			destr_after(g, t->b);
			return;
		}
		destr(g, t->a, tmp, mode);
		return;
	}
	switch (t->type) {
	case N_IDENT:
	case N_MEMBER:
		destr_leaf(g, t, val, mode, g->map != NULL ? ref_last(t) :
		    POS_UNKNOWN);
		return;
	case N_ARRPAT:
		tmp = temp(g);
		piece(g);
		/* Only as many values as the pattern takes: the iterator is
		 * closed after them. */
		for (k = t->a, i = 0; k != NULL && k->type != N_REST; k = k->next)
			i++;
		destr_check(g, tmp, "ad", val, k != NULL ? -1 : i);
		for (k = t->a, i = 0; k != NULL; k = k->next, i++) {
			if (k->type == N_HOLE)
				continue;
			if (k->type == N_REST)
				destr(g, k->a, gprintf(g, "%s.slice(%d)", tmp, i),
				    mode);
			else
				destr(g, k, gprintf(g, "%s[%d]", tmp, i), mode);
		}
		return;
	case N_OBJPAT: {
		/* In the arena: an error longjmps out of here. */
		const char *keys = "";

		tmp = temp(g);
		piece(g);
		destr_check(g, tmp, "oc", val, -1);
		for (k = t->a; k != NULL; k = k->next) {
			const char *sep = *keys ? ", " : "";

			if (k->type == N_REST) {
				destr(g, k->a, gprintf(g, "__ly.or(%s, [%s])", tmp,
				    keys), mode);
				continue;
			}
			if (k->flags & NF_COMPUTED) {
				const char *kt = temp(g);

				piece(g);
				emitf(g, "%s = ", kt);
				gen_expr(g, k->a, 0);
				destr_after(g, k->a);
				keys = gprintf(g, "%s%s%s", keys, sep, kt);
				destr(g, k->b, gprintf(g, "%s[%s]", tmp, kt), mode);
			} else {
				struct buf q = BUF_INIT;

				if (k->a->type == N_NUM)
					buf_printf(&q, "\"%.17g\"", k->a->num);
				else
					quote(&q, k->a->s, k->a->n);
				keys = gprintf(g, "%s%s%s", keys, sep, q.data);
				buf_free(&q);
				destr(g, k->b, access(g, tmp, k->a), mode);
			}
		}
		return;
	}
	}
	gfail(g, t, "Invalid destructuring target");
}

/* Modules. */

static const char *
module_var(struct gen *g, struct node *src)
{
	char *cause = NULL, *id;
	size_t i;

	if (g->opt->resolve != NULL) {
		id = g->opt->resolve(g->opt->arg, src->s, &cause);
		if (id == NULL) {
			char *m = cause;

			free(g->err);
			g->err = m;
			g->errpos = src->pos;
			g->errline = src->line;
			longjmp(g->jmp, 1);
		}
	} else
		id = xstrdup(src->s);
	for (i = 0; i < g->nimps; i++)
		if (strcmp(g->imps[i].id, id) == 0) {
			free(id);
			g->last_id = g->imps[i].id;
			return g->imps[i].var;
		}
	g->imps = xreallocarray(g->imps, g->nimps + 1, sizeof *g->imps);
	g->imps[g->nimps].id = id;
	g->imps[g->nimps].var = gprintf(g, "_m$%d", ++g->uid);
	g->last_id = id;
	return g->imps[g->nimps++].var;
}

static void
info_import(struct gen *g, struct node *name, struct node *src)
{
	struct lower_info *in = g->info;
	struct lower_import *im;

	if (in == NULL)
		return;
	in->imports = xreallocarray(in->imports, in->nimports + 1,
	    sizeof *in->imports);
	im = &in->imports[in->nimports++];
	im->id = xstrdup(g->last_id);
	im->spec = xstrndup(src->s, src->n);
	im->name = name != NULL ? xstrndup(name->s, name->n) : xstrdup("default");
	im->line = name != NULL ? name->line : 0;
	im->pos = name != NULL ? name->pos : 0;
}

void
lower_info_free(struct lower_info *in)
{
	size_t i;

	if (in == NULL)
		return;
	for (i = 0; i < in->nexports; i++)
		free(in->exports[i]);
	free(in->exports);
	for (i = 0; i < in->nstars; i++)
		free(in->stars[i]);
	free(in->stars);
	for (i = 0; i < in->nimports; i++) {
		free(in->imports[i].id);
		free(in->imports[i].spec);
		free(in->imports[i].name);
	}
	free(in->imports);
	memset(in, 0, sizeof *in);
}

static void
export_getter(struct gen *g, const char *name, size_t n, const char *expr)
{
	if (g->info != NULL) {
		g->info->exports = xreallocarray(g->info->exports,
		    g->info->nexports + 1, sizeof *g->info->exports);
		g->info->exports[g->info->nexports++] = xstrndup(name, n);
	}
	if (g->exports.len)
		buf_puts(&g->exports, ", ");
	quote(&g->exports, name, n);
	buf_printf(&g->exports, ": function () { return %s; }", expr);
	g->nexport_fns++;
}

/* The export getters' functions, on the line of the module's function
 * and just after its "{": after it in fns. */
static void
export_fns(struct gen *g)
{
	struct posmap *m = g->map;
	size_t n = g->nexport_fns, i;

	m->fns = xreallocarray(m->fns, m->nfns + n, sizeof *m->fns);
	g->fns_cap = m->nfns + n;
	memmove(m->fns + 1 + n, m->fns + 1, (m->nfns - 1) * sizeof *m->fns);
	for (i = 1; i <= n; i++) {
		m->fns[i].key = m->fns[0].key;
		m->fns[i].start = m->fns[i].end = 0;
		m->fns[i].name = posmap_name("", 0);
	}
	m->nfns += n;
}

static void
cb_export(struct gen *g, struct node *id, void *arg)
{
	struct binding *b = lookup(g, id->s, id->n);
	const char *name = spelled(g, id->s, id->n);

	export_getter(g, name, strlen(name), b ? b->emit :
	    arena_strndup(g->arena, id->s, id->n));
}

/* Bind imports and record exports, before the body is printed. */
static void
module_scan(struct gen *g, struct node *prog)
{
	struct node *n, *s;

	for (n = prog->a; n != NULL; n = n->next) {
		if (n->type == N_IMPORT) {
			const char *v = module_var(g, n->a);

			for (s = n->b; s != NULL; s = s->next) {
				const char *e;

				if (s->flags & NF_NS)
					e = v;
				else if (s->a == NULL)
					e = gprintf(g, "%s.default", v);
				else
					e = access(g, v, s->a);
				if (!(s->flags & NF_NS)) {
					if (s->a == NULL) {
						/* Point at the local name. */
						struct node d = *s->b;

						d.s = "default";
						d.n = 7;
						info_import(g, &d, n->a);
					} else
						info_import(g, s->a, n->a);
				}
				if (scope_find(g->scope, s->b->s, s->b->n) != NULL)
					gfail(g, s->b, "Identifier '%s' has already "
					    "been declared", spelled(g, s->b->s, s->b->n));
				bind(g, g->scope, s->b->s, s->b->n, e, B_IMPORT);
			}
		}
	}
	for (n = prog->a; n != NULL; n = n->next) {
		if (n->type != N_EXPORT)
			continue;
		if (n->flags & NF_DEFAULT) {
			struct node *d = n->a;

			if ((d->type == N_FUNC || d->type == N_CLASS) &&
			    (d->flags & NF_DECL) && d->a != NULL) {
				struct binding *b = lookup(g, d->a->s, d->a->n);

				export_getter(g, "default", 7, b ? b->emit :
				    arena_strndup(g->arena, d->a->s, d->a->n));
			} else
				export_getter(g, "default", 7, "_default$");
			if (!(d->type == N_FUNC && (d->flags & NF_DECL)))
				declare_var(g, "_default$", 9);
			continue;
		}
		if (n->flags & NF_STAR) {
			const char *v = module_var(g, n->c);

			if (n->b != NULL)
				export_getter(g, n->b->s, n->b->n, v);
			else {
				buf_printf(&g->stars, " __ly.star(__ly_exports, %s);", v);
				if (g->info != NULL) {
					g->info->stars = xreallocarray(g->info->stars,
					    g->info->nstars + 1, sizeof *g->info->stars);
					g->info->stars[g->info->nstars++] =
					    xstrdup(g->last_id);
				}
			}
			continue;
		}
		if (n->a != NULL) {
			struct node *d = n->a;

			if (d->type == N_VAR)
				for (s = d->a; s != NULL; s = s->next)
					pattern_names(g, s->a, cb_export, NULL);
			else if (d->a != NULL)
				cb_export(g, d->a, NULL);
			continue;
		}
		if (n->c != NULL) {
			const char *v = module_var(g, n->c);

			for (s = n->b; s != NULL; s = s->next) {
				const char *e;

				if (s->a->type == N_IDENT &&
				    is_word(s->a->s, s->a->n, "default"))
					e = gprintf(g, "%s.default", v);
				else
					e = access(g, v, s->a);
				info_import(g, s->a, n->c);
				export_getter(g, s->b->s, s->b->n, e);
			}
			continue;
		}
		for (s = n->b; s != NULL; s = s->next) {
			struct binding *b = lookup(g, s->a->s, s->a->n);

			if (b == NULL)
				gfail(g, s->a, "Export '%.*s' is not defined in module",
				    (int)s->a->n, s->a->s);
			export_getter(g, s->b->s, s->b->n, b->emit);
		}
	}
}

static int
is_esm(struct node *prog)
{
	struct node *n;

	for (n = prog->a; n != NULL; n = n->next)
		if (n->type == N_IMPORT || n->type == N_EXPORT)
			return 1;
	return 0;
}

char *
lower_module(const char *src, size_t len, const struct lower_options *opt,
    char **cause)
{
	struct arena arena = { NULL };
	struct gen *g = xcalloc(1, sizeof *g);
	struct node *prog;
	struct fnctx *top;
	struct buf pro = BUF_INIT;
	char *out = NULL;
	size_t i;
	int tla;
	struct node body;

	if (opt->info != NULL)
		memset(opt->info, 0, sizeof *opt->info);
	if (opt->map != NULL)
		*opt->map = NULL;
	prog = parser_parse(&arena, opt->name, src, len, PARSE_MODULE, cause);
	if (prog == NULL)
		goto out;
	fnname_infer(&arena, prog);
	g->line = 1;
	g->pline = 1;
	if (opt->map != NULL) {
		g->map = xcalloc(1, sizeof *g->map);
		g->lines_cap = 256;
		g->map->lines = xreallocarray(NULL, g->lines_cap,
		    sizeof *g->map->lines);
		g->map->lines[0] = 1;
		g->map->nlines = 1;
		g->starts = xreallocarray(NULL, 64, sizeof *g->starts);
		g->starts[g->nstarts++] = 0;
		for (i = 0; i < len; i++)
			if (src[i] == '\n') {
				if ((g->nstarts & (g->nstarts - 1)) == 0 &&
				    g->nstarts >= 64)
					g->starts = xreallocarray(g->starts,
					    g->nstarts * 2, sizeof *g->starts);
				g->starts[g->nstarts++] = (unsigned)i + 1;
			}
	}
	g->name = opt->name;
	g->id = opt->id;
	g->src = src;
	g->len = len;
	g->arena = &arena;
	g->opt = opt;
	g->esm = is_esm(prog);
	g->info = opt->info;
	if (g->info != NULL)
		g->info->esm = g->esm;
	if (setjmp(g->jmp) != 0) {
		*cause = lexer_frame(opt->name, src, len, g->errline, g->errpos,
		    g->err);
		lower_info_free(opt->info);
		goto out;
	}
	emit(g, "__lymod(");
	emit_quoted(g, opt->id, strlen(opt->id));
	emit(g, ", ");
	fn_begin(g, NULL, "");
	emit(g, g->esm ? "function (__ly_exports, module, require, __ly_import, "
	    TICK ") {" : "function (exports, module, require, __ly_import, "
	    TICK ") {");
	top = fn_push(g, 0);
	top->top = 1;
	/* ES modules are strict; so is a script that says so.  The
	 * directive must come first, before the prologue. */
	if (g->esm || has_use_strict(g, prog->a)) {
		emit(g, "\"use strict\"; ");
		top->strict = 1;
	}
	top->mark = g->out.len;
	scope_push(g);
	collect_vars(g, prog->a, 1);
	declare_block(g, prog->a, 1);
	if (prog->a != NULL)
		tdz_scope(g, prog->a, 0, 0);
	if (g->esm)
		module_scan(g, prog);
	tla = lowergen_awaits(prog->a);
	if (g->map != NULL && !g->esm && !tla)
		g->map->wrap = CJS_WRAP;
	memset(&body, 0, sizeof body);
	body.type = N_BLOCK;
	body.a = prog->a;
	body.line = prog->line;
	if (tla || lowergen_depth(&body) > LOWER_FLAT_DEPTH) {
		/* top-level await: the body is an async function's, and the
		 * factory returns its promise (01-modules.js waits for it);
		 * statements nested too deep for mujs: a flat function's */
		struct node fn;

		memset(&fn, 0, sizeof fn);
		fn.type = N_FUNC;
		fn.flags = tla ? NF_ASYNC : 0;
		fn.c = &body;
		fn.line = prog->line;
		if (tla) {
			/* after an await, open() resolves from this module again */
			buf_reset(&pro);
			buf_puts(&pro, " __lymod.current = ");
			quote(&pro, opt->id, strlen(opt->id));
			buf_puts(&pro, ";");
			g->step_pro = arena_strndup(&arena, pro.data, pro.len);
			buf_reset(&pro);
		}
		lowergen_body(g, &fn);
	} else
		gen_stmts(g, prog->a);
	/* flags: 1 an ES module, 2 its body awaits; then the modules it
	 * imports, which a graph with top-level await evaluates first */
	emitf(g, " }, %d", g->esm | (tla ? 2 : 0));
	if (g->nimps > 0) {
		emit(g, ", [");
		for (i = 0; i < g->nimps; i++) {
			if (i > 0)
				emit(g, ", ");
			emit_quoted(g, g->imps[i].id, strlen(g->imps[i].id));
		}
		emit(g, "]");
	}
	emit(g, ");\n");
	/* The prologue: export getters first (cycles see them), then the
	 * imports, which run the dependencies. */
	if (g->exports.len)
		buf_printf(&pro, " __ly.ex(__ly_exports, {%s});", g->exports.data);
	for (i = 0; i < g->nimps; i++) {
		buf_printf(&pro, " var %s = __ly_import(", g->imps[i].var);
		quote(&pro, g->imps[i].id, strlen(g->imps[i].id));
		buf_puts(&pro, ");");
	}
	if (g->stars.len)
		buf_puts(&pro, g->stars.data);
	if (pro.len)
		insert_at(g, top->mark, pro.data);
	if (g->map != NULL && g->nexport_fns > 0)
		export_fns(g);
	scope_pop(g);
	fn_pop(g);
	out = buf_steal(&g->out);
	if (g->map != NULL) {
		g->map->src = xmalloc(len + 1);
		memcpy(g->map->src, src, len);
		g->map->src[len] = '\0';
		g->map->srclen = len;
		*opt->map = g->map;
		g->map = NULL;
	}
out:
	posmap_free(g->map);
	free(g->starts);
	buf_free(&pro);
	buf_free(&g->out);
	buf_free(&g->exports);
	buf_free(&g->stars);
	for (i = 0; i < g->nimps; i++)
		free(g->imps[i].id);
	free(g->imps);
	free(g->err);
	/* On an error, scopes and function contexts may be left pushed. */
	while (g->scope != NULL) {
		free(g->scope->b);
		g->scope = g->scope->up;
	}
	while (g->fn != NULL) {
		if (g->fn->gen != NULL)
			lowergen_abandon(g->fn->gen);
		buf_free(&g->fn->temps);
		free(g->fn->names);
		g->fn = g->fn->up;
	}
	free(g);
	arena_free(&arena);
	return out;
}
