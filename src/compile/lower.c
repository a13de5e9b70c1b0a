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
 * a fresh name when the plain one would clash inside the function.
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
#include "compile/parser.h"
#include "util/buf.h"
#include "util/xmalloc.h"

#include "compile/lower-int.h"

static void gen_function(struct gen *, struct node *, const char *name,
	    const char *prologue);
static void gen_class(struct gen *, struct node *, const char *name);
static const char *jump_marks(struct gen *, int, const char *, size_t);
static const char *cls_home(struct gen *, const struct node *);
static const char *super_key(struct gen *, struct node *, int);
static int super_strict(struct gen *);

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

void
sync(struct gen *g, int line)
{
	while (g->line < line) {
		buf_putc(&g->out, '\n');
		g->line++;
	}
}

static void
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
	size_t i;

	buf_putc(b, '"');
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		switch (c) {
		case '"': buf_puts(b, "\\\""); continue;
		case '\\': buf_puts(b, "\\\\"); continue;
		case '\n': buf_puts(b, "\\n"); continue;
		case '\r': buf_puts(b, "\\r"); continue;
		case '\t': buf_puts(b, "\\t"); continue;
		case '\b': buf_puts(b, "\\b"); continue;
		case '\f': buf_puts(b, "\\f"); continue;
		}
		if (c < 0x20 || c == 0x7f) {
			buf_printf(b, "\\u%04x", c);
		} else if (c == 0xe2 && i + 2 < n &&
		    (unsigned char)s[i + 1] == 0x80 &&
		    ((unsigned char)s[i + 2] == 0xa8 ||
		    (unsigned char)s[i + 2] == 0xa9)) {
			buf_printf(b, "\\u%04x", (unsigned char)s[i + 2] == 0xa8 ?
			    0x2028 : 0x2029);
			i += 2;
		} else if (c == 0xed && i + 2 < n &&
		    (unsigned char)s[i + 1] >= 0xa0) {
			/* A lone surrogate. */
			unsigned cp = ((c & 0x0f) << 12) |
			    (((unsigned char)s[i + 1] & 0x3f) << 6) |
			    ((unsigned char)s[i + 2] & 0x3f);

			buf_printf(b, "\\u%04x", cp);
			i += 2;
		} else
			buf_putc(b, c);
	}
	buf_putc(b, '"');
}

static void
emit_quoted(struct gen *g, const char *s, size_t n)
{
	quote(&g->out, s, n);
}

static char *
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

static void
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

static int
is_word(const char *s, size_t n, const char *w)
{
	return strlen(w) == n && memcmp(s, w, n) == 0;
}

/* Does a statement list start with a "use strict" directive? */
static int
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
static void
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

struct binding *
lookup(struct gen *g, const char *name, size_t n)
{
	struct scope *s;
	size_t i;

	for (s = g->scope; s != NULL; s = s->up)
		for (i = s->nb; i-- > 0;)
			if (s->b[i].n == n && memcmp(s->b[i].name, name, n) == 0)
				return &s->b[i];
	return NULL;
}

static struct binding *
scope_find(struct scope *s, const char *name, size_t n)
{
	size_t i;

	for (i = 0; i < s->nb; i++)
		if (s->b[i].n == n && memcmp(s->b[i].name, name, n) == 0)
			return &s->b[i];
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
}

static int
fn_has_name(struct fnctx *f, const char *s)
{
	size_t i;

	for (i = 0; i < f->nnames; i++)
		if (strcmp(f->names[i], s) == 0)
			return 1;
	return 0;
}

static void
fn_add_name(struct fnctx *f, const char *s)
{
	if (f->nnames == f->capnames) {
		f->capnames = f->capnames ? f->capnames * 2 : 16;
		f->names = xreallocarray(f->names, f->capnames, sizeof *f->names);
	}
	f->names[f->nnames++] = s;
}

/* Declare a var-scoped name (var, function, parameter). */
static void
declare_var(struct gen *g, const char *name, size_t n)
{
	char *s = arena_strndup(g->arena, name, n);

	bind(g, g->scope, s, n, s, B_VAR);
	if (!fn_has_name(g->fn, s))
		fn_add_name(g->fn, s);
}

/* Declare a block-scoped name in the current scope, renamed if the plain
 * name would clash in the function's var scope. */
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
			gfail(g, id, "Identifier '%s' has already been declared", s);
		return;
	}
	if (!fntop && (fn_has_name(g->fn, s) || lookup(g, name, n) != NULL))
		e = gprintf(g, "%s$%d", s, ++g->uid);
	bind(g, g->scope, s, n, e, kind);
	if (!fn_has_name(g->fn, e))
		fn_add_name(g->fn, e);
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

static void
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
static void
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
			for (i = 0; i < t->nb; i++) {
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
							b->flag = gprintf(t->g, "%s$tdz",
							    b->emit);
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
	/* single: the statement alone, not those after it. */
	save = list->next;
	if (single)
		list->next = NULL;
	tdz_walk(&t, list, NULL, NULL);
	list->next = save;
}

/* How a use of an identifier stands to the temporal dead zone: 0 fine,
 * NF_TDZ always too early, NF_TDZCHECK maybe; *bp is its binding. */
static int
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
static void
emit_tdz_throw(struct gen *g, struct binding *b)
{
	emit(g, "__ly.tdz(");
	emit_quoted(g, b->name, b->n);
	emit(g, ")");
}

/* "flag || __ly.tdz("x")" */
static void
emit_tdz_test(struct gen *g, struct binding *b)
{
	emitf(g, "%s || ", b->flag);
	emit_tdz_throw(g, b);
}

/* After a declaration: set the flags of the names it bound. */
static void
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

/* Emit the resets of a block's flags (the block may run again). */
void
tdz_resets(struct gen *g)
{
	size_t i;

	for (i = 0; i < g->scope->nb; i++)
		if (g->scope->b[i].flag != NULL)
			emitf(g, " %s = 0;", g->scope->b[i].flag);
}

static struct fnctx *
nonarrow(struct gen *g)
{
	struct fnctx *f = g->fn;

	while (f->arrow && f->up != NULL)
		f = f->up;
	return f;
}

static void
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
	else
		buf_add(&g->out, n->s, n->n);
}

/* Is the identifier an immutable binding (const or import)? */
static struct binding *
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
static void
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
static void
emit_key(struct gen *g, struct node *k, unsigned flags)
{
	if (flags & NF_COMPUTED)
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


static void
destr_leaf(struct gen *g, struct node *t, const char *val, int mode)
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
	} else if (t->type == N_MEMBER && t->a->type == N_SUPER) {
		emitf(g, "__ly.ss(%s, ", cls_home(g, t));
		super_key(g, t, 0);
		emitf(g, ", %s, ", val);
		emit_this(g);
		emitf(g, ", %d)", super_strict(g));
		return;
	} else
		gen_expr(g, t, 0);
	emit(g, " = ");
	emit(g, val);
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
		tmp = temp(g);
		piece(g);
		emitf(g, "%s = %s === void 0 ? ", tmp, val);
		gen_expr(g, t->b, 0);
		emitf(g, " : %s", val);
		destr(g, t->a, tmp, mode);
		return;
	}
	switch (t->type) {
	case N_IDENT:
	case N_MEMBER:
		destr_leaf(g, t, val, mode);
		return;
	case N_ARRPAT:
		tmp = temp(g);
		piece(g);
		/* Only as many values as the pattern takes: the iterator is
		 * closed after them. */
		for (k = t->a, i = 0; k != NULL && k->type != N_REST; k = k->next)
			i++;
		if (k != NULL)
			emitf(g, "%s = __ly.ai(%s)", tmp, val);
		else
			emitf(g, "%s = __ly.ai(%s, %d)", tmp, val, i);
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
		emitf(g, "%s = __ly.oc(%s)", tmp, val);
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

/* An array value built from a list with spreads: [a].concat(__ly.ai(b)). */
static void
gen_spread_array(struct gen *g, struct node *l)
{
	int open = 0;

	sync(g, l ? l->line : g->line);
	emit(g, "[]");
	for (; l != NULL; l = l->next) {
		if (l->type == N_SPREAD) {
			if (open) {
				emit(g, "])");
				open = 0;
			}
			emit(g, ".concat(__ly.ai(");
			gen_expr(g, l->a, 1);
			emit(g, "))");
			continue;
		}
		if (!open) {
			emit(g, ".concat([");
			open = 1;
		} else
			emit(g, ", ");
		if (l->type == N_HOLE)
			emit(g, "void 0");
		else
			gen_expr(g, l, 1);
	}
	if (open)
		emit(g, "])");
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

static const char *
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

static void
gen_call(struct gen *g, struct node *n)
{
	struct node *callee = n->a;

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
		const char *home = cls_home(g, callee);

		sync(g, n->line);
		if (has_spread(n->b))
			emit(g, "__ly.ap(");
		emit(g, home);
		if (callee->flags & NF_COMPUTED) {
			emit(g, "[");
			gen_expr(g, callee->b, 1);
			emit(g, "]");
		} else
			emit(g, access(g, "", callee->b));
		if (has_spread(n->b)) {
			emit(g, ", ");
			emit_this(g);
			emit(g, ", ");
			gen_spread_array(g, n->b);
			emit(g, ")");
		} else {
			struct node *a;

			emit(g, ".call(");
			emit_this(g);
			for (a = n->b; a != NULL; a = a->next) {
				emit(g, ", ");
				gen_expr(g, a, 1);
			}
			emit(g, ")");
		}
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
		if (callee->type == N_MEMBER) {
			const char *t = temp(g);

			sync(g, n->line);
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
			sync(g, n->line);
			emit(g, "__ly.ap(");
			gen_expr(g, callee, 1);
			emit(g, ", void 0, ");
		}
		gen_spread_array(g, n->b);
		emit(g, ")");
		return;
	}
	gen_sub(g, n->a);
	gen_args(g, n->b);
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

/* Optional chains: see the comment at the top of the file. */
static void
gen_chain(struct gen *g, struct node *chain)
{
	struct node *links[256], *k;
	int nl = 0, i, closes = 0;
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
	if (k->type == N_SUPER)
		gfail(g, k, "not supported yet: super in optional chains");
	gen_sub(g, k);
	for (i = 0; i < nl; i++) {
		struct node *l = links[i];
		struct node *nx = i + 1 < nl ? links[i + 1] : NULL;
		const char *objtmp = NULL;

		if (l->flags & NF_OPTIONAL) {
			const char *t = temp(g);
			char *pre = gprintf(g, "((%s = ", t);

			insert_at(g, start, pre);
			emitf(g, ") == null ? void 0 : ");
			start = g->out.len;
			emit(g, t);
			closes++;
		}
		if (l->type == N_MEMBER) {
			if (nx != NULL && nx->type == N_CALL &&
			    ((nx->flags & NF_OPTIONAL) || has_spread(nx->b))) {
				objtmp = temp(g);
				insert_at(g, start, gprintf(g, "(%s = ", objtmp));
				emit(g, ")");
			}
			gen_member_tail(g, l);
			if (objtmp != NULL) {
				/* The call that follows needs this = object. */
				struct node *c = nx;

				size_t cstart = start;

				if (c->flags & NF_OPTIONAL) {
					const char *t = temp(g);

					insert_at(g, start, gprintf(g, "((%s = ", t));
					emitf(g, ") == null ? void 0 : ");
					cstart = g->out.len;
					emit(g, t);
					closes++;
				}
				if (has_spread(c->b)) {
					insert_at(g, cstart, "__ly.ap(");
					emitf(g, ", %s, ", objtmp);
					gen_spread_array(g, c->b);
					emit(g, ")");
				} else {
					emitf(g, ".call(%s", objtmp);
					for (k = c->b; k != NULL; k = k->next) {
						emit(g, ", ");
						gen_expr(g, k, 1);
					}
					emit(g, ")");
				}
				i++;
			}
		} else {
			if (has_spread(l->b)) {
				insert_at(g, start, "__ly.ap(");
				emit(g, ", void 0, ");
				gen_spread_array(g, l->b);
				emit(g, ")");
			} else
				gen_args(g, l->b);
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
				emit(g, ", String(");
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
			 * object's toString wins over its valueOf. */
			if (e->type == N_STR || e->type == N_NUM ||
			    e->type == N_TEMPLATE) {
				emit(g, " + (");
				gen_expr(g, e, 1);
				emit(g, ")");
			} else {
				emit(g, " + String(");
				gen_expr(g, e, 1);
				emit(g, ")");
			}
			e = e->next;
		}
	}
	emit(g, ")");
}

static void
gen_tagged(struct gen *g, struct node *n)
{
	struct node *q, *e;
	struct fnctx *top = g->fn;
	const char *t;

	/* The strings array is made once per site: cache it in a var of
	 * the module body. */
	while (top->up != NULL)
		top = top->up;
	t = gprintf(g, "_$%d", ++g->uid);
	buf_printf(&top->temps, "%s%s", top->temps.len ? ", " : "", t);
	gen_sub(g, n->a);
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
			emit_key(g, p->a, p->flags);
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
		emit_key(g, p->a, p->flags);
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
static int
super_strict(struct gen *g)
{
	return g->esm || g->cls == NULL || g->cls->home == NULL;
}

/* The key of super.x or super[k]: a string literal, or k stored in a
 * temporary when it is read twice (then *kt is set). */
static const char *
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

/* super.x = v and its compound forms: a [[Set]] on the home object's
 * prototype with this as receiver (__ly.ss), after a get that calls
 * getters with this (__ly.sg). */
static void
gen_super_assign(struct gen *g, struct node *m, int op, struct node *v)
{
	const char *home = cls_home(g, m), *k;
	int strict = super_strict(g);

	if (op == '=') {
		emitf(g, "__ly.ss(%s, ", home);
		super_key(g, m, 0);
		emit(g, ", ");
		gen_expr(g, v, 1);
		emit(g, ", ");
		emit_this(g);
		emitf(g, ", %d)", strict);
		return;
	}
	if (op == T_LAND_AS || op == T_LOR_AS || op == T_NULLISH_AS) {
		const char *r = op == T_NULLISH_AS ? temp(g) : NULL;

		emitf(g, "(%s__ly.sg(%s, ", r != NULL ? gprintf(g, "(%s = ", r) :
		    "", home);
		k = super_key(g, m, 1);
		emit(g, ", ");
		emit_this(g);
		emit(g, ")");
		if (r != NULL)
			emitf(g, ") != null ? %s : ", r);
		else
			emit(g, op == T_LAND_AS ? " && " : " || ");
		emitf(g, "__ly.ss(%s, %s, ", home, k);
		gen_expr(g, v, 1);
		emit(g, ", ");
		emit_this(g);
		emitf(g, ", %d))", strict);
		return;
	}
	/* x op= v: the key once, the old value, then the new one. */
	emitf(g, "__ly.ss(%s, ", home);
	k = super_key(g, m, 1);
	emit(g, ", ");
	if (op == T_EXP_AS)
		emit(g, "Math.pow(");
	emitf(g, "__ly.sg(%s, %s, ", home, k);
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
}

/* ++super.x, super.x-- */
static void
gen_super_update(struct gen *g, struct node *n)
{
	struct node *m = n->a;
	const char *home, *k, *old = temp(g);
	int strict = super_strict(g);

	while (m->type == N_PAREN)
		m = m->a;
	home = cls_home(g, m);
	emitf(g, "(%s = +__ly.sg(%s, ", old, home);
	k = super_key(g, m, 1);
	emit(g, ", ");
	emit_this(g);
	emitf(g, "), __ly.ss(%s, %s, %s %c 1, ", home, k, old,
	    n->op == T_INC ? '+' : '-');
	emit_this(g);
	emitf(g, ", %d)", strict);
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
	int op = n->op;

	while (t->type == N_PAREN)
		t = t->a;
	sync(g, n->line);
	if (t->type == N_ARRPAT || t->type == N_OBJPAT) {
		const char *v = temp(g);
		int first = g->first;

		emitf(g, "(%s = ", v);
		gen_expr(g, n->b, 1);
		g->first = 0;
		destr(g, t, v, D_ASSIGN);
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
	else
		gen_expr(g, t, 0);
	emitf(g, " %s ", lexer_token_name(op));
	gen_expr(g, n->b, 1);
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

void
gen_expr(struct gen *g, struct node *n, int top)
{
	int paren = !top && needs_parens(n);
	sync(g, n->line);
	if (paren)
		emit(g, "(");
	switch (n->type) {
	case N_NUM:
		emit_number(g, n);
		break;
	case N_STR:
		emit_quoted(g, n->s, n->n);
		break;
	case N_REGEX: {
		/* mujs knows the g, i and m flags; u only matters past ASCII. */
		size_t end = n->n;
		size_t i;

		while (end > 0 && n->s[end - 1] != '/')
			end--;
		buf_add(&g->out, n->s, end);
		for (i = end; i < n->n; i++)
			if (n->s[i] != 'u')
				buf_putc(&g->out, n->s[i]);
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
			emit_ident_ref(g, n);
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
		emit(g, "({url: ");
		emit_quoted(g, g->id, strlen(g->id));
		emit(g, "})");
		break;
	case N_ARRAY: {
		struct node *k;

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
			/* Getters run with this, not the prototype. */
			emitf(g, "__ly.sg(%s, ", cls_home(g, n->a));
			super_key(g, n, 0);
			emit(g, ", ");
			emit_this(g);
			emit(g, ")");
			break;
		}
		if (n->a->type == N_NUM) {
			/* 1.toString() would not parse. */
			emit(g, "(");
			gen_expr(g, n->a, 1);
			emit(g, ")");
		} else
			gen_sub(g, n->a);
		gen_member_tail(g, n);
		break;
	case N_CALL:
		gen_call(g, n);
		break;
	case N_NEW:
		if (has_spread(n->b)) {
			emit(g, "__ly.nw(");
			gen_expr(g, n->a, 1);
			emit(g, ", ");
			gen_spread_array(g, n->b);
			emit(g, ")");
			break;
		}
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
		case 't': emit(g, "typeof "); break;
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
			if (n->flags & NF_PREFIX)
				emit(g, lexer_token_name(n->op));
			if (tk)
				emit(g, b->emit);
			else
				gen_sub(g, n->a);
			if (!(n->flags & NF_PREFIX))
				emit(g, lexer_token_name(n->op));
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

/* Functions. */

struct fnctx *
fn_push(struct gen *g, int arrow)
{
	struct fnctx *f = arena_alloc(g->arena, sizeof *f);

	memset(f, 0, sizeof *f);
	f->up = g->fn;
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

struct names {
	struct node	*v[32];
	int		 n;
};

static void
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

static void
gen_function(struct gen *g, struct node *f, const char *name,
    const char *prologue)
{
	struct fnctx *fc;
	struct node *p;
	int i, arrow = (f->flags & NF_ARROW) != 0;
	int named_scope = 0, simple = 1, saved_first, use_strict;
	struct loopwrap *saved_wrap;
	struct names *saved_capture;
	const char *capture_args = NULL;

	sync(g, f->line);
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
				buf_printf(&cb, "%s%s", cb.len ? ", " : "", b->emit);
		}
		if (cb.len > 0) {
			capture_args = gstrdup(g, cb.data);
			emitf(g, "(function (%s) { return ", capture_args);
		}
		buf_free(&cb);
	}
	emit(g, "function");
	if (name != NULL)
		emitf(g, " %s", name);
	else if (f->a != NULL && !arrow)
		emitf(g, " %.*s", (int)f->a->n, f->a->s);
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
	scope_push(g);
	/* Parameters: simple names stay; the rest is done in the body. */
	for (p = f->b, i = 0; p != NULL; p = p->next, i++) {
		if (p->type == N_REST)
			break;
		if (i > 0)
			emit(g, ", ");
		if (p->type == N_IDENT) {
			strict_name(g, p);
			declare_var(g, p->s, p->n);
			buf_add(&g->out, p->s, p->n);
		} else if (p->type == N_ASSIGNPAT && p->a->type == N_IDENT) {
			strict_name(g, p->a);
			declare_var(g, p->a->s, p->a->n);
			buf_add(&g->out, p->a->s, p->a->n);
		} else {
			const char *t = gprintf(g, "_$p%d", i);

			emit(g, t);
		}
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
	for (p = f->b, i = 0; p != NULL; p = p->next, i++) {
		if (p->type == N_IDENT)
			continue;
		if (p->type == N_ASSIGNPAT && p->a->type == N_IDENT) {
			emitf(g, " if (%.*s === void 0) %.*s = ",
			    (int)p->a->n, p->a->s, (int)p->a->n, p->a->s);
			gen_expr(g, p->b, 1);
			emit(g, ";");
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
	if (!simple && !(f->flags & NF_EXPRBODY)) {
		scope_push(g);
		declare_block(g, f->c->a, 0);
		if (f->c->a != NULL)
			tdz_scope(g, f->c->a, 0, 0);
	}
	if (f->flags & (NF_GEN | NF_ASYNC)) {
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
	g->capture = saved_capture;
	g->wrap = saved_wrap;
	g->first = saved_first;
}

/* Classes. */

static void
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
	else if (bindname != NULL)
		name = bindname;
	else
		name = gprintf(g, "_class$%d", ++g->uid);
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
	emitf(g, "(function (%s) {", sup ? sup : "");
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
		emitf(g, " function %s() {", name);
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
			else
				emitf(g, " function %s() { __ly.fd(this, ",
				    cc.fields[nf++]);
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
			gen_function(g, m->b, name, sup == NULL ? fieldpro : NULL);
			continue;
		}
		if (m->flags & (NF_GET | NF_SET)) {
			emitf(g, " __ly.acc(%s, ", target);
			emit_key(g, m->a, m->flags);
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
		emit_key(g, m->a, m->flags);
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
			destr(g, d->a, t, D_DECL);
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
 * nested functions). */
static void
body_lexicals(struct gen *g, struct node *n, struct names *nm)
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
			body_lexicals(g, n->a, nm);
			break;
		case N_IF:
			body_lexicals(g, n->b, nm);
			body_lexicals(g, n->c, nm);
			break;
		case N_TRY:
			body_lexicals(g, n->a, nm);
			body_lexicals(g, n->c, nm);
			body_lexicals(g, n->d, nm);
			break;
		case N_SWITCH:
			for (k = n->b; k != NULL; k = k->next)
				body_lexicals(g, k->b, nm);
			break;
		case N_LABEL:
		case N_WHILE:
			body_lexicals(g, n->b, nm);
			break;
		case N_DOWHILE:
			body_lexicals(g, n->a, nm);
			break;
		case N_FOR:
			body_lexicals(g, n->d, nm);
			break;
		case N_FORIN:
		case N_FOROF:
			body_lexicals(g, n->c, nm);
			break;
		}
	}
}

struct names *
gen_capture_push(struct gen *g, struct node *decl, struct node *body)
{
	struct names *saved = g->capture, all, one, *nm;
	struct node *d;
	int i;

	all.n = 0;
	if (decl != NULL && decl->type == N_VAR &&
	    (decl->flags & (NF_LET | NF_CONST)))
		for (d = decl->a; d != NULL; d = d->next)
			pattern_names(g, d->a, cb_collect, &all);
	body_lexicals(g, body, &all);
	nm = arena_alloc(g->arena, sizeof *nm);
	nm->n = 0;
	/* an inner loop's closures copy the outer loops' bindings too */
	for (i = 0; saved != NULL && i < saved->n; i++)
		nm->v[nm->n++] = saved->v[i];
	for (i = 0; i < all.n && nm->n < 32; i++) {
		one.n = 1;
		one.v[0] = all.v[i];
		if (captured(body, &one, 0) && !assigned(body, &one))
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
	body_lexicals(g, body, &all);
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
	emitf(g, " var %s = (function (%s) {", r, names);
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
	emitf(g, "), %s = typeof %s.next != \"function\", %s = 0, %s, %s = 0; "
	    "%s ? %s < %s.length : (%s = 0, !(%s = %s.next()).done); %s++) { "
	    TICK "();", isarr, it, i, st, op, isarr, i, it, op, st, it, i);
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
			destr(g, target, v, mode);
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
					if (w->njumps == 16)
						gfail(g, n, "too many labelled jumps");
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
		emit(g, ")");
		if (loop_names(g, n->a, n->c, &nm)) {
			emit(g, " { " TICK "();");
			gen_wrapped(g, n->c, &nm, label);
			emit(g, " }");
		} else
			gen_loop_body(g, n->c);
		scope_pop(g);
		break;
	case N_FOROF:
		gen_forof(g, n);
		break;
	case N_RETURN:
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
				gen_expr(g, n->a, 1);
				emitf(g, ", %s, %s)", marks, t);
			} else
				gen_expr(g, n->a, 1);
			emit(g, "};");
			break;
		}
		emit(g, "return");
		if (n->a != NULL) {
			emit(g, " (");
			if (*marks) {
				const char *t = temp(g);

				emitf(g, "%s = ", t);
				gen_expr(g, n->a, 1);
				emitf(g, ", %s, %s", marks, t);
			} else
				gen_expr(g, n->a, 1);
			emit(g, ")");
		}
		emit(g, ";");
		break;
	case N_THROW:
		emit(g, "throw (");
		gen_expr(g, n->a, 1);
		emit(g, ");");
		break;
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
		if (g->wrap != NULL && g->wrap->nlabels < 16) {
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
			if (n->b != NULL && n->b->type == N_IDENT) {
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

					pattern_names(g, n->b, cb_lexical, &la);
				}
				emit(g, " var ");
				g->first = 1;
				destr(g, n->b, t, D_DECL);
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
				else
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
}

static void
cb_export(struct gen *g, struct node *id, void *arg)
{
	struct binding *b = lookup(g, id->s, id->n);

	export_getter(g, id->s, id->n, b ? b->emit :
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
					gfail(g, s->b, "Identifier '%.*s' has already "
					    "been declared", (int)s->b->n, s->b->s);
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

	if (opt->info != NULL)
		memset(opt->info, 0, sizeof *opt->info);
	prog = parser_parse(&arena, opt->name, src, len, PARSE_MODULE, cause);
	if (prog == NULL)
		goto out;
	g->line = 1;
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
	emit(g, g->esm ? ", function (__ly_exports, module, require, __ly_import, "
	    TICK ") {" : ", function (exports, module, require, __ly_import, "
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
	gen_stmts(g, prog->a);
	emitf(g, " }, %d);\n", g->esm);
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
	scope_pop(g);
	fn_pop(g);
	out = buf_steal(&g->out);
out:
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
