/* Error stacks as the user should read them: only the frames of the
 * script's own files, as k6 shows its script's frames and not those of
 * its runtime.
 *
 * mujs names every frame "\n\tat NAME (FILE:LINE)", "\n\tat FILE:LINE" or
 * "\n\tat NAME (native)".  A frame is the user's when FILE is a module of
 * the bundle other than the compiler's helpers; the runtime library
 * ("[string]", "10-symbol.js", "01-modules.js"), the helpers and the
 * native functions in between go.  A native frame right before a user
 * frame stays: it is the function the script called (check, http.get).
 * The compiler's name for an anonymous default export, _default$, reads
 * "default", k6's name for it. */
#include "config.h"

#include <string.h>

#include "compile/bundle.h"
#include "engine/engine.h"
#include "util/buf.h"
#include "util/xmalloc.h"

#define FRAME	"\n\tat "

/* Is the frame's location (FILE:LINE, or "native") in a user file? */
static int
user_file(const struct bundle *b, const char *loc, size_t n)
{
	const char *colon = NULL, *p;
	size_t i, len;

	for (p = loc; p < loc + n; p++)
		if (*p == ':')
			colon = p;
	if (colon == NULL)
		return 0;
	len = (size_t)(colon - loc);
	for (i = 0; i < b->nunits; i++)
		if (strcmp(b->units[i].id, BUNDLE_HELPERS_ID) != 0 &&
		    strlen(b->units[i].name) == len &&
		    memcmp(b->units[i].name, loc, len) == 0)
			return 1;
	return 0;
}

static void
put_frame(struct buf *out, const char *f, size_t n)
{
	static const char internal[] = "_default$ (";

	buf_puts(out, FRAME);
	if (n > sizeof internal - 1 &&
	    memcmp(f, internal, sizeof internal - 1) == 0) {
		buf_puts(out, "default (");
		f += sizeof internal - 1;
		n -= sizeof internal - 1;
	}
	buf_add(out, f, n);
}

char *
stack_clean(const struct bundle *b, const char *text)
{
	const char *p = strstr(text, FRAME), *f, *next, *loc;
	const char *native = NULL;
	size_t n, native_n = 0, locn;
	struct buf out = BUF_INIT;

	if (p == NULL || b == NULL)
		return xstrdup(text);
	buf_add(&out, text, (size_t)(p - text));
	for (; p != NULL; p = next) {
		f = p + strlen(FRAME);
		next = strstr(f, FRAME);
		n = next != NULL ? (size_t)(next - f) : strlen(f);
		/* the location: in the parentheses, or the whole frame */
		loc = f;
		locn = n;
		if (n > 0 && f[n - 1] == ')' &&
		    (loc = memchr(f, '(', n)) != NULL) {
			loc++;
			locn = (size_t)(f + n - 1 - loc);
		} else
			loc = f;
		if (locn == 6 && memcmp(loc, "native", 6) == 0) {
			native = f;
			native_n = n;
			continue;
		}
		if (user_file(b, loc, locn)) {
			if (native != NULL)
				put_frame(&out, native, native_n);
			put_frame(&out, f, n);
		}
		native = NULL;
	}
	return buf_steal(&out);
}
