/* Large literals of plain data, as JSON; see literal.h. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compile/ast.h"
#include "compile/literal.h"
#include "util/buf.h"

void
literal_quote(struct buf *b, const char *s, size_t n)
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

/* Append n's JSON; the count of values in *count, the deepest nesting
 * in *deep.  -1: not plain data. */
static int
value(const struct node *n, struct buf *b, size_t *count, int depth, int *deep)
{
	const struct node *k;
	char num[32];
	double v;
	int prec;

	++*count;
	if (depth > *deep)
		*deep = depth;
	switch (n->type) {
	case N_STR:
		literal_quote(b, n->s, n->n);
		return 0;
	case N_NUM:
	case N_UNARY:
		if (n->type == N_UNARY && (n->op != '-' || n->a->type != N_NUM))
			return -1;
		v = n->type == N_NUM ? n->num : -n->a->num;
		if (!isfinite(v))
			return -1;
		/* The shortest that reads back, as lower.c writes numbers:
		 * mujs reads 17 digits less exactly than strtod. */
		for (prec = 1; prec <= 17; prec++) {
			snprintf(num, sizeof num, "%.*g", prec, v);
			if (strtod(num, NULL) == v)
				break;
		}
		buf_puts(b, num);
		return 0;
	case N_IDENT:
		if ((n->n == 4 && memcmp(n->s, "true", 4) == 0) ||
		    (n->n == 5 && memcmp(n->s, "false", 5) == 0) ||
		    (n->n == 4 && memcmp(n->s, "null", 4) == 0)) {
			buf_add(b, n->s, n->n);
			return 0;
		}
		return -1;
	case N_ARRAY:
		buf_putc(b, '[');
		for (k = n->a; k != NULL; k = k->next) {
			if (k->type == N_HOLE || value(k, b, count, depth + 1, deep) == -1)
				return -1;
			if (k->next != NULL)
				buf_putc(b, ',');
		}
		buf_putc(b, ']');
		return 0;
	case N_OBJECT:
		buf_putc(b, '{');
		for (k = n->a; k != NULL; k = k->next) {
			if (k->type != N_PROP || (k->flags & (NF_COMPUTED | NF_SHORTHAND |
			    NF_METHOD | NF_GET | NF_SET)) || k->a == NULL || k->b == NULL ||
			    (k->a->type != N_IDENT && k->a->type != N_STR))
				return -1;
			/* A literal's __proto__ sets the prototype; JSON's is a key. */
			if (k->a->n == 9 && memcmp(k->a->s, "__proto__", 9) == 0)
				return -1;
			literal_quote(b, k->a->s, k->a->n);
			buf_putc(b, ':');
			if (value(k->b, b, count, depth + 1, deep) == -1)
				return -1;
			if (k->next != NULL)
				buf_putc(b, ',');
		}
		buf_putc(b, '}');
		return 0;
	}
	return -1;
}

int
literal_json(const struct node *n, struct buf *b)
{
	size_t at = b->len, count = 0;
	int deep = 0;

	if ((n->type != N_ARRAY && n->type != N_OBJECT) ||
	    value(n, b, &count, 0, &deep) == -1 ||
	    (count < LITERAL_JSON_MIN && deep < LITERAL_JSON_DEEP)) {
		b->len = at;
		if (b->data != NULL)
			b->data[at] = '\0';
		return -1;
	}
	return 0;
}
