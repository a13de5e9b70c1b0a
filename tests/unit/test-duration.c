/* Unit tests for src/util/duration.c. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "util/duration.h"
#include "util/timeunit.h"

static void
parse_ok(const char *s, double want)
{
	double ms = -12345;

	if (duration_parse(s, &ms) != 0)
		fail_msg("\"%s\" did not parse", s);
	if (ms < want - 1e-9 || ms > want + 1e-9)
		fail_msg("\"%s\" parsed as %g, want %g", s, ms, want);
}

static void
test_parse(void **state)
{
	parse_ok("30s", 30000);
	parse_ok("1m30s", 90000);
	parse_ok("1h2m3.5s", 3723500);
	parse_ok("250ms", 250);
	parse_ok("1.5s", 1500);
	parse_ok("2d3h", 2 * 86400e3 + 3 * 3600e3);
	parse_ok("100", 100);	/* bare numbers are milliseconds */
	parse_ok("0", 0);
	parse_ok("10us", 0.01);
	parse_ok("10µs", 0.01);
	parse_ok("5ns", 5e-6);
	parse_ok("-2s", -2000);
	parse_ok("1m0.5s", 60500);
}

static void
test_parse_bad(void **state)
{
	const char *bad[] = { "", "s", "10x", "1m30", "ms", "abc", "1.2.3s", "--1s", NULL };
	double ms;
	int i;

	for (i = 0; bad[i] != NULL; i++)
		if (duration_parse(bad[i], &ms) == 0)
			fail_msg("\"%s\" should not parse", bad[i]);
}

static void
test_format(void **state)
{
	char b[64];

	assert_string_equal(duration_format(0, b, sizeof b), "0s");
	assert_string_equal(duration_format(30000, b, sizeof b), "30s");
	assert_string_equal(duration_format(90000, b, sizeof b), "1m30s");
	assert_string_equal(duration_format(3723500, b, sizeof b), "1h2m3.5s");
	assert_string_equal(duration_format(250, b, sizeof b), "250ms");
	assert_string_equal(duration_format(600000, b, sizeof b), "10m0s");
}

static void
test_timeunit(void **state)
{
	struct timespec	 ts = { 3, 250000000 };
	struct timeval	 tv;

	assert_int_equal(timespec_ns(&ts), 3250000000LL);
	assert_true(ns_to_ms(1500000) == 1.5);
	assert_true(ns_to_s(2500000000LL) == 2.5);
	assert_int_equal(ms_to_ns(1.5), 1500000);
	tv = timeval_ms(2001.5);
	assert_int_equal(tv.tv_sec, 2);
	assert_int_equal(tv.tv_usec, 1500);
	tv = timeval_ms(999);
	assert_int_equal(tv.tv_sec, 0);
	assert_int_equal(tv.tv_usec, 999000);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_parse_bad),
		cmocka_unit_test(test_format),
		cmocka_unit_test(test_timeunit),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
