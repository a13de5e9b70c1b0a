/* The user's identifiers kept apart from the compiler's names
 * (username.h). */
#include "config.h"

#include <string.h>

#include "compile/ast.h"
#include "compile/username.h"
#include "util/buf.h"
#include "util/hex.h"

#define ESC		"_$$"
#define ESC_LEN		3

int
username_reserved(const char *s, size_t n)
{
	if (n >= 2 && s[0] == '_' && s[1] == '$')
		return 1;
	if (n >= 4 && memcmp(s, "__ly", 4) == 0)
		return 1;
	return n > 1 && memchr(s + 1, '$', n - 1) != NULL;
}

/* A name with bytes not ASCII, which mujs's lexer may not take: "_$$$"
 * (an odd run of "$") and the name with "$" and "_" doubled and each run
 * of bytes not ASCII as "_", their hex, "_". */
static char *
escape_foreign(struct arena *a, const char *s, size_t n, size_t *np)
{
	static const char hex[] = "0123456789abcdef";
	size_t i, len = ESC_LEN + 1;
	char *r, *w;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c >= 0x80)
			len += 2 + (i == 0 || (unsigned char)s[i - 1] < 0x80) +
			    (i + 1 == n || (unsigned char)s[i + 1] < 0x80);
		else
			len += c == '$' || c == '_' ? 2 : 1;
	}
	r = w = arena_alloc(a, len + 1);
	memcpy(w, ESC "$", ESC_LEN + 1);
	w += ESC_LEN + 1;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c < 0x80) {
			*w++ = (char)c;
			if (c == '$' || c == '_')
				*w++ = (char)c;
			continue;
		}
		if (i == 0 || (unsigned char)s[i - 1] < 0x80)
			*w++ = '_';
		*w++ = hex[c >> 4];
		*w++ = hex[c & 15];
		if (i + 1 == n || (unsigned char)s[i + 1] < 0x80)
			*w++ = '_';
	}
	*w = '\0';
	*np = len;
	return r;
}

char *
username_escape(struct arena *a, const char *s, size_t n, size_t *np)
{
	size_t i, len = ESC_LEN;
	char *r, *w;

	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] >= 0x80)
			return escape_foreign(a, s, n, np);
	if (!username_reserved(s, n))
		return NULL;
	for (i = 0; i < n; i++)
		len += s[i] == '$' ? 2 : 1;
	r = w = arena_alloc(a, len + 1);
	memcpy(w, ESC, ESC_LEN);
	w += ESC_LEN;
	for (i = 0; i < n; i++) {
		*w++ = s[i];
		if (s[i] == '$')
			*w++ = '$';
	}
	*w = '\0';
	*np = len;
	return r;
}

/* The body of a name escape_foreign made: appended to b when b is not
 * NULL; 0 for anything else (a name made from one, with a lone "$"). */
static int
unescape_foreign(struct buf *b, const char *s, size_t n)
{
	size_t i = 0;
	int foreign = 0;

	while (i < n) {
		if (s[i] == '$' || (s[i] == '_' && i + 1 < n && s[i + 1] == '_')) {
			if (i + 1 == n || s[i + 1] != s[i])
				return 0;
			if (b != NULL)
				buf_add(b, s + i, 1);
			i += 2;
		} else if (s[i] == '_') {
			for (i++; i + 1 < n && hex_value(s[i]) >= 8 &&
			    hex_value(s[i + 1]) >= 0; i += 2) {
				char c = (char)(hex_value(s[i]) * 16 +
				    hex_value(s[i + 1]));

				if (b != NULL)
					buf_add(b, &c, 1);
				foreign = 1;
			}
			if (i == n || s[i++] != '_' || !foreign)
				return 0;
		} else {
			if (b != NULL)
				buf_add(b, s + i, 1);
			i++;
		}
	}
	return foreign;
}

int
username_unescape(struct buf *b, const char *s, size_t n)
{
	size_t i, run;

	if (n <= ESC_LEN || memcmp(s, ESC, ESC_LEN) != 0)
		return 0;
	for (run = 1; run < n && s[run] == '$'; run++)
		;
	/* An odd run of "$" after the "_": a name not ASCII. */
	if ((run - 1) % 2 == 1) {
		if (!unescape_foreign(NULL, s + ESC_LEN + 1, n - ESC_LEN - 1))
			return 0;
		if (b != NULL)
			unescape_foreign(b, s + ESC_LEN + 1, n - ESC_LEN - 1);
		return 1;
	}
	/* Every "$" doubled, or it is a name made from one. */
	for (i = ESC_LEN; i < n; i++)
		if (s[i] == '$' && (i + 1 == n || s[++i] != '$'))
			return 0;
	if (b == NULL)
		return 1;
	for (i = ESC_LEN; i < n; i++) {
		buf_add(b, s + i, 1);
		if (s[i] == '$')
			i++;
	}
	return 1;
}
