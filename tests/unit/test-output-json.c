/* Unit tests for src/output/json.c and src/output/format.c: k6's NDJSON,
 * byte for byte against lines written by k6 itself. */
#include "config.h"

#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>
#include <event2/event.h>
#include <zlib.h>

#include "metrics/metric.h"
#include "util/format.h"
#include "output/output.h"
#include "util/buf.h"
#include "util/xmalloc.h"

struct point {
	const char		*metric;
	int64_t			 time;
	double			 value;
	const struct tag	*tags;
	size_t			 ntags;
};

/* The samples of k6's own --out json run in tests/unit/data. */
static const struct tag tags0[] = {
	{ "expected_response", "true" },
	{ "group", "" },
	{ "method", "GET" },
	{ "name", "http://127.0.0.1:18080/" },
	{ "proto", "HTTP/1.0" },
	{ "scenario", "default" },
	{ "status", "200" },
	{ "url", "http://127.0.0.1:18080/" },
};
static const struct tag tags1[] = {
	{ "check", "is 200" },
	{ "group", "" },
	{ "scenario", "default" },
};
#define T0	tags0, sizeof tags0 / sizeof tags0[0]
#define T1	tags1, sizeof tags1 / sizeof tags1[0]
static const struct point k6_points[] = {
	{ "http_reqs", 1795657897895871125LL, 1, T0 },
	{ "http_req_duration", 1795657897895871125LL, 4.791478, T0 },
	{ "http_req_blocked", 1795657897895871125LL, 2.702245, T0 },
	{ "http_req_connecting", 1795657897895871125LL, 2.507235, T0 },
	{ "http_req_tls_handshaking", 1795657897895871125LL, 0, T0 },
	{ "http_req_sending", 1795657897895871125LL, 0.148442, T0 },
	{ "http_req_waiting", 1795657897895871125LL, 4.43985, T0 },
	{ "http_req_receiving", 1795657897895871125LL, 0.203186, T0 },
	{ "http_req_failed", 1795657897895871125LL, 0, T0 },
	{ "checks", 1795657897896081955LL, 1, T1 },
	{ "http_reqs", 1795657897902570070LL, 1, T0 },
	{ "http_req_duration", 1795657897902570070LL, 13.053327, T0 },
	{ "http_req_blocked", 1795657897902570070LL, 0.630956, T0 },
	{ "http_req_connecting", 1795657897902570070LL, 0.60073, T0 },
	{ "http_req_tls_handshaking", 1795657897902570070LL, 0, T0 },
	{ "http_req_sending", 1795657897902570070LL, 0.234675, T0 },
	{ "http_req_waiting", 1795657897902570070LL, 8.538525, T0 },
	{ "http_req_receiving", 1795657897902570070LL, 4.280127, T0 },
	{ "http_req_failed", 1795657897902570070LL, 0, T0 },
	{ "checks", 1795657897902704295LL, 1, T1 },
};

static char tmpdir[64];

static char *
read_file(const char *path, size_t *len)
{
	FILE	*f = fopen(path, "rb");
	char	*data;
	long	 n;

	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	data = xmalloc(n + 1);
	assert_int_equal(fread(data, 1, n, f), (size_t)n);
	data[n] = '\0';
	fclose(f);
	if (len != NULL)
		*len = n;
	return data;
}

static char *
read_gzip(const char *path)
{
	gzFile		 gz = gzopen(path, "rb");
	struct buf	 b = BUF_INIT;
	char		 chunk[4096];
	int		 n;

	assert_non_null(gz);
	while ((n = gzread(gz, chunk, sizeof chunk)) > 0)
		buf_add(&b, chunk, n);
	assert_int_equal(n, 0);
	gzclose(gz);
	return buf_steal(&b);
}

static struct metric_registry *
k6_registry(void)
{
	struct metric_registry	*reg = metric_registry_new();
	char			*cause = NULL;

	assert_int_equal(metric_registry_add_threshold(reg,
	    "http_req_duration", threshold_parse("p(95)<500", &cause),
	    &cause), 0);
	assert_non_null(metric_registry_sub(reg,
	    "http_req_duration{expected_response:true}", &cause));
	return reg;
}

/* Run an output from spec over the k6 samples. */
static void
run(const char *spec, struct metric_registry *reg)
{
	struct event_base	*base = event_base_new();
	struct output		*o;
	struct output_sample	 s;
	char			*cause = NULL;
	size_t			 i;

	o = output_new(spec, base, reg, &cause);
	assert_non_null(o);
	assert_int_equal(output_start(o, &cause), 0);
	for (i = 0; i < sizeof k6_points / sizeof k6_points[0]; i++) {
		memset(&s, 0, sizeof s);
		s.metric = metric_registry_get(reg, k6_points[i].metric);
		assert_non_null(s.metric);
		s.tags = k6_points[i].tags;
		s.ntags = k6_points[i].ntags;
		s.time = k6_points[i].time;
		s.value = k6_points[i].value;
		output_add(o, &s);
	}
	assert_int_equal(output_stop(o, 1000, &cause), 0);
	output_free(o);
	event_base_free(base);
}

static char *
expected(void)
{
	const char	*srcdir = getenv("srcdir");
	char		*path, *data;

	path = xasprintf("%s/tests/unit/data/k6-out-json-head.ndjson",
	    srcdir != NULL ? srcdir : ".");
	data = read_file(path, NULL);
	free(path);
	return data;
}

static void
test_k6_sample(void **state)
{
	struct metric_registry	*reg = k6_registry();
	char			*path, *spec, *got, *want;

	path = xasprintf("%s/out.json", tmpdir);
	spec = xasprintf("json=%s", path);
	run(spec, reg);
	got = read_file(path, NULL);
	want = expected();
	assert_string_equal(got, want);
	free(got);
	free(want);
	free(spec);
	free(path);
	metric_registry_free(reg);
}

static void
test_gzip(void **state)
{
	struct metric_registry	*reg = k6_registry();
	char			*path, *spec, *got, *want, *raw;
	size_t			 len;

	path = xasprintf("%s/out.json.gz", tmpdir);
	spec = xasprintf("json=%s", path);
	run(spec, reg);
	raw = read_file(path, &len);
	assert_true(len > 2);
	assert_int_equal((unsigned char)raw[0], 0x1f);	/* gzip magic */
	assert_int_equal((unsigned char)raw[1], 0x8b);
	got = read_gzip(path);
	want = expected();
	assert_string_equal(got, want);
	free(raw);
	free(got);
	free(want);
	free(spec);
	free(path);
	metric_registry_free(reg);
}

/* Metadata, an abortOnFail threshold, escaping and number formats. */
static void
test_details(void **state)
{
	static const struct tag	 tags[] = {
		{ "a<b", "x&y\"z\n" },
		{ "group", "::g" },
	};
	struct metric_registry	*reg = metric_registry_new();
	struct event_base	*base = event_base_new();
	struct metric		*m;
	struct threshold	*t;
	struct output		*o;
	struct output_sample	 s;
	char			*cause = NULL, *path, *spec, *got;

	m = metric_registry_declare(reg, "my_counter", SINK_COUNTER,
	    METRIC_DEFAULT, &cause);
	assert_non_null(m);
	t = threshold_parse("count<10", &cause);
	t->abort_on_fail = true;
	t->delay_abort_eval_ms = 10000;
	assert_int_equal(metric_registry_add_threshold(reg, "my_counter", t,
	    &cause), 0);
	path = xasprintf("%s/details.json", tmpdir);
	spec = xasprintf("json=%s", path);
	o = output_new(spec, base, reg, &cause);
	assert_non_null(o);
	assert_true(strncmp(output_describe(o), "json (", 6) == 0);
	assert_int_equal(output_start(o, &cause), 0);
	memset(&s, 0, sizeof s);
	s.metric = m;
	s.tags = tags;
	s.ntags = 2;
	s.time = 1000000000LL * 1700000000;
	s.value = 1234567;
	s.has_meta = 1;
	s.vu = 3;
	s.iter = 41;
	output_add(o, &s);
	s.has_meta = 0;
	s.ntags = 0;
	s.value = 0.00001;
	s.time += 120000;
	output_add(o, &s);
	assert_int_equal(output_stop(o, 1000, &cause), 0);
	output_free(o);
	got = read_file(path, NULL);
	assert_string_equal(got,
	    "{\"type\":\"Metric\",\"data\":{\"name\":\"my_counter\","
	    "\"type\":\"counter\",\"contains\":\"default\",\"thresholds\":"
	    "[{\"threshold\":\"count<10\",\"abortOnFail\":true,"
	    "\"delayAbortEval\":\"10s\"}],\"submetrics\":null},"
	    "\"metric\":\"my_counter\"}\n"
	    "{\"metric\":\"my_counter\",\"type\":\"Point\",\"data\":{\"time\":"
	    "\"2023-11-14T22:13:20Z\",\"value\":1.234567e+06,\"tags\":"
	    "{\"a\\u003cb\":\"x\\u0026y\\\"z\\n\",\"group\":\"::g\"},"
	    "\"metadata\":{\"iter\":\"41\",\"vu\":\"3\"}}}\n"
	    "{\"metric\":\"my_counter\",\"type\":\"Point\",\"data\":{\"time\":"
	    "\"2023-11-14T22:13:20.00012Z\",\"value\":1e-05,\"tags\":{}}}\n");
	free(got);
	free(spec);
	free(path);
	event_base_free(base);
	metric_registry_free(reg);
}

static void
check_g(double v, const char *want)
{
	struct buf	 b = BUF_INIT;

	format_float_g(&b, v);
	assert_string_equal(b.data, want);
	buf_free(&b);
}

static void
check_f(double v, const char *want)
{
	struct buf	 b = BUF_INIT;

	format_float_f(&b, v);
	assert_string_equal(b.data, want);
	buf_free(&b);
}

/* Expectations from Go: strconv.FormatFloat(v, 'g' or 'f', -1, 64). */
static void
test_floats(void **state)
{
	check_g(0, "0");
	check_g(1, "1");
	check_g(-2.5, "-2.5");
	check_g(0.1, "0.1");
	check_g(0.0001, "0.0001");
	check_g(0.00001234, "1.234e-05");
	check_g(123456, "123456");
	check_g(999999.5, "999999.5");
	check_g(1e6, "1e+06");
	check_g(1234567, "1.234567e+06");
	check_g(1e21, "1e+21");
	check_g(1e100, "1e+100");
	check_g(5e-324, "5e-324");
	check_g(1.7976931348623157e308, "1.7976931348623157e+308");
	check_g(0.1 + 0.2, "0.30000000000000004");
	check_g(NAN, "NaN");
	check_g(INFINITY, "+Inf");
	check_g(-INFINITY, "-Inf");
	check_f(1e21, "1000000000000000000000");
	check_f(1.5e-7, "0.00000015");
	check_f(4.791478, "4.791478");
	check_f(100, "100");
	check_f(-0.5, "-0.5");
}

static void
test_json_strings(void **state)
{
	struct buf	 b = BUF_INIT;

	format_json_cstring(&b, "<a href=\"x\">&\x01\t\xe2\x80\xa8 \xff\xc3\xa9",
	    FORMAT_JSON_HTML);
	assert_string_equal(b.data, "\"\\u003ca href=\\\"x\\\"\\u003e\\u0026"
	    "\\u0001\\t\\u2028 \\ufffd\xc3\xa9\"");
	buf_reset(&b);
	format_json_cstring(&b, "p(95)<500 && x>1", 0);
	assert_string_equal(b.data, "\"p(95)<500 && x>1\"");
	/* Go spells \b and \f as \u0008 and \u000c, JSON.stringify short;
	 * the length, not a NUL, ends the string. */
	buf_reset(&b);
	format_json_string(&b, "\b\f<\0x", 5, 0);
	assert_string_equal(b.data, "\"\\u0008\\u000c<\\u0000x\"");
	buf_reset(&b);
	format_json_string(&b, "\b\f<\0x", 4, FORMAT_JSON_BF);
	assert_string_equal(b.data, "\"\\b\\f<\\u0000\"");
	buf_free(&b);
}

/* The 200 ms timer writes lines out before the stop. */
static void
test_timer_flush(void **state)
{
	struct metric_registry	*reg = metric_registry_new();
	struct event_base	*base = event_base_new();
	struct timeval		 tv = { 0, 400000 };
	struct output		*o;
	struct output_sample	 s;
	char			*cause = NULL, *path, *spec, *got;

	path = xasprintf("%s/timer.json", tmpdir);
	spec = xasprintf("json=%s", path);
	o = output_new(spec, base, reg, &cause);
	assert_non_null(o);
	assert_int_equal(output_start(o, &cause), 0);
	memset(&s, 0, sizeof s);
	s.metric = metric_registry_get(reg, "vus");
	s.time = 1000000000LL * 1700000000;
	s.value = 3;
	output_add(o, &s);
	got = read_file(path, NULL);
	assert_string_equal(got, "");
	free(got);
	event_base_loopexit(base, &tv);
	event_base_dispatch(base);
	got = read_file(path, NULL);
	assert_non_null(strstr(got, "\"value\":3,"));
	free(got);
	assert_int_equal(output_stop(o, 1000, &cause), 0);
	output_free(o);
	free(spec);
	free(path);
	event_base_free(base);
	metric_registry_free(reg);
}

static void
test_bad_specs(void **state)
{
	struct event_base	*base = event_base_new();
	struct metric_registry	*reg = metric_registry_new();
	struct output		*o;
	char			*cause = NULL;

	o = output_new("statsd", base, reg, &cause);
	assert_null(o);
	assert_string_equal(cause, "not supported yet: the statsd output");
	free(cause);
	cause = NULL;
	o = output_new("nosuch", base, reg, &cause);
	assert_null(o);
	assert_string_equal(cause, "invalid output type 'nosuch', available "
	    "types are: csv, experimental-prometheus-rw, influxdb, json, web-dashboard");
	free(cause);
	cause = NULL;
	o = output_new("json=/nonexistent/dir/x.json", base, reg, &cause);
	assert_non_null(o);
	assert_int_equal(output_start(o, &cause), -1);
	assert_string_equal(cause, "json: cannot open /nonexistent/dir/x.json: "
	    "No such file or directory");
	free(cause);
	output_free(o);
	cause = NULL;
	o = output_new("json", base, reg, &cause);
	assert_non_null(o);
	assert_string_equal(output_describe(o), "json(stdout)");
	output_free(o);
	metric_registry_free(reg);
	event_base_free(base);
}

static int
setup(void **state)
{
	setenv("TZ", "UTC", 1);
	tzset();
	strcpy(tmpdir, "/tmp/lyocell-test-json-XXXXXX");
	return mkdtemp(tmpdir) == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	char	*cmd = xasprintf("rm -rf '%s'", tmpdir);
	int	 rc = system(cmd);

	free(cmd);
	return rc == 0 ? 0 : -1;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_k6_sample),
		cmocka_unit_test(test_gzip),
		cmocka_unit_test(test_details),
		cmocka_unit_test(test_floats),
		cmocka_unit_test(test_json_strings),
		cmocka_unit_test(test_timer_flush),
		cmocka_unit_test(test_bad_specs),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
