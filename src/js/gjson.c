/* GJSON paths over JavaScript values.
 *
 * k6 runs github.com/tidwall/gjson over the raw body; Lyocell walks the
 * value JSON.parse made once and res.json() caches, so a plain "a.b.0"
 * costs a few property reads and no text scanning.  The path is read
 * as it is evaluated, component by component:
 *
 *   a.b  a.0      keys and indexes; "*" and "?" match keys; "\" escapes
 *   #             length of an array, or with more after it ("#.x") that
 *                 rest of the path mapped over the elements
 *   #(q) #(q)#    first element, or all elements, matching query q
 *   @name[:arg]   modifiers: reverse this valid ugly pretty flatten join
 *                 keys values tostr fromstr group dig
 *   [a,b] {a,"k":b}  multipaths, building an array or an object
 *   !json         a literal
 *   a|b           b applied to the result of a: after "#" or "#(q)#"
 *                 the rest of a path is mapped over the elements unless
 *                 a "|" ends the mapping
 *   ..a           a over the document's lines (k6 takes one).
 *
 * The value being walked is always on top of the stack, and every step
 * replaces it, with undefined when nothing matches.  Unescaped keys and
 * query operands are copied into one scratch block per call, used like
 * a stack; evaluation recursion is bounded by MAXDEPTH. */
#include "config.h"

#include <mujs.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "js/gjson.h"
#include "util/xmalloc.h"

#define MAXDEPTH	32	/* nesting; real selectors use a few levels */
#define CLONEDEPTH	24	/* levels of a result that are copied */

struct gj {
	js_State	*J;
	char		*mem;	/* scratch, used as a stack */
	size_t		 size, used;
	int		 depth;
	int		 plain;	/* stack index of an empty object */
};

enum op { OP_NONE, OP_EQ, OP_NE, OP_LT, OP_LE, OP_GT, OP_GE, OP_LIKE,
	OP_UNLIKE };

static void	eval(struct gj *, const char *, const char *);

static void
undef(js_State *J)
{
	js_pop(J, 1);
	js_pushundefined(J);
}

static char *
scratch(struct gj *g, size_t n)
{
	char *p;

	if (n > g->size - g->used)
		return NULL;
	p = g->mem + g->used;
	g->used += n;
	return p;
}

/* p is at an opening bracket or quote: return just past its match, or e. */
static const char *
skip_balanced(const char *p, const char *e)
{
	int depth = 0, instr = 0;

	for (; p < e; p++) {
		if (instr) {
			if (*p == '\\' && p + 1 < e)
				p++;
			else if (*p == '"') {
				instr = 0;
				if (depth == 0)
					return p + 1;
			}
		} else if (*p == '"')
			instr = 1;
		else if (*p == '\\' && p + 1 < e)
			p++;
		else if (*p == '(' || *p == '[' || *p == '{')
			depth++;
		else if (*p == ')' || *p == ']' || *p == '}') {
			if (--depth <= 0)
				return p + 1;
		}
	}
	return e;
}

/* The end of the component at p: the "." or "|" after it, or e. */
static const char *
comp_end(const char *p, const char *e)
{
	if (p < e && (*p == '[' || *p == '{'))
		p = skip_balanced(p, e);
	else if (e - p > 1 && p[0] == '#' && (p[1] == '(' || p[1] == '[')) {
		p = skip_balanced(p + 1, e);
		if (p < e && *p == '#')
			p++;
	} else if (e - p > 1 && p[0] == '!' &&
	    (p[1] == '"' || p[1] == '[' || p[1] == '{'))
		p = skip_balanced(p + 1, e);
	else if (p < e && *p == '@') {
		while (p < e && *p != ':' && *p != '.' && *p != '|')
			p++;
		if (e - p > 1 && *p == ':') {
			/* a JSON argument, or plain text up to a "|" */
			if (p[1] == '"' || p[1] == '[' || p[1] == '{')
				p = skip_balanced(p + 1, e);
			else
				while (p < e && *p != '|')
					p++;
		}
	}
	for (; p < e && *p != '.' && *p != '|'; p++)
		if (*p == '\\' && p + 1 < e)
			p++;
	return p;
}

/* Copy [p,e) without its escapes into scratch, NUL-terminated. */
static char *
unescape(struct gj *g, const char *p, const char *e)
{
	char *s, *w;

	if ((s = scratch(g, (size_t)(e - p) + 1)) == NULL)
		return NULL;
	for (w = s; p < e; p++) {
		if (*p == '\\' && p + 1 < e)
			p++;
		*w++ = *p;
	}
	*w = '\0';
	return s;
}

static char *
copy(struct gj *g, const char *s)
{
	size_t n = strlen(s) + 1;
	char *p;

	if ((p = scratch(g, n)) != NULL)
		memcpy(p, s, n);
	return p;
}

/* tidwall/match's patterns: "*" any run, "?" any one character (UTF-8),
 * "\" escapes.  One backtracking point makes it linear per star. */
static int
match(const char *s, const char *p, const char *pe)
{
	const char *ss = NULL, *sp = NULL;

	for (;;) {
		if (p < pe && *p == '*') {
			while (p < pe && *p == '*')
				p++;
			if (p == pe)
				return 1;
			sp = p;
			ss = s;
			continue;
		}
		if (*s == '\0' && p == pe)
			return 1;
		if (*s != '\0' && p < pe) {
			if (*p == '?') {
				s++;
				while ((*s & 0xc0) == 0x80)
					s++;
				p++;
				continue;
			}
			if (*p == '\\' && p + 1 < pe)
				p++;
			if (*p == *s) {
				s++;
				p++;
				continue;
			}
		}
		if (sp == NULL || *ss == '\0')
			return 0;
		ss++;
		while ((*ss & 0xc0) == 0x80)
			ss++;
		s = ss;
		p = sp;
	}
}

/* Push JSON.parse of n bytes at p; -1 and nothing pushed if invalid. */
static int
parse_json(js_State *J, const char *p, size_t n)
{
	js_getglobal(J, "JSON");
	js_getproperty(J, -1, "parse");
	js_rot2pop1(J);
	js_pushundefined(J);
	js_pushlstring(J, p, (int)n);
	if (js_pcall(J, 1)) {
		js_pop(J, 1);
		return -1;
	}
	return 0;
}

/* Replace the object on top by its own property key, or undefined. */
static void
getkey(struct gj *g, const char *key)
{
	js_State *J = g->J;
	const char *k;
	long i;
	char *end;

	if (js_isarray(J, -1)) {
		i = strtol(key, &end, 10);
		if (*key < '0' || *key > '9' || *end != '\0' || i < 0 ||
		    i >= js_getlength(J, -1)) {
			undef(J);
			return;
		}
		js_getindex(J, -1, (int)i);
		js_rot2pop1(J);
		return;
	}
	if (!js_isobject(J, -1) || !js_hasproperty(J, -1, key)) {
		undef(J);
		return;
	}
	/* Only a name an empty object has too can be found but not own. */
	if (js_hasproperty(J, g->plain, key)) {
		js_pop(J, 2);
		js_pushiterator(J, -1, 1);
		while ((k = js_nextiterator(J, -1)) != NULL)
			if (strcmp(k, key) == 0)
				break;
		js_pop(J, 1);
		if (k == NULL) {
			undef(J);
			return;
		}
		js_getproperty(J, -1, key);
	}
	js_rot2pop1(J);
}

/* Replace the object on top by its first own property matching the
 * pattern [p,e), or undefined. */
static void
getwild(js_State *J, const char *p, const char *e)
{
	const char *k;

	if (!js_isobject(J, -1) || js_isarray(J, -1)) {
		undef(J);
		return;
	}
	js_pushiterator(J, -1, 1);
	while ((k = js_nextiterator(J, -1)) != NULL)
		if (match(k, p, e))
			break;
	if (k == NULL) {
		js_pop(J, 1);
		undef(J);
		return;
	}
	js_getproperty(J, -2, k);
	js_rot3pop2(J);
}

/* Replace the array on top by [seg applied to each element], keeping
 * the results that exist. */
static void seg(struct gj *, const char *, const char *);

static void
map(struct gj *g, const char *p, const char *e)
{
	js_State *J = g->J;
	int i, n, k = 0;

	n = js_getlength(J, -1);
	js_newarray(J);
	for (i = 0; i < n; i++) {
		js_getindex(J, -2, i);
		seg(g, p, e);
		if (js_isundefined(J, -1))
			js_pop(J, 1);
		else
			js_setindex(J, -2, k++);
	}
	js_rot2pop1(J);
}

/* gjson's truthiness for "~": true, a number not 0, or a string that
 * Go's strconv.ParseBool reads as true once lower-cased. */
static int
tilde(js_State *J)
{
	const char *s;

	if (js_isboolean(J, -1))
		return js_toboolean(J, -1);
	if (js_isnumber(J, -1))
		return js_tonumber(J, -1) != 0;
	if (js_isstring(J, -1)) {
		s = js_tostring(J, -1);
		return strcmp(s, "1") == 0 || strcasecmp(s, "t") == 0 ||
		    strcasecmp(s, "true") == 0;
	}
	return 0;
}

struct query {
	const char	*path, *pathend;	/* empty: the element itself */
	enum op		 op;
	char		*str;			/* operand, unquoted */
	double		 num;
	int		 tilde;
};

/* Does the element on top match q?  Pops it. */
static int
matches(struct gj *g, struct query *q)
{
	js_State *J = g->J;
	const char *s;
	int c, r = 0;

	if (q->path < q->pathend) {
		if (!js_isobject(J, -1)) {
			js_pop(J, 1);
			return 0;
		}
		eval(g, q->path, q->pathend);
	}
	if (q->tilde) {
		c = tilde(J);
		js_pop(J, 1);
		js_pushboolean(J, c);
	}
	if (js_isundefined(J, -1))
		goto out;
	if (q->op == OP_NONE) {
		r = 1;
		goto out;
	}
	if (js_isstring(J, -1)) {
		s = js_tostring(J, -1);
		if (q->op == OP_LIKE || q->op == OP_UNLIKE) {
			r = match(s, q->str, q->str + strlen(q->str)) ==
			    (q->op == OP_LIKE);
			goto out;
		}
		c = strcmp(s, q->str);
	} else if (js_isnumber(J, -1)) {
		double v = js_tonumber(J, -1);

		if (v != v || q->num != q->num) {
			r = q->op == OP_NE;	/* NaN equals nothing */
			goto out;
		}
		c = v < q->num ? -1 : v > q->num;
	} else if (js_isboolean(J, -1)) {
		/* gjson orders false before true */
		int t = strcmp(q->str, "true") == 0;
		int f = strcmp(q->str, "false") == 0;

		if (js_toboolean(J, -1))
			r = q->op == OP_EQ ? t : q->op == OP_NE ? !t :
			    q->op == OP_GT ? f : q->op == OP_GE;
		else
			r = q->op == OP_EQ ? f : q->op == OP_NE ? !f :
			    q->op == OP_LT ? t : q->op == OP_LE;
		goto out;
	} else
		goto out;	/* null, objects and arrays match no operator */
	switch (q->op) {
	case OP_EQ:	r = c == 0; break;
	case OP_NE:	r = c != 0; break;
	case OP_LT:	r = c < 0; break;
	case OP_LE:	r = c <= 0; break;
	case OP_GT:	r = c > 0; break;
	case OP_GE:	r = c >= 0; break;
	default:	break;
	}
out:
	js_pop(J, 1);
	return r;
}

static const char *
trim(const char *p, const char **e)
{
	while (p < *e && (unsigned char)*p <= ' ')
		p++;
	while (*e > p && (unsigned char)(*e)[-1] <= ' ')
		(*e)--;
	return p;
}

/* Read the query between p and e (inside its brackets). */
static int
parse_query(struct gj *g, const char *p, const char *e, struct query *q)
{
	const char *o = p, *ve;
	char *end;

	memset(q, 0, sizeof *q);
	while (o < e) {
		if (*o == '\\' && o + 1 < e)
			o += 2;
		else if (*o == '"' || *o == '(' || *o == '[' || *o == '{')
			o = skip_balanced(o, e);
		else if (*o == '=' || *o == '<' || *o == '>' || *o == '%' ||
		    *o == '!')
			break;
		else
			o++;
	}
	q->pathend = o;
	q->path = trim(p, &q->pathend);
	if (o == e)
		return 0;
	if (o[0] == '!') {
		if (o + 1 < e && (o[1] == '=' || o[1] == '%')) {
			q->op = o[1] == '=' ? OP_NE : OP_UNLIKE;
			o += 2;
		}
	} else if (o[0] == '%') {
		q->op = OP_LIKE;
		o++;
	} else {
		if (o[0] == '=')
			q->op = OP_EQ;
		else if (o[0] == '<')
			q->op = OP_LT;
		else
			q->op = OP_GT;
		if (++o < e && *o == '=') {
			if (q->op != OP_EQ)
				q->op = q->op == OP_LT ? OP_LE : OP_GE;
			o++;
		}
	}
	/* The operand: a JSON string unquoted, else the text as it is. */
	ve = e;
	p = trim(o, &ve);
	if (ve - p >= 2 && *p == '"' && ve[-1] == '"' &&
	    memchr(p, '\\', (size_t)(ve - p)) != NULL &&
	    parse_json(g->J, p, (size_t)(ve - p)) == 0) {
		q->str = js_isstring(g->J, -1) ?
		    copy(g, js_tostring(g->J, -1)) : NULL;
		js_pop(g->J, 1);
	} else {
		if (ve - p >= 2 && *p == '"' && ve[-1] == '"') {
			p++;
			ve--;
		}
		if ((q->str = scratch(g, (size_t)(ve - p) + 1)) != NULL) {
			memcpy(q->str, p, (size_t)(ve - p));
			q->str[ve - p] = '\0';
		}
	}
	if (q->str == NULL)
		return -1;
	if (q->str[0] == '~') {
		q->tilde = 1;	/* compare truthiness */
		q->str++;
	}
	/* Go's ParseFloat: all of it a decimal number, else 0 */
	q->num = strtod(q->str, &end);
	if (*end != '\0' || strpbrk(q->str, "xX") != NULL)
		q->num = 0;
	return 0;
}

/* The array on top, queried with the text [p,e) ("#(...)" or
 * "#(...)#"); then the rest of the segment [rest,re), if any. */
static void
query(struct gj *g, const char *p, const char *e, const char *rest,
    const char *re)
{
	js_State *J = g->J;
	struct query q;
	size_t mark = g->used;
	int all = 0, i, n, k = 0;

	if (e[-1] == '#' && e - p > 3) {
		all = 1;
		e--;
	}
	if (!js_isarray(J, -1) || (*(e - 1) != ')' && *(e - 1) != ']') ||
	    parse_query(g, p + 2, e - 1, &q) == -1) {
		undef(J);
		goto out;
	}
	n = js_getlength(J, -1);
	if (all)
		js_newarray(J);
	for (i = 0; i < n; i++) {
		js_getindex(J, all ? -2 : -1, i);
		js_copy(J, -1);
		if (!matches(g, &q)) {
			js_pop(J, 1);
			continue;
		}
		if (!all) {
			js_rot2pop1(J);
			g->used = mark;
			if (rest != NULL)
				seg(g, rest, re);
			return;
		}
		js_setindex(J, -2, k++);
	}
	if (!all) {
		undef(J);
		goto out;
	}
	js_rot2pop1(J);
	if (rest != NULL) {
		g->used = mark;
		map(g, rest, re);
	}
out:
	g->used = mark;
}

/* Does the modifier's JSON argument have "name":true? */
static int
argflag(js_State *J, const char *arg, const char *ae, const char *name)
{
	int r = 0;

	if (arg == NULL || parse_json(J, arg, (size_t)(ae - arg)) == -1)
		return 0;
	if (js_isobject(J, -1)) {
		js_getproperty(J, -1, name);
		r = js_isboolean(J, -1) && js_toboolean(J, -1);
		js_pop(J, 1);
	}
	js_pop(J, 1);
	return r;
}

/* Append the elements of the array on top to the array at stack index
 * out, flattening nested arrays too when deep; pops the array. */
static void
flatten(js_State *J, int out, int deep, int level)
{
	int i, n = js_getlength(J, -1);

	for (i = 0; i < n; i++) {
		js_getindex(J, -1, i);
		if (js_isarray(J, -1) && (deep || level == 0) &&
		    level < MAXDEPTH)
			flatten(J, out, deep, level + 1);
		else
			js_setindex(J, out, js_getlength(J, out));
	}
	js_pop(J, 1);
}

/* @dig: append to the array at stack index out what [p,e) selects in
 * the value on top and in every value under it, parents first. */
static void
dig(struct gj *g, int out, const char *p, const char *e, int depth)
{
	js_State *J = g->J;
	const char *k;
	int i, n;

	js_copy(J, -1);
	eval(g, p, e);
	if (js_isundefined(J, -1))
		js_pop(J, 1);
	else
		js_setindex(J, out, js_getlength(J, out));
	if (!js_isobject(J, -1) || depth >= CLONEDEPTH)
		return;
	if (js_isarray(J, -1)) {
		n = js_getlength(J, -1);
		for (i = 0; i < n; i++) {
			js_getindex(J, -1, i);
			dig(g, out, p, e, depth + 1);
			js_pop(J, 1);
		}
		return;
	}
	js_pushiterator(J, -1, 1);
	while ((k = js_nextiterator(J, -1)) != NULL) {
		js_getproperty(J, -2, k);
		dig(g, out, p, e, depth + 1);
		js_pop(J, 1);
	}
	js_pop(J, 1);
}

/* Apply modifier name (n bytes) with its argument [arg,ae) (arg NULL if
 * none) to the value on top; -1 if there is no such modifier. */
/* @reverse of an object: its members, last first (integer keys still
 * list first, ascending, as in any JavaScript object). */
static int
reverse_object(js_State *J)
{
	const char *k;
	int n = 0, i;

	js_newarray(J);
	js_pushiterator(J, -2, 1);
	while ((k = js_nextiterator(J, -1)) != NULL) {
		js_pushstring(J, k);
		js_setindex(J, -3, n++);
	}
	js_pop(J, 1);
	js_newobject(J);
	for (i = n - 1; i >= 0; i--) {
		js_getindex(J, -2, i);
		k = js_tostring(J, -1);
		js_getproperty(J, -4, k);
		js_setproperty(J, -3, k);
		js_pop(J, 1);
	}
	js_rot3pop2(J);
	return 0;
}

static int
modifier(struct gj *g, const char *name, size_t n, const char *arg,
    const char *ae)
{
	js_State *J = g->J;
	const char *k;
	int i, len, deep;

#define IS(s)	(n == sizeof(s) - 1 && memcmp(name, s, n) == 0)
	if (IS("this") || IS("valid") || IS("ugly") || IS("pretty"))
		return 0;	/* the value is what these would print */
	if (IS("reverse")) {
		if (!js_isarray(J, -1))
			return js_isobject(J, -1) ? reverse_object(J) : 0;
		len = js_getlength(J, -1);
		js_newarray(J);
		for (i = 0; i < len; i++) {
			js_getindex(J, -2, len - 1 - i);
			js_setindex(J, -2, i);
		}
		js_rot2pop1(J);
	} else if (IS("flatten")) {
		if (!js_isarray(J, -1))
			return 0;
		deep = argflag(J, arg, ae, "deep");
		js_newarray(J);
		js_rot2(J);
		flatten(J, js_gettop(J) - 2, deep, 0);
	} else if (IS("join")) {
		if (!js_isarray(J, -1))
			return 0;
		js_newobject(J);
		len = js_getlength(J, -2);
		for (i = 0; i < len; i++) {
			js_getindex(J, -2, i);
			if (js_isobject(J, -1) && !js_isarray(J, -1)) {
				js_pushiterator(J, -1, 1);
				while ((k = js_nextiterator(J, -1)) != NULL) {
					js_getproperty(J, -2, k);
					js_setproperty(J, -4, k);
				}
				js_pop(J, 1);
			}
			js_pop(J, 1);
		}
		js_rot2pop1(J);
	} else if (IS("keys") || IS("values")) {
		int keys = IS("keys");

		if (!keys && js_isarray(J, -1))
			return 0;
		js_newarray(J);
		if (js_isobject(J, -2) && !js_isarray(J, -2)) {
			js_pushiterator(J, -2, 1);
			for (i = 0; (k = js_nextiterator(J, -1)) != NULL; i++) {
				if (keys)
					js_pushstring(J, k);
				else
					js_getproperty(J, -3, k);
				js_setindex(J, -3, i);
			}
			js_pop(J, 1);
		} else if (js_isarray(J, -2)) {
			len = js_getlength(J, -2);
			for (i = 0; i < len; i++) {
				js_pushnull(J);
				js_setindex(J, -2, i);
			}
		} else {
			if (keys)
				js_pushnull(J);
			else
				js_copy(J, -2);
			js_setindex(J, -2, 0);
		}
		js_rot2pop1(J);
	} else if (IS("tostr")) {
		js_getglobal(J, "JSON");
		js_getproperty(J, -1, "stringify");
		js_rot2pop1(J);
		js_pushundefined(J);
		js_copy(J, -3);
		js_call(J, 1);
		js_rot2pop1(J);
	} else if (IS("fromstr")) {
		if (!js_isstring(J, -1))
			return 0;
		k = js_tostring(J, -1);
		if (parse_json(J, k, strlen(k)) == -1)
			js_pushundefined(J);
		js_rot2pop1(J);
	} else if (IS("dig")) {
		js_newarray(J);
		js_rot2(J);
		if (arg == NULL)
			arg = ae = "";
		dig(g, js_gettop(J) - 2, arg, ae, 0);
		js_pop(J, 1);
	} else if (IS("group")) {
		if (!js_isobject(J, -1) || js_isarray(J, -1)) {
			undef(J);
			return 0;
		}
		js_newarray(J);
		js_pushiterator(J, -2, 1);
		while ((k = js_nextiterator(J, -1)) != NULL) {
			js_getproperty(J, -3, k);
			if (!js_isarray(J, -1)) {
				js_pop(J, 1);
				continue;
			}
			len = js_getlength(J, -1);
			for (i = 0; i < len; i++) {
				if (i >= js_getlength(J, -3)) {
					js_newobject(J);
					js_setindex(J, -4, i);
				}
				js_getindex(J, -3, i);
				js_getindex(J, -2, i);
				js_setproperty(J, -2, k);
				js_pop(J, 1);
			}
			js_pop(J, 1);
		}
		js_pop(J, 1);
		js_rot2pop1(J);
	} else
		return -1;
#undef IS
	return 0;
}

/* The component [p,e) is "@name" or "@name:arg". */
static int
at(struct gj *g, const char *p, const char *e)
{
	const char *a = memchr(p, ':', (size_t)(e - p));

	if (a == NULL)
		return modifier(g, p + 1, (size_t)(e - p - 1), NULL, NULL);
	return modifier(g, p + 1, (size_t)(a - p - 1), a + 1, e);
}

/* The name gjson gives a multipath member without one: the text after
 * the last "." or "|" not preceded by "\\", when that is a plain name;
 * else "_". */
static char *
member_name(struct gj *g, const char *p, const char *e)
{
	const char *s = e, *c;

	while (s > p && !((s[-1] == '.' || s[-1] == '|') &&
	    !(s - 1 > p && s[-2] == '\\')))
		s--;
	for (c = s; c < e; c++)
		if ((unsigned char)*c < ' ' || strchr("[]{}()#|!", *c) != NULL)
			return copy(g, "_");
	if ((c = scratch(g, (size_t)(e - s) + 1)) == NULL)
		return NULL;
	memcpy((char *)c, s, (size_t)(e - s));
	((char *)c)[e - s] = '\0';
	return (char *)c;
}

/* The end of the multipath member at p, a "," or e; *colon is set to
 * the ":" that ends its name, if any, as gjson finds it: at the top
 * level, and not after a modifier. */
static const char *
member_end(const char *p, const char *e, const char **colon)
{
	int depth = 0, mod = 0;

	*colon = NULL;
	for (; p < e; p++) {
		switch (*p) {
		case '\\':
			if (p + 1 < e)
				p++;
			break;
		case '@':
			if (p[-1] == '.' || p[-1] == '|')
				mod = 1;
			break;
		case ':':
			if (!mod && *colon == NULL && depth == 0)
				*colon = p;
			break;
		case ',':
			if (depth == 0)
				return p;
			break;
		case '"':
			p = skip_balanced(p, e) - 1;
			break;
		case '(': case '[': case '{':
			depth++;
			break;
		case ')': case ']': case '}':
			depth--;
			break;
		}
	}
	return e;
}

/* Replace the value on top by the multipath [p,e) built from it.  As in
 * gjson, members are not trimmed, a member that selects nothing is left
 * out, and a name is either JSON ("k":path) or plain text (k:path). */
static void
multipath(struct gj *g, const char *p, const char *e)
{
	js_State *J = g->J;
	const char *c, *ce, *colon;
	char *key;
	size_t mark = g->used;
	int obj = *p == '{', k = 0;

	if (e - p < 2 || e[-1] != (obj ? '}' : ']')) {
		undef(J);
		return;
	}
	obj ? js_newobject(J) : js_newarray(J);
	for (c = p + 1, e--; c <= e; c = ce + 1) {
		ce = member_end(c, e, &colon);
		key = NULL;
		if (colon != NULL && colon > c) {
			if (*c == '"' && parse_json(J, c, (size_t)(colon - c)) == 0) {
				key = copy(g, js_tostring(J, -1));
				js_pop(J, 1);
			} else if ((key = scratch(g, (size_t)(colon - c) + 1)) != NULL) {
				memcpy(key, c, (size_t)(colon - c));
				key[colon - c] = '\0';
			}
		}
		if (colon != NULL)
			c = colon + 1;
		js_copy(J, -2);
		eval(g, c, ce);
		if (js_isundefined(J, -1))
			js_pop(J, 1);
		else if (!obj)
			js_setindex(J, -2, k++);
		else {
			if (key == NULL)
				key = member_name(g, c, ce);
			js_setproperty(J, -2, key != NULL ? key : "_");
		}
		g->used = mark;
	}
	js_rot2pop1(J);
}

/* Evaluate one pipe-free segment [p,e) over the value on top. */
static void
seg(struct gj *g, const char *p, const char *e)
{
	js_State *J = g->J;
	const char *ce, *next, *a;
	size_t mark = g->used;
	char *key;
	int last, first = 1;	/* literals only start a path */

	if (++g->depth > MAXDEPTH) {
		undef(J);
		goto out;
	}
	for (;;) {
		if (js_isundefined(J, -1))
			goto out;
		ce = comp_end(p, e);
		last = ce >= e;
		next = last ? NULL : ce + 1;
		if (ce - p == 1 && *p == '#' && js_isarray(J, -1)) {
			if (last) {
				int n = js_getlength(J, -1);

				js_pop(J, 1);
				js_pushnumber(J, n);
			} else
				map(g, next, e);
			goto out;
		}
		if (ce - p > 2 && p[0] == '#' && (p[1] == '(' || p[1] == '[')) {
			query(g, p, ce, next, e);
			goto out;
		}
		if (ce > p && (*p == '[' || *p == '{'))
			multipath(g, p, ce);
		else if (first && ce - p > 1 && *p == '!') {
			js_pop(J, 1);
			if (parse_json(J, p + 1, (size_t)(ce - p - 1)) == -1)
				js_pushundefined(J);
		} else if (ce - p > 1 && *p == '@' && at(g, p, ce) == 0)
			;	/* an unknown modifier is a key, as in gjson */
		else {
			for (a = p; a < ce; a++) {
				if (*a == '\\' && a + 1 < ce)
					a++;
				else if (*a == '*' || *a == '?')
					break;
			}
			if (a < ce)
				getwild(J, p, ce);
			else if ((key = unescape(g, p, ce)) == NULL)
				undef(J);
			else
				getkey(g, key);
			g->used = mark;
		}
		if (last)
			goto out;
		p = next;
		first = 0;
	}
out:
	g->depth--;
	g->used = mark;
}

/* Evaluate the path [p,e): its pipe-separated segments in turn. */
static void
eval(struct gj *g, const char *p, const char *e)
{
	const char *q;

	for (;;) {
		for (q = comp_end(p, e); q < e && *q != '|'; )
			q = comp_end(q + 1, e);
		seg(g, p, q);
		if (q >= e || js_isundefined(g->J, -1))
			return;
		p = q + 1;
	}
}

/* Replace the value on top by a copy sharing no object with it, as k6
 * builds a new value for every call.  Below CLONEDEPTH levels (beyond
 * any real document, and mujs's 256-slot stack) objects are shared. */
static void
clone(js_State *J, int depth)
{
	const char *k;
	int i, n;

	if (!js_isobject(J, -1) || depth >= CLONEDEPTH)
		return;
	if (js_isarray(J, -1)) {
		n = js_getlength(J, -1);
		js_newarray(J);
		for (i = 0; i < n; i++) {
			js_getindex(J, -2, i);
			clone(J, depth + 1);
			js_setindex(J, -2, i);
		}
	} else {
		js_newobject(J);
		js_pushiterator(J, -2, 1);
		while ((k = js_nextiterator(J, -1)) != NULL) {
			js_getproperty(J, -3, k);
			clone(J, depth + 1);
			js_setproperty(J, -3, k);
		}
		js_pop(J, 1);
	}
	js_rot2pop1(J);
}

/* Evaluate path over the value on top, freeing the scratch memory
 * whatever mujs throws. */
static void
get(js_State *J, const char *path)
{
	struct gj g;
	size_t n = strlen(path);

	memset(&g, 0, sizeof g);
	g.J = J;
	g.size = 2 * n + 64;
	g.mem = xmalloc(g.size);
	if (js_try(J)) {
		free(g.mem);
		js_throw(J);
	}
	js_newobject(J);
	js_rot2(J);
	g.plain = js_gettop(J) - 2;
	eval(&g, path, path + n);
	js_rot2pop1(J);
	js_endtry(J);
	free(g.mem);
}

void
gjson_get(js_State *J, const char *path)
{
	if (path[0] == '.' && path[1] == '.') {
		/* JSON Lines: the body's values as an array, here one */
		js_newarray(J);
		js_rot2(J);
		js_setindex(J, -2, 0);
		path += 2;
	}
	get(J, path);
	clone(J, 0);
}
