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
 * "default", k6's name for it; an accessor's, "get x", reads "x", as k6
 * names the frames of getters and setters after their keys.  Frames are
 * written as k6 writes them, with the module's URL, the line and a
 * column: mujs keeps a number per instruction, the ES5's line or the
 * number of a position of the compiler's map (compile/posmap.h,
 * js/errmsg.c), which gives the source line and column; a line alone has
 * the column where its text starts (bundle.h's cols).  A native frame
 * names the function as its name property does ("map", where mujs has
 * "Array.prototype.map"), as k6's do.  A generator's next, throw and
 * return are the helpers' functions where k6's are native: the frame of
 * one that the user's code called (at a call of the user's, not a
 * for-of's) reads "next (native)". */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "compile/bundle.h"
#include "compile/posmap.h"
#include "engine/engine-int.h"
#include "util/buf.h"
#include "util/xmalloc.h"

#define FRAME	"\n\tat "
#define NATIVE	" (native)"

/* The user file a frame's location (FILE:LINE, or "native") is in, or
 * NULL. */
static const struct bundle_unit *
user_file(const struct bundle *b, const char *loc, size_t n)
{
	const char *colon = NULL, *p;
	size_t i, len;

	for (p = loc; p < loc + n; p++)
		if (*p == ':')
			colon = p;
	if (colon == NULL)
		return NULL;
	len = (size_t)(colon - loc);
	for (i = 0; i < b->nunits; i++)
		if (strcmp(b->units[i].id, BUNDLE_HELPERS_ID) != 0 &&
		    strlen(b->units[i].name) == len &&
		    memcmp(b->units[i].name, loc, len) == 0)
			return &b->units[i];
	return NULL;
}

/* Whether a frame's location is in the compiler's helpers. */
static int
helpers_file(const struct bundle *b, const char *loc, size_t n)
{
	size_t i, len;

	for (i = 0; i < b->nunits; i++) {
		len = strlen(b->units[i].name);
		if (strcmp(b->units[i].id, BUNDLE_HELPERS_ID) == 0 &&
		    n > len && loc[len] == ':' &&
		    memcmp(b->units[i].name, loc, len) == 0)
			return 1;
	}
	return 0;
}

/* The native frame k6 shows for a generator's method the frame f (in the
 * helpers) runs, "next (native)", or NULL. */
static const char *
generator_method(const char *f, size_t n)
{
	static const char *const frames[] = { "next (native)",
	    "throw (native)", "return (native)" };
	size_t i, len;

	for (i = 0; i < sizeof frames / sizeof frames[0]; i++) {
		len = strchr(frames[i], ' ') - frames[i] + 2;
		if (n > len && memcmp(f, frames[i], len) == 0)
			return frames[i];
	}
	return NULL;
}

/* Whether the frame of user file u at loc is at a call the user wrote. */
static int
at_call(const struct bundle_unit *u, const char *loc)
{
	unsigned long n = strtoul(loc + strlen(u->name) + 1, NULL, 10);

	return u->map != NULL && n <= 65535 &&
	    posmap_kind(u->map, (unsigned)n) == POS_CALL;
}

/* A frame as k6 prints it: "NAME (URL:LINE:COL)" or "URL:LINE:COL",
 * where mujs wrote "NAME (FILE:N)" or "FILE:N" with the file's display
 * name, N read through the unit's map.  u is NULL for a native frame,
 * written as it is. */
static void
put_frame(struct buf *out, const char *f, size_t n,
    const struct bundle_unit *u, const char *loc, size_t locn)
{
	static const char internal[] = "_default$ (";
	const char *colon;
	unsigned long line;
	unsigned col = 0, l;

	buf_puts(out, FRAME);
	if (n > sizeof internal - 1 &&
	    memcmp(f, internal, sizeof internal - 1) == 0) {
		buf_puts(out, "default (");
		f += sizeof internal - 1;
		n -= sizeof internal - 1;
	}
	/* an accessor's frame names its key, where its name is "get x" */
	if (u != NULL && n > 5 && (memcmp(f, "get ", 4) == 0 ||
	    memcmp(f, "set ", 4) == 0) && f[4] != '(' && f[4] != ' ') {
		f += 4;
		n -= 4;
	}
	if (u == NULL) {
		/* k6 names a native by its name property: mujs's
		 * "Array.prototype.map" is "map"; k6's Go names stay whole */
		const char *end = f + n - (sizeof NATIVE - 1), *dot = NULL, *p;

		if (n > sizeof NATIVE - 1 && strncmp(f, "go.k6.io/", 9) != 0 &&
		    strncmp(f, "reflect.methodValueCall ", 24) != 0)
			for (p = f; p < end; p++)
				if (*p == '.')
					dot = p;
		if (dot != NULL) {
			n -= (size_t)(dot + 1 - f);
			f = dot + 1;
		}
		buf_add(out, f, n);
		return;
	}
	colon = loc + strlen(u->name);
	line = strtoul(colon + 1, NULL, 10);
	if (u->map != NULL && line <= 65535 &&
	    (l = posmap_where(u->map, (unsigned)line, &col)) != 0)
		line = l;
	if (col == 0)
		col = (line >= 1 && line <= u->ncols ? u->cols[line - 1] : 1) +
		    (line == 1 && u->map != NULL ? u->map->wrap : 0);
	buf_add(out, f, (size_t)(loc - f));
	buf_printf(out, "%s:%lu:%u", u->id, line, col);
	buf_add(out, loc + locn, (size_t)(f + n - (loc + locn)));
}

char *
stack_clean(const struct bundle *b, const char *text)
{
	const char *p = strstr(text, FRAME), *f, *next, *loc;
	const char *native = NULL, *method = NULL;
	const struct bundle_unit *u;
	size_t n, native_n = 0, locn;
	struct buf out = BUF_INIT;

	if (p == NULL || b == NULL)
		return xstrdup(text);
	buf_add(&out, text, (size_t)(p - text));
	for (; p != NULL; p = next) {
		f = p + strlen(FRAME);
		next = strstr(f, FRAME);
		n = next != NULL ? (size_t)(next - f) : strlen(f);
		/* the location: in the parentheses, or the whole frame; a
		 * native's name may hold parentheses ("(*K6).Fail-fm") */
		loc = f;
		locn = n;
		if (n > sizeof NATIVE - 1 &&
		    memcmp(f + n - (sizeof NATIVE - 1), NATIVE, sizeof NATIVE - 1) == 0) {
			loc = f + n - (sizeof NATIVE - 1) + 2;
			locn = 6;
		} else if (n > 0 && f[n - 1] == ')' &&
		    (loc = memchr(f, '(', n)) != NULL) {
			loc++;
			locn = (size_t)(f + n - 1 - loc);
		} else
			loc = f;
		if (locn == 6 && memcmp(loc, "native", 6) == 0) {
			native = f;
			native_n = n;
			method = NULL;
			continue;
		}
		if ((u = user_file(b, loc, locn)) != NULL) {
			if (native != NULL)
				put_frame(&out, native, native_n, NULL, NULL, 0);
			else if (method != NULL && at_call(u, loc))
				put_frame(&out, method, strlen(method), NULL,
				    NULL, 0);
			put_frame(&out, f, n, u, loc, locn);
		}
		native = NULL;
		/* a generator's next(), native in k6, when the user calls it */
		method = helpers_file(b, loc, locn) ? generator_method(f, n) :
		    NULL;
	}
	return buf_steal(&out);
}

static const struct bundle *lines_of;

void
stack_lines_of(const struct bundle *b)
{
	lines_of = b;
}

/* text with each frame's location in one of the bundle's files, "FILE:N"
 * as mujs writes it, read through the file's map: "FILE:LINE". */
static char *
stack_lines(const struct bundle *b, const char *text)
{
	const char *p = text, *f, *end, *loc;
	const struct bundle_unit *u;
	struct buf out = BUF_INIT;
	unsigned long n;
	unsigned col, line;
	size_t locn;

	while ((f = strstr(p, FRAME)) != NULL) {
		f += strlen(FRAME);
		end = strchr(f, '\n');
		if (end == NULL)
			end = f + strlen(f);
		/* the location: in the parentheses, or the whole frame */
		loc = f;
		if (end > f && end[-1] == ')' &&
		    (loc = memchr(f, '(', (size_t)(end - f))) != NULL)
			loc++;
		else
			loc = f;
		locn = (size_t)(end - loc) - (loc != f);
		buf_add(&out, p, (size_t)(loc - p));
		p = loc;
		if ((u = user_file(b, loc, locn)) == NULL || u->map == NULL)
			continue;
		n = strtoul(loc + strlen(u->name) + 1, NULL, 10);
		if (n > 65535 || (line = posmap_where(u->map, (unsigned)n,
		    &col)) == 0)
			continue;
		buf_printf(&out, "%s:%u", u->name, line);
		p = loc + locn;
	}
	buf_puts(&out, p);
	return buf_steal(&out);
}

char *
vu_stack_text(js_State *J, const char *text)
{
	struct vu *vu = vu_of(J);

	if (vu == NULL && lines_of != NULL)
		return stack_lines(lines_of, text);
	if (vu == NULL || vu->engine == NULL || vu->engine->bundle == NULL)
		return NULL;
	return stack_clean(vu->engine->bundle, text);
}
