/* Unit tests for src/compile/username.c. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "compile/ast.h"
#include "compile/username.h"
#include "util/buf.h"

/* Names the user may write: ASCII ones the compiler could make, and
 * ones of other scripts, with "$" and "_" next to their letters. */
static const char *const names[] = {
	"x", "_$g", "__ly", "a$1", "$$", "$a$b", "_this$", "名前", "名_",
	"_名", "__名", "名__", "$名", "名$", "a$名", "é\xcc\x81", "a\xe2\x80\x8d" "b",
	"a\xe2\x80\x8c" "b", "ab", "_e5_", "名x名", "名$1", "$", "ü",
};
#define NNAMES (sizeof(names) / sizeof(names[0]))

static const char *
spell(struct arena *a, const char *s)
{
	size_t n;
	char *e = username_escape(a, s, strlen(s), &n);

	if (e != NULL)
		assert_int_equal(n, strlen(e));
	return e != NULL ? e : s;
}

static void
test_round_trip(void **state)
{
	struct arena a = { 0 };
	size_t i;
	const char *p;

	(void)state;
	for (i = 0; i < NNAMES; i++) {
		const char *e = spell(&a, names[i]);
		struct buf b = BUF_INIT;

		for (p = e; *p != '\0'; p++)
			assert_true((unsigned char)*p < 0x80);
		if (e != names[i]) {
			assert_true(username_unescape(&b, e, strlen(e)));
			buf_add(&b, "", 1);
			assert_string_equal(b.data, names[i]);
		} else
			assert_false(username_unescape(NULL, e, strlen(e)));
		buf_free(&b);
	}
	arena_free(&a);
}

/* No two names meet, and no name the compiler makes from a spelled one
 * (a "$" and a suffix) turns back into a user's name. */
static void
test_apart(void **state)
{
	static const char *const suffix[] = { "$", "$1", "$tdz", "$$$1" };
	struct arena a = { 0 };
	char made[256];
	size_t i, j;

	(void)state;
	for (i = 0; i < NNAMES; i++) {
		const char *e = spell(&a, names[i]);

		for (j = 0; j < NNAMES; j++)
			if (j != i)
				assert_string_not_equal(e, spell(&a, names[j]));
		if (e == names[i])
			continue;
		for (j = 0; j < sizeof(suffix) / sizeof(suffix[0]); j++) {
			snprintf(made, sizeof(made), "%s%s", e, suffix[j]);
			assert_false(username_unescape(NULL, made,
			    strlen(made)));
		}
	}
	arena_free(&a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_apart),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
