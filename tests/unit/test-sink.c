/* Unit tests for src/metrics/sink.c: k6's summary values per sink kind. */
#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "metrics/sink.h"

static double
val(const struct sink *s, const char *stat, double dur)
{
	double	 v = -12345;

	assert_int_equal(sink_value(s, stat, dur, &v), 0);
	return v;
}

static void
test_counter(void **state)
{
	struct sink	*s;
	double		 v;

	s = sink_new(SINK_COUNTER);
	assert_true(sink_empty(s));
	assert_true(val(s, "count", 2) == 0);
	assert_true(val(s, "rate", 2) == 0);
	sink_add(s, 100);
	sink_add(s, 46);
	assert_false(sink_empty(s));
	assert_int_equal(sink_samples(s), 2);
	assert_true(val(s, "count", 3.1) == 146);
	/* k6: count / test run seconds. */
	assert_true(val(s, "rate", 3.1) == 146 / 3.1);
	assert_true(val(s, "rate", 0) == 0);
	assert_int_equal(sink_value(s, "value", 1, &v), -1);
	assert_int_equal(sink_value(s, "avg", 1, &v), -1);
	assert_int_equal(sink_value(s, "p(95)", 1, &v), -1);
	sink_free(s);
}

static void
test_gauge(void **state)
{
	struct sink	*s;
	double		 v;

	s = sink_new(SINK_GAUGE);
	assert_true(sink_empty(s));
	assert_true(val(s, "value", 1) == 0);
	sink_add(s, 5);
	sink_add(s, 19);
	sink_add(s, 1);
	assert_true(val(s, "value", 1) == 1);
	assert_true(val(s, "min", 1) == 1);
	assert_true(val(s, "max", 1) == 19);
	assert_int_equal(sink_value(s, "count", 1, &v), -1);
	assert_int_equal(sink_value(s, "rate", 1, &v), -1);
	sink_free(s);

	/* k6's quirk: max starts at 0. */
	s = sink_new(SINK_GAUGE);
	sink_add(s, -5);
	sink_add(s, -3);
	assert_true(val(s, "value", 1) == -3);
	assert_true(val(s, "min", 1) == -5);
	assert_true(val(s, "max", 1) == 0);
	sink_free(s);
}

static void
test_rate(void **state)
{
	struct sink	*s;
	double		 v;
	int		 i;

	s = sink_new(SINK_RATE);
	assert_true(val(s, "rate", 1) == 0);
	assert_true(val(s, "passes", 1) == 0);
	assert_true(val(s, "fails", 1) == 0);
	for (i = 0; i < 145; i++)
		sink_add(s, i % 5 == 0 ? 0 : (i % 2 ? 1 : 0.5));
	sink_add(s, -1);	/* non-zero is a pass */
	assert_true(val(s, "passes", 1) == 117);
	assert_true(val(s, "fails", 1) == 29);
	assert_true(val(s, "rate", 1) == 117.0 / 146.0);
	assert_true(val(s, "value", 1) == 117.0 / 146.0);
	assert_int_equal(sink_value(s, "count", 1, &v), -1);
	sink_free(s);
}

/* k6's TrendSink.P: sort, then interpolate at p/100 * (n - 1). */
static double
k6_p(const double *sorted, size_t n, double pct)
{
	double	 i = pct * ((double)n - 1.0);
	double	 j = sorted[(size_t)floor(i)], k = sorted[(size_t)ceil(i)];

	return j + (k - j) * (i - floor(i));
}

static void
test_trend(void **state)
{
	struct sink	*s;
	double		 v, hundred[100];
	int		 i;

	for (i = 0; i < 100; i++)
		hundred[i] = i + 1;
	s = sink_new(SINK_TREND);
	assert_true(val(s, "avg", 1) == 0);
	assert_true(val(s, "p(95)", 1) == 0);
	assert_true(val(s, "med", 1) == 0);
	for (i = 1; i <= 100; i++)
		sink_add(s, i);
	assert_true(val(s, "avg", 1) == 50.5);
	assert_true(val(s, "min", 1) == 1);
	assert_true(val(s, "max", 1) == 100);
	assert_true(val(s, "count", 1) == 100);
	assert_true(val(s, "sum", 1) == 5050);
	assert_true(val(s, "med", 1) == 50.5);
	assert_true(val(s, "p(90)", 1) == k6_p(hundred, 100, 0.9));
	assert_true(val(s, "p(99.9)", 1) == k6_p(hundred, 100, 99.9 / 100));
	assert_true(val(s, "p(0)", 1) == 1);
	assert_true(val(s, "p(100)", 1) == 100);
	assert_int_equal(sink_value(s, "p(101)", 1, &v), -1);
	assert_int_equal(sink_value(s, "p(-1)", 1, &v), -1);
	assert_int_equal(sink_value(s, "p()", 1, &v), -1);
	assert_int_equal(sink_value(s, "p(x)", 1, &v), -1);
	assert_int_equal(sink_value(s, "p(95", 1, &v), -1);
	assert_int_equal(sink_value(s, "value", 1, &v), -1);
	assert_int_equal(sink_value(s, "rate", 1, &v), -1);
	sink_reset(s);
	assert_true(sink_empty(s));
	sink_free(s);
	sink_free(NULL);
}

static void
test_trend_exact(void **state)
{
	/* k6's own sink test values, unsorted, and their sorted order. */
	static const double in[] = {
		0.120, 0.035, 0.015, 0.190, 0.280, 0.001, 0.070, 0.499, 1.200,
		2.500
	};
	static const double sorted[] = {
		0.001, 0.015, 0.035, 0.070, 0.120, 0.190, 0.280, 0.499, 1.200,
		2.500
	};
	static const char *const stats[] = {
		"p(1)", "p(10)", "p(33.3)", "p(75)", "p(90)", "p(95)", "p(99)",
		"p(99.99)", NULL
	};
	struct sink	*s;
	double		 p;
	size_t		 i;

	s = sink_new(SINK_TREND);
	sink_add(s, 1);
	sink_add(s, 2);
	sink_add(s, 3);
	sink_add(s, 4);
	assert_true(val(s, "med", 1) == 2.5);
	assert_true(val(s, "p(90)", 1) == 3.7);
	/* 0.95 * 3 is 2.8499999999999996 in doubles, in Go as in C. */
	assert_true(val(s, "p(95)", 1) == 3.8499999999999996);
	assert_true(val(s, "p(95)", 1) != 3.85);
	assert_true(sink_percentile(s, 90) == 3.7);
	sink_free(s);

	s = sink_new(SINK_TREND);
	sink_add(s, 5);
	sink_add(s, 10);
	assert_true(val(s, "p(0)", 1) == 5);
	assert_true(val(s, "med", 1) == 7.5);
	assert_true(val(s, "p(95)", 1) == 5 + (10 - 5) * 0.95);
	assert_true(val(s, "p(99)", 1) == 5 + (10 - 5) * 0.99);
	assert_true(val(s, "p(100)", 1) == 10);
	sink_free(s);

	s = sink_new(SINK_TREND);
	sink_add(s, 0.042);
	assert_true(val(s, "med", 1) == 0.042);
	assert_true(val(s, "p(99)", 1) == 0.042);
	sink_free(s);

	s = sink_new(SINK_TREND);
	for (i = 0; i < sizeof in / sizeof in[0]; i++)
		sink_add(s, in[i]);
	assert_true(val(s, "min", 1) == 0.001);
	assert_true(val(s, "max", 1) == 2.5);
	assert_true(val(s, "med", 1) == k6_p(sorted, 10, 0.5));
	for (i = 0; stats[i] != NULL; i++) {
		assert_int_equal(sink_percentile_parse(stats[i], &p), 0);
		assert_true(val(s, stats[i], 1) == k6_p(sorted, 10, p / 100));
	}
	/* Values added after a read are sorted in too. */
	sink_add(s, 0.0005);
	assert_true(val(s, "med", 1) == 0.120);
	sink_free(s);
}

/* Past SINK_TREND_EXACT values a series answers from its histogram. */
static void
test_trend_budget(void **state)
{
	struct sink	*s;
	double		 v, n = SINK_TREND_EXACT;
	size_t		 i;

	s = sink_new(SINK_TREND);
	for (i = SINK_TREND_EXACT; i > 0; i--)
		sink_add(s, (double)i);
	assert_true(val(s, "med", 1) == (n + 1) / 2);
	v = 0.9 * (n - 1);
	assert_true(val(s, "p(90)", 1) == floor(v) + 1 + (v - floor(v)));
	sink_add(s, n + 1);
	v = val(s, "med", 1);
	assert_true(v != (n + 2) / 2);
	assert_true(fabs(v - (n + 2) / 2) <= (n + 2) / 2 / 128);
	assert_true(val(s, "count", 1) == n + 1);
	assert_true(val(s, "max", 1) == n + 1);
	sink_reset(s);
	sink_add(s, 1);
	sink_add(s, 2);
	assert_true(val(s, "med", 1) == 1.5);
	sink_free(s);
}

static void
test_merge(void **state)
{
	struct sink	*a, *b;

	a = sink_new(SINK_COUNTER);
	b = sink_new(SINK_COUNTER);
	sink_add(a, 1);
	sink_add(b, 2);
	sink_merge(a, b);
	assert_true(val(a, "count", 1) == 3);
	sink_free(a);
	sink_free(b);

	a = sink_new(SINK_GAUGE);
	b = sink_new(SINK_GAUGE);
	sink_add(a, 10);
	sink_merge(a, b);	/* an empty gauge changes nothing */
	assert_true(val(a, "value", 1) == 10);
	sink_add(b, 3);
	sink_merge(a, b);
	assert_true(val(a, "value", 1) == 3);
	assert_true(val(a, "min", 1) == 3);
	assert_true(val(a, "max", 1) == 10);
	sink_free(a);
	sink_free(b);

	/* Gauges of several machines: the latest value wins, whatever the
	 * order of the merge. */
	a = sink_new(SINK_GAUGE);
	b = sink_new(SINK_GAUGE);
	sink_add_at(a, 7, 200);
	sink_add_at(b, 5, 100);
	sink_merge(a, b);
	assert_true(val(a, "value", 1) == 7);
	assert_true(a->u.gauge.time == 200);
	sink_add_at(b, 9, 300);
	sink_merge(a, b);
	assert_true(val(a, "value", 1) == 9);
	assert_true(val(a, "min", 1) == 5);
	sink_free(a);
	sink_free(b);

	a = sink_new(SINK_RATE);
	b = sink_new(SINK_RATE);
	sink_add(a, 1);
	sink_add(b, 0);
	sink_merge(a, b);
	assert_true(val(a, "rate", 1) == 0.5);
	sink_free(a);
	sink_free(b);

	a = sink_new(SINK_TREND);
	b = sink_new(SINK_TREND);
	sink_add(a, 1);
	sink_add(b, 2);
	sink_merge(a, b);
	assert_true(val(a, "med", 1) == 1.5);
	assert_true(val(a, "count", 1) == 2);
	sink_add(b, 3);
	sink_add(b, 4);
	sink_merge(a, b);	/* 1 2 2 3 4 */
	assert_true(val(a, "p(90)", 1) == 3.6);
	assert_true(val(a, "med", 1) == 2);
	sink_free(a);
	sink_free(b);

	/* A histogram loaded into a Trend: exact values are given up. */
	{
		const double	*v;
		size_t		 n;

		a = sink_new(SINK_TREND);
		b = sink_new(SINK_TREND);
		sink_add(a, 1);
		sink_add(b, 3);
		assert_int_equal(sink_trend_values(a, &v, &n), 0);
		assert_int_equal(n, 1);
		assert_true(v[0] == 1);
		sink_trend_load(a, sink_trend_hist(b));
		assert_int_equal(sink_trend_values(a, &v, &n), -1);
		assert_true(val(a, "count", 1) == 2);
		assert_true(val(a, "max", 1) == 3);
		assert_true(val(a, "min", 1) == 1);
		sink_free(a);
		sink_free(b);
	}
}

static void
test_names(void **state)
{
	const char *const	*l;
	enum sink_type		 t;
	size_t			 n;
	char			*cause = NULL;

	l = sink_stats(SINK_COUNTER, &n);
	assert_int_equal(n, 2);
	assert_string_equal(l[0], "count");
	assert_string_equal(l[1], "rate");
	assert_null(l[2]);
	l = sink_stats(SINK_GAUGE, &n);
	assert_int_equal(n, 3);
	assert_string_equal(l[0], "value");
	assert_string_equal(l[2], "max");
	l = sink_stats(SINK_RATE, &n);
	assert_int_equal(n, 3);
	assert_string_equal(l[0], "rate");
	assert_string_equal(l[1], "passes");
	assert_string_equal(l[2], "fails");
	l = sink_stats(SINK_TREND, &n);
	assert_int_equal(n, 6);
	assert_string_equal(l[0], "avg");
	assert_string_equal(l[1], "min");
	assert_string_equal(l[2], "med");
	assert_string_equal(l[3], "max");
	assert_string_equal(l[4], "p(90)");
	assert_string_equal(l[5], "p(95)");

	assert_string_equal(sink_type_name(SINK_COUNTER), "counter");
	assert_string_equal(sink_type_name(SINK_GAUGE), "gauge");
	assert_string_equal(sink_type_name(SINK_RATE), "rate");
	assert_string_equal(sink_type_name(SINK_TREND), "trend");
	assert_int_equal(sink_type_parse("trend", &t), 0);
	assert_int_equal(t, SINK_TREND);
	assert_int_equal(sink_type_parse("gauge", &t), 0);
	assert_int_equal(t, SINK_GAUGE);
	assert_int_equal(sink_type_parse("Trend", &t), -1);

	assert_int_equal(sink_trend_stat_check("avg", &cause), 0);
	assert_int_equal(sink_trend_stat_check("count", &cause), 0);
	assert_int_equal(sink_trend_stat_check("p(99.99)", &cause), 0);
	assert_int_equal(sink_trend_stat_check("p(0)", &cause), 0);
	assert_int_equal(sink_trend_stat_check("", &cause), -1);
	assert_string_equal(cause, "invalid stat, empty string");
	free(cause);
	assert_int_equal(sink_trend_stat_check("foo", &cause), -1);
	assert_string_equal(cause, "invalid stat 'foo', unknown format");
	free(cause);
	assert_int_equal(sink_trend_stat_check("p(abc)", &cause), -1);
	assert_non_null(strstr(cause, "p(abc)"));
	free(cause);
	assert_int_equal(sink_trend_stat_check("p(200)", &cause), -1);
	free(cause);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_counter),
		cmocka_unit_test(test_gauge),
		cmocka_unit_test(test_rate),
		cmocka_unit_test(test_trend),
		cmocka_unit_test(test_trend_exact),
		cmocka_unit_test(test_trend_budget),
		cmocka_unit_test(test_merge),
		cmocka_unit_test(test_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
