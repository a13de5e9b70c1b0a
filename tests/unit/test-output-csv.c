/* Unit tests for src/output/csv.c: k6's columns, rows, time formats,
 * quoting, gzip and settings. */
#include "config.h"

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
#include "output/output.h"
#include "util/buf.h"
#include "util/xmalloc.h"

#define HEADER "metric_name,timestamp,metric_value,check,error,error_code," \
	"expected_response,group,method,name,proto,scenario,service,status," \
	"subproto,tls_version,url,extra_tags,metadata\n"

static const struct tag http_tags[] = {
	{ "expected_response", "true" },
	{ "group", "" },
	{ "method", "POST" },
	{ "mytag", "a b" },
	{ "name", "https://x.test/post" },
	{ "proto", "HTTP/1.1" },
	{ "scenario", "default" },
	{ "status", "200" },
	{ "tls_version", "tls1.3" },
	{ "url", "https://x.test/post" },
	{ "zz", "1" },
};
static const struct tag check_tags[] = {
	{ "check", "status is \"ok\", really" },
	{ "group", "::g" },
	{ "scenario", "default" },
};

static char tmpdir[64];

static char *
slurp(const char *path)
{
	gzFile		 gz = gzopen(path, "rb");	/* reads plain files too */
	struct buf	 b = BUF_INIT;
	char		 chunk[4096];
	int		 n;

	assert_non_null(gz);
	while ((n = gzread(gz, chunk, sizeof chunk)) > 0)
		buf_add(&b, chunk, n);
	gzclose(gz);
	return buf_steal(&b);
}

/* Write three samples through spec and return the file's text. */
static char *
run(const char *spec, const char *path)
{
	struct metric_registry	*reg = metric_registry_new();
	struct event_base	*base = event_base_new();
	struct output		*o;
	struct output_sample	 s;
	char			*cause = NULL, *text;

	o = output_new(spec, base, reg, &cause);
	if (o == NULL)
		fail_msg("%s", cause);
	assert_int_equal(output_start(o, &cause), 0);
	memset(&s, 0, sizeof s);
	s.metric = metric_registry_get(reg, "http_req_duration");
	s.tags = http_tags;
	s.ntags = sizeof http_tags / sizeof http_tags[0];
	s.time = 1641298536123456789LL;
	s.value = 114.365;
	s.has_meta = 1;
	s.vu = 2;
	s.iter = 7;
	output_add(o, &s);
	s.metric = metric_registry_get(reg, "checks");
	s.tags = check_tags;
	s.ntags = sizeof check_tags / sizeof check_tags[0];
	s.value = 1;
	s.has_meta = 0;
	s.time = 1641298537000000000LL;
	output_add(o, &s);
	s.metric = metric_registry_get(reg, "vus");
	s.tags = NULL;
	s.ntags = 0;
	s.value = 2;
	output_add(o, &s);
	assert_int_equal(output_stop(o, 1000, &cause), 0);
	output_free(o);
	event_base_free(base);
	metric_registry_free(reg);
	text = slurp(path);
	return text;
}

static void
test_rows(void **state)
{
	char	*path = xasprintf("%s/a.csv", tmpdir);
	char	*spec = xasprintf("csv=%s", path);
	char	*got = run(spec, path);

	assert_string_equal(got, HEADER
	    "http_req_duration,1641298536,114.365000,,,,true,,POST,"
	    "https://x.test/post,HTTP/1.1,default,,200,,tls1.3,"
	    "https://x.test/post,mytag=a b&zz=1,iter=7&vu=2\n"
	    "checks,1641298537,1.000000,\"status is \"\"ok\"\", really\",,,,"
	    "::g,,,,default,,,,,,,\n"
	    "vus,1641298537,2.000000,,,,,,,,,,,,,,,,\n");
	free(got);
	free(spec);
	free(path);
}

static void
test_time_formats(void **state)
{
	static const struct {
		const char	*format;
		const char	*first;
	} cases[] = {
		{ "unix", "1641298536" },
		{ "unix_milli", "1641298536123" },
		{ "unix_micro", "1641298536123456" },
		{ "unix_nano", "1641298536123456789" },
		{ "rfc3339", "2022-01-04T12:15:36Z" },
		{ "RFC3339_NANO", "2022-01-04T12:15:36.123456789Z" },
	};
	size_t	 i;
	char	*path, *spec, *got, *want;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		path = xasprintf("%s/t%zu.csv", tmpdir, i);
		spec = xasprintf("csv=fileName=%s,saveInterval=2s,timeFormat=%s",
		    path, cases[i].format);
		got = run(spec, path);
		want = xasprintf("%shttp_req_duration,%s,", HEADER,
		    cases[i].first);
		assert_true(strncmp(got, want, strlen(want)) == 0);
		free(want);
		free(got);
		free(spec);
		free(path);
	}
}

static void
test_gzip_and_env(void **state)
{
	char	*path = xasprintf("%s/b.csv.gz", tmpdir);
	char	*got;
	FILE	*f;
	int	 c1, c2;

	setenv("K6_CSV_FILENAME", path, 1);
	setenv("K6_CSV_TIME_FORMAT", "unix_nano", 1);
	got = run("csv", path);
	unsetenv("K6_CSV_FILENAME");
	unsetenv("K6_CSV_TIME_FORMAT");
	assert_true(strncmp(got, HEADER "http_req_duration,1641298536123456789,",
	    strlen(HEADER) + 38) == 0);
	f = fopen(path, "rb");
	assert_non_null(f);
	c1 = fgetc(f);
	c2 = fgetc(f);
	fclose(f);
	assert_int_equal(c1, 0x1f);
	assert_int_equal(c2, 0x8b);
	free(got);
	free(path);
}

static void
bad(const char *spec, const char *want)
{
	struct event_base	*base = event_base_new();
	char			*cause = NULL;

	assert_null(output_new(spec, base, NULL, &cause));
	assert_string_equal(cause, want);
	free(cause);
	event_base_free(base);
}

static void
test_bad_specs(void **state)
{
	bad("csv=fileName=x.csv,color=red",
	    "unknown key \"color\" as argument for csv output");
	bad("csv=fileName=x.csv,oops",
	    "couldn't parse \"fileName=x.csv,oops\" as argument for csv output");
	bad("csv=timeFormat=iso",
	    "csv: iso does not belong to TimeFormat values (unix, unix_milli, "
	    "unix_micro, unix_nano, rfc3339, rfc3339_nano)");
	bad("csv=saveInterval=soon", "csv: invalid saveInterval \"soon\"");
	bad("csv=saveInterval=0s", "csv: saveInterval must be positive");
}

static void
test_describe(void **state)
{
	struct event_base	*base = event_base_new();
	struct output		*o;
	char			*cause = NULL;

	o = output_new("csv=-", base, NULL, &cause);
	assert_string_equal(output_describe(o), "csv (stdout)");
	output_free(o);
	o = output_new("csv=fileName=r.csv", base, NULL, &cause);
	assert_string_equal(output_describe(o), "csv (r.csv)");
	output_free(o);
	o = output_new("csv", base, NULL, &cause);
	assert_string_equal(output_describe(o), "csv (file.csv)");
	output_free(o);
	event_base_free(base);
}

static int
setup(void **state)
{
	setenv("TZ", "UTC", 1);
	tzset();
	strcpy(tmpdir, "/tmp/lyocell-test-csv-XXXXXX");
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
		cmocka_unit_test(test_rows),
		cmocka_unit_test(test_time_formats),
		cmocka_unit_test(test_gzip_and_env),
		cmocka_unit_test(test_bad_specs),
		cmocka_unit_test(test_describe),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
