/* Unit tests for src/js/http-url.c: each URL with what Go's url.Parse
 * and http.Transport (so k6) say of it. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "js/http-url.h"

static const struct {
	const char		*url;
	enum http_url_fault	 fault;
	const char		*msg;
} cases[] = {
	{ "http://127.0.0.1:8080/", HTTP_URL_OK, NULL },
	{ "HTTPS://h/p?q=%zz#f", HTTP_URL_OK, NULL },
	{ "http://u:p@[::1]:80/a%20b", HTTP_URL_OK, NULL },
	{ "127.0.0.1:8080/", HTTP_URL_PARSE, "invalid URL: parse \"127.0.0.1:8080/\": "
	    "first path segment in URL cannot contain colon" },
	{ "localhost:8080/", HTTP_URL_SEND, "unsupported protocol scheme \"localhost\"" },
	{ "ftp://127.0.0.1/", HTTP_URL_SEND, "unsupported protocol scheme \"ftp\"" },
	{ "foo bar", HTTP_URL_SEND, "unsupported protocol scheme \"\"" },
	{ "/rel", HTTP_URL_SEND, "unsupported protocol scheme \"\"" },
	{ "", HTTP_URL_SEND, "unsupported protocol scheme \"\"" },
	{ "http:///x", HTTP_URL_SEND, "http: no Host in request URL" },
	{ "http:x", HTTP_URL_SEND, "http: no Host in request URL" },
	{ ":8080/", HTTP_URL_PARSE, "invalid URL: parse \":8080/\": missing protocol scheme" },
	{ "http://h:8o/", HTTP_URL_PARSE, "invalid URL: parse \"http://h:8o/\": "
	    "invalid port \":8o\" after host" },
	{ "http://[::1/", HTTP_URL_PARSE, "invalid URL: parse \"http://[::1/\": "
	    "missing ']' in host" },
	{ "http://h/%zz#x", HTTP_URL_PARSE, "invalid URL: parse \"http://h/%zz\": "
	    "invalid URL escape \"%zz\"" },
	{ "http://h/#%4", HTTP_URL_PARSE, "invalid URL: parse \"http://h/#%4\": "
	    "invalid URL escape \"%4\"" },
	{ "http://a b/", HTTP_URL_PARSE, "invalid URL: parse \"http://a b/\": "
	    "invalid character \" \" in host name" },
	{ "http://a\tb/", HTTP_URL_PARSE, "invalid URL: parse \"http://a\\tb/\": "
	    "net/url: invalid control character in URL" },
	{ "http://u s@h/", HTTP_URL_PARSE, "invalid URL: parse \"http://u s@h/\": "
	    "net/url: invalid userinfo" },
};

static void
test_cases(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		enum http_url_fault f;
		char *m = http_url_check(cases[i].url, &f);

		print_message("%s\n", cases[i].url);
		assert_int_equal(f, cases[i].fault);
		if (cases[i].msg == NULL)
			assert_null(m);
		else {
			assert_non_null(m);
			assert_string_equal(m, cases[i].msg);
		}
		free(m);
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
