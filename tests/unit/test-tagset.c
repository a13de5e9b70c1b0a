/* Unit tests for src/metrics/tagset.c. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "metrics/tagset.h"

static uint32_t
intern(struct tagset_table *t, const struct tag *tags, size_t n)
{
	uint32_t id = 0;
	char *cause = NULL;

	if (tagset_intern(t, tags, n, &id, &cause) != 0)
		fail_msg("intern: %s", cause);
	return id;
}

static void
test_intern_same_id(void **state)
{
	struct tagset_table *t = tagset_table_new(0);
	struct tag a[] = { { "method", "GET" }, { "status", "200" } };
	struct tag b[] = { { "method", "GET" }, { "status", "404" } };
	struct tag a2[] = { { "status", "200" }, { "method", "GET" } };
	uint32_t ia, ib, ie;

	ia = intern(t, a, 2);
	ib = intern(t, b, 2);
	assert_int_equal(ia, 1);
	assert_int_equal(ib, 2);
	assert_int_equal(intern(t, a, 2), ia);
	assert_int_equal(intern(t, a2, 2), ia);	/* unsorted input */
	ie = intern(t, NULL, 0);
	assert_int_equal(ie, 3);
	assert_int_equal(intern(t, NULL, 0), ie);
	assert_int_equal(tagset_count(t), 3);
	assert_int_equal(tagset_find(t, b, 2), ib);
	assert_int_equal(tagset_find(t, b, 1), 0);
	tagset_table_free(t);
}

static void
test_get_sorted_dedup(void **state)
{
	struct tagset_table *t = tagset_table_new(0);
	struct tag in[] = { { "url", "u" }, { "a", "1" }, { "url", "v" },
	    { "name", "n" } };
	const struct tag *g;
	size_t n;
	uint32_t id;

	id = intern(t, in, 4);
	g = tagset_get(t, id, &n);
	assert_non_null(g);
	assert_int_equal(n, 3);
	assert_string_equal(g[0].key, "a");
	assert_string_equal(g[1].key, "name");
	assert_string_equal(g[2].key, "url");
	assert_string_equal(g[2].value, "v");	/* last one wins */
	assert_string_equal(tagset_value(t, id, "name"), "n");
	assert_null(tagset_value(t, id, "zzz"));
	assert_null(tagset_value(t, id, "0"));
	assert_null(tagset_get(t, 0, &n));
	assert_null(tagset_get(t, id + 1, &n));
	tagset_table_free(t);
}

static void
test_with(void **state)
{
	struct tagset_table *t = tagset_table_new(0);
	struct tag base[] = { { "group", "" }, { "scenario", "default" } };
	struct tag want[] = { { "check", "ok" }, { "group", "" },
	    { "scenario", "default" } };
	struct tag repl[] = { { "group", "::g" }, { "scenario", "default" } };
	uint32_t b, d, d2, r;
	char *cause = NULL;
	int i;

	b = intern(t, base, 2);
	assert_int_equal(tagset_with(t, b, "check", "ok", &d, &cause), 0);
	assert_int_equal(d, intern(t, want, 3));
	for (i = 0; i < 3; i++) {
		assert_int_equal(tagset_with(t, b, "check", "ok", &d2, &cause),
		    0);
		assert_int_equal(d2, d);
	}
	assert_int_equal(tagset_with(t, b, "check", "ko", &d2, &cause), 0);
	assert_int_not_equal(d2, d);
	/* Replacing a key. */
	assert_int_equal(tagset_with(t, b, "group", "::g", &r, &cause), 0);
	assert_int_equal(r, intern(t, repl, 2));
	/* Setting a tag to the value it has gives the base back, even after
	 * a cache entry for another key of the same base. */
	assert_int_equal(tagset_with(t, b, "scenario", "default", &r, &cause),
	    0);
	assert_int_equal(r, b);
	assert_int_equal(tagset_with(t, 999, "a", "b", &r, &cause), -1);
	assert_non_null(cause);
	free(cause);
	tagset_table_free(t);
}

/* The same call again, its strings in a buffer that then holds others:
 * what the strings say decides, not where they are. */
static void
test_with_reused_buffer(void **state)
{
	struct tagset_table *t = tagset_table_new(0);
	struct tag base[] = { { "scenario", "default" } };
	struct tag ok[] = { { "check", "ok" }, { "scenario", "default" } };
	struct tag ko[] = { { "check", "ko" }, { "scenario", "default" } };
	struct tag other[] = { { "name", "ok" }, { "scenario", "default" } };
	char key[16], value[16];
	uint32_t b, b2, r;
	char *cause = NULL;

	(void)state;
	b = intern(t, base, 1);
	strcpy(key, "check");
	strcpy(value, "ok");
	assert_int_equal(tagset_with(t, b, key, value, &r, &cause), 0);
	assert_int_equal(r, intern(t, ok, 2));
	assert_int_equal(tagset_with(t, b, key, value, &r, &cause), 0);
	assert_int_equal(r, intern(t, ok, 2));
	strcpy(value, "ko");
	assert_int_equal(tagset_with(t, b, key, value, &r, &cause), 0);
	assert_int_equal(r, intern(t, ko, 2));
	strcpy(key, "name");
	strcpy(value, "ok");
	assert_int_equal(tagset_with(t, b, key, value, &r, &cause), 0);
	assert_int_equal(r, intern(t, other, 2));
	/* another base, the same tag */
	b2 = intern(t, ok, 2);
	assert_int_equal(tagset_with(t, b2, key, value, &r, &cause), 0);
	assert_int_equal(r, intern(t, (struct tag[]){ { "check", "ok" },
	    { "name", "ok" }, { "scenario", "default" } }, 3));
	assert_null(cause);
	tagset_table_free(t);
}

static void
test_contains(void **state)
{
	struct tagset_table *t = tagset_table_new(0);
	struct tag full[] = { { "method", "GET" }, { "name", "x" },
	    { "status", "200" } };
	struct tag sub[] = { { "status", "200" } };
	struct tag sub2[] = { { "method", "GET" }, { "status", "200" } };
	struct tag other[] = { { "status", "201" } };
	struct tag missing[] = { { "proto", "HTTP/1.1" } };
	uint32_t f, e;

	f = intern(t, full, 3);
	e = intern(t, NULL, 0);
	assert_true(tagset_contains(t, f, intern(t, sub, 1)));
	assert_true(tagset_contains(t, f, intern(t, sub2, 2)));
	assert_true(tagset_contains(t, f, f));
	assert_true(tagset_contains(t, f, e));
	assert_false(tagset_contains(t, f, intern(t, other, 1)));
	assert_false(tagset_contains(t, f, intern(t, missing, 1)));
	assert_false(tagset_contains(t, intern(t, sub, 1), f));
	assert_false(tagset_contains(t, f, 0));
	tagset_table_free(t);
}

static void
test_cap(void **state)
{
	struct tagset_table *t = tagset_table_new(3);
	struct tag one;
	char v[16];
	uint32_t id, i;
	char *cause = NULL;

	one.key = "url";
	one.value = v;
	for (i = 0; i < 3; i++) {
		snprintf(v, sizeof v, "/item/%u", i);
		intern(t, &one, 1);
	}
	snprintf(v, sizeof v, "/item/%u", 3);
	assert_int_equal(tagset_intern(t, &one, 1, &id, &cause), -1);
	assert_non_null(cause);
	assert_non_null(strstr(cause, "too many distinct tag sets"));
	free(cause);
	assert_int_equal(tagset_refused(t), 1);
	/* Known sets still resolve. */
	snprintf(v, sizeof v, "/item/%u", 1);
	assert_int_equal(intern(t, &one, 1), 2);
	tagset_table_free(t);
}

/* Sets of more tags than fit on the stack, out of order and with a key
 * repeated: canonical all the same, in intern, find and with. */
static void
test_large_unsorted(void **state)
{
	enum { N = 40 };
	struct tagset_table *t = tagset_table_new(0);
	struct tag in[N + 1];
	char keys[N][16];
	const struct tag *got;
	char *cause = NULL;
	uint32_t id, id2, id3;
	size_t n;
	int i;

	(void)state;
	for (i = 0; i < N; i++) {
		snprintf(keys[i], sizeof keys[i], "k%02d", N - 1 - i);
		in[i].key = keys[i];
		in[i].value = "v";
	}
	in[N].key = keys[0];	/* repeated: the last one wins */
	in[N].value = "last";
	assert_int_equal(tagset_intern(t, in, N + 1, &id, &cause), 0);
	assert_int_equal(tagset_find(t, in, N + 1), id);
	got = tagset_get(t, id, &n);
	assert_int_equal(n, N);
	for (i = 0; i < N; i++)
		assert_string_equal(got[i].key, keys[N - 1 - i]);
	assert_string_equal(got[N - 1].value, "last");
	assert_int_equal(tagset_with(t, id, keys[0], "v", &id2, &cause), 0);
	assert_int_equal(tagset_find(t, in, N), id2);
	assert_int_equal(tagset_with(t, id2, "a", "x", &id3, &cause), 0);
	got = tagset_get(t, id3, &n);
	assert_int_equal(n, N + 1);
	assert_string_equal(got[0].key, "a");
	tagset_table_free(t);
}

static void
test_limits(void **state)
{
	struct tagset_table *t = tagset_table_new(0);
	struct tag many[TAGSET_MAX_TAGS + 1];
	char keys[TAGSET_MAX_TAGS + 1][16];
	char *big, *cause = NULL;
	struct tag b;
	uint32_t id;
	int i;

	for (i = 0; i <= TAGSET_MAX_TAGS; i++) {
		snprintf(keys[i], sizeof keys[i], "k%03d", i);
		many[i].key = keys[i];
		many[i].value = "v";
	}
	assert_int_equal(tagset_intern(t, many, TAGSET_MAX_TAGS + 1, &id,
	    &cause), -1);
	free(cause);
	cause = NULL;
	assert_int_equal(tagset_intern(t, many, TAGSET_MAX_TAGS, &id, &cause),
	    0);
	/* Adding to a full-size set fails cleanly. */
	assert_int_equal(tagset_with(t, id, "zz", "v", &id, &cause), -1);
	free(cause);
	cause = NULL;
	big = malloc(TAGSET_MAX_BYTES + 1);
	memset(big, 'x', TAGSET_MAX_BYTES);
	big[TAGSET_MAX_BYTES] = '\0';
	b.key = "k";
	b.value = big;
	assert_int_equal(tagset_intern(t, &b, 1, &id, &cause), -1);
	free(cause);
	free(big);
	tagset_table_free(t);
}

static void
test_many(void **state)
{
	struct tagset_table *t = tagset_table_new(0);
	struct tag tags[3];
	char v1[16], v2[16];
	uint32_t i, id;

	tags[0].key = "method";
	tags[0].value = "GET";
	tags[1].key = "status";
	tags[1].value = v1;
	tags[2].key = "url";
	tags[2].value = v2;
	for (i = 0; i < 200000; i++) {
		snprintf(v1, sizeof v1, "%u", i % 7);
		snprintf(v2, sizeof v2, "/u/%u", i);
		assert_int_equal(intern(t, tags, 3), i + 1);
	}
	for (i = 0; i < 200000; i += 997) {
		snprintf(v1, sizeof v1, "%u", i % 7);
		snprintf(v2, sizeof v2, "/u/%u", i);
		id = intern(t, tags, 3);
		assert_int_equal(id, i + 1);
		assert_string_equal(tagset_value(t, id, "url"), v2);
	}
	assert_int_equal(tagset_count(t), 200000);
	tagset_table_free(t);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_intern_same_id),
		cmocka_unit_test(test_get_sorted_dedup),
		cmocka_unit_test(test_with),
		cmocka_unit_test(test_with_reused_buffer),
		cmocka_unit_test(test_contains),
		cmocka_unit_test(test_cap),
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_large_unsorted),
		cmocka_unit_test(test_many),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
