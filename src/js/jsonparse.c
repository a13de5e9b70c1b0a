/* JSON.parse of texts nested as deep as memory allows; see jsonparse.h.
 *
 * Why: mujs's JSON.parse recurses in C with every array and object open
 * on the value stack, which holds 256 values: past about 250 levels it
 * threw "stack overflow" (a string, not an error), where k6's engine
 * reads any depth.  Its reviver recursed the same way, deeper values on
 * the stack, and threw before half that.
 *
 * mujs's parser stays the fast path: a text it reads as it is costs one
 * js_try more.  Past its stack, the text is read again here, token by
 * token (jsonerr.c's reader, in Go's grammar, whose errors are k6's),
 * the arrays and objects open kept in a JavaScript array that the
 * collector sees.  Values are made by the calls mujs's parser makes
 * (js_newarray, js_setindex, js_setproperty of an interned key,
 * js_pushstring of the text its lexer writes), so that they are the
 * same values.  mujs's reviver revives a text that nests little; past
 * that, the values are walked in a loop, in the order of mujs's (and
 * the language's) InternalizeJSONProperty, with the values and
 * iterators of each level in another such array. */
#include "config.h"

#include <mujs.h>
#include <stdlib.h>
#include <string.h>

#include "js/jsonerr.h"
#include "js/jsonparse.h"
#include "util/buf.h"
#include "util/xmalloc.h"

/* mujs's own, not in mujs.h */
double		 js_strtod(const char *, char **);
int		 jsU_chartorune(int *, const char *);
int		 jsU_runetochar(char *, const int *);
const char	*js_intern(js_State *, const char *);
const char	*js_itoa(char *, int);

/* Levels of a text that mujs's reviver takes. */
#define REVIVE_MUJS	48

js_CFunction jsonparse_mujs;

/* What a walk holds that a throw must free. */
struct walk {
	struct jsonerr_reader	 r;
	struct buf		 text;		/* a string's characters */
	const char		**keys;		/* the pending key of each level */
	struct level		*levels;
	size_t			 cap;
	int			 reviver;	/* its index, 0: none */
};

struct level {
	int		 kind;		/* 0 a value, 1 an array, 2 an object */
	int		 i, n;		/* an array's index, length */
	const char	*key;		/* an object's key being revived */
};

static void
walk_free(struct walk *w)
{
	jsonerr_close(&w->r);
	buf_free(&w->text);
	free(w->keys);
	free(w->levels);
	free(w);
}

static int
hex(int c)
{
	return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}

/* The string token from s to end (quotes included) as mujs's lexer
 * writes it: escapes and every character beyond ASCII through its
 * runes (a byte that is no UTF-8 becomes U+FFFD). */
static const char *
string_text(struct walk *w, const unsigned char *s, const unsigned char *end)
{
	struct buf *b = &w->text;
	char *o;
	int c;

	buf_reset(b);
	buf_reserve(b, (size_t)(end - s) * 3 + 1);
	o = b->data;
	for (s++, end--; s < end; ) {
		if (*s >= 0x80) {
			s += jsU_chartorune(&c, (const char *)s);
			o += jsU_runetochar(o, &c);
			continue;
		}
		if (*s != '\\') {
			*o++ = (char)*s++;
			continue;
		}
		switch (s[1]) {
		case 'u':
			c = hex(s[2]) << 12 | hex(s[3]) << 8 | hex(s[4]) << 4 |
			    hex(s[5]);
			o += jsU_runetochar(o, &c);
			s += 6;
			continue;
		case 'b': *o++ = '\b'; break;
		case 'f': *o++ = '\f'; break;
		case 'n': *o++ = '\n'; break;
		case 'r': *o++ = '\r'; break;
		case 't': *o++ = '\t'; break;
		default: *o++ = (char)s[1]; break;	/* " \ / */
		}
		s += 2;
	}
	*o = '\0';
	return b->data;
}

/* Room for level d in the walk's arrays. */
static void
levels_grow(struct walk *w, size_t d)
{
	if (d < w->cap)
		return;
	w->cap = w->cap ? w->cap * 2 : 256;
	w->keys = xreallocarray(w->keys, w->cap, sizeof *w->keys);
	w->levels = xreallocarray(w->levels, w->cap, sizeof *w->levels);
}

/* The value on the top into the container open at level d - 1 (kept
 * in the array at path), or left there when d is 0. */
static void
put(js_State *J, struct walk *w, int path, size_t d)
{
	if (d == 0)
		return;
	js_getindex(J, path, (int)d - 1);
	js_rot2(J);
	if (js_isarray(J, -2))
		js_setindex(J, -2, js_getlength(J, -2));
	else
		js_setproperty(J, -2, w->keys[d - 1]);
	js_pop(J, 1);
}

/* Push the value of the text at 1, read token by token. */
static void
parse(js_State *J, struct walk *w)
{
	const char *text = js_tostring(J, 1);
	const unsigned char *s = (const unsigned char *)text;
	char msg[256];
	size_t d = 0, start;
	int path, t;

	jsonerr_open(&w->r, text, strlen(text), 0, msg, sizeof msg);
	js_newarray(J);
	path = js_gettop(J) - 1;
	while ((t = jsonerr_next(&w->r, &start)) != JSONERR_END) {
		switch (t) {
		case JSONERR_ERROR:
			js_syntaxerror(J, "%s", msg);
			break;
		case '[':
		case '{':
			if (t == '[')
				js_newarray(J);
			else
				js_newobject(J);
			js_setindex(J, path, (int)d);
			levels_grow(w, ++d);
			continue;
		case ']':
		case '}':
			js_getindex(J, path, (int)--d);
			break;
		case JSONERR_KEY:
			w->keys[d - 1] = js_intern(J,
			    string_text(w, s + start, s + w->r.i));
			continue;
		case '"':
			js_pushstring(J, string_text(w, s + start, s + w->r.i));
			break;
		case '0':
			js_pushnumber(J, js_strtod(text + start, NULL));
			break;
		case 't':
		case 'f':
			js_pushboolean(J, t == 't');
			break;
		default:
			js_pushnull(J);
			break;
		}
		put(J, w, path, d);
	}
	js_rot2pop1(J);		/* the path */
}

/* Push level d's holder: the value of the level above, or root. */
static void
holder(js_State *J, int root, int frames, size_t d)
{
	if (d == 0)
		js_copy(J, root);
	else
		js_getindex(J, frames, 2 * ((int)d - 1));
}

/* The name level d's value has in its holder, in buf. */
static const char *
name(const struct walk *w, size_t d, char *buf)
{
	const struct level *up;

	if (d == 0)
		return "";
	up = &w->levels[d - 1];
	return up->kind == 1 ? js_itoa(buf, up->i) : up->key;
}

/* Read level d's value from its holder and start on what it holds. */
static void
enter(js_State *J, struct walk *w, int root, int frames, size_t d)
{
	struct level *l;
	char buf[32];

	levels_grow(w, d);
	l = &w->levels[d];
	holder(J, root, frames, d);
	js_getproperty(J, -1, name(w, d, buf));
	js_rot2pop1(J);
	l->kind = 0;
	if (js_isarray(J, -1)) {
		l->kind = 1;
		l->i = 0;
		l->n = js_getlength(J, -1);
	} else if (js_isobject(J, -1)) {
		l->kind = 2;
		js_pushiterator(J, -1, 1);
		js_setindex(J, frames, 2 * (int)d + 1);
	}
	js_setindex(J, frames, 2 * (int)d);
}

/* The value on the top, revived by the function at reviver: each value
 * it holds first, innermost first, then itself. */
static void
revive(js_State *J, struct walk *w, int reviver)
{
	struct level *l;
	const char *key;
	char buf[32];
	size_t d = 0;
	int root, frames;

	js_newobject(J);
	js_rot2(J);
	js_defproperty(J, -2, "", 0);
	root = js_gettop(J) - 1;
	js_newarray(J);
	frames = root + 1;
	enter(J, w, root, frames, 0);
	for (;;) {
		l = &w->levels[d];
		if (l->kind == 1 && l->i < l->n) {
			enter(J, w, root, frames, ++d);
			continue;
		}
		if (l->kind == 2) {
			js_getindex(J, frames, 2 * (int)d + 1);
			key = js_nextiterator(J, -1);
			js_pop(J, 1);
			if (key != NULL) {
				l->key = key;
				enter(J, w, root, frames, ++d);
				continue;
			}
		}
		js_copy(J, reviver);
		holder(J, root, frames, d);
		js_pushstring(J, name(w, d, buf));
		js_getindex(J, frames, 2 * (int)d);
		js_call(J, 2);
		if (d-- == 0)
			break;
		/* the result into the value of the level above */
		js_getindex(J, frames, 2 * (int)d);
		if (js_isundefined(J, -2))
			js_delproperty(J, -1, name(w, d + 1, buf));
		else {
			js_copy(J, -2);
			js_setproperty(J, -2, name(w, d + 1, buf));
		}
		js_pop(J, 2);
		if (w->levels[d].kind == 1)
			w->levels[d].i++;
	}
	js_rot3pop2(J);		/* root and frames */
}

/* Bytes deeper_than stops at: 1 outside strings, 2 inside. */
static unsigned char stops[256];

/* Whether the text nests deeper than most, its strings skipped. */
static int
deeper_than(const char *text, int most)
{
	const unsigned char *s = (const unsigned char *)text;
	int d = 0;

	if (stops['"'] == 0) {
		stops['"'] = stops['\0'] = 3;
		stops['\\'] = 2;
		stops['['] = stops['{'] = stops[']'] = stops['}'] = 1;
	}
	for (;; s++) {
		while ((stops[*s] & 1) == 0)
			s++;
		if (*s == '\0')
			return 0;
		if (*s == '"') {
			for (s++; *s != '"'; s++) {
				while ((stops[*s] & 2) == 0)
					s++;
				if (*s == '\0')
					return 0;
				if (*s == '\\' && s[1] != '\0')
					s++;
				else if (*s == '"')
					break;
			}
		} else if (*s == '[' || *s == '{') {
			if (++d > most)
				return 1;
		} else
			d--;
	}
}

/* mujs's parse of the text at 1, or parse's past its stack. */
static void
parse_any(js_State *J, struct walk *w)
{
	if (js_try(J)) {
		if (!js_isstring(J, -1) ||
		    strcmp(js_tostring(J, -1), "stack overflow") != 0)
			js_throw(J);
		js_pop(J, 1);
		parse(J, w);
		return;
	}
	jsonparse_mujs(J);
	js_endtry(J);
}

/* The text at 1 parsed, and revived by what is at w->reviver if it is
 * not 0; w is freed. */
static void
walk_run(js_State *J, struct walk *w)
{
	if (js_try(J)) {
		walk_free(w);
		js_throw(J);
	}
	parse_any(J, w);
	if (w->reviver > 0)
		revive(J, w, w->reviver);
	js_endtry(J);
	walk_free(w);
}

void
jsonparse_builtin(js_State *J)
{
	struct walk *w = xcalloc(1, sizeof *w);

	if (js_iscallable(J, 2)) {
		/* mujs's reviver, a fast recursion, holds up to two values a
		 * level where its calls (js/deepcall.c) find 128 free. */
		if (!deeper_than(js_tostring(J, 1), REVIVE_MUJS)) {
			free(w);
			jsonparse_mujs(J);
			return;
		}
		/* mujs's parse revives what is callable at 2 */
		js_copy(J, 2);
		w->reviver = js_gettop(J) - 1;
		js_pushundefined(J);
		js_replace(J, 2);
	}
	walk_run(J, w);
}
