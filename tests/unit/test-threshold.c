/* Unit tests for src/metrics/threshold.c: k6's threshold syntax. */
#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "metrics/metric.h"
#include "metrics/sink.h"
#include "metrics/threshold.h"

static const struct {
	const char		*src;
	enum threshold_agg	 agg;
	double			 pct;
	enum threshold_op	 op;
	double			 value;
	const char		*stat;
} good[] = {
	{ "p(95)<500", THRESHOLD_P, 95, THRESHOLD_LT, 500, "p(95)" },
	{ "p(95) < 500", THRESHOLD_P, 95, THRESHOLD_LT, 500, "p(95)" },
	{ "  p(99.9)\t<=\t1500  ", THRESHOLD_P, 99.9, THRESHOLD_LE, 1500, "p(99.9)" },
	{ "p(0)>=0", THRESHOLD_P, 0, THRESHOLD_GE, 0, "p(0)" },
	{ "p(100)>1", THRESHOLD_P, 100, THRESHOLD_GT, 1, "p(100)" },
	{ "p(99.99)<1", THRESHOLD_P, 99.99, THRESHOLD_LT, 1, "p(99.99)" },
	{ "p(90.0)<1", THRESHOLD_P, 90, THRESHOLD_LT, 1, "p(90)" },
	{ "p(1e1)<1", THRESHOLD_P, 10, THRESHOLD_LT, 1, "p(10)" },
	{ "p(0.00001)<1", THRESHOLD_P, 0.00001, THRESHOLD_LT, 1, "p(1e-05)" },
	{ "p<5", THRESHOLD_P, 0, THRESHOLD_LT, 5, "p(0)" },
	{ "avg<200", THRESHOLD_AVG, 0, THRESHOLD_LT, 200, "avg" },
	{ "min>0.5", THRESHOLD_MIN, 0, THRESHOLD_GT, 0.5, "min" },
	{ "max<=1e3", THRESHOLD_MAX, 0, THRESHOLD_LE, 1000, "max" },
	{ "med!=3", THRESHOLD_MED, 0, THRESHOLD_NE, 3, "med" },
	{ "count==10", THRESHOLD_COUNT, 0, THRESHOLD_EQ, 10, "count" },
	{ "count===10", THRESHOLD_COUNT, 0, THRESHOLD_SEQ, 10, "count" },
	{ "rate<0.01", THRESHOLD_RATE, 0, THRESHOLD_LT, 0.01, "rate" },
	{ "rate>=.95", THRESHOLD_RATE, 0, THRESHOLD_GE, 0.95, "rate" },
	{ "value>-5", THRESHOLD_VALUE, 0, THRESHOLD_GT, -5, "value" },
	{ "value<+5.", THRESHOLD_VALUE, 0, THRESHOLD_LT, 5, "value" },
	{ "value<-2.5E-3", THRESHOLD_VALUE, 0, THRESHOLD_LT, -0.0025, "value" },
	{ "value<0x10p0", THRESHOLD_VALUE, 0, THRESHOLD_LT, 16, "value" },
	{ "count<Inf", THRESHOLD_COUNT, 0, THRESHOLD_LT, INFINITY, "count" },
	{ "count>-infinity", THRESHOLD_COUNT, 0, THRESHOLD_GT, -INFINITY, "count" },
};

static const struct {
	const char	*src;
	const char	*msg;
} bad[] = {
	{ "p(95)", "failed parsing threshold expression \"p(95)\"; reason: "
	    "malformed threshold expression" },
	{ "count!20", "failed parsing threshold expression \"count!20\"; "
	    "reason: malformed threshold expression" },
	{ "", "failed parsing threshold expression \"\"; reason: "
	    "malformed threshold expression" },
	{ "foo>20", "failed parsing threshold expression's \"foo>20\" left "
	    "hand side; reason: failed parsing method from expression" },
	{ "P(95)<1", "failed parsing threshold expression's \"P(95)<1\" left "
	    "hand side; reason: failed parsing method from expression" },
	{ "<1", "failed parsing threshold expression's \"<1\" left "
	    "hand side; reason: failed parsing method from expression" },
	{ "p(95<1", "failed parsing threshold expression's \"p(95<1\" left "
	    "hand side; reason: failed parsing method from expression" },
	{ "p()<1", "failed parsing threshold expression's \"p()<1\" left hand "
	    "side; reason: malformed percentile value; reason: "
	    "strconv.ParseFloat: parsing \"\": invalid syntax" },
	{ "p(foo)<1", "failed parsing threshold expression's \"p(foo)<1\" left "
	    "hand side; reason: malformed percentile value; reason: "
	    "strconv.ParseFloat: parsing \"foo\": invalid syntax" },
	{ "p( 95 )<1", "failed parsing threshold expression's \"p( 95 )<1\" "
	    "left hand side; reason: malformed percentile value; reason: "
	    "strconv.ParseFloat: parsing \" 95 \": invalid syntax" },
	{ "p(101)<1", "failed parsing threshold expression's \"p(101)<1\" "
	    "left hand side; reason: malformed percentile value; reason: "
	    "percentile 101 is not between 0 and 100" },
	{ "p(-1)<1", "failed parsing threshold expression's \"p(-1)<1\" "
	    "left hand side; reason: malformed percentile value; reason: "
	    "percentile -1 is not between 0 and 100" },
	{ "p(NaN)<1", "failed parsing threshold expression's \"p(NaN)<1\" "
	    "left hand side; reason: malformed percentile value; reason: "
	    "percentile NaN is not between 0 and 100" },
	{ "count>abc", "failed parsing threshold expresion's \"count>abc\" "
	    "right hand side; reason: strconv.ParseFloat: parsing \"abc\": "
	    "invalid syntax" },
	{ "count>", "failed parsing threshold expresion's \"count>\" "
	    "right hand side; reason: strconv.ParseFloat: parsing \"\": "
	    "invalid syntax" },
	{ "count>1_000", "failed parsing threshold expresion's \"count>1_000\" "
	    "right hand side; reason: strconv.ParseFloat: parsing \"1_000\": "
	    "invalid syntax" },
	{ "count>1e999", "failed parsing threshold expresion's \"count>1e999\" "
	    "right hand side; reason: strconv.ParseFloat: parsing \"1e999\": "
	    "value out of range" },
	{ "count>1 0", "failed parsing threshold expresion's \"count>1 0\" "
	    "right hand side; reason: strconv.ParseFloat: parsing \"1 0\": "
	    "invalid syntax" },
	{ "count>0x10", "failed parsing threshold expresion's \"count>0x10\" "
	    "right hand side; reason: strconv.ParseFloat: parsing \"0x10\": "
	    "invalid syntax" },
	{ "count>1e", "failed parsing threshold expresion's \"count>1e\" "
	    "right hand side; reason: strconv.ParseFloat: parsing \"1e\": "
	    "invalid syntax" },
	{ "count>-nan", "failed parsing threshold expresion's \"count>-nan\" "
	    "right hand side; reason: strconv.ParseFloat: parsing \"-nan\": "
	    "invalid syntax" },
	{ "rate<\"5\"", "failed parsing threshold expresion's \"rate<\\\"5\\\"\" "
	    "right hand side; reason: strconv.ParseFloat: parsing \"\\\"5\\\"\": "
	    "invalid syntax" },
	/* "a<b>=c" splits at "<" (checked before ">="), leaving "b>=c". */
	{ "count<1>=2", "failed parsing threshold expresion's \"count<1>=2\" "
	    "right hand side; reason: strconv.ParseFloat: parsing \"1>=2\": "
	    "invalid syntax" },
};

static void
test_parse_good(void **state)
{
	struct threshold	*t;
	char			*cause = NULL, stat[64];
	size_t			 i;

	for (i = 0; i < sizeof good / sizeof good[0]; i++) {
		t = threshold_parse(good[i].src, &cause);
		if (t == NULL) {
			print_error("%s: %s\n", good[i].src, cause);
			fail();
		}
		assert_string_equal(t->source, good[i].src);
		assert_int_equal(t->agg, good[i].agg);
		assert_true(t->pct == good[i].pct);
		assert_int_equal(t->op, good[i].op);
		assert_true(t->value == good[i].value);
		assert_string_equal(threshold_stat(t, stat, sizeof stat),
		    good[i].stat);
		assert_false(t->abort_on_fail);
		assert_true(t->delay_abort_eval_ms < 0);
		threshold_free(t);
	}
	threshold_free(NULL);
}

static void
test_parse_bad(void **state)
{
	struct threshold	*t;
	char			*cause;
	size_t			 i;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		cause = NULL;
		t = threshold_parse(bad[i].src, &cause);
		if (t != NULL) {
			print_error("%s: parsed\n", bad[i].src);
			fail();
		}
		assert_non_null(cause);
		assert_string_equal(cause, bad[i].msg);
		free(cause);
	}
}

static void
test_names(void **state)
{
	assert_string_equal(threshold_op_name(THRESHOLD_LE), "<=");
	assert_string_equal(threshold_op_name(THRESHOLD_LT), "<");
	assert_string_equal(threshold_op_name(THRESHOLD_GE), ">=");
	assert_string_equal(threshold_op_name(THRESHOLD_GT), ">");
	assert_string_equal(threshold_op_name(THRESHOLD_SEQ), "===");
	assert_string_equal(threshold_op_name(THRESHOLD_EQ), "==");
	assert_string_equal(threshold_op_name(THRESHOLD_NE), "!=");
	assert_string_equal(threshold_agg_name(THRESHOLD_P), "p");
	assert_string_equal(threshold_agg_name(THRESHOLD_MED), "med");
}

static void
check_type(const char *src, enum sink_type type, const char *msg)
{
	struct threshold	*t;
	char			*cause = NULL;

	t = threshold_parse(src, &cause);
	assert_non_null(t);
	if (msg == NULL) {
		assert_int_equal(threshold_check_type(t, type, "m", &cause), 0);
	} else {
		assert_int_equal(threshold_check_type(t, type,
		    "my_metric{a:b}", &cause), -1);
		assert_string_equal(cause, msg);
		free(cause);
	}
	threshold_free(t);
}

static void
test_check_type(void **state)
{
	check_type("count>1", SINK_COUNTER, NULL);
	check_type("rate>1", SINK_COUNTER, NULL);
	check_type("value>1", SINK_GAUGE, NULL);
	check_type("rate>1", SINK_RATE, NULL);
	check_type("avg>1", SINK_TREND, NULL);
	check_type("min>1", SINK_TREND, NULL);
	check_type("max>1", SINK_TREND, NULL);
	check_type("med>1", SINK_TREND, NULL);
	check_type("p(99.9)>1", SINK_TREND, NULL);
	check_type("avg<1", SINK_COUNTER, "invalid threshold \"avg<1\" "
	    "applied on metric my_metric{a:b}; reason: unsupported aggregation "
	    "method avg on metric of type counter. supported aggregation "
	    "methods for this metric are: count, rate");
	check_type("max==30", SINK_GAUGE, "invalid threshold \"max==30\" "
	    "applied on metric my_metric{a:b}; reason: unsupported aggregation "
	    "method max on metric of type gauge. supported aggregation "
	    "methods for this metric are: value");
	check_type("count>1", SINK_RATE, "invalid threshold \"count>1\" "
	    "applied on metric my_metric{a:b}; reason: unsupported aggregation "
	    "method count on metric of type rate. supported aggregation "
	    "methods for this metric are: rate");
	check_type("p(95)<1", SINK_RATE, "invalid threshold \"p(95)<1\" "
	    "applied on metric my_metric{a:b}; reason: unsupported aggregation "
	    "method p on metric of type rate. supported aggregation "
	    "methods for this metric are: rate");
	check_type("rate<1", SINK_TREND, "invalid threshold \"rate<1\" "
	    "applied on metric my_metric{a:b}; reason: unsupported aggregation "
	    "method rate on metric of type trend. supported aggregation "
	    "methods for this metric are: avg, min, max, med, p");
	check_type("value<1", SINK_COUNTER, "invalid threshold \"value<1\" "
	    "applied on metric my_metric{a:b}; reason: unsupported aggregation "
	    "method value on metric of type counter. supported aggregation "
	    "methods for this metric are: count, rate");
}

/* Evaluate src on s: expect pass (1) or fail (0) and the observed value. */
static void
check_eval(const char *src, const struct sink *s, double dur, int want,
    double observed)
{
	struct threshold	*t;
	char			*cause = NULL;
	int			 got;

	t = threshold_parse(src, &cause);
	assert_non_null(t);
	got = threshold_eval(t, s, dur);
	if (got != want) {
		print_error("%s: got %d want %d (observed %g)\n", src, got,
		    want, t->observed);
		fail();
	}
	assert_true(t->evaluated);
	assert_int_equal(t->failed, !want);
	if (!isnan(observed)) {
		assert_true(t->has_value);
		if (fabs(t->observed - observed) > 0.01 * fabs(observed)) {
			print_error("%s: observed %.17g want %.17g\n", src,
			    t->observed, observed);
			fail();
		}
	}
	threshold_free(t);
}

static void
test_eval(void **state)
{
	struct sink	*c, *g, *r, *tr, *er;
	int		 i;

	c = sink_new(SINK_COUNTER);
	for (i = 0; i < 10; i++)
		sink_add(c, 1);
	check_eval("count==10", c, 2, 1, 10);
	check_eval("count===10", c, 2, 1, 10);
	check_eval("count!=10", c, 2, 0, 10);
	check_eval("count<10", c, 2, 0, 10);
	check_eval("count<=10", c, 2, 1, 10);
	check_eval("count>9.5", c, 2, 1, 10);
	check_eval("count>=10.5", c, 2, 0, 10);
	check_eval("rate==5", c, 2, 1, 5);
	check_eval("rate<5", c, 2, 0, 5);

	g = sink_new(SINK_GAUGE);
	sink_add(g, 30);
	sink_add(g, 7);
	check_eval("value==7", g, 1, 1, 7);
	check_eval("value>7", g, 1, 0, 7);

	r = sink_new(SINK_RATE);
	for (i = 0; i < 100; i++)
		sink_add(r, i < 3);
	check_eval("rate<0.01", r, 1, 0, 0.03);
	check_eval("rate<0.05", r, 1, 1, 0.03);
	check_eval("rate>=0.03", r, 1, 1, 0.03);

	/* An empty Rate has no rate: not a failure. */
	er = sink_new(SINK_RATE);
	check_eval("rate>0.99", er, 1, 1, NAN);

	tr = sink_new(SINK_TREND);
	for (i = 1; i <= 1000; i++)
		sink_add(tr, i);
	check_eval("avg==500.5", tr, 1, 1, 500.5);
	check_eval("min==1", tr, 1, 1, 1);
	check_eval("max==1000", tr, 1, 1, 1000);
	check_eval("med<400", tr, 1, 0, 500.5);
	check_eval("med>400", tr, 1, 1, 500.5);
	check_eval("p(95)<500", tr, 1, 0, 950.05);
	check_eval("p(95)<1000", tr, 1, 1, 950.05);
	check_eval("p(99.9)>990", tr, 1, 1, 999.001);
	check_eval("p(0)==1", tr, 1, 1, 1);
	check_eval("p(100)==1000", tr, 1, 1, 1000);
	check_eval("p<2", tr, 1, 1, 1);

	/* Empty trend: every aggregate is 0. */
	sink_reset(tr);
	check_eval("p(95)<1", tr, 1, 1, 0);
	check_eval("avg>0", tr, 1, 0, 0);

	sink_free(c);
	sink_free(g);
	sink_free(r);
	sink_free(er);
	sink_free(tr);
}

static void
test_abort(void **state)
{
	struct threshold	*t;
	struct sink		*s;
	char			*cause = NULL;

	s = sink_new(SINK_TREND);
	sink_add(s, 900);
	t = threshold_parse("p(95)<500", &cause);
	assert_non_null(t);
	assert_false(threshold_should_abort(t, 1e9));
	assert_int_equal(threshold_eval(t, s, 1), 0);
	assert_false(threshold_should_abort(t, 1e9));	/* no abortOnFail */
	t->abort_on_fail = true;
	assert_true(threshold_should_abort(t, 0));
	t->delay_abort_eval_ms = 10000;
	assert_false(threshold_should_abort(t, 9000));
	assert_false(threshold_should_abort(t, 10000));
	assert_true(threshold_should_abort(t, 10001));
	sink_reset(s);
	sink_add(s, 100);
	assert_int_equal(threshold_eval(t, s, 1), 1);
	assert_false(threshold_should_abort(t, 20000));
	threshold_free(t);
	sink_free(s);
}

static void
check_sel(const char *name, const char *metric, const char *suffix,
    size_t ntags, ...)
{
	struct threshold_selector	 sel;
	char				*cause = NULL;
	va_list				 ap;
	size_t				 i;

	if (threshold_selector_parse(name, &sel, &cause) != 0) {
		print_error("%s: %s\n", name, cause);
		fail();
	}
	assert_string_equal(sel.metric, metric);
	if (suffix == NULL)
		assert_null(sel.suffix);
	else
		assert_string_equal(sel.suffix, suffix);
	assert_int_equal(sel.ntags, ntags);
	va_start(ap, ntags);
	for (i = 0; i < ntags; i++) {
		assert_string_equal(sel.tags[i].key, va_arg(ap, const char *));
		assert_string_equal(sel.tags[i].value, va_arg(ap, const char *));
	}
	va_end(ap);
	threshold_selector_free(&sel);
}

static void
check_sel_bad(const char *name, const char *msg)
{
	struct threshold_selector	 sel;
	char				*cause = NULL;

	assert_int_equal(threshold_selector_parse(name, &sel, &cause), -1);
	assert_string_equal(cause, msg);
	assert_null(sel.metric);
	free(cause);
}

static void
test_selector(void **state)
{
	struct threshold_selector	 a, b;
	char				*cause = NULL;

	check_sel("http_req_duration", "http_req_duration", NULL, 0);
	check_sel("http_req_duration{status:200}", "http_req_duration",
	    "status:200", 1, "status", "200");
	check_sel("m{a:b,c:d}", "m", "a:b,c:d", 2, "a", "b", "c", "d");
	check_sel("m{c:d,a:b}", "m", "c:d,a:b", 2, "a", "b", "c", "d");
	check_sel("m{ a : b , c:d }", "m", "a : b , c:d", 2,
	    "a", "b", "c", "d");
	check_sel("m{\"a\":\"b\"}", "m", "\"a\":\"b\"", 1, "a", "b");
	check_sel("m{'a':'b c'}", "m", "'a':'b c'", 1, "a", "b c");
	check_sel("m{tag:\"\"}", "m", "tag:\"\"", 1, "tag", "");
	check_sel("m{tag: }", "m", "tag:", 1, "tag", "");
	check_sel("m{group:::a::b}", "m", "group:::a::b", 1,
	    "group", "::a::b");
	check_sel("m{group:::main}", "m", "group:::main", 1,
	    "group", "::main");
	check_sel("checks{check:status is 200}", "checks",
	    "check:status is 200", 1, "check", "status is 200");
	check_sel("http_req_duration{name:https://x/posts/${}}",
	    "http_req_duration", "name:https://x/posts/${}", 1,
	    "name", "https://x/posts/${}");
	check_sel("m{a:1,a:2}", "m", "a:1,a:2", 1, "a", "2");
	check_sel("m{expected_response:true}", "m", "expected_response:true",
	    1, "expected_response", "true");

	check_sel_bad("m{", "unable to validate threshold expressions; reason: "
	    "parsing metric name failed, metric \"m{\" has unmatched "
	    "opening/close curly brace");
	check_sel_bad("m}", "unable to validate threshold expressions; reason: "
	    "parsing metric name failed, metric \"m}\" has unmatched "
	    "opening/close curly brace");
	check_sel_bad("m}a:b{", "unable to validate threshold expressions; "
	    "reason: parsing metric name failed, metric \"m}a:b{\" closing "
	    "curly brace appears before opening one");
	check_sel_bad("m{a:b}x", "unable to validate threshold expressions; "
	    "reason: parsing metric name failed, metric \"m{a:b}x\" lacks a "
	    "closing curly brace in its last position");
	check_sel_bad("m{}", "unable to validate threshold expressions; "
	    "reason: parsing metric name failed, metric \"\" tag expression "
	    "is malformed");
	check_sel_bad("m{tag:}", "unable to validate threshold expressions; "
	    "reason: parsing metric name failed, metric \"tag:\" tag "
	    "expression is malformed");
	check_sel_bad("m{tag}", "unable to validate threshold expressions; "
	    "reason: parsing metric name failed, metric \"tag\" tag "
	    "expression is malformed");
	check_sel_bad("m{a:b,}", "unable to validate threshold expressions; "
	    "reason: parsing metric name failed, metric \"\" tag expression "
	    "is malformed");

	assert_int_equal(threshold_selector_parse("m{b:2,a:1}", &a, &cause), 0);
	assert_int_equal(threshold_selector_parse("m{ a:1 , b:'2' }", &b,
	    &cause), 0);
	assert_true(threshold_selector_same_tags(&a, &b));
	assert_string_equal(threshold_selector_tag(&a, "b"), "2");
	assert_null(threshold_selector_tag(&a, "c"));
	threshold_selector_free(&b);
	assert_int_equal(threshold_selector_parse("m{a:1}", &b, &cause), 0);
	assert_false(threshold_selector_same_tags(&a, &b));
	threshold_selector_free(&a);
	threshold_selector_free(&b);
}

static void
test_number(void **state)
{
	double	 v;
	char	*reason = NULL;

	assert_int_equal(threshold_parse_number("1.5", &v, NULL), 0);
	assert_true(v == 1.5);
	assert_int_equal(threshold_parse_number("-.5e+1", &v, NULL), 0);
	assert_true(v == -5);
	assert_int_equal(threshold_parse_number("NaN", &v, NULL), 0);
	assert_true(isnan(v));
	assert_int_equal(threshold_parse_number("1e-400", &v, NULL), 0);
	assert_true(v == 0);
	assert_int_equal(threshold_parse_number(" 1", &v, &reason), -1);
	assert_string_equal(reason,
	    "strconv.ParseFloat: parsing \" 1\": invalid syntax");
	free(reason);
	assert_int_equal(threshold_parse_number(".", &v, NULL), -1);
	assert_int_equal(threshold_parse_number("+", &v, NULL), -1);
	assert_int_equal(threshold_parse_number("e5", &v, NULL), -1);
	assert_int_equal(threshold_parse_number("1e5x", &v, NULL), -1);
}

static void
test_registry_declare(void **state)
{
	struct metric_registry	*r;
	struct metric		*m;
	char			*cause = NULL, longname[200];

	r = metric_registry_new();
	assert_int_equal(metric_registry_count(r), 25);
	m = metric_registry_get(r, "http_req_duration");
	assert_non_null(m);
	assert_int_equal(m->type, SINK_TREND);
	assert_int_equal(m->contains, METRIC_TIME);
	assert_true(m->builtin);
	assert_false(m->observed);
	m = metric_registry_get(r, "data_sent");
	assert_int_equal(m->type, SINK_COUNTER);
	assert_string_equal(metric_contains_name(m->contains), "data");
	assert_int_equal(metric_registry_get(r, "vus")->type, SINK_GAUGE);
	assert_int_equal(metric_registry_get(r, "checks")->type, SINK_RATE);
	assert_int_equal(metric_registry_get(r, "http_req_failed")->type,
	    SINK_RATE);
	assert_int_equal(metric_registry_get(r, "http_reqs")->type,
	    SINK_COUNTER);
	assert_null(metric_registry_get(r, "nope"));

	m = metric_registry_declare(r, "my_trend", SINK_TREND, METRIC_TIME,
	    &cause);
	assert_non_null(m);
	assert_int_equal(m->id, 25);
	assert_ptr_equal(metric_registry_at(r, 25), m);
	assert_false(m->builtin);
	assert_ptr_equal(metric_registry_declare(r, "my_trend", SINK_TREND,
	    METRIC_TIME, &cause), m);
	/* Same name as a built-in of the same type is that metric. */
	assert_ptr_equal(metric_registry_declare(r, "http_reqs", SINK_COUNTER,
	    METRIC_DEFAULT, &cause), metric_registry_get(r, "http_reqs"));

	assert_null(metric_registry_declare(r, "my_trend", SINK_COUNTER,
	    METRIC_DEFAULT, &cause));
	assert_string_equal(cause, "metric 'my_trend' already exists but with "
	    "type trend, instead of counter");
	free(cause);
	assert_null(metric_registry_declare(r, "my_trend", SINK_TREND,
	    METRIC_DEFAULT, &cause));
	assert_string_equal(cause, "metric 'my_trend' already exists but with "
	    "a value type time, instead of default");
	free(cause);
	assert_null(metric_registry_declare(r, "vus", SINK_COUNTER,
	    METRIC_DEFAULT, &cause));
	assert_string_equal(cause, "metric 'vus' already exists but with "
	    "type gauge, instead of counter");
	free(cause);

	assert_null(metric_registry_declare(r, "a", SINK_RATE, METRIC_DEFAULT,
	    &cause));
	assert_string_equal(cause, "Invalid metric name: 'a'. Metric names "
	    "must only include up to 128 ASCII letters, numbers, or "
	    "underscores and start with a letter or an underscore.");
	free(cause);
	assert_true(metric_name_valid("ab"));
	assert_true(metric_name_valid("_1"));
	assert_true(metric_name_valid("Zz_9"));
	assert_false(metric_name_valid(""));
	assert_false(metric_name_valid("1ab"));
	assert_false(metric_name_valid("a-b"));
	assert_false(metric_name_valid("a.b"));
	assert_false(metric_name_valid("a b"));
	assert_false(metric_name_valid("é_x"));
	memset(longname, 'x', 129);
	longname[129] = '\0';
	assert_true(metric_name_valid(longname));
	longname[129] = 'x';
	longname[130] = '\0';
	assert_false(metric_name_valid(longname));
	metric_registry_free(r);
	metric_registry_free(NULL);
}

/* Tags of a test sample: a NULL-terminated key, value list. */
static const char *
tag_lookup(void *arg, const char *key)
{
	const char	**kv = arg;

	for (; kv[0] != NULL; kv += 2) {
		if (strcmp(kv[0], key) == 0)
			return kv[1];
	}
	return NULL;
}

static int
add_thr(struct metric_registry *r, const char *key, const char *src,
    char **cause)
{
	struct threshold	*t;

	t = threshold_parse(src, cause);
	assert_non_null(t);
	return metric_registry_add_threshold(r, key, t, cause);
}

static void
test_registry_thresholds(void **state)
{
	struct metric_registry	*r;
	struct metric		*m, *c;
	struct metric_sub	*sm, *ok;
	char			*cause = NULL, *breached = NULL;
	bool			 abort;
	const char		*t200[] = {
		"expected_response", "true", "method", "GET", "status", "200",
		NULL
	};
	const char		*t500[] = {
		"method", "GET", "status", "500", "expected_response", "false",
		NULL
	};
	int			 i;

	r = metric_registry_new();
	m = metric_registry_get(r, "http_req_duration");
	assert_int_equal(add_thr(r, "http_req_duration", "p(95)<500",
	    &cause), 0);
	assert_true(m->observed);
	assert_int_equal(add_thr(r, "http_req_duration{status:200}",
	    "max<100", &cause), 0);
	assert_int_equal(add_thr(r, "http_req_duration{ status : '200' }",
	    "avg<100", &cause), 0);
	assert_int_equal(m->nsubs, 1);
	sm = m->subs[0];
	assert_string_equal(sm->name, "http_req_duration{status:200}");
	assert_int_equal(sm->nthresholds, 2);
	assert_true(sm->observed);
	ok = metric_registry_sub(r,
	    "http_req_duration{expected_response:true}", &cause);
	assert_non_null(ok);
	assert_int_equal(m->nsubs, 2);
	assert_false(ok->observed);
	assert_null(metric_registry_sub(r, "http_req_duration", &cause));
	assert_string_equal(cause, "missing ending bracket, sub-metric format "
	    "needs to be 'metric{key:value}'");
	free(cause);

	assert_int_equal(add_thr(r, "nope", "p(95)<1", &cause), -1);
	assert_string_equal(cause, "invalid threshold defined on nope; "
	    "reason: no metric name \"nope\" found");
	free(cause);
	assert_int_equal(add_thr(r, "nope{a:b}", "p(95)<1", &cause), -1);
	assert_string_equal(cause, "invalid threshold defined on nope{a:b}; "
	    "reason: no metric name \"nope{a:b}\" found");
	free(cause);
	assert_int_equal(add_thr(r, "vus", "max==30", &cause), -1);
	assert_string_equal(cause, "invalid threshold \"max==30\" applied on "
	    "metric vus; reason: unsupported aggregation method max on metric "
	    "of type gauge. supported aggregation methods for this metric are: "
	    "value");
	free(cause);
	assert_int_equal(add_thr(r, "http_req_duration{status}", "max<1",
	    &cause), -1);
	assert_non_null(strstr(cause, "tag expression is malformed"));
	free(cause);

	c = metric_registry_get(r, "checks");
	assert_int_equal(add_thr(r, "checks", "rate>0.9", &cause), 0);

	/* During the run, empty sinks are skipped. */
	assert_int_equal(metric_registry_eval(r, 1, false, &breached, &abort),
	    0);
	assert_null(breached);
	assert_false(abort);
	assert_int_equal(m->tainted, -1);

	for (i = 0; i < 100; i++) {
		metric_add(m, tag_lookup, t200, 50 + i, 0);
		metric_add(m, tag_lookup, t500, 1000, 0);
		metric_add(c, NULL, NULL, i < 95, 0);
	}
	assert_int_equal(sink_samples(m->sink), 200);
	assert_int_equal(sink_samples(sm->sink), 100);
	assert_int_equal(sink_samples(ok->sink), 100);
	assert_true(metric_sub_matches(sm, tag_lookup, t200));
	assert_false(metric_sub_matches(sm, tag_lookup, t500));
	assert_false(metric_sub_matches(sm, NULL, NULL));

	/* p(95) of the whole metric is 1000 (fails); status:200 max=149. */
	assert_int_equal(metric_registry_eval(r, 2, true, &breached, &abort),
	    2);
	assert_string_equal(breached, "http_req_duration, "
	    "http_req_duration{status:200}");
	free(breached);
	assert_false(abort);
	assert_int_equal(m->tainted, 1);
	assert_int_equal(sm->tainted, 1);
	assert_true(sm->thresholds[0]->failed);		/* max<100 */
	assert_true(sm->thresholds[0]->observed == 149);
	assert_false(sm->thresholds[1]->failed);	/* avg<100 */
	assert_int_equal(ok->tainted, -1);
	assert_int_equal(c->tainted, 0);

	m->thresholds[0]->abort_on_fail = true;
	m->thresholds[0]->delay_abort_eval_ms = 5000;
	metric_registry_eval(r, 4, false, NULL, &abort);
	assert_false(abort);
	metric_registry_eval(r, 6, false, NULL, &abort);
	assert_true(abort);
	metric_registry_free(r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_good),
		cmocka_unit_test(test_parse_bad),
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_check_type),
		cmocka_unit_test(test_eval),
		cmocka_unit_test(test_abort),
		cmocka_unit_test(test_selector),
		cmocka_unit_test(test_number),
		cmocka_unit_test(test_registry_declare),
		cmocka_unit_test(test_registry_thresholds),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
