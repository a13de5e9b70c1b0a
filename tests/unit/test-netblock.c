/* Unit tests for src/net/netblock.c: k6's blacklistIPs and
 * blockHostnames, matched as k6's dialer matches them (Go's
 * net.ParseCIDR and IPNet.Contains, k6's HostnameTrie). */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <cmocka.h>

#include "net/netblock.h"

static int
reset(void **state)
{
	(void)state;
	netblock_reset();
	return 0;
}

/* Whether the address a is blocked; its texts in ip and range. */
static int
blocked(const char *a, char *ip, char *range)
{
	struct sockaddr_in s4;
	struct sockaddr_in6 s6;

	memset(&s4, 0, sizeof s4);
	memset(&s6, 0, sizeof s6);
	if (inet_pton(AF_INET, a, &s4.sin_addr) == 1) {
		s4.sin_family = AF_INET;
		return netblock_addr((struct sockaddr *)&s4, ip, range);
	}
	assert_int_equal(inet_pton(AF_INET6, a, &s6.sin6_addr), 1);
	s6.sin6_family = AF_INET6;
	return netblock_addr((struct sockaddr *)&s6, ip, range);
}

static void
test_cidr_parse(void **state)
{
	(void)state;
	assert_false(netblock_active());
	assert_int_equal(netblock_add_cidr("10.0.0.0/8"), 0);
	assert_int_equal(netblock_add_cidr("10.1.2.3/8"), 0);	/* Go masks it */
	assert_int_equal(netblock_add_cidr("::1/24"), 0);
	assert_int_equal(netblock_add_cidr("10.0.0.0"), -1);
	assert_int_equal(netblock_add_cidr("10.0.0.0/33"), -1);
	assert_int_equal(netblock_add_cidr("::/129"), -1);
	assert_int_equal(netblock_add_cidr("10.0.0.0/-1"), -1);
	assert_int_equal(netblock_add_cidr("10.0.0.0/08"), 0);
	assert_int_equal(netblock_add_cidr("010.0.0.0/8"), -1);
	assert_int_equal(netblock_add_cidr("fe80::1%lo/64"), -1);
	assert_int_equal(netblock_add_cidr("10.0.0/8"), -1);
	assert_int_equal(netblock_add_cidr("example.com/8"), -1);
	assert_int_equal(netblock_add_cidr("/8"), -1);
	assert_true(netblock_active());
}

static void
test_cidr_match(void **state)
{
	char ip[NETBLOCK_TEXT], range[NETBLOCK_TEXT];

	(void)state;
	assert_int_equal(netblock_add_cidr("8.9.10.11/24"), 0);
	assert_int_equal(netblock_add_cidr("::1/24"), 0);
	assert_int_equal(netblock_add_cidr("192.168.0.0/17"), 0);
	assert_true(blocked("8.9.10.200", ip, range));
	assert_string_equal(ip, "8.9.10.200");
	assert_string_equal(range, "8.9.10.0/24");
	assert_false(blocked("8.9.11.1", ip, range));
	assert_true(blocked("::1", ip, range));
	assert_string_equal(ip, "::1");
	assert_string_equal(range, "::/24");
	assert_false(blocked("2001:db8::68", ip, range));
	/* IPv4 in IPv6, as a dual-stack socket gives it: an IPv4 address */
	assert_true(blocked("::ffff:8.9.10.1", ip, range));
	assert_string_equal(ip, "8.9.10.1");
	assert_true(blocked("192.168.127.255", ip, range));
	assert_string_equal(range, "192.168.0.0/17");
	assert_false(blocked("192.168.128.0", ip, range));
}

static void
test_host_patterns(void **state)
{
	(void)state;
	assert_int_equal(netblock_add_host("-bad.com"), -1);
	assert_int_equal(netblock_add_host("bad-.com"), -1);
	assert_int_equal(netblock_add_host("a..com"), -1);
	assert_int_equal(netblock_add_host("*.*.com"), -1);
	assert_int_equal(netblock_add_host("a.*.com"), -1);
	assert_int_equal(netblock_add_host("a_b.com"), -1);
	assert_int_equal(netblock_add_host("example.com."), -1);
	assert_false(netblock_active());
	assert_int_equal(netblock_add_host("Exact.Test"), 0);
	assert_int_equal(netblock_add_host("*.example.com"), 0);
	assert_int_equal(netblock_add_host("*.b.example.com"), 0);
	assert_int_equal(netblock_add_host("*suffix.org"), 0);
	assert_string_equal(netblock_host("exact.test"), "exact.test");
	assert_null(netblock_host("a.exact.test"));
	assert_string_equal(netblock_host("A.Example.com"), "*.example.com");
	assert_null(netblock_host("example.com"));
	/* the longest "*" pattern names the match */
	assert_string_equal(netblock_host("a.b.example.com"), "*.b.example.com");
	assert_string_equal(netblock_host("suffix.org"), "*suffix.org");
	assert_string_equal(netblock_host("mysuffix.org"), "*suffix.org");
	/* addresses are never host names */
	assert_int_equal(netblock_add_host("*"), 0);
	assert_string_equal(netblock_host("anything"), "*");
	assert_null(netblock_host("127.0.0.1"));
	assert_null(netblock_host("::1"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_cidr_parse, reset),
		cmocka_unit_test_setup(test_cidr_match, reset),
		cmocka_unit_test_setup(test_host_patterns, reset),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
