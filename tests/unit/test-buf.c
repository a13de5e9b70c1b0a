/* Unit tests for src/util/buf.c. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "util/buf.h"
#include "util/format.h"

static void
test_grow(void **state)
{
	struct buf b = BUF_INIT;
	int i;

	for (i = 0; i < 1000; i++)
		assert_int_equal(buf_printf(&b, "%d,", i), 0);
	assert_int_equal(strncmp(b.data, "0,1,2,", 6), 0);
	assert_int_equal(b.len, strlen(b.data));
	buf_reset(&b);
	assert_int_equal(b.len, 0);
	assert_string_equal(b.data, "");
	buf_free(&b);
}

/* buf_read: a stream to its end, and the cap told apart from an error. */
static void
test_read(void **state)
{
	struct buf b;
	FILE *f = tmpfile();
	int i;

	assert_non_null(f);
	for (i = 0; i < 20000; i++)
		fprintf(f, "%d\n", i);
	rewind(f);
	buf_init(&b, 0);
	assert_int_equal(buf_puts(&b, "head:"), 0);
	assert_int_equal(buf_read(&b, f), 0);
	assert_int_equal(strncmp(b.data, "head:0\n1\n", 9), 0);
	assert_int_equal(b.len, 5 + (size_t)ftell(f));
	buf_free(&b);
	rewind(f);
	buf_init(&b, 1000);
	assert_int_equal(buf_read(&b, f), -1);
	assert_false(ferror(f));	/* the cap, not the stream */
	assert_true(b.len <= 1000);
	buf_free(&b);
	fclose(f);
}

static void
test_cap(void **state)
{
	struct buf b;

	buf_init(&b, 8);
	assert_int_equal(buf_puts(&b, "12345678"), 0);
	assert_int_equal(buf_putc(&b, '9'), -1);
	assert_int_equal(buf_printf(&b, "%s", "x"), -1);
	assert_string_equal(b.data, "12345678");	/* unchanged on failure */
	buf_free(&b);
}

static void
test_json_string(void **state)
{
	struct buf b = BUF_INIT;
	const char in[] = "a\"b\\c\n\x01\xc3\xa9";

	format_json_string(&b, in, sizeof in - 1, FORMAT_JSON_BF);
	assert_string_equal(b.data, "\"a\\\"b\\\\c\\n\\u0001\xc3\xa9\"");
	buf_free(&b);
}

/* mujs's bytes for U+0000 and surrogates come out as k6's Go strings:
 * \u0000, a pair joined, a lone half U+FFFD; invalid bytes \ufffd. */
static void
test_json_string_mujs(void **state)
{
	struct buf b = BUF_INIT;
	const char in[] = "n\xc0\x80l \xed\xa0\x80 p \xed\xa0\xbd\xed\xb8\x80"
	    " \xed\xb0\x80\xff\xe2\x80\xa8\xc0";

	format_json_string(&b, in, sizeof in - 1, FORMAT_JSON_BF);
	assert_string_equal(b.data, "\"n\\u0000l \xef\xbf\xbd p \xf0\x9f\x98\x80"
	    " \xef\xbf\xbd\\ufffd\\u2028\\ufffd\"");
	buf_free(&b);
}

static void
test_steal(void **state)
{
	struct buf b = BUF_INIT;
	char *s;

	s = buf_steal(&b);
	assert_string_equal(s, "");
	free(s);
	buf_puts(&b, "abc");
	s = buf_steal(&b);
	assert_string_equal(s, "abc");
	assert_null(b.data);
	free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_grow),
		cmocka_unit_test(test_cap),
		cmocka_unit_test(test_read),
		cmocka_unit_test(test_json_string),
		cmocka_unit_test(test_json_string_mujs),
		cmocka_unit_test(test_steal),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
