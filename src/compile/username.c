/* The user's identifiers kept apart from the compiler's names
 * (username.h). */
#include "config.h"

#include <string.h>

#include "compile/ast.h"
#include "compile/username.h"
#include "util/buf.h"

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

char *
username_escape(struct arena *a, const char *s, size_t n, size_t *np)
{
	size_t i, len = ESC_LEN;
	char *r, *w;

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

int
username_unescape(struct buf *b, const char *s, size_t n)
{
	size_t i;

	if (n <= ESC_LEN || memcmp(s, ESC, ESC_LEN) != 0)
		return 0;
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
