/* The ES2022 tokenizer; see lexer.h. */
#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "compile/ast.h"
#include "compile/lexer.h"
#include "util/buf.h"
#include "util/hex.h"
#include "util/xmalloc.h"

static const char *const punct_names[] = {
	"==", "===", "!=", "!==", "<=", ">=", "<<", ">>", ">>>",
	"++", "--", "&&", "||", "??", "?.", "=>", "...", "**",
	"+=", "-=", "*=", "/=", "%=", "**=", "<<=", ">>=", ">>>=", "&=",
	"|=", "^=", "&&=", "||=", "?\?="
};

const char *
lexer_token_name(int t)
{
	static char one[2];

	switch (t) {
	case T_EOF:
		return "end of input";
	case T_NAME:
		return "identifier";
	case T_PRIVATE:
		return "private name";
	case T_NUM:
		return "number";
	case T_STR:
		return "string";
	case T_TEMPLATE:
		return "template";
	case T_REGEX:
		return "regular expression";
	}
	if (t >= T_EQ && t < T_MAX)
		return punct_names[t - T_EQ];
	one[0] = (char)t;
	one[1] = '\0';
	return one;
}

void
lexer_fail(struct lexer *lx, unsigned pos, int line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	free(lx->err);
	lx->err = xvasprintf(fmt, ap);
	va_end(ap);
	lx->errpos = pos;
	lx->errline = line;
	longjmp(*lx->jmp, 1);
}

void
lexer_init(struct lexer *lx, const char *src, size_t len, struct arena *a,
    jmp_buf *jmp)
{
	memset(lx, 0, sizeof *lx);
	lx->src = src;
	lx->len = len;
	lx->line = 1;
	lx->arena = a;
	lx->jmp = jmp;
	lx->sb = xcalloc(1, sizeof *lx->sb);
	lx->rb = xcalloc(1, sizeof *lx->rb);
	/* A hashbang line is a comment. */
	if (len >= 2 && src[0] == '#' && src[1] == '!')
		while (lx->pos < len && src[lx->pos] != '\n' && src[lx->pos] != '\r')
			lx->pos++;
}

void
lexer_free(struct lexer *lx)
{
	if (lx->sb != NULL) {
		buf_free(lx->sb);
		free(lx->sb);
	}
	if (lx->rb != NULL) {
		buf_free(lx->rb);
		free(lx->rb);
	}
	lx->sb = lx->rb = NULL;
}

static int
peekc(struct lexer *lx, size_t off)
{
	size_t p = lx->pos + off;

	return p < lx->len ? (unsigned char)lx->src[p] : -1;
}

/* Length of a line terminator at p, or 0. */
static int
lt_len(const char *s, size_t len, size_t p)
{
	if (p >= len)
		return 0;
	if (s[p] == '\n')
		return 1;
	if (s[p] == '\r')
		return (p + 1 < len && s[p + 1] == '\n') ? 2 : 1;
	if ((unsigned char)s[p] == 0xe2 && p + 2 < len &&
	    (unsigned char)s[p + 1] == 0x80 &&
	    ((unsigned char)s[p + 2] == 0xa8 || (unsigned char)s[p + 2] == 0xa9))
		return 3;
	return 0;
}

/* Length of a non-ASCII white space character at p, or 0. */
static int
uspace_len(const char *s, size_t len, size_t p)
{
	const unsigned char *u = (const unsigned char *)s + p;
	size_t left = len - p;

	if (left >= 2 && u[0] == 0xc2 && u[1] == 0xa0)
		return 2;
	if (left < 3)
		return 0;
	if (u[0] == 0xef && u[1] == 0xbb && u[2] == 0xbf)
		return 3;
	if (u[0] == 0xe1 && u[1] == 0x9a && u[2] == 0x80)
		return 3;
	if (u[0] == 0xe2 && u[1] == 0x80 && (u[2] <= 0x8a || u[2] == 0xaf))
		return 3;
	if (u[0] == 0xe2 && u[1] == 0x81 && u[2] == 0x9f)
		return 3;
	if (u[0] == 0xe3 && u[1] == 0x80 && u[2] == 0x80)
		return 3;
	return 0;
}

/* Decode one UTF-8 sequence at p; returns its length (1 on bad bytes). */
static int
utf8_decode(const char *s, size_t len, size_t p, unsigned *cp)
{
	const unsigned char *u = (const unsigned char *)s + p;
	size_t left = len - p;

	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	}
	if ((u[0] & 0xe0) == 0xc0 && left >= 2) {
		*cp = ((u[0] & 0x1f) << 6) | (u[1] & 0x3f);
		return 2;
	}
	if ((u[0] & 0xf0) == 0xe0 && left >= 3) {
		*cp = ((u[0] & 0x0f) << 12) | ((u[1] & 0x3f) << 6) | (u[2] & 0x3f);
		return 3;
	}
	if ((u[0] & 0xf8) == 0xf0 && left >= 4) {
		*cp = ((u[0] & 0x07) << 18) | ((u[1] & 0x3f) << 12) |
		    ((u[2] & 0x3f) << 6) | (u[3] & 0x3f);
		return 4;
	}
	*cp = u[0];
	return 1;
}

static void
utf8_put(struct buf *b, unsigned cp)
{
	char c[4];

	if (cp < 0x80) {
		buf_putc(b, (int)cp);
	} else if (cp < 0x800) {
		c[0] = (char)(0xc0 | (cp >> 6));
		c[1] = (char)(0x80 | (cp & 0x3f));
		buf_add(b, c, 2);
	} else if (cp < 0x10000) {
		c[0] = (char)(0xe0 | (cp >> 12));
		c[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		c[2] = (char)(0x80 | (cp & 0x3f));
		buf_add(b, c, 3);
	} else {
		c[0] = (char)(0xf0 | (cp >> 18));
		c[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
		c[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
		c[3] = (char)(0x80 | (cp & 0x3f));
		buf_add(b, c, 4);
	}
}

int
lexer_column(const char *src, size_t len, size_t pos)
{
	size_t start = pos, p;
	int col = 1;
	unsigned cp;

	while (start > 0) {
		unsigned char c = (unsigned char)src[start - 1];

		if (c == '\n' || c == '\r')
			break;
		if (start >= 3 && c >= 0xa8 && c <= 0xa9 &&
		    (unsigned char)src[start - 2] == 0x80 &&
		    (unsigned char)src[start - 3] == 0xe2)
			break;
		start--;
	}
	for (p = start; p < pos && p < len; col++)
		p += utf8_decode(src, len, p, &cp);
	return col;
}

/* Byte offset where line (1-based) starts, or len when past the end. */
static size_t
line_start(const char *src, size_t len, int line)
{
	size_t p = 0;
	int l = 1, n;

	while (l < line && p < len) {
		if ((n = lt_len(src, len, p)) != 0) {
			p += n;
			l++;
		} else
			p++;
	}
	return l == line ? p : len + 1;
}

static void
frame_line(struct buf *b, const char *src, size_t len, int line, int width,
    int mark)
{
	size_t s = line_start(src, len, line), e;

	if (s > len)
		return;
	for (e = s; e < len && lt_len(src, len, e) == 0; e++)
		;
	buf_printf(b, "\n%s%*d |", mark ? "> " : "  ", width, line);
	if (e > s) {
		buf_putc(b, ' ');
		buf_add(b, src + s, e - s);
	}
}

char *
lexer_frame(const char *name, const char *src, size_t len, int line,
    size_t pos, const char *msg)
{
	struct buf b = BUF_INIT;
	int col = lexer_column(src, len, pos), width;
	char num[16];
	size_t s, p;
	unsigned cp;

	buf_printf(&b, "SyntaxError: %s:%d:%d: %s", name, line, col, msg);
	width = snprintf(num, sizeof num, "%d", line + 1);
	if (line > 1)
		frame_line(&b, src, len, line - 1, width, 0);
	frame_line(&b, src, len, line, width, 1);
	buf_printf(&b, "\n  %*s | ", width, "");
	/* Keep tabs so the caret lines up with the line above. */
	s = line_start(src, len, line);
	for (p = s; p < pos && p < len;) {
		buf_putc(&b, src[p] == '\t' ? '\t' : ' ');
		p += utf8_decode(src, len, p, &cp);
	}
	buf_putc(&b, '^');
	frame_line(&b, src, len, line + 1, width, 0);
	return buf_steal(&b);
}

static int
is_id_start(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '$' ||
	    c == '_' || c >= 0x80 || c == '\\';
}

static int
is_id_part(int c)
{
	return is_id_start(c) || (c >= '0' && c <= '9');
}

/* Whether code point cp (not ASCII) may start, or with part continue, an
 * identifier: Unicode's ID_Start and ID_Continue, as JavaScript takes
 * them (utf8proc's categories, and the few the categories leave out). */
static int
uid_ok(unsigned cp, int part)
{
	if (cp == 0x1885 || cp == 0x1886 || cp == 0x2118 || cp == 0x212e ||
	    cp == 0x309b || cp == 0x309c)
		return 1;
	if (part && (cp == 0x200c || cp == 0x200d || cp == 0xb7 ||
	    cp == 0x387 || (cp >= 0x1369 && cp <= 0x1371) || cp == 0x19da))
		return 1;
	switch (utf8proc_category((utf8proc_int32_t)cp)) {
	case UTF8PROC_CATEGORY_LU:
	case UTF8PROC_CATEGORY_LL:
	case UTF8PROC_CATEGORY_LT:
	case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO:
	case UTF8PROC_CATEGORY_NL:
		return 1;
	case UTF8PROC_CATEGORY_MN:
	case UTF8PROC_CATEGORY_MC:
	case UTF8PROC_CATEGORY_ND:
	case UTF8PROC_CATEGORY_PC:
		return part;
	default:
		return 0;
	}
}

/* Length of the identifier character (not ASCII) at p, or 0 for bytes
 * that are not one: bad UTF-8, spaces, symbols. */
static int
uid_len(const char *s, size_t len, size_t p, int part)
{
	unsigned cp;
	int n = utf8_decode(s, len, p, &cp), i;

	if (n < 2)
		return 0;
	for (i = 1; i < n; i++)
		if (((unsigned char)s[p + i] & 0xc0) != 0x80)
			return 0;
	return uid_ok(cp, part) ? n : 0;
}

/* Whether an identifier character starts at lx->pos: one not ASCII that
 * is a line terminator or a space ends a token as the ASCII ones do. */
static int
id_part_at(const struct lexer *lx)
{
	unsigned char c;

	if (lx->pos >= lx->len)
		return 0;
	c = (unsigned char)lx->src[lx->pos];
	return c < 0x80 ? is_id_part(c) : uid_len(lx->src, lx->len, lx->pos, 1);
}

/* Scan \uXXXX or \u{...} after the backslash-u; returns the code point or
 * -1 when malformed.  lx->pos ends past the escape. */
static long
scan_uescape(struct lexer *lx)
{
	long v = 0;
	int d, i;

	if (peekc(lx, 0) == '{') {
		lx->pos++;
		for (i = 0; (d = hex_value(peekc(lx, 0))) >= 0; i++) {
			v = v * 16 + d;
			if (v > 0x10ffff)
				return -1;
			lx->pos++;
		}
		if (i == 0 || peekc(lx, 0) != '}')
			return -1;
		lx->pos++;
		return v;
	}
	for (i = 0; i < 4; i++) {
		if ((d = hex_value(peekc(lx, 0))) < 0)
			return -1;
		v = v * 16 + d;
		lx->pos++;
	}
	return v;
}

static void
skip_space(struct lexer *lx)
{
	int n;

	lx->tok.nlb = 0;
	while (lx->pos < lx->len) {
		int c = (unsigned char)lx->src[lx->pos];

		if (c == ' ' || c == '\t' || c == '\v' || c == '\f') {
			lx->pos++;
		} else if ((n = lt_len(lx->src, lx->len, lx->pos)) != 0) {
			lx->pos += n;
			lx->line++;
			lx->tok.nlb = 1;
		} else if (c >= 0x80 &&
		    (n = uspace_len(lx->src, lx->len, lx->pos)) != 0) {
			lx->pos += n;
		} else if (c == '/' && peekc(lx, 1) == '/') {
			while (lx->pos < lx->len &&
			    lt_len(lx->src, lx->len, lx->pos) == 0)
				lx->pos++;
		} else if (c == '/' && peekc(lx, 1) == '*') {
			unsigned start = (unsigned)lx->pos;
			int sline = lx->line;

			lx->pos += 2;
			for (;;) {
				if (lx->pos >= lx->len)
					lexer_fail(lx, start, sline,
					    "Unterminated comment");
				if (lx->src[lx->pos] == '*' && peekc(lx, 1) == '/') {
					lx->pos += 2;
					break;
				}
				if ((n = lt_len(lx->src, lx->len, lx->pos)) != 0) {
					lx->pos += n;
					lx->line++;
					lx->tok.nlb = 1;
				} else
					lx->pos++;
			}
		} else
			break;
	}
}

static void
scan_name(struct lexer *lx, struct token *t)
{
	size_t start = lx->pos;
	int escaped = 0;
	struct buf *bp = lx->sb;
#define b (*bp)

	buf_reset(bp);
	while (lx->pos < lx->len) {
		int c = (unsigned char)lx->src[lx->pos];

		if (c == '\\') {
			long cp;
			int first;

			if (peekc(lx, 1) != 'u')
				lexer_fail(lx, (unsigned)lx->pos, lx->line,
				    "Invalid escape in identifier");
			if (!escaped) {
				buf_add(&b, lx->src + start, lx->pos - start);
				escaped = 1;
			}
			first = lx->pos == start;
			lx->pos += 2;
			cp = scan_uescape(lx);
			/* The escape must stand for an identifier character. */
			if (cp < 0 || (cp < 0x80 && (first ?
			    !is_id_start((int)cp) : !is_id_part((int)cp))) ||
			    (cp >= 0x80 && !uid_ok((unsigned)cp, !first)) ||
			    cp == '\\' || cp == 0x2028 || cp == 0x2029 ||
			    cp == 0xfeff || cp == 0xa0 || (cp >= 0xd800 && cp <= 0xdfff))
				lexer_fail(lx, (unsigned)lx->pos, lx->line,
				    "Invalid Unicode escape sequence");
			utf8_put(&b, (unsigned)cp);
			continue;
		}
		if (c >= 0x80) {
			int n = uid_len(lx->src, lx->len, lx->pos,
			    lx->pos != start);

			if (n == 0)
				break;
			if (escaped)
				buf_add(&b, lx->src + lx->pos, (size_t)n);
			lx->pos += (size_t)n;
			continue;
		}
		if (!is_id_part(c))
			break;
		if (escaped)
			buf_putc(&b, c);
		lx->pos++;
	}
	t->type = T_NAME;
	if (escaped) {
		t->flags |= TF_ESCAPED;
		t->s = arena_strndup(lx->arena, b.data, b.len);
		t->n = b.len;
	} else {
		t->s = lx->src + start;
		t->n = lx->pos - start;
	}
#undef b
}

/* Digits of a radix with _ separators; returns the value. */
static double
scan_digits(struct lexer *lx, int radix, int *count)
{
	double v = 0;
	int d, n = 0, prev_us = 0;

	for (;;) {
		int c = peekc(lx, 0);

		if (c == '_') {
			if (n == 0 || prev_us)
				lexer_fail(lx, (unsigned)lx->pos, lx->line,
				    "Numeric separators are not allowed here");
			prev_us = 1;
			lx->pos++;
			continue;
		}
		d = hex_value(c);
		if (d < 0 || d >= radix)
			break;
		v = v * radix + d;
		n++;
		prev_us = 0;
		lx->pos++;
	}
	if (prev_us)
		lexer_fail(lx, (unsigned)lx->pos - 1, lx->line,
		    "Numeric separators are not allowed at the end of numeric literals");
	*count = n;
	return v;
}

static void
scan_number(struct lexer *lx, struct token *t)
{
	size_t start = lx->pos;
	int c = peekc(lx, 0), c1 = peekc(lx, 1), n;
	struct buf *bp = lx->sb;
	size_t p;
#define b (*bp)

	buf_reset(bp);
	t->type = T_NUM;
	if (c == '0' && (c1 == 'x' || c1 == 'X' || c1 == 'o' || c1 == 'O' ||
	    c1 == 'b' || c1 == 'B')) {
		int radix = (c1 == 'x' || c1 == 'X') ? 16 :
		    (c1 == 'o' || c1 == 'O') ? 8 : 2;

		lx->pos += 2;
		t->num = scan_digits(lx, radix, &n);
		if (n == 0)
			lexer_fail(lx, (unsigned)start, lx->line,
			    "Invalid or unexpected token");
		goto suffix;
	}
	if (c == '0' && c1 >= '0' && c1 <= '9') {
		/* Legacy octal, or decimal with a leading zero. */
		int octal = 1;

		t->flags |= TF_OCTAL;
		for (p = lx->pos + 1; p < lx->len && lx->src[p] >= '0' &&
		    lx->src[p] <= '9'; p++)
			if (lx->src[p] >= '8')
				octal = 0;
		if (octal) {
			lx->pos++;
			t->num = scan_digits(lx, 8, &n);
			goto suffix;
		}
	}
	/* Decimal: copy without separators and let strtod round. */
	if (c != '.') {
		scan_digits(lx, 10, &n);
	}
	if (peekc(lx, 0) == '.') {
		lx->pos++;
		if (peekc(lx, 0) == '_')
			lexer_fail(lx, (unsigned)lx->pos, lx->line,
			    "Numeric separators are not allowed here");
		scan_digits(lx, 10, &n);
	}
	c = peekc(lx, 0);
	if (c == 'e' || c == 'E') {
		lx->pos++;
		c = peekc(lx, 0);
		if (c == '+' || c == '-')
			lx->pos++;
		scan_digits(lx, 10, &n);
		if (n == 0)
			lexer_fail(lx, (unsigned)start, lx->line,
			    "Invalid or unexpected token");
	}
	for (p = start; p < lx->pos; p++)
		if (lx->src[p] != '_')
			buf_putc(&b, lx->src[p]);
	t->num = strtod(b.data, NULL);
suffix:
	if (peekc(lx, 0) == 'n') {
		t->flags |= TF_BIGINT;
		lx->pos++;
	}
	if (id_part_at(lx))
		lexer_fail(lx, (unsigned)lx->pos, lx->line,
		    "Invalid or unexpected token");
#undef b
}

/* One escape after a backslash in a string or template, appended to b.
 * Returns 0, or -1 for an escape invalid in a template. */
static int
scan_escape(struct lexer *lx, struct buf *b, int in_template, int *octal)
{
	int c = peekc(lx, 0), n;
	long cp;

	if ((n = lt_len(lx->src, lx->len, lx->pos)) != 0) {
		/* Line continuation. */
		lx->pos += n;
		lx->line++;
		return 0;
	}
	lx->pos++;
	switch (c) {
	case 'n': buf_putc(b, '\n'); return 0;
	case 't': buf_putc(b, '\t'); return 0;
	case 'r': buf_putc(b, '\r'); return 0;
	case 'b': buf_putc(b, '\b'); return 0;
	case 'f': buf_putc(b, '\f'); return 0;
	case 'v': buf_putc(b, '\v'); return 0;
	case 'x': {
		int h1 = hex_value(peekc(lx, 0)), h2 = hex_value(peekc(lx, 1));

		if (h1 < 0 || h2 < 0)
			return -1;
		lx->pos += 2;
		utf8_put(b, (unsigned)(h1 * 16 + h2));
		return 0;
	}
	case 'u':
		if ((cp = scan_uescape(lx)) < 0)
			return -1;
		/* Join an escaped surrogate pair into one code point. */
		if (cp >= 0xd800 && cp <= 0xdbff && peekc(lx, 0) == '\\' &&
		    peekc(lx, 1) == 'u') {
			size_t save = lx->pos;
			long lo;

			lx->pos += 2;
			lo = scan_uescape(lx);
			if (lo >= 0xdc00 && lo <= 0xdfff)
				cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
			else
				lx->pos = save;
		}
		utf8_put(b, (unsigned)cp);
		return 0;
	case '0': case '1': case '2': case '3':
	case '4': case '5': case '6': case '7': {
		int v = c - '0';

		if (c == '0' && !(peekc(lx, 0) >= '0' && peekc(lx, 0) <= '9')) {
			buf_putc(b, 0);
			return 0;
		}
		if (in_template)
			return -1;
		*octal = 1;
		if (peekc(lx, 0) >= '0' && peekc(lx, 0) <= '7') {
			v = v * 8 + (peekc(lx, 0) - '0');
			lx->pos++;
			if (c <= '3' && peekc(lx, 0) >= '0' && peekc(lx, 0) <= '7') {
				v = v * 8 + (peekc(lx, 0) - '0');
				lx->pos++;
			}
		}
		utf8_put(b, (unsigned)v);
		return 0;
	}
	case '8': case '9':
		if (in_template)
			return -1;
		buf_putc(b, c);
		return 0;
	case -1:
		return -1;
	default:
		/* Any other character stands for itself (multi-byte too). */
		buf_putc(b, c);
		return 0;
	}
}

static void
scan_string(struct lexer *lx, struct token *t)
{
	int q = peekc(lx, 0), octal = 0;
	size_t start = lx->pos;
	struct buf *bp = lx->sb;
#define b (*bp)

	buf_reset(bp);
	lx->pos++;
	for (;;) {
		int c = peekc(lx, 0);

		if (c == -1 || c == '\n' || c == '\r')
			lexer_fail(lx, (unsigned)start, lx->line,
			    "Invalid or unexpected token");
		if (c == q) {
			lx->pos++;
			break;
		}
		if (c == '\\') {
			lx->pos++;
			if (scan_escape(lx, &b, 0, &octal) < 0)
				lexer_fail(lx, (unsigned)lx->pos, lx->line,
				    "Invalid hexadecimal escape sequence");
			continue;
		}
		buf_putc(&b, c);
		lx->pos++;
	}
	t->type = T_STR;
	if (octal)
		t->flags |= TF_OCTAL;
	t->s = arena_strndup(lx->arena, b.data ? b.data : "", b.len);
	t->n = b.len;
#undef b
}

/* Scan a template piece starting just after ` or }. */
static void
scan_template(struct lexer *lx, struct token *t)
{
	struct buf *bp = lx->sb, *rawp = lx->rb;
	int bad = 0, octal = 0, n;
	/* Errors point at the opening ` or }. */
	unsigned start = (unsigned)lx->pos - 1;
#define b (*bp)
#define raw (*rawp)
	int sline = lx->line;

	buf_reset(bp);
	buf_reset(rawp);
	for (;;) {
		int c = peekc(lx, 0);

		if (c == -1)
			lexer_fail(lx, start, sline, "Unterminated template literal");
		if (c == '`') {
			lx->pos++;
			t->flags |= TF_TAIL;
			break;
		}
		if (c == '$' && peekc(lx, 1) == '{') {
			lx->pos += 2;
			break;
		}
		if (c == '\\') {
			size_t s = lx->pos;

			lx->pos++;
			if (scan_escape(lx, &b, 1, &octal) < 0) {
				bad = 1;
				/* Skip the bad escape's character. */
				if (lx->pos < lx->len && lx->pos == s + 1)
					lx->pos++;
			}
			/* Raw text keeps the escape, with CR LF as LF. */
			for (; s < lx->pos; s++) {
				if (lx->src[s] == '\r') {
					buf_putc(&raw, '\n');
					if (s + 1 < lx->pos && lx->src[s + 1] == '\n')
						s++;
				} else
					buf_putc(&raw, lx->src[s]);
			}
			continue;
		}
		if ((n = lt_len(lx->src, lx->len, lx->pos)) != 0) {
			if (c == '\r') {
				buf_putc(&b, '\n');
				buf_putc(&raw, '\n');
			} else {
				buf_add(&b, lx->src + lx->pos, n);
				buf_add(&raw, lx->src + lx->pos, n);
			}
			lx->pos += n;
			lx->line++;
			continue;
		}
		buf_putc(&b, c);
		buf_putc(&raw, c);
		lx->pos++;
	}
	t->type = T_TEMPLATE;
	if (bad)
		t->flags |= TF_BADESC;
	t->s = arena_strndup(lx->arena, b.data ? b.data : "", b.len);
	t->n = b.len;
	t->rawn = rawp->len;
#undef raw
	t->raw = arena_strndup(lx->arena, rawp->data ? rawp->data : "", rawp->len);
#undef b
}

struct punct {
	const char	*s;
	int		 len;
	int		 type;
};

/* Longest first within each leading character. */
static const struct punct puncts[] = {
	{ ">>>=", 4, T_USHR_AS }, { "...", 3, T_ELLIPSIS },
	{ "===", 3, T_SEQ }, { "!==", 3, T_SNE }, { "**=", 3, T_EXP_AS },
	{ "<<=", 3, T_SHL_AS }, { ">>=", 3, T_SHR_AS }, { ">>>", 3, T_USHR },
	{ "&&=", 3, T_LAND_AS }, { "||=", 3, T_LOR_AS }, { "?\?=", 3, T_NULLISH_AS },
	{ "==", 2, T_EQ }, { "!=", 2, T_NE }, { "<=", 2, T_LE }, { ">=", 2, T_GE },
	{ "<<", 2, T_SHL }, { ">>", 2, T_SHR }, { "++", 2, T_INC },
	{ "--", 2, T_DEC }, { "&&", 2, T_AND }, { "||", 2, T_OR },
	{ "??", 2, T_NULLISH }, { "=>", 2, T_ARROW }, { "**", 2, T_EXP },
	{ "+=", 2, T_ADD_AS }, { "-=", 2, T_SUB_AS }, { "*=", 2, T_MUL_AS },
	{ "/=", 2, T_DIV_AS }, { "%=", 2, T_MOD_AS }, { "&=", 2, T_AND_AS },
	{ "|=", 2, T_OR_AS }, { "^=", 2, T_XOR_AS },
	{ NULL, 0, 0 }
};

void
lexer_next(struct lexer *lx)
{
	struct token *t = &lx->tok;
	const struct punct *p;
	int c;

	skip_space(lx);
	t->flags = 0;
	t->pos = (unsigned)lx->pos;
	t->line = lx->line;
	t->s = NULL;
	t->n = 0;
	t->raw = NULL;
	if (lx->pos >= lx->len) {
		t->type = T_EOF;
		t->end = t->pos;
		return;
	}
	c = (unsigned char)lx->src[lx->pos];
	if (c < 0x80 ? is_id_start(c) : uid_len(lx->src, lx->len, lx->pos, 0) > 0) {
		scan_name(lx, t);
	} else if (c >= '0' && c <= '9') {
		scan_number(lx, t);
	} else if (c == '.' && peekc(lx, 1) >= '0' && peekc(lx, 1) <= '9') {
		scan_number(lx, t);
	} else if (c == '"' || c == '\'') {
		scan_string(lx, t);
	} else if (c == '`') {
		lx->pos++;
		scan_template(lx, t);
	} else if (c == '#' && peekc(lx, 1) >= 0 && is_id_start(peekc(lx, 1))) {
		lx->pos++;
		scan_name(lx, t);
		t->type = T_PRIVATE;
	} else {
		t->type = 0;
		/* ?. followed by a digit is ? then a number. */
		for (p = puncts; p->s != NULL; p++) {
			if (p->s[0] == c && lx->pos + p->len <= lx->len &&
			    memcmp(lx->src + lx->pos, p->s, p->len) == 0) {
				if (p->type == T_OPTCHAIN)
					continue;
				t->type = p->type;
				lx->pos += p->len;
				break;
			}
		}
		if (t->type == 0) {
			if (c == '?' && peekc(lx, 1) == '.' &&
			    !(peekc(lx, 2) >= '0' && peekc(lx, 2) <= '9')) {
				t->type = T_OPTCHAIN;
				lx->pos += 2;
			} else if (strchr("{}()[];,<>+-*/%&|^!~?:=.@", c) != NULL) {
				t->type = c;
				lx->pos++;
			} else
				lexer_fail(lx, (unsigned)lx->pos, lx->line,
				    "Invalid or unexpected token");
		}
	}
	t->end = (unsigned)lx->pos;
}

void
lexer_regex(struct lexer *lx)
{
	struct token *t = &lx->tok;
	int inclass = 0;

	lx->pos = t->pos + 1;
	for (;;) {
		int c = peekc(lx, 0);

		if (c == -1 || lt_len(lx->src, lx->len, lx->pos))
			lexer_fail(lx, t->pos, t->line,
			    "Invalid regular expression: missing /");
		lx->pos++;
		if (c == '\\') {
			if (peekc(lx, 0) == -1 ||
			    lt_len(lx->src, lx->len, lx->pos))
				lexer_fail(lx, t->pos, t->line,
				    "Invalid regular expression: missing /");
			lx->pos++;
		} else if (c == '[')
			inclass = 1;
		else if (c == ']')
			inclass = 0;
		else if (c == '/' && !inclass)
			break;
	}
	while (id_part_at(lx) && lx->src[lx->pos] != '\\')
		lx->pos++;
	t->type = T_REGEX;
	t->s = lx->src + t->pos;
	t->n = lx->pos - t->pos;
	t->end = (unsigned)lx->pos;
}

void
lexer_template_resume(struct lexer *lx)
{
	struct token *t = &lx->tok;

	lx->pos = t->pos + 1;
	lx->line = t->line;
	t->flags = 0;
	scan_template(lx, t);
	t->end = (unsigned)lx->pos;
}
