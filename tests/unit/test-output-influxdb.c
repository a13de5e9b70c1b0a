/* Unit tests for src/output/influxdb.c: line protocol, escaping, fields,
 * precision and settings (the server side is tests/output/influxdb-test.sh). */
#include "config.h"

#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <event2/event.h>

#include "metrics/metric.h"
#include "output/backend.h"
#include "output/output.h"
#include "util/buf.h"
#include "util/xmalloc.h"

static struct metric_registry *reg;

static char *
lines(const char *spec, const struct output_sample *s, size_t n)
{
	struct buf	 b = BUF_INIT;
	char		*cause = NULL;

	if (influxdb_format(spec, s, n, &b, &cause) == -1)
		fail_msg("%s", cause);
	buf_putc(&b, '\0');
	return buf_steal(&b);
}

static void
test_http_sample(void **state)
{
	static const struct tag tags[] = {
		{ "expected_response", "true" },
		{ "group", "" },
		{ "method", "GET" },
		{ "name", "http://127.0.0.1:18080/a b" },
		{ "proto", "HTTP/1.1" },
		{ "scenario", "default" },
		{ "status", "200" },
		{ "url", "http://127.0.0.1:18080/a b?x=\"1\"" },
	};
	struct output_sample	 s;
	char			*got;

	memset(&s, 0, sizeof s);
	s.metric = metric_registry_get(reg, "http_req_duration");
	s.tags = tags;
	s.ntags = sizeof tags / sizeof tags[0];
	s.time = 1795657897895871125LL;
	s.value = 4.791478;
	s.has_meta = 1;
	s.vu = 12;
	s.iter = 345;
	got = lines("", &s, 1);
	assert_string_equal(got, "http_req_duration,expected_response=true,"
	    "method=GET,name=http://127.0.0.1:18080/a\\ b,proto=HTTP/1.1,"
	    "scenario=default,status=200 iter=345i,"
	    "url=\"http://127.0.0.1:18080/a b?x=\\\"1\\\"\",value=4.791478,"
	    "vu=12i 1795657897895871125\n");
	free(got);

	/* Precision, and tagsAsFields replacing the defaults. */
	got = lines("http://h:8086/db?precision=ms&tagsAsFields=status:int"
	    "&tagsAsFields=method:bool", &s, 1);
	assert_string_equal(got, "http_req_duration,expected_response=true,"
	    "name=http://127.0.0.1:18080/a\\ b,proto=HTTP/1.1,scenario=default,"
	    "url=http://127.0.0.1:18080/a\\ b?x\\=\"1\" iter=\"345\","
	    "method=\"GET\",status=200i,value=4.791478,vu=\"12\" "
	    "1795657897895\n");
	free(got);

	/* The script's metadata: string fields, sorted with the others. */
	s.meta = "trace_id\0ab c\0zz\0\"q\"";
	s.meta_len = sizeof "trace_id\0ab c\0zz\0\"q\"";	/* with the last NUL */
	got = lines("", &s, 1);
	assert_string_equal(got, "http_req_duration,expected_response=true,"
	    "method=GET,name=http://127.0.0.1:18080/a\\ b,proto=HTTP/1.1,"
	    "scenario=default,status=200 iter=345i,"
	    "trace_id=\"ab c\",url=\"http://127.0.0.1:18080/a b?x=\\\"1\\\"\","
	    "value=4.791478,vu=12i,zz=\"\\\"q\\\"\" 1795657897895871125\n");
	free(got);
}

static void
test_escaping(void **state)
{
	static const struct tag tags[] = {
		{ "a,b", "c=d e" },
		{ "k", "line\nbreak" },
		{ "vu", "x" },
	};
	struct metric		*m;
	struct output_sample	 s[3];
	char			*cause = NULL, *got;

	m = metric_registry_declare(reg, "my_trend", SINK_TREND, METRIC_TIME,
	    &cause);
	assert_non_null(m);
	memset(s, 0, sizeof s);
	s[0].metric = m;
	s[0].tags = tags;
	s[0].ntags = 3;
	s[0].time = 1000000000;
	s[0].value = 1e21;
	s[1] = s[0];
	s[1].value = NAN;		/* not representable: left out */
	s[2] = s[0];
	s[2].ntags = 0;
	s[2].value = -0.000001;
	got = lines("", s, 3);
	assert_string_equal(got,
	    "my_trend,a\\,b=c\\=d\\ e,k=line\\nbreak value=1000000000000000000000,"
	    "vu=\"x\" 1000000000\n"
	    "my_trend value=-0.000001 1000000000\n");
	free(got);
}

static void
bad(const char *spec, const char *want)
{
	struct event_base	*base = event_base_new();
	char			*cause = NULL;

	assert_null(output_new(spec, base, reg, &cause));
	assert_string_equal(cause, want);
	free(cause);
	event_base_free(base);
}

static void
test_bad_specs(void **state)
{
	bad("influxdb=http://h:8086/db?colour=red",
	    "influxdb: unknown query parameter: colour");
	bad("influxdb=http://h:8086/db?concurrentWrites=0",
	    "influxdb: influxdb's ConcurrentWrites must be a positive number");
	bad("influxdb=http://h:8086/db?concurrentWrites=x",
	    "influxdb: strconv.Atoi: parsing \"x\": invalid syntax");
	bad("influxdb=http://h:8086/db?tagsAsFields=vu:number",
	    "influxdb: an invalid type (number) is specified for an InfluxDB "
	    "field (vu)");
	bad("influxdb=http://h:8086/db?tagsAsFields=vu&tagsAsFields=vu:int",
	    "influxdb: a tag name (vu) shows up more than once in InfluxDB "
	    "field type configurations");
	bad("influxdb=http://h:8086/db?insecure=maybe",
	    "influxdb: insecure must be true or false, not maybe");
	bad("influxdb=http://h:8086/db?precision=d",
	    "influxdb: time: unknown unit \"d\" in duration \"1d\"");
	bad("influxdb=http://h:8086/db?pushInterval=later",
	    "influxdb: invalid pushInterval \"later\"");
	bad("influxdb=h:8086/db",
	    "influxdb: invalid InfluxDB URL \"h:8086/db\" (expected "
	    "http://[user:pass@]host:port/db)");
	bad("influxdb=udp://h:8089",
	    "influxdb: unsupported address udp://h:8089 (only http:// and "
	    "https://)");
	setenv("K6_INFLUXDB_CONCURRENT_WRITES", "-1", 1);
	bad("influxdb=http://h:8086/db",
	    "influxdb: influxdb's ConcurrentWrites must be a positive number");
	unsetenv("K6_INFLUXDB_CONCURRENT_WRITES");
}

static void
test_describe(void **state)
{
	struct event_base	*base = event_base_new();
	struct output		*o;
	char			*cause = NULL;

	o = output_new("influxdb=http://u:p%40ss@127.0.0.1:8086/my%20db"
	    "?pushInterval=2s&precision=s", base, reg, &cause);
	assert_non_null(o);
	assert_string_equal(output_describe(o),
	    "InfluxDBv1 (http://127.0.0.1:8086)");
	output_free(o);
	setenv("K6_INFLUXDB_ADDR", "http://10.1.2.3:9999", 1);
	o = output_new("influxdb", base, reg, &cause);
	assert_non_null(o);
	assert_string_equal(output_describe(o),
	    "InfluxDBv1 (http://10.1.2.3:9999)");
	output_free(o);
	unsetenv("K6_INFLUXDB_ADDR");
	event_base_free(base);
}

static int
setup(void **state)
{
	reg = metric_registry_new();
	return 0;
}

static int
teardown(void **state)
{
	metric_registry_free(reg);
	return 0;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_http_sample),
		cmocka_unit_test(test_escaping),
		cmocka_unit_test(test_bad_specs),
		cmocka_unit_test(test_describe),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
