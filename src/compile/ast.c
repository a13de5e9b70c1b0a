/* Syntax tree nodes and their arena; see ast.h. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "compile/ast.h"
#include "util/buf.h"
#include "util/xmalloc.h"

#define CHUNK_SIZE	(64 * 1024)

struct arena_chunk {
	struct arena_chunk	*next;
	size_t			 used, size;
	/* Aligned for doubles and pointers. */
	union {
		double		 d;
		void		*p;
		long long	 ll;
	} data[];
};

void *
arena_alloc(struct arena *a, size_t n)
{
	struct arena_chunk *c = a->head;
	void *p;

	n = (n + 7) & ~(size_t)7;
	if (c == NULL || c->size - c->used < n) {
		size_t size = n > CHUNK_SIZE ? n : CHUNK_SIZE;

		c = xmalloc(sizeof *c + size);
		c->size = size;
		c->used = 0;
		c->next = a->head;
		a->head = c;
	}
	p = (char *)c->data + c->used;
	c->used += n;
	return p;
}

char *
arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *p = arena_alloc(a, n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

void
arena_free(struct arena *a)
{
	struct arena_chunk *c, *next;

	for (c = a->head; c != NULL; c = next) {
		next = c->next;
		free(c);
	}
	a->head = NULL;
}

struct node *
ast_new(struct arena *a, int type, int line, unsigned pos)
{
	struct node *n = arena_alloc(a, sizeof *n);

	memset(n, 0, sizeof *n);
	n->type = (unsigned short)type;
	n->line = line;
	n->pos = pos;
	return n;
}

size_t
ast_count(const struct node *n)
{
	size_t c = 0;

	for (; n != NULL; n = n->next)
		c++;
	return c;
}

static const char *const type_names[N_TYPE_MAX] = {
	[N_NUM] = "num", [N_STR] = "str", [N_TEMPLATE] = "template",
	[N_TAGGED] = "tagged", [N_REGEX] = "regex", [N_IDENT] = "id",
	[N_THIS] = "this", [N_SUPER] = "super", [N_NEWTARGET] = "new.target",
	[N_IMPORTMETA] = "import.meta", [N_ARRAY] = "array", [N_HOLE] = "hole",
	[N_OBJECT] = "object", [N_PROP] = "prop", [N_FUNC] = "func",
	[N_CLASS] = "class", [N_MEMBER] = "member", [N_CALL] = "call",
	[N_NEW] = "new", [N_CHAIN] = "chain", [N_UNARY] = "unary",
	[N_UPDATE] = "update", [N_BINARY] = "binary", [N_LOGICAL] = "logical",
	[N_ASSIGN] = "assign", [N_COND] = "cond", [N_SEQ] = "seq",
	[N_SPREAD] = "spread", [N_PRIVNAME] = "private", [N_PAREN] = "paren",
	[N_IMPORTCALL] = "import()", [N_YIELD] = "yield", [N_AWAIT] = "await",
	[N_ARRPAT] = "arrpat", [N_OBJPAT] = "objpat",
	[N_ASSIGNPAT] = "assignpat", [N_REST] = "rest", [N_VAR] = "var",
	[N_DECL] = "decl", [N_EXPRSTMT] = "expr", [N_BLOCK] = "block",
	[N_EMPTY] = "empty", [N_IF] = "if", [N_FOR] = "for",
	[N_FORIN] = "forin", [N_FOROF] = "forof", [N_WHILE] = "while",
	[N_DOWHILE] = "dowhile", [N_RETURN] = "return", [N_BREAK] = "break",
	[N_CONTINUE] = "continue", [N_THROW] = "throw", [N_TRY] = "try",
	[N_SWITCH] = "switch", [N_CASE] = "case", [N_LABEL] = "label",
	[N_DEBUGGER] = "debugger", [N_WITH] = "with", [N_IMPORT] = "import",
	[N_IMPORTSPEC] = "importspec", [N_EXPORT] = "export",
	[N_EXPORTSPEC] = "exportspec", [N_PROGRAM] = "program",
	[N_METHOD] = "method", [N_FIELD] = "field",
	[N_STATICBLOCK] = "staticblock",
};

const char *
ast_type_name(int t)
{
	if (t <= 0 || t >= N_TYPE_MAX || type_names[t] == NULL)
		return "?";
	return type_names[t];
}

#include "compile/lexer.h"

void
ast_dump(struct buf *b, const struct node *n)
{
	const struct node *k;
	const struct node *kids[4];
	int i;

	if (n == NULL) {
		buf_puts(b, "_");
		return;
	}
	buf_printf(b, "(%s", ast_type_name(n->type));
	if (n->op != 0)
		buf_printf(b, " %s", lexer_token_name(n->op));
	switch (n->type) {
	case N_NUM:
		buf_printf(b, " %.17g", n->num);
		break;
	case N_STR:
	case N_IDENT:
	case N_REGEX:
	case N_PRIVNAME:
		buf_putc(b, ' ');
		if (n->s != NULL)
			buf_add(b, n->s, n->n);
		break;
	}
	if (n->flags & NF_ARROW)
		buf_puts(b, " =>");
	if (n->flags & NF_COMPUTED)
		buf_puts(b, " []");
	if (n->flags & NF_OPTIONAL)
		buf_puts(b, " ?.");
	if (n->flags & NF_STATIC)
		buf_puts(b, " static");
	if (n->flags & NF_GET)
		buf_puts(b, " get");
	if (n->flags & NF_SET)
		buf_puts(b, " set");
	if (n->flags & NF_LET)
		buf_puts(b, " let");
	if (n->flags & NF_CONST)
		buf_puts(b, " const");
	kids[0] = n->a;
	kids[1] = n->b;
	kids[2] = n->c;
	kids[3] = n->d;
	for (i = 0; i < 4; i++) {
		int last;

		for (last = 3; last >= 0 && kids[last] == NULL; last--)
			;
		if (i > last)
			break;
		buf_putc(b, ' ');
		if (kids[i] != NULL && kids[i]->next != NULL) {
			buf_putc(b, '[');
			for (k = kids[i]; k != NULL; k = k->next) {
				ast_dump(b, k);
				if (k->next != NULL)
					buf_putc(b, ' ');
			}
			buf_putc(b, ']');
		} else
			ast_dump(b, kids[i]);
	}
	buf_putc(b, ')');
}
