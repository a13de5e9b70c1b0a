/* Unit tests for src/net/wsproxy.c: the proxy of a WebSocket as Go's
 * http.ProxyFromEnvironment (golang.org/x/net/http/httpproxy) says. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "net/wsproxy.h"

static const struct {
	const char	*http, *https, *no;
	int		 cgi, tls;
	const char	*host, *port;
	const char	*want;		/* NULL: none */
	int		 fails;
} cases[] = {
	{ "p:3128", NULL, NULL, 0, 0, "echo.test", "80", "http://p:3128", 0 },
	{ "http://p:3128", NULL, NULL, 0, 1, "echo.test", "443", NULL, 0 },
	{ NULL, "http://s:8080", NULL, 0, 1, "echo.test", "443", "http://s:8080", 0 },
	{ "http://p", NULL, NULL, 0, 0, "localhost", "80", NULL, 0 },
	{ "http://p", NULL, NULL, 0, 0, "LocalHost", "80", NULL, 0 },
	{ "http://p", NULL, NULL, 0, 0, "127.0.0.9", "80", NULL, 0 },
	{ "http://p", NULL, NULL, 0, 0, "::1", "80", NULL, 0 },
	{ "http://p", NULL, NULL, 0, 0, "10.1.2.3", "80", "http://p", 0 },
	{ "http://p", NULL, "*", 0, 0, "echo.test", "80", NULL, 0 },
	{ "http://p", NULL, "a.test, echo.test", 0, 0, "echo.test", "80", NULL, 0 },
	{ "http://p", NULL, "echo.test", 0, 0, "ws.Echo.test", "80", NULL, 0 },
	{ "http://p", NULL, "echo.test", 0, 0, "xecho.test", "80", "http://p", 0 },
	{ "http://p", NULL, ".echo.test", 0, 0, "echo.test", "80", "http://p", 0 },
	{ "http://p", NULL, ".echo.test", 0, 0, "a.echo.test", "80", NULL, 0 },
	{ "http://p", NULL, "*.echo.test", 0, 0, "a.echo.test", "80", NULL, 0 },
	{ "http://p", NULL, "echo.test:8080", 0, 0, "echo.test", "80", "http://p", 0 },
	{ "http://p", NULL, "echo.test:8080", 0, 0, "echo.test", "8080", NULL, 0 },
	{ "http://p", NULL, "10.0.0.0/8", 0, 0, "10.1.2.3", "80", NULL, 0 },
	{ "http://p", NULL, "10.0.0.0/8", 0, 0, "11.1.2.3", "80", "http://p", 0 },
	{ "http://p", NULL, "10.1.2.3:80", 0, 0, "10.1.2.3", "80", NULL, 0 },
	{ "http://p", NULL, "[2001:db8::1]:80", 0, 0, "2001:db8::1", "80", NULL, 0 },
	{ "http://p", NULL, "2001:db8::/32", 0, 0, "2001:db8::7", "80", NULL, 0 },
	{ "http://p", NULL, NULL, 1, 0, "echo.test", "80", NULL, 1 },
	{ "http://p", "http://s", NULL, 1, 1, "echo.test", "443", "http://s", 0 },
};

static void
test_cases(void **state)
{
	struct wsproxy_env e;
	char *got, *cause;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		e.http_proxy = cases[i].http;
		e.https_proxy = cases[i].https;
		e.no_proxy = cases[i].no;
		e.cgi = cases[i].cgi;
		got = wsproxy_for(&e, cases[i].tls, cases[i].host, cases[i].port, &cause);
		if (cases[i].want == NULL)
			assert_null(got);
		else
			assert_string_equal(got, cases[i].want);
		assert_int_equal(cause != NULL, cases[i].fails);
		free(got);
		free(cause);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cases),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
