/* Unit tests for src/js/http-digest.c. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "js/http-digest.h"

/* The example of RFC 2617, section 3.5. */
static void
test_rfc2617(void **state)
{
	char *a = http_digest_answer("Digest realm=\"testrealm@host.com\", "
	    "qop=\"auth,auth-int\", nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", "
	    "opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"", "Mufasa",
	    "Circle Of Life", "GET", "/dir/index.html", NULL, 0, "0a4f113b");

	(void)state;
	assert_non_null(a);
	assert_string_equal(a, "Digest username=\"Mufasa\", "
	    "realm=\"testrealm@host.com\", "
	    "nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", "
	    "uri=\"/dir/index.html\", "
	    "response=\"6629fae49393a05397450978507c4ef1\", "
	    "opaque=\"5ccc069c403ebaf9f0171e9517f40e41\", "
	    "qop=auth, nc=00000001, cnonce=\"0a4f113b\"");
	free(a);
}

/* The SHA-256 example of RFC 7616, section 3.9.1. */
static void
test_rfc7616_sha256(void **state)
{
	char *a = http_digest_answer("Digest realm=\"http-auth@example.org\", "
	    "qop=\"auth, auth-int\", algorithm=SHA-256, "
	    "nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\", "
	    "opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"", "Mufasa",
	    "Circle of Life", "GET", "/dir/index.html", NULL, 0,
	    "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ");

	(void)state;
	assert_non_null(a);
	assert_non_null(strstr(a, "response=\"753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1\""));
	assert_non_null(strstr(a, "algorithm=SHA-256"));
	free(a);
}

/* RFC 2069: no qop, response = H(HA1:nonce:HA2). */
static void
test_no_qop(void **state)
{
	char *a = http_digest_answer("Digest realm=\"r\", nonce=\"n\"", "u", "p",
	    "GET", "/", NULL, 0, "c");

	(void)state;
	assert_non_null(a);
	assert_null(strstr(a, "qop="));
	assert_null(strstr(a, "cnonce"));
	free(a);
}

static void
test_refused(void **state)
{
	(void)state;
	assert_null(http_digest_answer("Basic realm=\"x\"", "u", "p", "GET", "/",
	    NULL, 0, "c"));
	assert_null(http_digest_answer("Digest realm=\"x\"", "u", "p", "GET", "/",
	    NULL, 0, "c"));		/* no nonce */
	assert_null(http_digest_answer("Digest realm=\"x\", nonce=\"n\", "
	    "algorithm=SHA-512-256", "u", "p", "GET", "/", NULL, 0, "c"));
	assert_null(http_digest_answer("Digest realm=\"x\", nonce=\"n\", "
	    "qop=\"other\"", "u", "p", "GET", "/", NULL, 0, "c"));
	assert_null(http_digest_answer("Digest realm=\"x, nonce=\"n", "u", "p",
	    "GET", "/", NULL, 0, "c"));	/* unterminated quote */
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rfc2617),
		cmocka_unit_test(test_rfc7616_sha256),
		cmocka_unit_test(test_no_qop),
		cmocka_unit_test(test_refused),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
