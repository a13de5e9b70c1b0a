/* JSON.parse's errors in k6's words; see jsonerr.h.
 *
 * k6's engine parses JSON with the tokens of Go's encoding/json Decoder
 * (sobek's builtin_json.go): its syntax errors are the Decoder's and the
 * scanner's ("invalid character '<' looking for beginning of value"),
 * the end of the text is "Unexpected end of JSON input (EOF)" between
 * tokens and "unexpected EOF" inside one, and a token after the value is
 * "Unexpected token at the end: TOKEN".  js/errmsg.c asks, when mujs's
 * JSON.parse refuses a text, what k6's engine says of it; js/jsonparse.c
 * reads with the same reader, token by token, a text nested deeper than
 * mujs's parser goes (its stack of open levels grows with the text, so
 * no depth is too deep for a message either).  (Reading every
 * text this way before mujs does would also refuse the few that mujs
 * takes and Go does not, "{} 1", "01", "\u12g4", for a tenth more of
 * JSON.parse's time: not done.) */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "js/jsonerr.h"
#include "util/xmalloc.h"

/* the Decoder's token states */
enum {
	TOP, ARR_START, ARR_VALUE, ARR_COMMA, OBJ_START, OBJ_KEY, OBJ_COLON,
	OBJ_VALUE, OBJ_COMMA
};

/* Go's quoteChar: the byte as strconv.Quote writes the rune it is. */
static void
quote_char(int c, char *out, size_t size)
{
	static const char esc[] = "\a\b\f\n\r\t\v";
	static const char name[] = "abfnrtv";
	const char *e;

	if (c == '\'')
		snprintf(out, size, "'\\''");
	else if (c == '"')
		snprintf(out, size, "'\"'");
	else if (c == '\\')
		snprintf(out, size, "'\\\\'");
	else if (c != 0 && (e = strchr(esc, c)) != NULL)
		snprintf(out, size, "'\\%c'", name[e - esc]);
	else if (c < 0x20 || c == 0x7f)
		snprintf(out, size, "'\\x%02x'", c);
	else if (c < 0x80)
		snprintf(out, size, "'%c'", c);
	else if (c < 0xa1 || c == 0xad)
		snprintf(out, size, "'\\u%04x'", c);	/* not printable */
	else
		snprintf(out, size, "'%c%c'", 0xc0 | (c >> 6), 0x80 | (c & 0x3f));
}

/* The byte at pos is not what the context wants. */
static int
fail(struct jsonerr_reader *r, size_t pos, const char *context)
{
	char q[16];

	r->at = pos + 1;
	quote_char(r->s[pos], q, sizeof q);
	snprintf(r->msg, r->size, "invalid character %s%s", q, context);
	return -1;
}

static int
eof_inside(struct jsonerr_reader *r)
{
	r->at = r->n;
	snprintf(r->msg, r->size, r->go ? "unexpected end of JSON input" :
	    "unexpected EOF");
	return -1;
}

static int
is_digit(int c)
{
	return c >= '0' && c <= '9';
}

static int
is_hex(int c)
{
	return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* The digits a number's fraction or exponent must have from j on; *i
 * past them. */
static int
digits(struct jsonerr_reader *r, size_t *i, size_t j, const char *context)
{
	if (j == r->n)
		return eof_inside(r);
	if (!is_digit(r->s[j]))
		return fail(r, j, context);
	while (j < r->n && is_digit(r->s[j]))
		j++;
	*i = j;
	return 0;
}

/* Bytes a string holds as they are: not '"', '\\' or a control. */
static unsigned char plain[256];

static void
plain_init(void)
{
	int c;

	for (c = 0x20; c < 256; c++)
		plain[c] = c != '"' && c != '\\';
}

/* The scanner on one value that is not an array or an object, from
 * r->i; 0 with r->i past it, or -1 with the message. */
static int
scalar(struct jsonerr_reader *r)
{
	const unsigned char *s = r->s;
	size_t n = r->n, i = r->i;
	const char *lit = NULL, *name = NULL;
	int k;

	switch (s[i]) {
	case '"':
		for (i++;; i++) {
			while (i < n && plain[s[i]])
				i++;
			if (i == n)
				return eof_inside(r);
			if (s[i] == '"')
				break;
			if (s[i] < 0x20)
				return fail(r, i, " in string literal");
			if (++i == n)
				return eof_inside(r);
			if (s[i] == 'u') {
				for (k = 0; k < 4; k++) {
					if (++i == n)
						return eof_inside(r);
					if (!is_hex(s[i]))
						return fail(r, i,
						    " in \\u hexadecimal character escape");
				}
			} else if (strchr("bfnrt\\/\"", s[i]) == NULL || s[i] == 0)
				return fail(r, i, " in string escape code");
		}
		r->i = i + 1;
		return 0;
	case 't': lit = "true"; name = "true"; break;
	case 'f': lit = "false"; name = "false"; break;
	case 'n': lit = "null"; name = "null"; break;
	case '-': case '0': case '1': case '2': case '3': case '4': case '5':
	case '6': case '7': case '8': case '9':
		if (s[i] == '-' && ++i == n)
			return eof_inside(r);
		if (s[i] == '0')
			i++;
		else if (is_digit(s[i]))
			while (i < n && is_digit(s[i]))
				i++;
		else
			return fail(r, i, " in numeric literal");
		if (i < n && s[i] == '.' && digits(r, &i, i + 1,
		    " after decimal point in numeric literal") == -1)
			return -1;
		if (i < n && (s[i] == 'e' || s[i] == 'E') && digits(r, &i,
		    i + 1 + (i + 1 < n && (s[i + 1] == '+' || s[i + 1] == '-')),
		    " in exponent of numeric literal") == -1)
			return -1;
		r->i = i;
		return 0;
	default:
		return fail(r, i, " looking for beginning of value");
	}
	for (k = 1; lit[k] != '\0'; k++) {
		char context[64];

		if (i + (size_t)k == n)
			return eof_inside(r);
		if (s[i + k] != lit[k]) {
			snprintf(context, sizeof context,
			    " in literal %s (expecting '%c')", name, lit[k]);
			return fail(r, i + (size_t)k, context);
		}
	}
	r->i = i + (size_t)k;
	return 0;
}

static int
token_error(struct jsonerr_reader *r, int state)
{
	static const char *const context[] = {
		[TOP] = " looking for beginning of value",
		[ARR_START] = " looking for beginning of value",
		[ARR_VALUE] = " looking for beginning of value",
		[OBJ_VALUE] = " looking for beginning of value",
		[ARR_COMMA] = " after array element",
		[OBJ_KEY] = " looking for beginning of object key string",
		[OBJ_COLON] = " after object key",
		[OBJ_COMMA] = " after object key:value pair",
		[OBJ_START] = "",
	};

	return fail(r, r->i, context[state]);
}

static int
is_space(int c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* A number as Go's %v prints a float64: the fewest digits that read
 * back, in %e form when the exponent is below -4 or above 5. */
static void
number(const unsigned char *s, size_t len, char *out, size_t size)
{
	char text[64];
	double d;
	int p, exp;

	snprintf(text, sizeof text, "%.*s", (int)len, s);
	d = strtod(text, NULL);
	for (p = 1; p < 17; p++) {
		snprintf(out, size, "%.*e", p - 1, d);
		if (strtod(out, NULL) == d)
			break;
	}
	snprintf(out, size, "%.*e", p - 1, d);
	exp = atoi(strchr(out, 'e') + 1);
	if (d != 0 && exp >= -4 && exp < 6)
		snprintf(out, size, "%.*f", p - 1 - exp > 0 ? p - 1 - exp : 0, d);
	else if (d == 0)
		snprintf(out, size, "%s", signbit(d) ? "-0" : "0");
}

/* The token after the value, as Go's %v prints it; "<nil>" for an
 * error or null. */
static void
trailing(struct jsonerr_reader *r, char *out, size_t size)
{
	const unsigned char *s = r->s + r->i;
	char msg[128];
	struct jsonerr_reader t;

	memset(&t, 0, sizeof t);
	t.s = r->s;
	t.i = r->i;
	t.n = r->n;
	t.msg = msg;
	t.size = sizeof msg;

	if (*s == '[' || *s == '{') {
		snprintf(out, size, "%c", *s);
		return;
	}
	if (strchr(",:]}", *s) != NULL || scalar(&t) == -1 || *s == 'n') {
		snprintf(out, size, "<nil>");
		return;
	}
	if (*s == '"') {
		/* the string's text, escapes left as they are */
		snprintf(out, size, "%.*s", (int)(t.i - r->i - 2), s + 1);
		return;
	}
	if (*s == 't' || *s == 'f') {
		snprintf(out, size, "%s", *s == 't' ? "true" : "false");
		return;
	}
	number(s, t.i - r->i, out, size);
}

void
jsonerr_open(struct jsonerr_reader *r, const char *text, size_t len, int go,
    char *msg, size_t size)
{
	memset(r, 0, sizeof *r);
	r->s = (const unsigned char *)text;
	r->n = len;
	r->msg = msg;
	r->size = size;
	r->go = go;
	r->state = TOP;
	if (plain[' '] == 0)
		plain_init();
}

void
jsonerr_close(struct jsonerr_reader *r)
{
	free(r->stack);
	r->stack = NULL;
}

/* The token error of the state, for the byte at r->i. */
static int
state_error(struct jsonerr_reader *r)
{
	token_error(r, r->state);
	return JSONERR_ERROR;
}

/* A value ended: the state of its container goes on. */
static void
value_end(struct jsonerr_reader *r)
{
	if (r->state == ARR_START || r->state == ARR_VALUE)
		r->state = ARR_COMMA;
	else if (r->state == OBJ_VALUE)
		r->state = OBJ_COMMA;
	if (r->depth == 0)
		r->done = 1;
}

static int
value_allowed(const struct jsonerr_reader *r)
{
	return r->state == TOP || r->state == ARR_START ||
	    r->state == ARR_VALUE || r->state == OBJ_VALUE;
}

int
jsonerr_next(struct jsonerr_reader *r, size_t *start)
{
	int c;

	for (;;) {
		while (r->i < r->n && is_space(r->s[r->i]))
			r->i++;
		if (r->i == r->n) {
			if (r->done)
				return JSONERR_END;
			r->at = r->n;
			snprintf(r->msg, r->size, r->go ?
			    "unexpected end of JSON input" :
			    "Unexpected end of JSON input (EOF)");
			return JSONERR_ERROR;
		}
		if (r->done && r->go) {
			fail(r, r->i, " after top-level value");
			return JSONERR_ERROR;
		}
		if (r->done) {
			char tok[64];

			trailing(r, tok, sizeof tok);
			snprintf(r->msg, r->size, "Unexpected token at the end: %s",
			    tok);
			return JSONERR_ERROR;
		}
		*start = r->i;
		c = r->s[r->i];
		switch (c) {
		case '[': case '{':
			if (!value_allowed(r))
				return state_error(r);
			if (r->depth == r->cap) {
				r->cap = r->cap ? r->cap * 2 : 64;
				r->stack = xrealloc(r->stack, r->cap);
			}
			r->stack[r->depth++] = (unsigned char)r->state;
			r->state = c == '[' ? ARR_START : OBJ_START;
			r->i++;
			return c;
		case ']': case '}':
			if (c == ']' ? r->state != ARR_START &&
			    r->state != ARR_COMMA : r->state != OBJ_START &&
			    r->state != OBJ_COMMA)
				return state_error(r);
			r->state = r->stack[--r->depth];
			r->i++;
			value_end(r);
			return c;
		case ':':
			if (r->state != OBJ_COLON)
				return state_error(r);
			r->state = OBJ_VALUE;
			r->i++;
			continue;
		case ',':
			if (r->state == ARR_COMMA)
				r->state = ARR_VALUE;
			else if (r->state == OBJ_COMMA)
				r->state = OBJ_KEY;
			else
				return state_error(r);
			r->i++;
			continue;
		default:
			if (c == '"' && (r->state == OBJ_START ||
			    r->state == OBJ_KEY)) {
				if (scalar(r) == -1)
					return JSONERR_ERROR;
				r->state = OBJ_COLON;
				return JSONERR_KEY;
			}
			if (!value_allowed(r))
				return state_error(r);
			if (scalar(r) == -1)
				return JSONERR_ERROR;
			value_end(r);
			return c == '-' || is_digit(c) ? '0' : c;
		}
	}
}

static int
check(const char *text, size_t len, char *msg, size_t size, int go, size_t *at)
{
	struct jsonerr_reader r;
	size_t start;
	int t;

	jsonerr_open(&r, text, len, go, msg, size);
	while ((t = jsonerr_next(&r, &start)) > 0)
		;
	jsonerr_close(&r);
	*at = r.at;
	return t == JSONERR_ERROR;
}



int
jsonerr_message(const char *text, size_t len, char *msg, size_t size)
{
	size_t at;

	return check(text, len, msg, size, 0, &at);
}

int
jsonerr_go(const char *text, size_t len, char *msg, size_t size, size_t *offset)
{
	return check(text, len, msg, size, 1, offset);
}
