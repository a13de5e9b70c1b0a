/* Unit tests for src/net/ippool.c: k6's --local-ips pools (k6's
 * lib/types/ipblock.go), their addresses by index and their errors. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>

#include "net/ippool.h"

static void
expect_ip(const struct ippool *p, uint64_t i, const char *want)
{
	char ip[64];

	ippool_get(p, i, ip);
	assert_string_equal(ip, want);
}

static void
expect_error(const char *s, const char *want)
{
	char *cause = NULL;

	assert_null(ippool_parse(s, &cause));
	assert_non_null(cause);
	assert_string_equal(cause, want);
	free(cause);
}

static void
test_pool(void **state)
{
	char *cause = NULL;
	struct ippool *p = ippool_parse("10.0.0.1-10.0.0.2,192.168.0.0/30,fd00::5,10.9.9.9/31", &cause);

	(void)state;
	assert_non_null(p);
	expect_ip(p, 0, "10.0.0.1");
	expect_ip(p, 1, "10.0.0.2");
	/* /30: four addresses, network and broadcast left out */
	expect_ip(p, 2, "192.168.0.1");
	expect_ip(p, 3, "192.168.0.2");
	expect_ip(p, 4, "fd00::5");
	/* /31: two addresses, both kept */
	expect_ip(p, 5, "10.9.9.8");
	expect_ip(p, 6, "10.9.9.9");
	expect_ip(p, 7, "10.0.0.1");	/* round again */
	ippool_free(p);
	p = ippool_parse("fd00::/126", &cause);
	assert_non_null(p);
	expect_ip(p, 0, "fd00::");	/* IPv6 keeps every address */
	expect_ip(p, 3, "fd00::3");
	expect_ip(p, 4, "fd00::");
	ippool_free(p);
}

static void
test_errors(void **state)
{
	(void)state;
	expect_error("10.0.0.1,nope", "nope is not a valid IP, IP range or CIDR");
	expect_error("10.0.0.1,", " is not a valid IP, IP range or CIDR");
	expect_error("10.0.0.1-x", "wrong IP range format: 10.0.0.1-x");
	expect_error("10.0.0.1-::1", "mixed IP range format: 10.0.0.1-::1");
	expect_error("10.0.0.9-10.0.0.2", "negative IP range: 10.0.0.9-10.0.0.2");
	expect_error("10.0.0.0/33",
	    "parseCIDR() failed parsing 10.0.0.0/33: invalid CIDR address: 10.0.0.0/33");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pool),
		cmocka_unit_test(test_errors),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
