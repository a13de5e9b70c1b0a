/* The ES2022 parser; see parser.h.
 *
 * Recursive descent with one token of lookahead (more by saving and
 * restoring the lexer).  Arrow parameters and destructuring assignment
 * targets are parsed as expressions first and converted to patterns
 * (the spec's cover grammars). */
#include "config.h"

#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compile/ast.h"
#include "compile/lexer.h"
#include "compile/parser.h"
#include "compile/username.h"
#include "util/xmalloc.h"

struct parser {
	struct lexer	 lx;
	struct arena	*arena;
	int		 module;
	int		 infunc;	/* inside a function body */
	int		 noin;		/* 'in' is not an operator (for heads) */
	unsigned	 fn;		/* NF_GEN, NF_ASYNC: of the function body */
	int		 arrow_async;	/* the arrow parse_paren finds is async */
	/* For break and continue: enclosing labels, loops and switches
	 * of the current function. */
	struct {
		const char	*s;
		size_t		 n;
		int		 loop;
	}		 labels[64];
	int		 nlabels;
	int		 loops, breakables;
	int		 depth;		/* nesting, against C stack overflow */
	unsigned	 prev_end;	/* past the token before the current */
};

/* Deeper nesting than this is refused: the parser and the lowering
 * recurse once per level, 1 to 2 KiB of C stack a level with both (the
 * coordinator's own stack; an 8 MiB one lent in a VU, for the Function
 * constructor, js/scriptcache.c). */
#define PARSE_MAX_DEPTH	1000

#define TOK(p)		((p)->lx.tok)
#define IS(p, t)	((p)->lx.tok.type == (t))

static struct node *parse_assign(struct parser *);
static struct node *parse_assign_inner(struct parser *);
static void deeper(struct parser *);
static struct node *parse_expr(struct parser *);
static struct node *parse_statement(struct parser *);
static struct node *parse_item(struct parser *);
static struct node *parse_function(struct parser *, int flags);
static struct node *parse_class(struct parser *, int decl);
static struct node *parse_binding_target(struct parser *);
static struct node *parse_unary(struct parser *);
static struct node *parse_lhs(struct parser *);
static struct node *parse_template(struct parser *, int tagged);

static const char *const reserved[] = {
	"break", "case", "catch", "class", "const", "continue", "debugger",
	"default", "delete", "do", "else", "enum", "export", "extends", "false",
	"finally", "for", "function", "if", "import", "in", "instanceof", "new",
	"null", "return", "super", "switch", "this", "throw", "true", "try",
	"typeof", "var", "void", "while", "with", NULL
};

static void __attribute__((noreturn, format(printf, 2, 3)))
fail(struct parser *p, const char *fmt, ...)
{
	va_list ap;
	char *m;

	va_start(ap, fmt);
	m = xvasprintf(fmt, ap);
	va_end(ap);
	free(p->lx.err);
	p->lx.err = m;
	p->lx.errpos = TOK(p).pos;
	p->lx.errline = TOK(p).line;
	longjmp(*p->lx.jmp, 1);
}

static void __attribute__((noreturn))
fail_at(struct parser *p, const struct node *n, const char *msg)
{
	lexer_fail(&p->lx, n->pos, n->line, "%s", msg);
}

static void __attribute__((noreturn))
unsupported(struct parser *p, const char *what)
{
	fail(p, "not supported yet: %s", what);
}

static void __attribute__((noreturn))
unexpected(struct parser *p)
{
	struct token *t = &TOK(p);

	switch (t->type) {
	case T_EOF:
		fail(p, "Unexpected end of input");
	case T_NAME:
		if (!(t->flags & TF_ESCAPED) && t->n == 6 &&
		    memcmp(t->s, "import", 6) == 0)
			fail(p, "Cannot use import statement outside a module");
		fail(p, "Unexpected %s '%.*s'",
		    (t->flags & TF_ESCAPED) ? "identifier" : "token",
		    (int)t->n, t->s);
	case T_PRIVATE:
		fail(p, "Unexpected private name #%.*s", (int)t->n, t->s);
	case T_NUM:
		fail(p, "Unexpected number");
	case T_STR:
		fail(p, "Unexpected string");
	case T_TEMPLATE:
		fail(p, "Unexpected template string");
	case T_REGEX:
		fail(p, "Unexpected regular expression");
	default:
		fail(p, "Unexpected token '%s'", lexer_token_name(t->type));
	}
}

static void
next(struct parser *p)
{
	p->prev_end = TOK(p).end;
	lexer_next(&p->lx);
	if (IS(p, T_NUM) && (TOK(p).flags & TF_BIGINT))
		unsupported(p, "BigInt literals");
}

/* The token after the current one, without consuming anything. */
static struct token
peek(struct parser *p)
{
	struct lexer save = p->lx;
	struct token t;

	lexer_next(&p->lx);
	t = p->lx.tok;
	p->lx = save;
	return t;
}

static int
name_is(const struct token *t, const char *s)
{
	size_t n = strlen(s);

	return t->type == T_NAME && t->n == n && !(t->flags & TF_ESCAPED) &&
	    memcmp(t->s, s, n) == 0;
}

#define ISNAME(p, s)	name_is(&TOK(p), (s))

static void
expect(struct parser *p, int t)
{
	if (!IS(p, t))
		unexpected(p);
	next(p);
}

static void
expect_name(struct parser *p, const char *s)
{
	if (!ISNAME(p, s))
		unexpected(p);
	next(p);
}

static int
accept(struct parser *p, int t)
{
	if (IS(p, t)) {
		next(p);
		return 1;
	}
	return 0;
}

static void
semicolon(struct parser *p)
{
	if (accept(p, ';'))
		return;
	if (IS(p, '}') || IS(p, T_EOF) || TOK(p).nlb)
		return;
	unexpected(p);
}

static int
is_reserved(const struct token *t)
{
	int i;

	if (t->type != T_NAME)
		return 0;
	for (i = 0; reserved[i] != NULL; i++)
		if (name_is(t, reserved[i]))
			return 1;
	return 0;
}

static struct node *
new_node(struct parser *p, int type)
{
	return ast_new(p->arena, type, TOK(p).line, TOK(p).pos);
}

static struct node *
new_at(struct parser *p, int type, const struct node *at)
{
	return ast_new(p->arena, type, at->line, at->pos);
}

/* A list under construction. */
struct list {
	struct node	*head, *tail;
};

static void
list_add(struct list *l, struct node *n)
{
	if (l->tail != NULL)
		l->tail->next = n;
	else
		l->head = n;
	l->tail = n;
	while (l->tail->next != NULL)
		l->tail = l->tail->next;
}

/* A name the user binds or reads, kept apart from the compiler's own. */
static void
user_name(struct parser *p, struct node *n)
{
	size_t len;
	char *e = username_escape(p->arena, n->s, n->n, &len);

	if (e != NULL) {
		n->s = e;
		n->n = len;
	}
}

static struct node *
parse_ident(struct parser *p)
{
	struct node *n;

	if (!IS(p, T_NAME) || is_reserved(&TOK(p)))
		unexpected(p);
	if ((p->module || (p->fn & NF_ASYNC)) && ISNAME(p, "await"))
		fail(p, "Unexpected reserved word");
	if ((p->fn & NF_GEN) && ISNAME(p, "yield"))
		fail(p, "Unexpected identifier 'yield'");
	n = new_node(p, N_IDENT);
	n->s = TOK(p).s;
	n->n = TOK(p).n;
	user_name(p, n);
	next(p);
	return n;
}

/* IdentifierName, keywords included (after '.', as property keys). */
static struct node *
parse_name(struct parser *p)
{
	struct node *n;

	if (!IS(p, T_NAME))
		unexpected(p);
	n = new_node(p, N_IDENT);
	n->s = TOK(p).s;
	n->n = TOK(p).n;
	next(p);
	return n;
}

/* A property key: name, string, number, [computed] or #private. */
static struct node *
parse_key(struct parser *p, unsigned *flags, int allow_private)
{
	struct node *n;

	switch (TOK(p).type) {
	case T_NAME:
		return parse_name(p);
	case T_STR:
		n = new_node(p, N_STR);
		n->s = TOK(p).s;
		n->n = TOK(p).n;
		next(p);
		return n;
	case T_NUM:
		n = new_node(p, N_NUM);
		n->num = TOK(p).num;
		next(p);
		return n;
	case '[':
		next(p);
		{
			int noin = p->noin;

			p->noin = 0;
			n = parse_assign(p);
			p->noin = noin;
		}
		expect(p, ']');
		*flags |= NF_COMPUTED;
		return n;
	case T_PRIVATE:
		if (!allow_private)
			unexpected(p);
		n = new_node(p, N_PRIVNAME);
		n->s = TOK(p).s;
		n->n = TOK(p).n;
		next(p);
		*flags |= NF_PRIVATE;
		return n;
	}
	unexpected(p);
}

/* Convert an expression parsed under a cover grammar to a pattern.
 * binding: a declaration or parameter, where only names may be bound. */
static struct node *
to_pattern(struct parser *p, struct node *e, int binding)
{
	struct node *k;

	switch (e->type) {
	case N_IDENT:
		return e;
	case N_MEMBER:
		if (binding || (e->flags & NF_OPTIONAL))
			break;
		return e;
	case N_PAREN:
		if (binding)
			break;
		if (e->a->type == N_IDENT || e->a->type == N_MEMBER)
			return to_pattern(p, e->a, binding);
		break;
	case N_ARRAY:
		e->type = N_ARRPAT;
		for (k = e->a; k != NULL; k = k->next) {
			struct node *nx = k->next;

			if (k->type == N_HOLE)
				continue;
			if (k->type == N_SPREAD) {
				if (nx != NULL)
					fail_at(p, k, "Rest element must be last element");
				k->type = N_REST;
				k->a = to_pattern(p, k->a, binding);
				continue;
			}
			*k = *to_pattern(p, k, binding);
			k->next = nx;
		}
		return e;
	case N_OBJECT:
		e->type = N_OBJPAT;
		for (k = e->a; k != NULL; k = k->next) {
			if (k->type == N_SPREAD) {
				if (k->next != NULL)
					fail_at(p, k, "Rest element must be last element");
				k->type = N_REST;
				k->a = to_pattern(p, k->a, binding);
				continue;
			}
			if (k->flags & (NF_METHOD | NF_GET | NF_SET))
				fail_at(p, k, "Invalid destructuring assignment target");
			k->b = to_pattern(p, k->b, binding);
		}
		return e;
	case N_ASSIGN:
		if (e->op != '=')
			break;
		e->type = N_ASSIGNPAT;
		e->op = 0;
		e->a = to_pattern(p, e->a, binding);
		return e;
	case N_ASSIGNPAT:
		e->a = to_pattern(p, e->a, binding);
		return e;
	case N_ARRPAT:
	case N_OBJPAT:
		return e;
	}
	fail_at(p, e, binding ? "Invalid destructuring target" :
	    "Invalid left-hand side in assignment");
}

static int
simple_target(const struct node *e)
{
	while (e->type == N_PAREN)
		e = e->a;
	return (e->type == N_IDENT || e->type == N_MEMBER) &&
	    !(e->flags & NF_OPTIONAL);
}

/* Parameters: '(' already current. */
static struct node *
parse_params(struct parser *p)
{
	struct list l = { NULL, NULL };

	expect(p, '(');
	while (!IS(p, ')')) {
		struct node *n;

		if (IS(p, T_ELLIPSIS)) {
			n = new_node(p, N_REST);
			next(p);
			n->a = parse_binding_target(p);
			list_add(&l, n);
			if (!IS(p, ')'))
				fail(p, "Rest parameter must be last formal parameter");
			break;
		}
		n = parse_binding_target(p);
		if (IS(p, '=')) {
			struct node *d = new_at(p, N_ASSIGNPAT, n);

			next(p);
			d->a = n;
			d->b = parse_assign(p);
			n = d;
		}
		list_add(&l, n);
		if (!IS(p, ')'))
			expect(p, ',');
	}
	next(p);
	return l.head;
}

static struct node *
parse_body(struct parser *p)
{
	struct node *b = new_node(p, N_BLOCK);
	struct list l = { NULL, NULL };
	int infunc = p->infunc, noin = p->noin;
	int nlabels = p->nlabels, loops = p->loops, breakables = p->breakables;

	p->infunc = 1;
	p->noin = 0;
	p->nlabels = p->loops = p->breakables = 0;
	expect(p, '{');
	while (!IS(p, '}'))
		list_add(&l, parse_item(p));
	b->end = TOK(p).end;
	next(p);
	b->a = l.head;
	p->infunc = infunc;
	p->noin = noin;
	p->nlabels = nlabels;
	p->loops = loops;
	p->breakables = breakables;
	return b;
}

/* A function after 'function' (or a method after its key). */
static struct node *
parse_function_rest(struct parser *p, struct node *f)
{
	unsigned fn = p->fn;

	p->fn = f->flags & (NF_GEN | NF_ASYNC);
	f->b = parse_params(p);
	f->c = parse_body(p);
	f->end = f->c->end;
	p->fn = fn;
	return f;
}

static struct node *
parse_function(struct parser *p, int flags)
{
	struct node *f = new_node(p, N_FUNC);

	f->flags = (unsigned)flags;
	if (flags & NF_ASYNC)
		next(p);
	expect_name(p, "function");
	if (accept(p, '*'))
		f->flags |= NF_GEN;
	if (IS(p, T_NAME) && !IS(p, '(')) {
		/* A declaration's name belongs to the scope around it; an
		 * expression's, to the function itself. */
		unsigned fn = p->fn;

		if (!(flags & NF_DECL))
			p->fn = f->flags & (NF_GEN | NF_ASYNC);
		f->a = parse_ident(p);
		p->fn = fn;
	}
	else if (flags & NF_DECL)
		unexpected(p);
	return parse_function_rest(p, f);
}

/* The arrow's body, with '=>' current; params already converted. */
static struct node *
parse_arrow_body(struct parser *p, struct node *f)
{
	unsigned fn = p->fn;

	if (TOK(p).nlb)
		unexpected(p);
	expect(p, T_ARROW);
	f->flags |= NF_ARROW;
	p->fn = f->flags & NF_ASYNC;
	if (IS(p, '{')) {
		f->c = parse_body(p);
		f->end = f->c->end;
	} else {
		int infunc = p->infunc;

		p->infunc = 1;
		f->flags |= NF_EXPRBODY;
		f->c = parse_assign(p);
		p->infunc = infunc;
		f->end = p->prev_end;
	}
	p->fn = fn;
	return f;
}

static struct node *
parse_array(struct parser *p)
{
	struct node *n = new_node(p, N_ARRAY);
	struct list l = { NULL, NULL };
	int noin = p->noin;

	p->noin = 0;
	next(p);
	while (!IS(p, ']')) {
		struct node *e;

		if (IS(p, ',')) {
			list_add(&l, new_node(p, N_HOLE));
			next(p);
			continue;
		}
		if (IS(p, T_ELLIPSIS)) {
			e = new_node(p, N_SPREAD);
			next(p);
			e->a = parse_assign(p);
		} else
			e = parse_assign(p);
		list_add(&l, e);
		if (!IS(p, ']'))
			expect(p, ',');
	}
	next(p);
	n->a = l.head;
	p->noin = noin;
	return n;
}

/* A method whose definition starts at start (its get, set, async, * or
 * key: where k6's engine places the function). */
static struct node *
parse_method(struct parser *p, unsigned flags, unsigned start)
{
	struct node *f = new_node(p, N_FUNC);

	f->flags = flags & (NF_GET | NF_SET | NF_GEN | NF_ASYNC);
	f->tok = start;
	return parse_function_rest(p, f);
}

static struct node *
parse_object(struct parser *p)
{
	struct node *o = new_node(p, N_OBJECT);
	struct list l = { NULL, NULL };
	int noin = p->noin;

	p->noin = 0;
	next(p);
	while (!IS(p, '}')) {
		struct node *prop;
		unsigned flags = 0;

		if (IS(p, T_ELLIPSIS)) {
			prop = new_node(p, N_SPREAD);
			next(p);
			prop->a = parse_assign(p);
			list_add(&l, prop);
			if (!IS(p, '}'))
				expect(p, ',');
			continue;
		}
		prop = new_node(p, N_PROP);
		if (IS(p, T_NAME) && (ISNAME(p, "get") || ISNAME(p, "set") ||
		    ISNAME(p, "async"))) {
			struct token t = peek(p);

			if (t.type != ',' && t.type != ':' && t.type != '(' &&
			    t.type != '}' && t.type != '=' &&
			    !(ISNAME(p, "async") && t.nlb)) {
				flags |= ISNAME(p, "get") ? NF_GET :
				    ISNAME(p, "set") ? NF_SET : NF_ASYNC;
				next(p);
			}
		}
		if (!(flags & (NF_GET | NF_SET)) && accept(p, '*'))
			flags |= NF_GEN;
		prop->a = parse_key(p, &flags, 0);
		if (flags & (NF_GEN | NF_ASYNC)) {
			flags |= NF_METHOD;
			if (!IS(p, '('))
				unexpected(p);
			prop->b = parse_method(p, flags, prop->pos);
			flags &= ~(unsigned)(NF_GEN | NF_ASYNC);
		} else if (flags & (NF_GET | NF_SET)) {
			prop->b = parse_method(p, flags, prop->pos);
		} else if (IS(p, '(')) {
			flags |= NF_METHOD;
			prop->b = parse_method(p, 0, prop->pos);
		} else if (accept(p, ':')) {
			prop->b = parse_assign(p);
		} else {
			struct node *k = prop->a;

			if (k->type != N_IDENT || (flags & NF_COMPUTED))
				unexpected(p);
			if (is_reserved(&(struct token){ .type = T_NAME,
			    .s = k->s, .n = k->n }))
				fail_at(p, k, "Unexpected reserved word");
			flags |= NF_SHORTHAND;
			prop->b = new_at(p, N_IDENT, k);
			prop->b->s = k->s;
			prop->b->n = k->n;
			user_name(p, prop->b);
			if (IS(p, '=')) {
				/* CoverInitializedName: only valid as a pattern. */
				struct node *d = new_at(p, N_ASSIGNPAT, k);

				next(p);
				d->a = prop->b;
				d->b = parse_assign(p);
				prop->b = d;
			}
		}
		prop->flags = flags;
		list_add(&l, prop);
		if (!IS(p, '}'))
			expect(p, ',');
	}
	next(p);
	o->a = l.head;
	p->noin = noin;
	return o;
}

static struct node *
parse_paren(struct parser *p)
{
	struct node *start = new_node(p, N_PAREN), *e, *f;
	struct list l = { NULL, NULL };
	int rest = 0, trailing = 0, noin = p->noin, async = p->arrow_async;

	p->arrow_async = 0;
	p->noin = 0;
	next(p);
	while (!IS(p, ')')) {
		if (IS(p, T_ELLIPSIS)) {
			e = new_node(p, N_SPREAD);
			next(p);
			e->a = parse_binding_target(p);
			list_add(&l, e);
			rest = 1;
			if (!IS(p, ')'))
				fail(p, "Rest parameter must be last formal parameter");
			break;
		}
		list_add(&l, parse_assign(p));
		trailing = 0;
		if (!IS(p, ')')) {
			expect(p, ',');
			trailing = 1;
		}
	}
	next(p);
	p->noin = noin;
	if (IS(p, T_ARROW) && !TOK(p).nlb) {
		struct node *k;
		struct list params = { NULL, NULL };

		f = new_at(p, N_FUNC, start);
		if (async)
			f->flags |= NF_ASYNC;
		for (k = l.head; k != NULL;) {
			struct node *nx = k->next;

			k->next = NULL;
			if (k->type == N_SPREAD) {
				k->type = N_REST;
				k->a = to_pattern(p, k->a, 1);
			} else
				k = to_pattern(p, k, 1);
			list_add(&params, k);
			k = nx;
		}
		f->b = params.head;
		return parse_arrow_body(p, f);
	}
	/* (), (a, ...b) and (a,) are only arrow parameters. */
	if (l.head == NULL || rest || trailing)
		unexpected(p);
	if (l.head->next != NULL) {
		e = new_at(p, N_SEQ, l.head);
		e->a = l.head;
	} else
		e = l.head;
	start->a = e;
	return start;
}

/* At "async (": is this an async arrow function?  Skips the balanced
 * parentheses and looks for "=>". */
static int
async_arrow_ahead(struct parser *p)
{
	struct lexer save = p->lx;
	int depth = 0, r = 0;

	lexer_next(&p->lx);
	do {
		int t = p->lx.tok.type;

		if (t == '(' || t == '[' || t == '{')
			depth++;
		else if (t == ')' || t == ']' || t == '}')
			depth--;
		else if (t == T_EOF || (t == T_TEMPLATE &&
		    !(p->lx.tok.flags & TF_TAIL)))
			break;
		lexer_next(&p->lx);
	} while (depth > 0);
	if (depth == 0 && p->lx.tok.type == T_ARROW && !p->lx.tok.nlb)
		r = 1;
	p->lx = save;
	return r;
}

static struct node *
parse_primary(struct parser *p)
{
	struct node *n;
	struct token *t = &TOK(p);

	switch (t->type) {
	case T_NUM:
		n = new_node(p, N_NUM);
		n->num = t->num;
		n->s = p->lx.src + t->pos;
		n->n = t->end - t->pos;
		next(p);
		return n;
	case T_STR:
		n = new_node(p, N_STR);
		n->s = t->s;
		n->n = t->n;
		next(p);
		return n;
	case T_TEMPLATE:
		return parse_template(p, 0);
	case '/':
	case T_DIV_AS:
		lexer_regex(&p->lx);
		n = new_node(p, N_REGEX);
		n->s = t->s;
		n->n = t->n;
		next(p);
		return n;
	case '[':
		return parse_array(p);
	case '{':
		return parse_object(p);
	case '(':
		return parse_paren(p);
	case T_NAME:
		break;
	default:
		unexpected(p);
	}
	if (!(t->flags & TF_ESCAPED)) {
		if (ISNAME(p, "function"))
			return parse_function(p, 0);
		if (ISNAME(p, "class"))
			return parse_class(p, 0);
		if (ISNAME(p, "this")) {
			n = new_node(p, N_THIS);
			next(p);
			return n;
		}
		if (ISNAME(p, "null") || ISNAME(p, "true") || ISNAME(p, "false")) {
			n = new_node(p, N_IDENT);
			n->s = t->s;
			n->n = t->n;
			next(p);
			return n;
		}
		if (ISNAME(p, "async")) {
			struct token nt = peek(p);

			if (!nt.nlb && name_is(&nt, "function"))
				return parse_function(p, NF_ASYNC);
			if (!nt.nlb && nt.type == T_NAME && !is_reserved(&nt)) {
				struct node *f = new_node(p, N_FUNC);

				next(p);
				f->flags = NF_ASYNC;
				f->b = parse_ident(p);
				if (!IS(p, T_ARROW))
					unexpected(p);
				return parse_arrow_body(p, f);
			}
			if (!nt.nlb && nt.type == '(' && async_arrow_ahead(p)) {
				struct node *f;
				unsigned at = TOK(p).pos;

				next(p);
				p->arrow_async = 1;
				f = parse_paren(p);
				if (f->type == N_FUNC)
					f->from = at + 1;
				return f;
			}
		}
		if (ISNAME(p, "new")) {
			struct node *at = new_node(p, N_NEW);

			next(p);
			if (accept(p, '.')) {
				if (!ISNAME(p, "target"))
					unexpected(p);
				if (!p->infunc)
					fail_at(p, at, "new.target expression is not allowed here");
				next(p);
				at->type = N_NEWTARGET;
				return at;
			}
			if (ISNAME(p, "import"))
				unsupported(p, "dynamic import");
			at->a = parse_lhs(p);	/* stops before arguments */
			if (IS(p, '(')) {
				struct list l = { NULL, NULL };
				int noin = p->noin;

				p->noin = 0;
				next(p);
				while (!IS(p, ')')) {
					struct node *e;

					if (IS(p, T_ELLIPSIS)) {
						e = new_node(p, N_SPREAD);
						next(p);
						e->a = parse_assign(p);
					} else
						e = parse_assign(p);
					list_add(&l, e);
					if (!IS(p, ')'))
						expect(p, ',');
				}
				next(p);
				at->b = l.head;
				p->noin = noin;
			}
			return at;
		}
		if (ISNAME(p, "super")) {
			n = new_node(p, N_SUPER);
			next(p);
			if (!IS(p, '(') && !IS(p, '.') && !IS(p, '['))
				fail_at(p, n, "'super' keyword unexpected here");
			return n;
		}
		if (ISNAME(p, "import")) {
			n = new_node(p, N_IMPORTMETA);
			next(p);
			if (IS(p, '(')) {
				/* import(specifier [, options]) */
				int noin = p->noin;

				n->type = N_IMPORTCALL;
				p->noin = 0;
				next(p);
				n->a = parse_assign(p);
				if (IS(p, ',')) {
					next(p);
					if (!IS(p, ')')) {
						n->b = parse_assign(p);
						if (IS(p, ','))
							next(p);
					}
				}
				expect(p, ')');
				p->noin = noin;
				return n;
			}
			if (!IS(p, '.'))
				fail_at(p, n, "Cannot use import statement outside a module");
			expect(p, '.');
			if (!ISNAME(p, "meta") || !p->module)
				unexpected(p);
			next(p);
			return n;
		}
	}
	n = parse_ident(p);
	if (IS(p, T_ARROW) && !TOK(p).nlb) {
		struct node *f = new_at(p, N_FUNC, n);

		f->b = n;
		return parse_arrow_body(p, f);
	}
	return n;
}

static struct node *
parse_template(struct parser *p, int tagged)
{
	struct node *t = new_node(p, N_TEMPLATE);
	struct list quasis = { NULL, NULL }, exprs = { NULL, NULL };
	int noin = p->noin;

	p->noin = 0;
	for (;;) {
		struct node *q = new_node(p, N_STR);

		q->s = TOK(p).s;
		q->n = TOK(p).n;
		if (TOK(p).flags & TF_BADESC) {
			if (!tagged)
				fail(p, "Invalid escape sequence in template");
			q->flags |= NF_BADESC;
			q->s = NULL;
			q->n = 0;
		}
		q->raw = TOK(p).raw;
		q->rawn = TOK(p).rawn;
		list_add(&quasis, q);
		if (TOK(p).flags & TF_TAIL)
			break;
		next(p);
		list_add(&exprs, parse_expr(p));
		if (!IS(p, '}'))
			unexpected(p);
		lexer_template_resume(&p->lx);
	}
	next(p);
	t->a = quasis.head;
	t->b = exprs.head;
	p->noin = noin;
	return t;
}

static struct node *
parse_args(struct parser *p)
{
	struct list l = { NULL, NULL };
	int noin = p->noin;

	p->noin = 0;
	expect(p, '(');
	while (!IS(p, ')')) {
		struct node *e;

		if (IS(p, T_ELLIPSIS)) {
			e = new_node(p, N_SPREAD);
			next(p);
			e->a = parse_assign(p);
		} else
			e = parse_assign(p);
		list_add(&l, e);
		if (!IS(p, ')'))
			expect(p, ',');
	}
	next(p);
	p->noin = noin;
	return l.head;
}

/* Member accesses and calls after a primary; calls only when allowed. */
static struct node *
parse_suffixes(struct parser *p, struct node *e, int calls)
{
	int chain = 0, links = 0;

	for (;; links++) {
		struct node *n;
		unsigned flags = 0;

		/* A long chain is a deep tree. */
		deeper(p);

		if (IS(p, T_OPTCHAIN)) {
			if (!calls)
				fail(p, "Invalid optional chain from new expression");
			chain = 1;
			flags = NF_OPTIONAL;
			next(p);
			if (IS(p, '(')) {
				n = new_at(p, N_CALL, e);
				n->tok = TOK(p).pos;
				n->flags = flags;
				n->a = e;
				n->b = parse_args(p);
				e = n;
				continue;
			}
			if (IS(p, T_TEMPLATE))
				fail(p, "Invalid tagged template on optional chain");
			if (!IS(p, '[')) {
				n = new_at(p, N_MEMBER, e);
				n->flags = flags;
				n->a = e;
				if (IS(p, T_PRIVATE)) {
					n->b = new_node(p, N_PRIVNAME);
					n->b->s = TOK(p).s;
					n->b->n = TOK(p).n;
					n->flags |= NF_PRIVATE;
					next(p);
				} else
					n->b = parse_name(p);
				e = n;
				continue;
			}
		}
		if (IS(p, '.')) {
			next(p);
			n = new_at(p, N_MEMBER, e);
			n->a = e;
			if (IS(p, T_PRIVATE)) {
				n->b = new_node(p, N_PRIVNAME);
				n->b->s = TOK(p).s;
				n->b->n = TOK(p).n;
				n->flags |= NF_PRIVATE;
				next(p);
			} else
				n->b = parse_name(p);
			e = n;
		} else if (IS(p, '[')) {
			int noin = p->noin;
			unsigned at = TOK(p).pos;

			next(p);
			n = new_at(p, N_MEMBER, e);
			n->tok = at;
			n->flags = flags | NF_COMPUTED;
			n->a = e;
			p->noin = 0;
			n->b = parse_expr(p);
			p->noin = noin;
			expect(p, ']');
			e = n;
		} else if (IS(p, '(') && calls) {
			n = new_at(p, N_CALL, e);
			n->tok = TOK(p).pos;
			n->a = e;
			n->b = parse_args(p);
			e = n;
		} else if (IS(p, T_TEMPLATE)) {
			if (chain)
				fail(p, "Invalid tagged template on optional chain");
			n = new_at(p, N_TAGGED, e);
			n->a = e;
			n->b = parse_template(p, 1);
			e = n;
		} else
			break;
	}
	p->depth -= links + 1;
	if (chain) {
		struct node *c = new_at(p, N_CHAIN, e);

		c->a = e;
		e = c;
	}
	return e;
}

/* The callee of new: a member expression without calls. */
static struct node *
parse_lhs(struct parser *p)
{
	return parse_suffixes(p, parse_primary(p), 0);
}

static struct node *
parse_postfix(struct parser *p)
{
	struct node *e = parse_suffixes(p, parse_primary(p), 1);

	if ((IS(p, T_INC) || IS(p, T_DEC)) && !TOK(p).nlb) {
		struct node *u = new_at(p, N_UPDATE, e);

		if (!simple_target(e))
			fail_at(p, e, "Invalid left-hand side expression in postfix operation");
		u->op = (unsigned short)TOK(p).type;
		u->a = e;
		next(p);
		return u;
	}
	return e;
}

static struct node *
parse_unary(struct parser *p)
{
	struct node *u;
	int t = TOK(p).type;

	if (t == '!' || t == '~' || t == '+' || t == '-' ||
	    ISNAME(p, "typeof") || ISNAME(p, "void") || ISNAME(p, "delete")) {
		u = new_node(p, N_UNARY);
		u->op = (unsigned short)(t == T_NAME ? TOK(p).s[0] : t);
		next(p);
		deeper(p);
		u->a = parse_unary(p);
		p->depth--;
		if (IS(p, T_EXP))
			fail(p, "Unary operator used immediately before exponentiation expression. Parenthesis must be used to disambiguate operator precedence");
		return u;
	}
	if (t == T_INC || t == T_DEC) {
		u = new_node(p, N_UPDATE);
		u->op = (unsigned short)t;
		u->flags = NF_PREFIX;
		next(p);
		u->a = parse_unary(p);
		if (!simple_target(u->a))
			fail_at(p, u->a, "Invalid left-hand side expression in prefix operation");
		return u;
	}
	if (ISNAME(p, "await") && ((p->fn & NF_ASYNC) ||
	    (p->module && !p->infunc))) {
		u = new_node(p, N_AWAIT);
		next(p);
		deeper(p);
		u->a = parse_unary(p);
		p->depth--;
		return u;
	}
	if (ISNAME(p, "await") && p->module)
		fail(p, "await is only valid in async functions and the top level bodies of modules");
	return parse_postfix(p);
}

static int
binary_prec(struct parser *p)
{
	switch (TOK(p).type) {
	case T_NULLISH: return 1;
	case T_OR: return 2;
	case T_AND: return 3;
	case '|': return 4;
	case '^': return 5;
	case '&': return 6;
	case T_EQ: case T_NE: case T_SEQ: case T_SNE: return 7;
	case '<': case '>': case T_LE: case T_GE: return 8;
	case T_SHL: case T_SHR: case T_USHR: return 9;
	case '+': case '-': return 10;
	case '*': case '/': case '%': return 11;
	case T_EXP: return 12;
	case T_NAME:
		if (ISNAME(p, "instanceof"))
			return 8;
		if (ISNAME(p, "in") && !p->noin)
			return 8;
		return 0;
	}
	return 0;
}

static struct node *
parse_binary(struct parser *p, int minprec)
{
	struct node *l;
	int prec, chain = 0;

	/* #x in obj */
	if (IS(p, T_PRIVATE)) {
		l = new_node(p, N_PRIVNAME);
		l->s = TOK(p).s;
		l->n = TOK(p).n;
		next(p);
		if (!ISNAME(p, "in"))
			unexpected(p);
	} else
		l = parse_unary(p);
	while ((prec = binary_prec(p)) > minprec ||
	    (prec == 12 && minprec == 12)) {
		struct node *b = new_at(p, N_BINARY, l);
		int op = TOK(p).type;

		if (op == T_NAME)
			op = TOK(p).s[1] == 'n' && TOK(p).n == 2 ? 'i' : 'I';
		if (op == T_AND || op == T_OR || op == T_NULLISH)
			b->type = N_LOGICAL;
		next(p);
		b->op = (unsigned short)op;
		b->a = l;
		/* ** is right-associative. */
		b->b = parse_binary(p, prec == 12 ? 11 : prec);
		l = b;
		/* A long chain is a deep tree too. */
		deeper(p);
		chain++;
	}
	p->depth -= chain;
	return l;
}

static struct node *
parse_cond(struct parser *p)
{
	struct node *e = parse_binary(p, 0), *c;

	if (!IS(p, '?'))
		return e;
	c = new_at(p, N_COND, e);
	next(p);
	c->a = e;
	{
		int noin = p->noin;

		p->noin = 0;
		c->b = parse_assign(p);
		p->noin = noin;
	}
	expect(p, ':');
	c->c = parse_assign(p);
	return c;
}

static int
is_assign_op(int t)
{
	return t == '=' || (t >= T_ADD_AS && t <= T_NULLISH_AS);
}

static void
deeper(struct parser *p)
{
	if (++p->depth > PARSE_MAX_DEPTH)
		fail(p, "Nesting too deep (more than %d levels)", PARSE_MAX_DEPTH);
}

static struct node *
parse_assign(struct parser *p)
{
	struct node *e;

	deeper(p);
	e = parse_assign_inner(p);
	p->depth--;
	return e;
}

static struct node *
parse_assign_inner(struct parser *p)
{
	struct node *e, *a;
	int op;

	if ((p->fn & NF_GEN) && ISNAME(p, "yield")) {
		struct token *t;

		e = new_node(p, N_YIELD);
		next(p);
		t = &TOK(p);
		if (t->nlb)
			return e;
		if (accept(p, '*')) {
			e->flags |= NF_STAR;
			e->a = parse_assign(p);
			return e;
		}
		if (t->type != ')' && t->type != ']' && t->type != '}' &&
		    t->type != ',' && t->type != ';' && t->type != ':' &&
		    t->type != T_EOF && !name_is(t, "in"))
			e->a = parse_assign(p);
		return e;
	}
	e = parse_cond(p);
	if (e->type == N_FUNC && (e->flags & NF_ARROW))
		return e;
	op = TOK(p).type;
	if (!is_assign_op(op))
		return e;
	if (op == '=' && (e->type == N_ARRAY || e->type == N_OBJECT))
		e = to_pattern(p, e, 0);
	else if (!simple_target(e))
		fail_at(p, e, "Invalid left-hand side in assignment");
	a = new_at(p, N_ASSIGN, e);
	a->op = (unsigned short)op;
	next(p);
	a->a = e;
	a->b = parse_assign(p);
	return a;
}

static struct node *
parse_expr(struct parser *p)
{
	struct node *e = parse_assign(p), *s;
	struct list l = { NULL, NULL };

	if (!IS(p, ','))
		return e;
	s = new_at(p, N_SEQ, e);
	list_add(&l, e);
	while (accept(p, ','))
		list_add(&l, parse_assign(p));
	s->a = l.head;
	return s;
}

/* Binding patterns for declarations and parameters. */
static struct node *
parse_binding_target(struct parser *p)
{
	struct node *e;

	if (IS(p, '[') || IS(p, '{')) {
		e = IS(p, '[') ? parse_array(p) : parse_object(p);
		return to_pattern(p, e, 1);
	}
	return parse_ident(p);
}

/* var/let/const declarations; the keyword is current. */
static struct node *
parse_var(struct parser *p, int in_for)
{
	struct node *v = new_node(p, N_VAR);
	struct list l = { NULL, NULL };

	if (ISNAME(p, "let"))
		v->flags = NF_LET;
	else if (ISNAME(p, "const"))
		v->flags = NF_CONST;
	next(p);
	do {
		struct node *d = new_node(p, N_DECL);

		if ((v->flags & (NF_LET | NF_CONST)) && ISNAME(p, "let"))
			fail(p, "let is disallowed as a lexically bound name");

		d->a = parse_binding_target(p);
		if (accept(p, '='))
			d->b = parse_assign(p);
		else if (!in_for && (v->flags & NF_CONST))
			fail(p, "Missing initializer in const declaration");
		else if (!in_for && d->a->type != N_IDENT)
			fail(p, "Missing initializer in destructuring declaration");
		list_add(&l, d);
	} while (accept(p, ','));
	v->a = l.head;
	return v;
}

static int
at_let_decl(struct parser *p)
{
	struct token t;

	if (!ISNAME(p, "let"))
		return 0;
	t = peek(p);
	return t.type == '[' || t.type == '{' ||
	    (t.type == T_NAME && !name_is(&t, "in") && !name_is(&t, "instanceof") &&
	    !(name_is(&t, "of")));
}

static struct node *
parse_class(struct parser *p, int decl)
{
	struct node *c = new_node(p, N_CLASS);
	struct list l = { NULL, NULL };
	int infunc = p->infunc, has_ctor = 0;

	next(p);
	if (decl)
		c->flags |= NF_DECL;
	if (IS(p, T_NAME) && !ISNAME(p, "extends"))
		c->a = parse_ident(p);
	else if (decl)
		unexpected(p);
	if (ISNAME(p, "extends")) {
		next(p);
		c->b = parse_suffixes(p, parse_primary(p), 1);
	}
	expect(p, '{');
	p->infunc = 1;
	while (!IS(p, '}')) {
		struct node *m;
		unsigned flags = 0, mstart;

		if (accept(p, ';'))
			continue;
		m = new_node(p, N_METHOD);
		if (ISNAME(p, "static")) {
			struct token t = peek(p);

			if (t.type != '(' && t.type != '=' && t.type != ';' &&
			    t.type != '}') {
				flags |= NF_STATIC;
				next(p);
				if (IS(p, '{')) {
					m->type = N_STATICBLOCK;
					m->a = parse_body(p);
					list_add(&l, m);
					continue;
				}
			}
		}
		mstart = TOK(p).pos;
		if (ISNAME(p, "get") || ISNAME(p, "set") || ISNAME(p, "async")) {
			struct token t = peek(p);

			if (t.type != '(' && t.type != '=' && t.type != ';' &&
			    t.type != '}' && !t.nlb) {
				flags |= ISNAME(p, "get") ? NF_GET :
				    ISNAME(p, "set") ? NF_SET : NF_ASYNC;
				next(p);
			}
		}
		if (!(flags & (NF_GET | NF_SET)) && accept(p, '*'))
			flags |= NF_GEN;
		m->a = parse_key(p, &flags, 1);
		if ((flags & (NF_GEN | NF_ASYNC)) && !IS(p, '('))
			unexpected(p);
		if (IS(p, '(')) {
			m->b = parse_method(p, flags, mstart);
			if ((flags & (NF_GEN | NF_ASYNC)) &&
			    !(flags & (NF_STATIC | NF_COMPUTED | NF_PRIVATE)) &&
			    m->a->type == N_IDENT && m->a->n == 11 &&
			    memcmp(m->a->s, "constructor", 11) == 0)
				fail_at(p, m->a, "Class constructor may not be a generator or async");
			flags &= ~(unsigned)(NF_GEN | NF_ASYNC);
			if (!(flags & (NF_STATIC | NF_COMPUTED | NF_PRIVATE)) &&
			    m->a->type == N_IDENT && m->a->n == 11 &&
			    memcmp(m->a->s, "constructor", 11) == 0) {
				if (flags & (NF_GET | NF_SET))
					fail_at(p, m->a, "Class constructor may not be an accessor");
				if (has_ctor++)
					fail_at(p, m->a, "A class may only have one constructor");
				flags |= NF_CTOR;
			}
		} else {
			m->type = N_FIELD;
			if (flags & (NF_GET | NF_SET))
				unexpected(p);
			if (accept(p, '=')) {
				m->b = parse_assign(p);
			}
			semicolon(p);
		}
		m->flags = flags;
		list_add(&l, m);
	}
	c->end = TOK(p).end;
	next(p);
	c->c = l.head;
	p->infunc = infunc;
	return c;
}

static struct node *
parse_loop_body(struct parser *p)
{
	struct node *n;

	p->loops++;
	p->breakables++;
	n = parse_statement(p);
	p->loops--;
	p->breakables--;
	return n;
}

static struct node *
parse_block(struct parser *p)
{
	struct node *b = new_node(p, N_BLOCK);
	struct list l = { NULL, NULL };

	expect(p, '{');
	while (!IS(p, '}'))
		list_add(&l, parse_item(p));
	b->end = TOK(p).end;
	next(p);
	b->a = l.head;
	return b;
}

/* for (D PATTERN in o) body, a key destructured (a string's
 * characters, its properties), as for (D KEY in o) { D PATTERN = KEY;
 * body }: the lowering takes names only.  KEY is a name no script
 * writes, one per loop of the source. */
static void
forin_pattern(struct parser *p, struct node *f)
{
	struct node *left = f->a, *key, *use, *inner, *block;
	char name[32];

	if (left->type == N_VAR ? left->a->a->type == N_IDENT :
	    left->type != N_ARRPAT && left->type != N_OBJPAT)
		return;
	snprintf(name, sizeof name, "__ly_key%u", left->pos);
	key = new_at(p, N_IDENT, left);
	key->n = strlen(name);
	key->s = arena_strndup(p->arena, name, key->n);
	use = new_at(p, N_IDENT, left);
	use->s = key->s;
	use->n = key->n;
	use->flags |= NF_FORKEY;
	if (left->type == N_VAR) {
		/* D KEY in o, and D PATTERN = KEY in the body */
		struct node *decl = new_at(p, N_DECL, left);

		decl->a = key;
		inner = left;
		left->a->b = use;
		f->a = new_at(p, N_VAR, left);
		f->a->flags = left->flags;
		f->a->a = decl;
	} else {
		struct node *assign = new_at(p, N_ASSIGN, left);

		assign->op = '=';
		assign->a = left;
		assign->b = use;
		inner = new_at(p, N_EXPRSTMT, left);
		inner->a = assign;
		f->a = new_at(p, N_VAR, left);
		f->a->a = new_at(p, N_DECL, left);
		f->a->a->a = key;
	}
	block = new_at(p, N_BLOCK, f->c);
	block->a = inner;
	inner->next = f->c;
	f->c = block;
}

static struct node *
parse_for(struct parser *p)
{
	struct node *f = new_node(p, N_FOR), *init = NULL;

	next(p);
	if (ISNAME(p, "await") && ((p->fn & NF_ASYNC) ||
	    (p->module && !p->infunc))) {
		f->flags |= NF_ASYNC;
		next(p);
	}
	expect(p, '(');
	p->noin = 1;
	if (IS(p, ';')) {
		/* no init */
	} else if (ISNAME(p, "var") || ISNAME(p, "const") || at_let_decl(p)) {
		init = parse_var(p, 1);
	} else {
		init = parse_expr(p);
	}
	p->noin = 0;
	if (init != NULL && (ISNAME(p, "of") || ISNAME(p, "in"))) {
		int of = ISNAME(p, "of");

		if (init->type == N_VAR) {
			if (init->a->next != NULL)
				fail_at(p, init, "Invalid left-hand side in for-loop: must have a single binding.");
			if (init->a->b != NULL)
				fail_at(p, init, "for-in/of loop variable declaration may not have an initializer.");
		} else if (init->type == N_ARRAY || init->type == N_OBJECT)
			init = to_pattern(p, init, 0);
		else if (!simple_target(init))
			fail_at(p, init, "Invalid left-hand side in for-loop");
		f->type = of ? N_FOROF : N_FORIN;
		if (!of && (f->flags & NF_ASYNC))
			unexpected(p);
		next(p);
		f->a = init;
		f->b = of ? parse_assign(p) : parse_expr(p);
		expect(p, ')');
		f->c = parse_loop_body(p);
		if (!of)
			forin_pattern(p, f);
		return f;
	}
	if (f->flags & NF_ASYNC)
		unexpected(p);
	f->a = init;
	expect(p, ';');
	if (!IS(p, ';'))
		f->b = parse_expr(p);
	expect(p, ';');
	if (!IS(p, ')'))
		f->c = parse_expr(p);
	expect(p, ')');
	f->d = parse_loop_body(p);
	return f;
}

static struct node *parse_statement_inner(struct parser *);

static struct node *
parse_statement(struct parser *p)
{
	struct node *n;

	deeper(p);
	n = parse_statement_inner(p);
	p->depth--;
	return n;
}

static struct node *
parse_statement_inner(struct parser *p)
{
	struct node *n;
	struct token *t = &TOK(p);

	if (t->type == '{')
		return parse_block(p);
	if (t->type == ';') {
		n = new_node(p, N_EMPTY);
		next(p);
		return n;
	}
	if (t->type == T_NAME && !(t->flags & TF_ESCAPED)) {
		if (ISNAME(p, "var")) {
			n = parse_var(p, 0);
			semicolon(p);
			return n;
		}
		if (ISNAME(p, "if")) {
			n = new_node(p, N_IF);
			next(p);
			expect(p, '(');
			n->a = parse_expr(p);
			expect(p, ')');
			n->b = parse_statement(p);
			if (ISNAME(p, "else")) {
				next(p);
				n->c = parse_statement(p);
			}
			return n;
		}
		if (ISNAME(p, "for"))
			return parse_for(p);
		if (ISNAME(p, "while")) {
			n = new_node(p, N_WHILE);
			next(p);
			expect(p, '(');
			n->a = parse_expr(p);
			expect(p, ')');
			n->b = parse_loop_body(p);
			return n;
		}
		if (ISNAME(p, "do")) {
			n = new_node(p, N_DOWHILE);
			next(p);
			n->a = parse_loop_body(p);
			expect_name(p, "while");
			expect(p, '(');
			n->b = parse_expr(p);
			expect(p, ')');
			accept(p, ';');
			return n;
		}
		if (ISNAME(p, "return")) {
			/* legal in a CommonJS module, which runs inside a
			 * function as in k6; lower.c refuses it in an ES
			 * module, known only once the whole is parsed */
			n = new_node(p, N_RETURN);
			if (!p->infunc)
				n->flags |= NF_TOPRETURN;
			next(p);
			if (!IS(p, ';') && !IS(p, '}') && !IS(p, T_EOF) &&
			    !TOK(p).nlb)
				n->a = parse_expr(p);
			semicolon(p);
			return n;
		}
		if (ISNAME(p, "break") || ISNAME(p, "continue")) {
			int i, brk = ISNAME(p, "break");

			n = new_node(p, brk ? N_BREAK : N_CONTINUE);
			next(p);
			if (IS(p, T_NAME) && !TOK(p).nlb && !is_reserved(&TOK(p))) {
				n->a = parse_ident(p);
				for (i = p->nlabels - 1; i >= 0; i--)
					if (p->labels[i].n == n->a->n &&
					    memcmp(p->labels[i].s, n->a->s, n->a->n) == 0)
						break;
				if (i < 0)
					fail_at(p, n->a, "Undefined label");
				if (!brk && !p->labels[i].loop)
					fail_at(p, n, "Illegal continue statement: "
					    "it does not denote an iteration statement");
			} else if (brk && p->breakables == 0)
				fail_at(p, n, "Illegal break statement");
			else if (!brk && p->loops == 0)
				fail_at(p, n, "Illegal continue statement: "
				    "no surrounding iteration statement");
			semicolon(p);
			return n;
		}
		if (ISNAME(p, "throw")) {
			n = new_node(p, N_THROW);
			next(p);
			if (TOK(p).nlb)
				fail(p, "Illegal newline after throw");
			n->a = parse_expr(p);
			semicolon(p);
			return n;
		}
		if (ISNAME(p, "try")) {
			n = new_node(p, N_TRY);
			next(p);
			n->a = parse_block(p);
			if (ISNAME(p, "catch")) {
				next(p);
				if (accept(p, '(')) {
					n->b = parse_binding_target(p);
					expect(p, ')');
				}
				n->c = parse_block(p);
			}
			if (ISNAME(p, "finally")) {
				next(p);
				n->d = parse_block(p);
			}
			if (n->c == NULL && n->d == NULL)
				fail(p, "Missing catch or finally after try");
			return n;
		}
		if (ISNAME(p, "switch")) {
			struct list cases = { NULL, NULL };
			int dflt = 0;

			n = new_node(p, N_SWITCH);
			next(p);
			expect(p, '(');
			n->a = parse_expr(p);
			expect(p, ')');
			expect(p, '{');
			p->breakables++;
			while (!IS(p, '}')) {
				struct node *c = new_node(p, N_CASE);
				struct list body = { NULL, NULL };

				if (ISNAME(p, "default")) {
					if (dflt++)
						fail(p, "More than one default clause in switch statement");
					next(p);
				} else {
					expect_name(p, "case");
					c->a = parse_expr(p);
				}
				expect(p, ':');
				while (!IS(p, '}') && !ISNAME(p, "case") &&
				    !ISNAME(p, "default"))
					list_add(&body, parse_item(p));
				c->b = body.head;
				list_add(&cases, c);
			}
			next(p);
			p->breakables--;
			n->b = cases.head;
			return n;
		}
		if (ISNAME(p, "debugger")) {
			n = new_node(p, N_DEBUGGER);
			next(p);
			semicolon(p);
			return n;
		}
		if (ISNAME(p, "with")) {
			n = new_node(p, N_WITH);
			if (p->module)
				fail(p, "Strict mode code may not include a with statement");
			next(p);
			expect(p, '(');
			n->a = parse_expr(p);
			expect(p, ')');
			n->b = parse_statement(p);
			return n;
		}
		if (ISNAME(p, "function"))
			fail(p, "In strict mode code, functions can only be declared at top level or inside a block.");
		if (ISNAME(p, "class") || ISNAME(p, "const") || at_let_decl(p))
			fail(p, "Lexical declaration cannot appear in a single-statement context");
		if (ISNAME(p, "async")) {
			struct token nt = peek(p);

			if (name_is(&nt, "function") && !nt.nlb)
				fail(p, "Async functions can only be declared at the top level or inside a block.");
		}
		if (!is_reserved(t)) {
			struct token nt = peek(p);

			if (nt.type == ':') {
				int i;

				n = new_node(p, N_LABEL);
				n->a = parse_ident(p);
				next(p);
				for (i = 0; i < p->nlabels; i++)
					if (p->labels[i].n == n->a->n &&
					    memcmp(p->labels[i].s, n->a->s, n->a->n) == 0)
						fail_at(p, n->a, "Label has already been declared");
				if (p->nlabels == 64)
					fail_at(p, n->a, "too many nested labels");
				p->labels[p->nlabels].s = n->a->s;
				p->labels[p->nlabels].n = n->a->n;
				p->labels[p->nlabels].loop = ISNAME(p, "for") ||
				    ISNAME(p, "while") || ISNAME(p, "do");
				/* a: b: for (;;) continue a; */
				if (IS(p, T_NAME) && peek(p).type == ':')
					p->labels[p->nlabels].loop = -1;
				for (i = p->nlabels - 1; i >= 0 &&
				    p->labels[i].loop == -1; i--)
					p->labels[i].loop = p->labels[p->nlabels].loop;
				p->nlabels++;
				if (ISNAME(p, "function"))
					n->b = parse_function(p, NF_DECL);
				else
					n->b = parse_statement(p);
				p->nlabels--;
				return n;
			}
		}
	}
	n = new_node(p, N_EXPRSTMT);
	n->a = parse_expr(p);
	semicolon(p);
	return n;
}

static struct node *
parse_module_source(struct parser *p)
{
	struct node *s;

	if (!IS(p, T_STR))
		unexpected(p);
	s = new_node(p, N_STR);
	s->s = TOK(p).s;
	s->n = TOK(p).n;
	next(p);
	return s;
}

/* A name in import/export specifiers: identifier or string. */
static struct node *
parse_spec_name(struct parser *p)
{
	if (IS(p, T_STR))
		return parse_module_source(p);
	return parse_name(p);
}

static struct node *
parse_import(struct parser *p)
{
	struct node *n = new_node(p, N_IMPORT);
	struct list l = { NULL, NULL };

	next(p);
	if (IS(p, T_STR)) {
		n->a = parse_module_source(p);
		semicolon(p);
		return n;
	}
	if (IS(p, T_NAME)) {
		struct node *s = new_node(p, N_IMPORTSPEC);

		s->b = parse_ident(p);
		list_add(&l, s);
		if (!accept(p, ','))
			goto from;
	}
	if (IS(p, '*')) {
		struct node *s = new_node(p, N_IMPORTSPEC);

		next(p);
		expect_name(p, "as");
		s->flags = NF_NS;
		s->b = parse_ident(p);
		list_add(&l, s);
	} else if (accept(p, '{')) {
		while (!IS(p, '}')) {
			struct node *s = new_node(p, N_IMPORTSPEC);

			s->a = parse_spec_name(p);
			if (ISNAME(p, "as")) {
				next(p);
				s->b = parse_ident(p);
			} else {
				if (s->a->type != N_IDENT || is_reserved(&(struct token){
				    .type = T_NAME, .s = s->a->s, .n = s->a->n }))
					fail_at(p, s->a, "Unexpected reserved word");
				s->b = new_at(p, N_IDENT, s->a);
				s->b->s = s->a->s;
				s->b->n = s->a->n;
				user_name(p, s->b);
			}
			list_add(&l, s);
			if (!IS(p, '}'))
				expect(p, ',');
		}
		next(p);
	} else
		unexpected(p);
from:
	expect_name(p, "from");
	n->a = parse_module_source(p);
	n->b = l.head;
	semicolon(p);
	return n;
}

static struct node *
parse_export(struct parser *p)
{
	struct node *n = new_node(p, N_EXPORT);

	next(p);
	if (ISNAME(p, "default")) {
		n->flags = NF_DEFAULT;
		next(p);
		if (ISNAME(p, "function")) {
			n->a = parse_function(p, 0);
			n->a->flags |= NF_DECL;
		} else if (ISNAME(p, "class")) {
			n->a = parse_class(p, 0);
			n->a->flags |= NF_DECL;
		} else if (ISNAME(p, "async") &&
		    name_is((struct token[]){ peek(p) }, "function") &&
		    !peek(p).nlb) {
			n->a = parse_function(p, NF_ASYNC);
			n->a->flags |= NF_DECL;
		} else {
			n->a = parse_assign(p);
			semicolon(p);
		}
		return n;
	}
	if (IS(p, '*')) {
		n->flags = NF_STAR;
		next(p);
		if (ISNAME(p, "as")) {
			next(p);
			n->b = parse_spec_name(p);
		}
		expect_name(p, "from");
		n->c = parse_module_source(p);
		semicolon(p);
		return n;
	}
	if (accept(p, '{')) {
		struct list l = { NULL, NULL };

		while (!IS(p, '}')) {
			struct node *s = new_node(p, N_EXPORTSPEC);

			s->a = parse_spec_name(p);
			if (ISNAME(p, "as")) {
				next(p);
				s->b = parse_spec_name(p);
			} else
				s->b = s->a;
			list_add(&l, s);
			if (!IS(p, '}'))
				expect(p, ',');
		}
		next(p);
		n->b = l.head;
		if (ISNAME(p, "from")) {
			next(p);
			n->c = parse_module_source(p);
		} else {
			struct node *s;

			for (s = n->b; s != NULL; s = s->next) {
				struct node *local;

				if (s->a->type != N_IDENT)
					fail_at(p, s->a, "Unexpected string");
				/* The local name is the user's binding; the
				 * exported one stays as written. */
				local = new_at(p, N_IDENT, s->a);
				local->s = s->a->s;
				local->n = s->a->n;
				user_name(p, local);
				s->a = local;
			}
		}
		semicolon(p);
		return n;
	}
	if (ISNAME(p, "var") || ISNAME(p, "let") || ISNAME(p, "const")) {
		n->a = parse_var(p, 0);
		semicolon(p);
		return n;
	}
	if (ISNAME(p, "function")) {
		n->a = parse_function(p, NF_DECL);
		return n;
	}
	if (ISNAME(p, "class")) {
		n->a = parse_class(p, 1);
		return n;
	}
	if (ISNAME(p, "async") &&
	    name_is((struct token[]){ peek(p) }, "function") && !peek(p).nlb) {
		n->a = parse_function(p, NF_DECL | NF_ASYNC);
		return n;
	}
	unexpected(p);
}

/* A statement or declaration. */
static struct node *
parse_item(struct parser *p)
{
	struct node *n;

	if (IS(p, T_NAME) && !(TOK(p).flags & TF_ESCAPED)) {
		if (ISNAME(p, "function"))
			return parse_function(p, NF_DECL);
		if (ISNAME(p, "class"))
			return parse_class(p, 1);
		if (ISNAME(p, "const") || at_let_decl(p)) {
			n = parse_var(p, 0);
			semicolon(p);
			return n;
		}
		if (ISNAME(p, "async")) {
			struct token nt = peek(p);

			if (name_is(&nt, "function") && !nt.nlb)
				return parse_function(p, NF_DECL | NF_ASYNC);
		}
	}
	return parse_statement(p);
}

static struct node *
parse_toplevel(struct parser *p)
{
	if (IS(p, T_NAME) && !(TOK(p).flags & TF_ESCAPED)) {
		if (ISNAME(p, "import") && p->module) {
			struct token nt = peek(p);

			if (nt.type != '(' && nt.type != '.')
				return parse_import(p);
		}
		if (ISNAME(p, "export") && p->module)
			return parse_export(p);
	}
	return parse_item(p);
}

struct node *
parser_parse(struct arena *a, const char *name, const char *src, size_t len,
    int flags, char **cause)
{
	struct parser *p = xcalloc(1, sizeof *p);
	struct node *volatile prog = NULL;
	struct list l = { NULL, NULL };
	jmp_buf jmp;

	p->arena = a;
	p->module = (flags & PARSE_MODULE) != 0;
	lexer_init(&p->lx, src, len, a, &jmp);
	if (setjmp(jmp) != 0) {
		*cause = lexer_frame(name, src, len, p->lx.errline,
		    p->lx.errpos, p->lx.err);
		prog = NULL;
		goto out;
	}
	next(p);
	prog = ast_new(a, N_PROGRAM, 1, 0);
	while (!IS(p, T_EOF))
		list_add(&l, parse_toplevel(p));
	prog->a = l.head;
out:
	free(p->lx.err);
	lexer_free(&p->lx);
	free(p);
	return prog;
}
