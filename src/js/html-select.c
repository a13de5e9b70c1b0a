/* CSS selectors as goquery compiles them (cascadia's dialect, which is
 * k6's): groups, combinators, attribute operators including != and the
 * regular expression #=, :contains, :matches, :has, :haschild, :not,
 * :nth-* and the other pseudo-classes cascadia knows.  The parser follows
 * cascadia's, error messages included; matching is done over the flat
 * tree of js/html.h. */
#include "config.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "js/html.h"
#include "util/buf.h"
#include "util/xmalloc.h"

enum kind {
	K_TAG, K_ID, K_CLASS, K_ATTR, K_NOT, K_HAS, K_HASCHILD, K_CONTAINS,
	K_MATCHES, K_NTH, K_ONLY, K_INPUT, K_EMPTY, K_ROOT, K_LINK, K_LANG,
	K_ENABLED, K_DISABLED, K_CHECKED, K_NEVER, K_COMPOUND, K_COMBINED
};

struct sn {
	enum kind	 kind;
	char		*key, *val;	/* tag, id, class, attribute, text */
	char		 op[3];		/* attribute operator, "" for [key] */
	int		 icase, own;
	int		 a, b, last, oftype;
	pcre2_code	*re;
	struct html_sel	*group;		/* :not, :has, :haschild */
	struct sn	**list;		/* compound */
	size_t		 n;
	struct sn	*first, *second;	/* combined */
	int		 comb;
};

struct html_sel {
	struct sn	**sels;
	size_t		  n;
};

struct parser {
	const char	*s;
	size_t		 len, i;
	char		*err;
};

static void sn_free(struct sn *);
static struct html_sel *parse_group(struct parser *);

void
html_sel_free(struct html_sel *g)
{
	size_t i;

	if (g == NULL)
		return;
	for (i = 0; i < g->n; i++)
		sn_free(g->sels[i]);
	free(g->sels);
	free(g);
}

static void
sn_free(struct sn *s)
{
	size_t i;

	if (s == NULL)
		return;
	free(s->key);
	free(s->val);
	if (s->re != NULL)
		pcre2_code_free(s->re);
	html_sel_free(s->group);
	for (i = 0; i < s->n; i++)
		sn_free(s->list[i]);
	free(s->list);
	sn_free(s->first);
	sn_free(s->second);
	free(s);
}

static struct sn *
sn_new(enum kind k)
{
	struct sn *s = xcalloc(1, sizeof *s);

	s->kind = k;
	return s;
}

static int
fail(struct parser *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static int
fail(struct parser *p, const char *fmt, ...)
{
	va_list ap;

	if (p->err == NULL) {
		va_start(ap, fmt);
		p->err = xvasprintf(fmt, ap);
		va_end(ap);
	}
	return -1;
}

static int
hexdigit(int c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') ||
	    (c >= 'A' && c <= 'F');
}

static int
namestart(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
	    c > 127;
}

static int
namechar(int c)
{
	return namestart(c) || c == '-' || (c >= '0' && c <= '9');
}

static void
lower(char *s)
{
	for (; *s != '\0'; s++)
		if (*s >= 'A' && *s <= 'Z')
			*s += 'a' - 'A';
}

static unsigned char
at(struct parser *p, size_t i)
{
	return i < p->len ? (unsigned char)p->s[i] : 0;
}

static void
put_utf8(struct buf *b, unsigned long c)
{
	if (c == 0 || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		c = 0xfffd;	/* Go's string(rune) of an invalid rune */
	if (c < 0x80)
		buf_putc(b, (int)c);
	else if (c < 0x800) {
		buf_putc(b, (int)(0xc0 | c >> 6));
		buf_putc(b, (int)(0x80 | (c & 0x3f)));
	} else if (c < 0x10000) {
		buf_putc(b, (int)(0xe0 | c >> 12));
		buf_putc(b, (int)(0x80 | ((c >> 6) & 0x3f)));
		buf_putc(b, (int)(0x80 | (c & 0x3f)));
	} else {
		buf_putc(b, (int)(0xf0 | c >> 18));
		buf_putc(b, (int)(0x80 | ((c >> 12) & 0x3f)));
		buf_putc(b, (int)(0x80 | ((c >> 6) & 0x3f)));
		buf_putc(b, (int)(0x80 | (c & 0x3f)));
	}
}

static int
parse_escape(struct parser *p, struct buf *out)
{
	size_t start, i;
	unsigned long v = 0;
	int c;

	if (p->len < p->i + 2 || p->s[p->i] != '\\')
		return fail(p, "invalid escape sequence");
	start = p->i + 1;
	c = at(p, start);
	if (c == '\r' || c == '\n' || c == '\f')
		return fail(p, "escaped line ending outside string");
	if (hexdigit(c)) {
		for (i = start; i < start + 6 && i < p->len && hexdigit(at(p, i)); i++) {
			c = at(p, i);
			v = v * 16 + (unsigned long)(c <= '9' ? c - '0' :
			    (c | 0x20) - 'a' + 10);
		}
		if (i < p->len) {
			if (p->s[i] == '\r') {
				i++;
				if (at(p, i) == '\n')
					i++;
			} else if (strchr(" \t\n\f", p->s[i]) != NULL)
				i++;
		}
		p->i = i;
		put_utf8(out, v);
		return 0;
	}
	buf_putc(out, c);
	p->i += 2;
	return 0;
}

static char *
parse_name(struct parser *p)
{
	struct buf b = BUF_INIT;
	size_t i = p->i;

	for (;;) {
		int c = at(p, i);

		if (i < p->len && namechar(c)) {
			for (; i < p->len && namechar(at(p, i)); i++)
				buf_putc(&b, p->s[i]);
		} else if (c == '\\') {
			p->i = i;
			if (parse_escape(p, &b) == -1) {
				buf_free(&b);
				return NULL;
			}
			i = p->i;
		} else
			break;
	}
	if (b.len == 0) {
		buf_free(&b);
		fail(p, "expected name, found EOF instead");
		return NULL;
	}
	p->i = i;
	return buf_steal(&b);
}

static char *
parse_identifier(struct parser *p)
{
	size_t dashes = 0;
	char *name, *r;
	int c;

	while (at(p, p->i) == '-' && p->i < p->len) {
		p->i++;
		dashes++;
	}
	if (p->i >= p->len) {
		fail(p, "expected identifier, found EOF instead");
		return NULL;
	}
	c = at(p, p->i);
	if (!namestart(c) && c != '\\') {
		fail(p, "expected identifier, found %c instead", c);
		return NULL;
	}
	if ((name = parse_name(p)) == NULL)
		return NULL;
	if (dashes == 0)
		return name;
	r = xasprintf("%.*s%s", (int)dashes, "------------------------------"
	    "----------------------------------", name);
	free(name);
	return r;
}

static char *
parse_string(struct parser *p)
{
	struct buf b = BUF_INIT;
	size_t i = p->i;
	int quote;

	if (p->len < i + 2) {
		fail(p, "expected string, found EOF instead");
		return NULL;
	}
	quote = p->s[i++];
	while (i < p->len) {
		int c = at(p, i);

		if (c == '\\') {
			int d = at(p, i + 1);

			if (i + 1 < p->len) {
				if (d == '\r' && at(p, i + 2) == '\n' &&
				    i + 2 < p->len) {
					i += 3;
					continue;
				}
				if (d == '\r' || d == '\n' || d == '\f') {
					i += 2;
					continue;
				}
			}
			p->i = i;
			if (parse_escape(p, &b) == -1)
				goto bad;
			i = p->i;
		} else if (c == quote)
			break;
		else if (c == '\r' || c == '\n' || c == '\f') {
			fail(p, "unexpected end of line in string");
			goto bad;
		} else {
			for (; i < p->len; i++) {
				c = at(p, i);
				if (c == quote || c == '\\' || c == '\r' ||
				    c == '\n' || c == '\f')
					break;
				buf_putc(&b, c);
			}
		}
	}
	if (i >= p->len) {
		fail(p, "EOF in string");
		goto bad;
	}
	p->i = i + 1;
	if (b.data == NULL)
		return xstrdup("");
	return buf_steal(&b);
bad:
	buf_free(&b);
	return NULL;
}

/* Go's RE2 syntax, compiled by PCRE2: the two agree on what scripts
 * write in selectors. */
static pcre2_code *
parse_regex(struct parser *p)
{
	size_t i = p->i, off;
	int open = 0, ec;
	pcre2_code *re;
	char msg[128];

	if (p->len < i + 2) {
		fail(p, "expected regular expression, found EOF instead");
		return NULL;
	}
	for (; i < p->len; i++) {
		int c = at(p, i);

		if (c == '(' || c == '[')
			open++;
		else if (c == ')' || c == ']') {
			if (--open < 0)
				break;
		}
	}
	if (i >= p->len) {
		fail(p, "EOF in regular expression");
		return NULL;
	}
	re = pcre2_compile((PCRE2_SPTR)p->s + p->i, i - p->i, PCRE2_UTF, &ec,
	    &off, NULL);
	if (re == NULL) {
		pcre2_get_error_message(ec, (PCRE2_UCHAR *)msg, sizeof msg);
		fail(p, "error parsing regexp: %s", msg);
		return NULL;
	}
	p->i = i;
	return re;
}

static int
skip_ws(struct parser *p)
{
	size_t i = p->i;
	const char *end;

	while (i < p->len) {
		int c = at(p, i);

		if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f') {
			i++;
			continue;
		}
		if (c == '/' && at(p, i + 1) == '*' && i + 1 < p->len &&
		    (end = memmem(p->s + i + 2, p->len - i - 2, "*/", 2)) != NULL) {
			i = (size_t)(end - p->s) + 2;
			continue;
		}
		break;
	}
	if (i > p->i) {
		p->i = i;
		return 1;
	}
	return 0;
}

static int
open_paren(struct parser *p)
{
	if (at(p, p->i) == '(' && p->i < p->len) {
		p->i++;
		skip_ws(p);
		return 0;
	}
	return fail(p, "expected '(' but didn't find it");
}

static int
close_paren(struct parser *p)
{
	size_t i = p->i;

	skip_ws(p);
	if (at(p, p->i) == ')' && p->i < p->len) {
		p->i++;
		return 0;
	}
	p->i = i;
	return fail(p, "expected ')' but didn't find it");
}

static int
parse_attr(struct parser *p, struct sn *s)
{
	char op[3] = "";

	p->i++;	/* [ */
	skip_ws(p);
	if ((s->key = parse_identifier(p)) == NULL)
		return -1;
	lower(s->key);
	skip_ws(p);
	if (p->i >= p->len)
		return fail(p, "unexpected EOF in attribute selector");
	if (p->s[p->i] == ']') {
		p->i++;
		return 0;
	}
	if (p->i + 2 >= p->len)
		return fail(p, "unexpected EOF in attribute selector");
	if (p->s[p->i] == '=')
		op[0] = '=';
	else if (p->s[p->i + 1] != '=')
		return fail(p, "expected equality operator, found \"%.2s\" instead",
		    p->s + p->i);
	else {
		op[0] = p->s[p->i];
		op[1] = '=';
	}
	p->i += strlen(op);
	skip_ws(p);
	if (p->i >= p->len)
		return fail(p, "unexpected EOF in attribute selector");
	if (strcmp(op, "#=") == 0) {
		if ((s->re = parse_regex(p)) == NULL)
			return -1;
	} else if (p->s[p->i] == '\'' || p->s[p->i] == '"') {
		if ((s->val = parse_string(p)) == NULL)
			return -1;
	} else if ((s->val = parse_identifier(p)) == NULL)
		return -1;
	skip_ws(p);
	if (p->i >= p->len)
		return fail(p, "unexpected EOF in attribute selector");
	if (p->s[p->i] == 'i' || p->s[p->i] == 'I') {
		s->icase = 1;
		p->i++;
	}
	skip_ws(p);
	if (p->i >= p->len)
		return fail(p, "unexpected EOF in attribute selector");
	if (p->s[p->i] != ']')
		return fail(p, "expected ']', found '%c' instead", p->s[p->i]);
	p->i++;
	if (strchr("=!~|^$*#", op[0]) == NULL)
		return fail(p, "attribute operator \"%s\" is not supported", op);
	memcpy(s->op, op, sizeof op);
	return 0;
}

static int
parse_int(struct parser *p, int *v)
{
	size_t start = p->i;
	long n = 0;

	while (p->i < p->len && at(p, p->i) >= '0' && at(p, p->i) <= '9') {
		if (n < 100000000)
			n = n * 10 + (at(p, p->i) - '0');
		p->i++;
	}
	if (p->i == start)
		return fail(p, "expected integer, but didn't find it");
	*v = (int)n;
	return 0;
}

static int
parse_nth(struct parser *p, int *a, int *b)
{
	int c, neg = 0;
	char *id;

	*a = *b = 0;
	if (p->i >= p->len)
		goto eof;
	c = at(p, p->i);
	if (c == 'o' || c == 'O' || c == 'e' || c == 'E') {
		if ((id = parse_name(p)) == NULL)
			return -1;
		lower(id);
		if (strcmp(id, "odd") == 0 || strcmp(id, "even") == 0) {
			*a = 2;
			*b = id[0] == 'o';
			free(id);
			return 0;
		}
		fail(p, "expected 'odd' or 'even', but found '%s' instead", id);
		free(id);
		return -1;
	}
	if (c == '-' || c == '+') {
		neg = c == '-';
		p->i++;
		if (p->i >= p->len)
			goto eof;
		c = at(p, p->i);
	}
	if (c == 'n' || c == 'N') {
		*a = neg ? -1 : 1;
		p->i++;
		goto readn;
	}
	if (c < '0' || c > '9')
		goto invalid;
	if (parse_int(p, a) == -1)
		return -1;
	if (neg)
		*a = -*a;
	if (p->i >= p->len)
		goto eof;
	c = at(p, p->i);
	if (c != 'n' && c != 'N') {
		*b = *a;
		*a = 0;
		return 0;
	}
	p->i++;
readn:
	skip_ws(p);
	if (p->i >= p->len)
		goto eof;
	c = at(p, p->i);
	if (c == '+' || c == '-') {
		p->i++;
		skip_ws(p);
		if (parse_int(p, b) == -1)
			return -1;
		if (c == '-')
			*b = -*b;
	}
	return 0;
eof:
	return fail(p, "unexpected EOF while attempting to parse expression "
	    "of form an+b");
invalid:
	return fail(p, "unexpected character while attempting to parse "
	    "expression of form an+b");
}

static const char *const pseudo_elements[] = { "after", "backdrop", "before",
	"cue", "first-letter", "first-line", "grammar-error", "marker",
	"placeholder", "selection", "spelling-error", NULL };

static int
is_pseudo_element(const char *name)
{
	const char *const *pe;

	for (pe = pseudo_elements; *pe != NULL; pe++)
		if (strcmp(*pe, name) == 0)
			return 1;
	return 0;
}

/* A pseudo-class into *out; a pseudo-element is an error, since goquery
 * does not accept them. */
static int
parse_pseudo(struct parser *p, struct sn **out)
{
	static const struct { const char *name; enum kind k; int a, b, last, oftype; } simple[] = {
		{ "first-child", K_NTH, 0, 1, 0, 0 },
		{ "last-child", K_NTH, 0, 1, 1, 0 },
		{ "first-of-type", K_NTH, 0, 1, 0, 1 },
		{ "last-of-type", K_NTH, 0, 1, 1, 1 },
		{ "only-child", K_ONLY, 0, 0, 0, 0 },
		{ "only-of-type", K_ONLY, 0, 0, 0, 1 },
		{ "input", K_INPUT, 0, 0, 0, 0 },
		{ "empty", K_EMPTY, 0, 0, 0, 0 },
		{ "root", K_ROOT, 0, 0, 0, 0 },
		{ "link", K_LINK, 0, 0, 0, 0 },
		{ "enabled", K_ENABLED, 0, 0, 0, 0 },
		{ "disabled", K_DISABLED, 0, 0, 0, 0 },
		{ "checked", K_CHECKED, 0, 0, 0, 0 },
		{ "visited", K_NEVER, 0, 0, 0, 0 },
		{ "hover", K_NEVER, 0, 0, 0, 0 },
		{ "active", K_NEVER, 0, 0, 0, 0 },
		{ "focus", K_NEVER, 0, 0, 0, 0 },
		{ "target", K_NEVER, 0, 0, 0, 0 },
	};
	struct sn *s = NULL;
	char *name;
	size_t i;
	int element = 0, rc = -1;

	p->i++;	/* : */
	if (p->i >= p->len)
		return fail(p, "got empty pseudoclass (or pseudoelement)");
	if (p->s[p->i] == ':') {
		element = 1;
		p->i++;
	}
	if ((name = parse_identifier(p)) == NULL)
		return -1;
	lower(name);
	if (is_pseudo_element(name)) {
		fail(p, "pseudo-element %s found, but pseudo-elements support "
		    "is disabled", name);
		goto out;
	}
	if (element) {
		fail(p, "unknown pseudoelement :%s", name);
		goto out;
	}
	if (strcmp(name, "not") == 0 || strcmp(name, "has") == 0 ||
	    strcmp(name, "haschild") == 0) {
		s = sn_new(name[0] == 'n' ? K_NOT : name[3] == '\0' ? K_HAS :
		    K_HASCHILD);
		if (open_paren(p) == -1 || (s->group = parse_group(p)) == NULL ||
		    close_paren(p) == -1)
			goto out;
	} else if (strcmp(name, "contains") == 0 ||
	    strcmp(name, "containsown") == 0) {
		s = sn_new(K_CONTAINS);
		s->own = name[8] != '\0';
		if (open_paren(p) == -1)
			goto out;
		if (p->i == p->len) {
			fail(p, "unmatched '('");
			goto out;
		}
		if (p->s[p->i] == '\'' || p->s[p->i] == '"')
			s->val = parse_string(p);
		else
			s->val = parse_identifier(p);
		if (s->val == NULL)
			goto out;
		lower(s->val);
		skip_ws(p);
		if (p->i >= p->len) {
			fail(p, "unexpected EOF in pseudo selector");
			goto out;
		}
		if (close_paren(p) == -1)
			goto out;
	} else if (strcmp(name, "matches") == 0 ||
	    strcmp(name, "matchesown") == 0) {
		s = sn_new(K_MATCHES);
		s->own = name[7] != '\0';
		if (open_paren(p) == -1 || (s->re = parse_regex(p)) == NULL)
			goto out;
		if (p->i >= p->len) {
			fail(p, "unexpected EOF in pseudo selector");
			goto out;
		}
		if (close_paren(p) == -1)
			goto out;
	} else if (strncmp(name, "nth-", 4) == 0 &&
	    (strcmp(name + 4, "child") == 0 || strcmp(name + 4, "last-child") == 0 ||
	    strcmp(name + 4, "of-type") == 0 ||
	    strcmp(name + 4, "last-of-type") == 0)) {
		s = sn_new(K_NTH);
		s->last = strstr(name, "last") != NULL;
		s->oftype = strstr(name, "type") != NULL;
		if (open_paren(p) == -1 || parse_nth(p, &s->a, &s->b) == -1 ||
		    close_paren(p) == -1)
			goto out;
	} else if (strcmp(name, "lang") == 0) {
		s = sn_new(K_LANG);
		if (open_paren(p) == -1)
			goto out;
		if (p->i == p->len) {
			fail(p, "unmatched '('");
			goto out;
		}
		if ((s->val = parse_identifier(p)) == NULL)
			goto out;
		lower(s->val);
		skip_ws(p);
		if (p->i >= p->len) {
			fail(p, "unexpected EOF in pseudo selector");
			goto out;
		}
		if (close_paren(p) == -1)
			goto out;
	} else {
		for (i = 0; i < sizeof simple / sizeof simple[0]; i++)
			if (strcmp(simple[i].name, name) == 0)
				break;
		if (i == sizeof simple / sizeof simple[0]) {
			fail(p, "unknown pseudoclass or pseudoelement :%s", name);
			goto out;
		}
		s = sn_new(simple[i].k);
		s->a = simple[i].a;
		s->b = simple[i].b;
		s->last = simple[i].last;
		s->oftype = simple[i].oftype;
	}
	*out = s;
	s = NULL;
	rc = 0;
out:
	sn_free(s);
	free(name);
	return rc;
}

static struct sn *
parse_sequence(struct parser *p)
{
	struct sn *c = sn_new(K_COMPOUND), *s, *r;
	int ch;

	if (p->i >= p->len) {
		fail(p, "expected selector, found EOF instead");
		goto bad;
	}
	ch = p->s[p->i];
	if (ch == '*') {
		p->i++;
		if (p->i + 2 < p->len && strncmp(p->s + p->i, "|*", 2) == 0)
			p->i += 2;
	} else if (ch != '#' && ch != '.' && ch != '[' && ch != ':') {
		s = sn_new(K_TAG);
		if ((s->key = parse_identifier(p)) == NULL) {
			sn_free(s);
			goto bad;
		}
		lower(s->key);
		c->list = xreallocarray(c->list, c->n + 1, sizeof *c->list);
		c->list[c->n++] = s;
	}
	while (p->i < p->len) {
		ch = p->s[p->i];
		s = NULL;
		if (ch == '#') {
			p->i++;
			s = sn_new(K_ID);
			s->val = parse_name(p);
			if (s->val == NULL)
				goto badsn;
		} else if (ch == '.') {
			p->i++;
			s = sn_new(K_CLASS);
			if ((s->val = parse_identifier(p)) == NULL)
				goto badsn;
		} else if (ch == '[') {
			s = sn_new(K_ATTR);
			if (parse_attr(p, s) == -1)
				goto badsn;
		} else if (ch == ':') {
			if (parse_pseudo(p, &s) == -1)
				goto bad;
		} else
			break;
		c->list = xreallocarray(c->list, c->n + 1, sizeof *c->list);
		c->list[c->n++] = s;
	}
	if (c->n == 1) {
		r = c->list[0];
		c->n = 0;
		sn_free(c);
		return r;
	}
	return c;
badsn:
	sn_free(s);
bad:
	sn_free(c);
	return NULL;
}

static struct sn *
parse_selector(struct parser *p)
{
	struct sn *r, *c, *comb;
	int combinator;

	skip_ws(p);
	if ((r = parse_sequence(p)) == NULL)
		return NULL;
	for (;;) {
		combinator = skip_ws(p) ? ' ' : 0;
		if (p->i >= p->len)
			return r;
		switch (p->s[p->i]) {
		case '+': case '>': case '~':
			combinator = p->s[p->i++];
			skip_ws(p);
			break;
		case ',': case ')':
			return r;
		}
		if (combinator == 0)
			return r;
		if ((c = parse_sequence(p)) == NULL) {
			sn_free(r);
			return NULL;
		}
		comb = sn_new(K_COMBINED);
		comb->first = r;
		comb->second = c;
		comb->comb = combinator;
		r = comb;
	}
}

static struct html_sel *
parse_group(struct parser *p)
{
	struct html_sel *g = xcalloc(1, sizeof *g);
	struct sn *s;

	for (;;) {
		if ((s = parse_selector(p)) == NULL) {
			html_sel_free(g);
			return NULL;
		}
		g->sels = xreallocarray(g->sels, g->n + 1, sizeof *g->sels);
		g->sels[g->n++] = s;
		if (p->i >= p->len || p->s[p->i] != ',')
			return g;
		p->i++;
	}
}

struct html_sel *
html_sel_compile(const char *src, char **cause)
{
	struct parser p = { src, strlen(src), 0, NULL };
	struct html_sel *g;

	if ((g = parse_group(&p)) != NULL && p.i < p.len) {
		fail(&p, "parsing \"%s\": %zu bytes left over", src, p.len - p.i);
		html_sel_free(g);
		g = NULL;
	}
	if (g == NULL)
		*cause = p.err != NULL ? p.err : xstrdup("invalid selector");
	else
		free(p.err);
	return g;
}

/* Matching, as cascadia's Match methods. */

#define N(i)	(&d->nodes[i])

static int sn_match(const struct sn *, const struct html_doc *, int);

static int
eq(const char *a, const char *b, int icase)
{
	return icase ? strcasecmp(a, b) == 0 : strcmp(a, b) == 0;
}

static int
blank(const char *s)
{
	for (; *s != '\0'; s++)
		if (strchr(" \t\r\n\f\v", *s) == NULL)
			return 0;
	return 1;
}

static int
include(const char *val, const char *s, int icase)
{
	const char *e;
	char *w;
	int r;

	while (*s != '\0') {
		e = s + strcspn(s, " \t\r\n\f");
		w = xstrndup(s, (size_t)(e - s));
		r = eq(w, val, icase);
		free(w);
		if (r)
			return 1;
		if (*e == '\0')
			break;
		s = e + 1;
	}
	return 0;
}

static int
affix(const char *s, const char *val, int icase, int where)
{
	size_t ls = strlen(s), lv = strlen(val), i;

	if (blank(s))
		return 0;
	if (where == '^')
		return ls >= lv && (icase ? strncasecmp(s, val, lv) :
		    strncmp(s, val, lv)) == 0;
	if (where == '$')
		return ls >= lv && (icase ? strcasecmp(s + ls - lv, val) :
		    strcmp(s + ls - lv, val)) == 0;
	for (i = 0; i + lv <= ls; i++)
		if ((icase ? strncasecmp(s + i, val, lv) :
		    strncmp(s + i, val, lv)) == 0)
			return 1;
	return 0;
}

static int
re_match(const pcre2_code *re, const char *s)
{
	pcre2_match_data *md = pcre2_match_data_create_from_pattern(re, NULL);
	int r;

	r = pcre2_match(re, (PCRE2_SPTR)s, strlen(s), 0, 0, md, NULL);
	pcre2_match_data_free(md);
	return r >= 0;
}

static int
attr_value_match(const struct sn *s, const char *v)
{
	size_t lv;

	switch (s->op[0]) {
	case '\0':
		return 1;
	case '=':
		return eq(v, s->val, s->icase);
	case '~':
		return include(s->val, v, s->icase);
	case '|':
		lv = strlen(s->val);
		if (eq(v, s->val, s->icase))
			return 1;
		return strlen(v) > lv && (s->icase ? strncasecmp(v, s->val, lv) :
		    strncmp(v, s->val, lv)) == 0 && v[lv] == '-';
	case '^': case '$': case '*':
		return affix(v, s->val, s->icase, s->op[0]);
	case '#':
		return re_match(s->re, v);
	}
	return 0;
}

static int
attr_match(const struct sn *s, const struct html_doc *d, int i)
{
	const struct html_node *n = N(i);
	size_t j;

	if (n->type != HTML_ELEMENT)
		return 0;
	if (s->op[0] == '!') {
		for (j = 0; j < n->nattrs; j++)
			if (strcmp(n->attrs[j].name, s->key) == 0 &&
			    eq(n->attrs[j].value, s->val, s->icase))
				return 0;
		return 1;
	}
	for (j = 0; j < n->nattrs; j++)
		if (strcmp(n->attrs[j].name, s->key) == 0 &&
		    attr_value_match(s, n->attrs[j].value))
			return 1;
	return 0;
}

static int
has_attr(const struct html_doc *d, int i, const char *name)
{
	return html_attr(d, i, name) != NULL;
}

static int
group_match(const struct html_sel *g, const struct html_doc *d, int i)
{
	size_t k;

	for (k = 0; k < g->n; k++)
		if (sn_match(g->sels[k], d, i))
			return 1;
	return 0;
}

static int
has_descendant(const struct html_sel *g, const struct html_doc *d, int i)
{
	int c;

	for (c = N(i)->first; c >= 0; c = N(c)->next)
		if (group_match(g, d, c) ||
		    (N(c)->type == HTML_ELEMENT && has_descendant(g, d, c)))
			return 1;
	return 0;
}

/* cascadia's nodeText: text under elements only (not comments). */
static void
node_text(const struct html_doc *d, int i, int own, struct buf *b)
{
	int c;

	if (N(i)->type == HTML_TEXT) {
		buf_puts(b, N(i)->data);
		return;
	}
	if (N(i)->type != HTML_ELEMENT)
		return;
	for (c = N(i)->first; c >= 0; c = N(c)->next)
		if (!own)
			node_text(d, c, 0, b);
		else if (N(c)->type == HTML_TEXT)
			buf_puts(b, N(c)->data);
}

static int
text_match(const struct sn *s, const struct html_doc *d, int i)
{
	struct buf b = BUF_INIT;
	int r;

	node_text(d, i, s->own, &b);
	buf_putc(&b, '\0');
	if (s->kind == K_MATCHES)
		r = re_match(s->re, b.data);
	else {
		lower(b.data);
		r = strstr(b.data, s->val) != NULL;
	}
	buf_free(&b);
	return r;
}

static int
same_type(const struct html_doc *d, int a, int b)
{
	return strcmp(N(a)->name, N(b)->name) == 0;
}

static int
nth_match(const struct sn *s, const struct html_doc *d, int i)
{
	int c, idx = -1, count = 0, p;

	if (N(i)->type != HTML_ELEMENT || (p = N(i)->parent) < 0)
		return 0;
	for (c = N(p)->first; c >= 0; c = N(c)->next) {
		if (N(c)->type != HTML_ELEMENT || (s->oftype && !same_type(d, c, i)))
			continue;
		count++;
		if (c == i) {
			idx = count;
			if (!s->last)
				break;
		}
	}
	if (idx == -1)
		return 0;
	if (s->last)
		idx = count - idx + 1;
	idx -= s->b;
	if (s->a == 0)
		return idx == 0;
	return idx % s->a == 0 && idx / s->a >= 0;
}

static int
only_match(const struct sn *s, const struct html_doc *d, int i)
{
	int c, count = 0, p;

	if (N(i)->type != HTML_ELEMENT || (p = N(i)->parent) < 0)
		return 0;
	for (c = N(p)->first; c >= 0; c = N(c)->next) {
		if (N(c)->type != HTML_ELEMENT || (s->oftype && !same_type(d, c, i)))
			continue;
		if (++count > 1)
			return 0;
	}
	return count == 1;
}

static int
is_tag(const struct html_doc *d, int i, const char *const *names)
{
	if (N(i)->type != HTML_ELEMENT || N(i)->ns[0] != '\0')
		return 0;
	for (; *names != NULL; names++)
		if (strcmp(N(i)->name, *names) == 0)
			return 1;
	return 0;
}

static const char *const links[] = { "a", "area", "link", NULL };
static const char *const groups[] = { "optgroup", "menuitem", "fieldset", NULL };
static const char *const fields[] = { "button", "input", "select", "textarea",
	"option", NULL };

static int
in_disabled_fieldset(const struct html_doc *d, int i)
{
	static const char *const fieldset[] = { "fieldset", NULL };
	static const char *const legend[] = { "legend", NULL };
	int p = N(i)->parent, s;

	if (p < 0)
		return 0;
	if (is_tag(d, p, fieldset) && has_attr(d, p, "disabled")) {
		if (!is_tag(d, i, legend))
			return 1;
		for (s = N(i)->prev; s >= 0; s = N(s)->prev)
			if (is_tag(d, s, legend))
				return 1;
	}
	return in_disabled_fieldset(d, p);
}

static int
sn_match(const struct sn *s, const struct html_doc *d, int i)
{
	static const char *const inputs[] = { "input", "select", "textarea",
	    "button", NULL };
	static const char *const checkables[] = { "input", "menuitem", NULL };
	static const char *const option[] = { "option", NULL };
	const struct html_node *n = N(i);
	const char *v;
	size_t k;
	int p, c;

	switch (s->kind) {
	case K_TAG:
		return n->type == HTML_ELEMENT && strcmp(n->name, s->key) == 0;
	case K_ID:
		return (v = html_attr(d, i, "id")) != NULL && strcmp(v, s->val) == 0;
	case K_CLASS:
		return (v = html_attr(d, i, "class")) != NULL &&
		    include(s->val, v, 0);
	case K_ATTR:
		return attr_match(s, d, i);
	case K_NOT:
		return n->type == HTML_ELEMENT && !group_match(s->group, d, i);
	case K_HAS:
		return n->type == HTML_ELEMENT && has_descendant(s->group, d, i);
	case K_HASCHILD:
		if (n->type != HTML_ELEMENT)
			return 0;
		for (c = n->first; c >= 0; c = N(c)->next)
			if (group_match(s->group, d, c))
				return 1;
		return 0;
	case K_CONTAINS:
	case K_MATCHES:
		return text_match(s, d, i);
	case K_NTH:
		return nth_match(s, d, i);
	case K_ONLY:
		return only_match(s, d, i);
	case K_INPUT:
		return n->type == HTML_ELEMENT && is_tag(d, i, inputs);
	case K_EMPTY:
		if (n->type != HTML_ELEMENT)
			return 0;
		for (c = n->first; c >= 0; c = N(c)->next)
			if (N(c)->type == HTML_ELEMENT ||
			    (N(c)->type == HTML_TEXT && !blank(N(c)->data)))
				return 0;
		return 1;
	case K_ROOT:
		return n->type == HTML_ELEMENT && n->parent >= 0 &&
		    N(n->parent)->type == HTML_DOCUMENT;
	case K_LINK:
		return is_tag(d, i, links) && has_attr(d, i, "href");
	case K_LANG:
		for (; i >= 0; i = N(i)->parent) {
			size_t l = strlen(s->val);

			v = html_attr(d, i, "lang");
			if (v != NULL && (strcmp(v, s->val) == 0 ||
			    (strncmp(v, s->val, l) == 0 && v[l] == '-')))
				return 1;
		}
		return 0;
	case K_ENABLED:
		if (is_tag(d, i, links))
			return has_attr(d, i, "href");
		if (is_tag(d, i, groups))
			return !has_attr(d, i, "disabled");
		if (is_tag(d, i, fields))
			return !has_attr(d, i, "disabled") &&
			    !in_disabled_fieldset(d, i);
		return 0;
	case K_DISABLED:
		if (is_tag(d, i, groups))
			return has_attr(d, i, "disabled");
		if (is_tag(d, i, fields))
			return has_attr(d, i, "disabled") ||
			    in_disabled_fieldset(d, i);
		return 0;
	case K_CHECKED:
		if (is_tag(d, i, checkables))
			return has_attr(d, i, "checked") &&
			    (v = html_attr(d, i, "type")) != NULL &&
			    (strcasecmp(v, "checkbox") == 0 ||
			    strcasecmp(v, "radio") == 0);
		if (is_tag(d, i, option))
			return has_attr(d, i, "selected");
		return 0;
	case K_NEVER:
		return 0;
	case K_COMPOUND:
		if (s->n == 0)
			return n->type == HTML_ELEMENT;
		for (k = 0; k < s->n; k++)
			if (!sn_match(s->list[k], d, i))
				return 0;
		return 1;
	case K_COMBINED:
		if (!sn_match(s->second, d, i))
			return 0;
		switch (s->comb) {
		case ' ':
			for (p = n->parent; p >= 0; p = N(p)->parent)
				if (sn_match(s->first, d, p))
					return 1;
			return 0;
		case '>':
			return n->parent >= 0 && sn_match(s->first, d, n->parent);
		case '+':
			for (p = n->prev; p >= 0; p = N(p)->prev) {
				if (N(p)->type == HTML_TEXT ||
				    N(p)->type == HTML_COMMENT)
					continue;
				return sn_match(s->first, d, p);
			}
			return 0;
		default:
			for (p = n->prev; p >= 0; p = N(p)->prev)
				if (sn_match(s->first, d, p))
					return 1;
			return 0;
		}
	}
	return 0;
}

int
html_sel_match(const struct html_sel *g, const struct html_doc *d, int i)
{
	return group_match(g, d, i);
}
