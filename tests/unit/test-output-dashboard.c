/* Unit tests for src/output/dashboard.c: the series keep a fixed number
 * of points however many periods pass, merging neighbours so that every
 * point spans as many periods; the report carries them (the page and the
 * events in a browser are tests/func/dashboard.sh). */
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

#include "metrics/metric.h"
#include "output/backend.h"
#include "output/output.h"
#include "util/buf.h"
#include "util/xmalloc.h"

/* The text of "name":[...] in the report's model. */
static char *
series(const char *report, const char *name)
{
	char *key = xasprintf("\"%s\":[", name), *p, *end;

	p = strstr(report, key);
	assert_non_null(p);
	p += strlen(key);
	end = strchr(p, ']');
	assert_non_null(end);
	free(key);
	return xstrndup(p, (size_t)(end - p));
}

static size_t
count(const char *list)
{
	size_t n = *list != '\0';

	for (; *list; list++)
		n += *list == ',';
	return n;
}

static void
test_constant_points(void **state)
{
	struct metric_registry	*reg = metric_registry_new();
	struct event_base	*base = event_base_new();
	struct output_sample	 s;
	char			 path[] = "/tmp/lyocell-dash-XXXXXX";
	char			*cause = NULL, *spec, *vus, *t, *want;
	struct buf		 report = BUF_INIT, w = BUF_INIT;
	void			*d;
	FILE			*f;
	int			 fd, i;

	fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	spec = xasprintf("port=-1&period=1h&export=%s", path);
	d = dashboard_backend.create(spec, base, reg, &cause);
	assert_non_null(d);
	assert_int_equal(dashboard_backend.start(d, &cause), 0);
	memset(&s, 0, sizeof s);
	s.metric = metric_registry_get(reg, "vus");
	/* 1000 periods, vus = i in period i. */
	for (i = 0; i < 1000; i++) {
		s.value = i;
		dashboard_backend.add(d, &s);
		dashboard_tick(d);
	}
	assert_int_equal(dashboard_backend.stop(d, 0, &cause), 0);
	dashboard_backend.free(d);
	f = fopen(path, "r");
	assert_non_null(f);
	assert_int_equal(buf_read(&report, f), 0);
	fclose(f);
	buf_putc(&report, '\0');
	/* 240 points filled at 1, 2 and 4 periods each, then halved:
	 * 1000 periods are 125 points of 8, the last partial period (the
	 * stop's) joining the one before. */
	t = series(report.data, "t");
	assert_int_equal(count(t), 125);
	vus = series(report.data, "vus");
	for (i = 0; i < 125; i++)
		buf_printf(&w, "%s%d", i ? "," : "", 8 * i + 7);
	buf_putc(&w, '\0');
	want = w.data;
	/* A maximum merges as the maximum of its periods. */
	assert_string_equal(vus, want);
	free(t);
	free(vus);
	buf_free(&w);
	buf_free(&report);
	free(spec);
	unlink(path);
	metric_registry_free(reg);
	event_base_free(base);
}

/* The charts' values carry six significant digits, which no chart can
 * show more of, and the time axis stays exact (epoch milliseconds). */
static void
test_chart_digits(void **state)
{
	struct metric_registry	*reg = metric_registry_new();
	struct event_base	*base = event_base_new();
	struct output_sample	 s;
	char			 path[] = "/tmp/lyocell-dash-XXXXXX";
	char			*cause = NULL, *spec, *vus, *t, *p;
	struct buf		 report = BUF_INIT, w = BUF_INIT;
	void			*d;
	FILE			*f;
	int			 fd, i;

	fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	spec = xasprintf("port=-1&period=1h&export=%s", path);
	d = dashboard_backend.create(spec, base, reg, &cause);
	assert_non_null(d);
	assert_int_equal(dashboard_backend.start(d, &cause), 0);
	memset(&s, 0, sizeof s);
	s.metric = metric_registry_get(reg, "vus");
	for (i = 0; i < 10; i++) {
		s.value = (i + 1) / 3.0 + 1000;
		dashboard_backend.add(d, &s);
		dashboard_tick(d);
	}
	assert_int_equal(dashboard_backend.stop(d, 0, &cause), 0);
	dashboard_backend.free(d);
	f = fopen(path, "r");
	assert_non_null(f);
	assert_int_equal(buf_read(&report, f), 0);
	fclose(f);
	buf_putc(&report, '\0');
	vus = series(report.data, "vus");
	for (i = 0; i < 10; i++)
		buf_printf(&w, "%s%.6g", i ? "," : "", (i + 1) / 3.0 + 1000);
	buf_putc(&w, '\0');
	assert_string_equal(vus, w.data);
	/* Whole milliseconds since the epoch, every digit kept. */
	t = series(report.data, "t");
	for (p = t; *p != '\0'; p++) {
		double ms = strtod(p, &p);

		assert_true(ms == floor(ms) && fabs(ms - (double)time(NULL) * 1000) < 60000);
		assert_true(*p == ',' || *p == '\0');
		if (*p == '\0')
			break;
	}
	free(t);
	free(vus);
	buf_free(&w);
	buf_free(&report);
	free(spec);
	unlink(path);
	metric_registry_free(reg);
	event_base_free(base);
}

static void
test_bad_options(void **state)
{
	struct metric_registry	*reg = metric_registry_new();
	char			*cause = NULL;

	assert_null(dashboard_backend.create("period=10ms", NULL, reg, &cause));
	assert_string_equal(cause, "invalid period '10ms': a duration of 100ms at least");
	free(cause);
	cause = NULL;
	assert_null(dashboard_backend.create("color=red", NULL, reg, &cause));
	assert_string_equal(cause, "unknown option 'color' (host, port, period, open, export)");
	free(cause);
	metric_registry_free(reg);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_constant_points),
		cmocka_unit_test(test_chart_digits),
		cmocka_unit_test(test_bad_options),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
