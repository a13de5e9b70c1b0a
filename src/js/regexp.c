/* Regular expressions that mujs cannot finish.
 *
 * mujs's backtracking matcher gives up ("regexec failed") once its
 * recursion passes 1,024 levels, which a greedy pattern over a large
 * response body reaches at once (/<body>(.*)<\/body>/ on 100 KiB).  The
 * RegExp and String methods that run a match are wrapped: they call
 * mujs's own method, and only when it gives up run the same operation
 * again with PCRE2 (runtime group 9-regexp.js, compiled on first use, on
 * top of the __ly_re_exec primitive here).  Scripts that never hit the
 * limit pay one extra C call per match. */
#include "config.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <mujs.h>
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/module.h"
#include "js/modules.h"
#include "util/buf.h"
#include "util/xmalloc.h"

/* Byte offset of the rune at index idx of s (mujs indexes strings by
 * code point), or -1 past the end. */
static long
rune_offset(const char *s, size_t len, double idx)
{
	size_t i = 0;
	double n = 0;

	while (i < len && n < idx) {
		i++;
		while (i < len && ((unsigned char)s[i] & 0xc0) == 0x80)
			i++;
		n++;
	}
	return n < idx ? -1 : (long)i;
}

static double
rune_index(const char *s, size_t off)
{
	size_t i;
	double n = 0;

	for (i = 0; i < off; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			n++;
	return n;
}

static void push_match(js_State *, double, struct buf *, int *, int);

/* __ly_re_exec(source, flags, subject, from): null, or [index, match,
 * group1, ...] with undefined for groups that did not take part. */
static void
re_exec(js_State *J)
{
	const char *src = js_tostring(J, 1), *flags = js_tostring(J, 2);
	const char *subject = js_tostring(J, 3);
	size_t len = strlen(subject), erroff;
	uint32_t opts = PCRE2_UTF | PCRE2_ALT_BSUX | PCRE2_MATCH_UNSET_BACKREF |
	    PCRE2_NO_UTF_CHECK;
	pcre2_match_data *md;
	pcre2_code *re;
	PCRE2_SIZE *ov;
	long from = rune_offset(subject, len, js_tonumber(J, 4));
	char msg[256];
	int err, rc, i;

	if (strchr(flags, 'i') != NULL)
		opts |= PCRE2_CASELESS;
	if (strchr(flags, 'm') != NULL)
		opts |= PCRE2_MULTILINE;
	if (strchr(flags, 's') != NULL)
		opts |= PCRE2_DOTALL;
	if (from < 0) {
		js_pushnull(J);
		return;
	}
	re = pcre2_compile((PCRE2_SPTR)src, PCRE2_ZERO_TERMINATED, opts, &err, &erroff, NULL);
	if (re == NULL) {
		pcre2_get_error_message(err, (PCRE2_UCHAR *)msg, sizeof msg);
		js_error(J, "regexec failed, and PCRE2 cannot compile /%s/ either: %s", src, msg);
	}
	md = pcre2_match_data_create_from_pattern(re, NULL);
	rc = pcre2_match(re, (PCRE2_SPTR)subject, len, (PCRE2_SIZE)from, 0, md, NULL);
	if (rc < 0) {
		pcre2_match_data_free(md);
		pcre2_code_free(re);
		if (rc == PCRE2_ERROR_NOMATCH) {
			js_pushnull(J);
			return;
		}
		js_error(J, "regexec failed, and PCRE2 failed too (error %d)", rc);
	}
	ov = pcre2_get_ovector_pointer(md);
	/* Copy everything out before any call that can throw. */
	{
		int n = (int)pcre2_get_ovector_count(md);
		double index = rune_index(subject, ov[0]);
		struct buf *parts = xcalloc((size_t)n, sizeof *parts);
		int *set = xcalloc((size_t)n, sizeof *set);

		for (i = 0; i < n; i++) {
			if (ov[2 * i] == PCRE2_UNSET)
				continue;
			set[i] = 1;
			buf_add(&parts[i], subject + ov[2 * i], ov[2 * i + 1] - ov[2 * i]);
		}
		pcre2_match_data_free(md);
		pcre2_code_free(re);
		push_match(J, index, parts, set, n);
	}
}

static void
free_parts(struct buf *parts, int *set, int n)
{
	int k;

	for (k = 0; k < n; k++)
		buf_free(&parts[k]);
	free(parts);
	free(set);
}

/* Push [index, match, groups...] and free the copies, even on a throw. */
static void
push_match(js_State *J, double index, struct buf *parts, int *set, int n)
{
	int i;

	if (js_try(J)) {
		free_parts(parts, set, n);
		js_throw(J);
	}
	js_newarray(J);
	js_pushnumber(J, index);
	js_setindex(J, -2, 0);
	for (i = 0; i < n; i++) {
		if (set[i])
			js_pushstring(J, parts[i].data ? parts[i].data : "");
		else
			js_pushundefined(J);
		js_setindex(J, -2, i + 1);
	}
	js_endtry(J);
	free_parts(parts, set, n);
}

static const struct {
	const char	*holder;	/* "RegExp" or "String" */
	const char	*name;
} wrapped[] = {
	{ "RegExp", "exec" }, { "RegExp", "test" }, { "String", "match" },
	{ "String", "replace" }, { "String", "search" }, { "String", "split" },
};
#define NWRAPPED (sizeof wrapped / sizeof wrapped[0])

static int
gave_up(js_State *J)
{
	int up;

	js_copy(J, -1);
	up = strstr(js_trystring(J, -1, ""), "regexec failed") != NULL;
	js_pop(J, 1);
	return up;
}

struct match {
	js_State	*J;
	int		 n, rc;
};

static void
match_call(void *arg)
{
	struct match *m = arg;

	m->rc = js_pcall(m->J, m->n);
}

static void
wrapper(js_State *J, size_t w)
{
	int i, n = js_gettop(J) - 1;
	char key[32];
	struct match m = { J, n, 0 };

	snprintf(key, sizeof key, "ly.re.%zu", w);
	js_getregistry(J, key);
	js_copy(J, 0);
	for (i = 1; i <= n; i++)
		js_copy(J, i);
	/* The matcher recurses deep (313 KiB at its limit). */
	vu_call_deep(match_call, &m);
	if (m.rc == 0)
		return;
	if (!gave_up(J))
		js_throw(J);
	js_pop(J, 1);
	/* group 9-regexp.js: fallback[name](self, args...) */
	js_getglobal(J, "__ly_rt");
	js_getproperty(J, -1, "load");
	js_rot2(J);
	js_pushnumber(J, 9);
	js_call(J, 1);
	js_getproperty(J, -1, wrapped[w].name);
	js_rot2(J);
	js_copy(J, 0);
	for (i = 1; i <= n; i++)
		js_copy(J, i);
	js_call(J, n + 1);
}

static void w0(js_State *J) { wrapper(J, 0); }
static void w1(js_State *J) { wrapper(J, 1); }
static void w2(js_State *J) { wrapper(J, 2); }
static void w3(js_State *J) { wrapper(J, 3); }
static void w4(js_State *J) { wrapper(J, 4); }
static void w5(js_State *J) { wrapper(J, 5); }

void
regexp_define(js_State *J)
{
	static const js_CFunction fns[NWRAPPED] = { w0, w1, w2, w3, w4, w5 };
	static const int lengths[NWRAPPED] = { 1, 1, 1, 2, 1, 2 };
	char key[32];
	size_t w;

	js_newcfunction(J, re_exec, "__ly_re_exec", 4);
	js_defglobal(J, "__ly_re_exec", JS_DONTENUM);
	for (w = 0; w < NWRAPPED; w++) {
		js_getglobal(J, wrapped[w].holder);
		js_getproperty(J, -1, "prototype");
		js_getproperty(J, -1, wrapped[w].name);
		snprintf(key, sizeof key, "ly.re.%zu", w);
		js_setregistry(J, key);
		js_newcfunction(J, fns[w], wrapped[w].name, lengths[w]);
		js_defproperty(J, -2, wrapped[w].name, JS_DONTENUM);
		js_pop(J, 2);
	}
}
