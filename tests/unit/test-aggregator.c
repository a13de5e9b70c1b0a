/* Unit tests for src/metrics/aggregator.c. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
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

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_checks, setup, teardown),
		cmocka_unit_test_setup_teardown(test_groups, setup, teardown),
		cmocka_unit_test_setup_teardown(test_batch, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
