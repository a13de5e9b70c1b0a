/* Unit tests for src/metrics/aggregator.c. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "metrics/aggregator.h"
#include "metrics/metric.h"
#include "metrics/tagset.h"

struct fixture {
	struct metric_registry	*reg;
	struct tagset_table	*tags;
	struct aggregator	*agg;
};

static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);

	f->reg = metric_registry_new();
	f->tags = tagset_table_new(0);
	f->agg = aggregator_new(f->reg, f->tags);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	aggregator_free(f->agg);
	tagset_table_free(f->tags);
	metric_registry_free(f->reg);
	free(f);
	return 0;
}

static uint32_t
intern(struct fixture *f, const char *group, const char *check)
{
	struct tag t[3] = { { "group", group }, { "scenario", "default" }, { "check", check } };
	char *cause = NULL;
	uint32_t id;

	assert_int_equal(tagset_intern(f->tags, t, check ? 3 : 2, &id, &cause), 0);
	return id;
}

/* Checks are counted per (group, name), in the order first seen. */
static void
test_checks(void **state)
{
	struct fixture *f = *state;
	uint32_t checks = metric_registry_get(f->reg, "checks")->id;
	const struct aggregator_check *c;
	size_t n;

	aggregator_add(f->agg, checks, intern(f, "", "ok"), 1);
	aggregator_add(f->agg, checks, intern(f, "::g", "ok"), 0);
	aggregator_add(f->agg, checks, intern(f, "", "ok"), 0);
	aggregator_add(f->agg, checks, intern(f, "", "b"), 1);
	c = aggregator_checks(f->agg, &n);
	assert_int_equal(n, 3);
	assert_string_equal(c[0].group, "");
	assert_string_equal(c[0].name, "ok");
	assert_int_equal(c[0].passes, 1);
	assert_int_equal(c[0].fails, 1);
	assert_string_equal(c[1].group, "::g");
	assert_int_equal(c[1].fails, 1);
	assert_string_equal(c[2].name, "b");
	assert_int_equal(aggregator_samples(f->agg), 4);
	assert_int_equal(sink_samples(metric_registry_get(f->reg, "checks")->sink), 4);
}

/* Many tag sets, more than the aggregator remembers, name few checks:
 * each sample counts for its own (group, name), whichever tag set it
 * came with and whether that tag set was seen before. */
static void
test_checks_many_tagsets(void **state)
{
	struct fixture *f = *state;
	uint32_t checks = metric_registry_get(f->reg, "checks")->id;
	const struct aggregator_check *c;
	uint64_t passes[3][4] = { { 0 } }, fails[3][4] = { { 0 } };
	char group[16], name[16], vu[16], *cause = NULL;
	uint32_t ids[200];
	size_t n, i, round;

	for (i = 0; i < 200; i++) {
		struct tag t[3] = { { "check", name }, { "group", group },
		    { "vu", vu } };

		snprintf(group, sizeof group, "::g%zu", i % 3);
		snprintf(name, sizeof name, "c%zu", i % 4);
		snprintf(vu, sizeof vu, "%zu", i);
		assert_int_equal(tagset_intern(f->tags, t, 3, &ids[i], &cause), 0);
	}
	for (round = 0; round < 2; round++)
		for (i = 0; i < 200; i++) {
			/* every seventh tag set out of turn */
			size_t k = i % 7 == 0 ? 199 - i : i;

			aggregator_add(f->agg, checks, ids[k], (double)(k % 2));
			if (k % 2)
				passes[k % 3][k % 4]++;
			else
				fails[k % 3][k % 4]++;
		}
	c = aggregator_checks(f->agg, &n);
	assert_int_equal(n, 12);
	for (i = 0; i < n; i++) {
		unsigned g = (unsigned)(c[i].group[3] - '0');
		unsigned k = (unsigned)(c[i].name[1] - '0');

		assert_true(g < 3 && k < 4);
		assert_int_equal(c[i].passes, passes[g][k]);
		assert_int_equal(c[i].fails, fails[g][k]);
	}
}

/* Groups come from group_duration samples, the root excluded. */
static void
test_groups(void **state)
{
	struct fixture *f = *state;
	uint32_t gd = metric_registry_get(f->reg, "group_duration")->id;
	char *const *g;
	size_t n;

	aggregator_add(f->agg, gd, intern(f, "::a", NULL), 5);
	aggregator_add(f->agg, gd, intern(f, "::a::b", NULL), 5);
	aggregator_add(f->agg, gd, intern(f, "::a", NULL), 5);
	aggregator_add(f->agg, gd, intern(f, "", NULL), 5);
	g = aggregator_groups(f->agg, &n);
	assert_int_equal(n, 2);
	assert_string_equal(g[0], "::a");
	assert_string_equal(g[1], "::a::b");
}

static int seen;

static void
listener(void *arg, const struct metric *m, uint32_t tags, const struct wire_sample *s)
{
	seen += (int)s->value;
}

/* Samples reach sub-metrics and the listener; wire metric ids from a
 * worker map to the registry's by name. */
static void
test_batch(void **state)
{
	struct fixture *f = *state;
	struct wire_metric wm = { 7, "my_trend", WIRE_TREND, WIRE_TIME };
	struct wire_sample s[2];
	struct wire_batch b;
	struct metric_sub *sub;
	char *cause = NULL;
	uint32_t id;

	assert_int_equal(aggregator_metric(f->agg, 0, &wm, &id, &cause), 0);
	assert_non_null(metric_registry_get(f->reg, "my_trend"));
	assert_int_equal(metric_registry_get(f->reg, "my_trend")->id, id);
	sub = metric_registry_sub(f->reg, "my_trend{group:::a}", &cause);
	assert_non_null(sub);
	aggregator_set_listener(f->agg, listener, NULL);
	memset(s, 0, sizeof s);
	s[0].metric = s[1].metric = id;
	s[0].tags = intern(f, "::a", NULL);
	s[0].value = 2;
	s[1].tags = intern(f, "::b", NULL);
	s[1].value = 3;
	memset(&b, 0, sizeof b);
	b.samples = s;
	b.n = 2;
	seen = 0;
	assert_int_equal(aggregator_batch(f->agg, &b, &cause), 0);
	assert_int_equal(seen, 5);
	assert_int_equal(sink_samples(metric_registry_get(f->reg, "my_trend")->sink), 2);
	assert_int_equal(sink_samples(sub->sink), 1);
}

/* A sample reaches the sub-metrics its tag set matches, among more tag
 * sets than the aggregator remembers, and a sub-metric added after a
 * tag set was first seen gets that tag set's later samples. */
static void
test_subs_many_tagsets(void **state)
{
	struct fixture *f = *state;
	struct metric *m = metric_registry_get(f->reg, "http_req_duration");
	struct metric_sub *ga, *gb = NULL, *cx;
	char group[16], vu[16], *cause = NULL;
	uint32_t ids[600];
	size_t i, round, want_ga = 0, want_gb = 0, want_cx = 0;

	for (i = 0; i < 600; i++) {
		struct tag t[3] = { { "check", i % 5 ? "y" : "x" },
		    { "group", group }, { "vu", vu } };

		snprintf(group, sizeof group, "::%c", i % 3 == 0 ? 'a' : 'b');
		snprintf(vu, sizeof vu, "%zu", i);
		assert_int_equal(tagset_intern(f->tags, t, 3, &ids[i], &cause), 0);
	}
	ga = metric_registry_sub(f->reg, "http_req_duration{group:::a}", &cause);
	cx = metric_registry_sub(f->reg, "http_req_duration{check:x}", &cause);
	assert_non_null(ga);
	assert_non_null(cx);
	for (round = 0; round < 3; round++) {
		if (round == 2) {
			gb = metric_registry_sub(f->reg,
			    "http_req_duration{group:::b}", &cause);
			assert_non_null(gb);
		}
		for (i = 0; i < 600; i++) {
			size_t k = i % 7 == 0 ? 599 - i : i;

			aggregator_add(f->agg, m->id, ids[k], 1);
			want_ga += k % 3 == 0;
			want_cx += k % 5 == 0;
			want_gb += round == 2 && k % 3 != 0;
		}
	}
	assert_int_equal(sink_samples(m->sink), 1800);
	assert_int_equal(sink_samples(ga->sink), want_ga);
	assert_int_equal(sink_samples(cx->sink), want_cx);
	assert_int_equal(sink_samples(gb->sink), want_gb);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_checks, setup, teardown),
		cmocka_unit_test_setup_teardown(test_checks_many_tagsets, setup, teardown),
		cmocka_unit_test_setup_teardown(test_groups, setup, teardown),
		cmocka_unit_test_setup_teardown(test_batch, setup, teardown),
		cmocka_unit_test_setup_teardown(test_subs_many_tagsets, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
