/* Unit tests for src/engine/segment.c. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>

#include "engine/segment.h"

static void
test_parse(void **state)
{
	struct segment s;
	char *cause = NULL;

	assert_int_equal(segment_parse("1/3:2/3", &s, &cause), 0);
	assert_int_equal(s.a, 1);
	assert_int_equal(s.b, 2);
	assert_int_equal(s.d, 3);
	assert_int_equal(segment_share(&s, 3), 1);
	assert_int_equal(segment_parse("50%", &s, &cause), 0);
	assert_int_equal(s.a, 0);
	assert_int_equal(s.b * 2, s.d);
	assert_int_equal(segment_parse("0.25:0.5", &s, &cause), 0);
	assert_int_equal(s.a * 4, s.d);
	assert_int_equal(s.b * 2, s.d);
	assert_int_equal(segment_parse("2/3:1/3", &s, &cause), -1);
	free(cause);
	cause = NULL;
	assert_int_equal(segment_parse("x:1", &s, &cause), -1);
	free(cause);
	cause = NULL;
	assert_int_equal(segment_parse("0:3/2", &s, &cause), -1);
	free(cause);
}

/* The shares of any split add up exactly, and striping agrees. */
static void
test_shares_add_up(void **state)
{
	struct segment full, part;
	int n, k;
	int64_t count, sum, owned, i;

	segment_full(&full);
	for (n = 1; n <= 7; n++) {
		for (count = 0; count <= 50; count++) {
			sum = 0;
			for (k = 0; k < n; k++) {
				segment_split(&full, k, n, &part);
				sum += segment_share(&part, count);
				owned = 0;
				for (i = 0; i < count; i++)
					owned += segment_owns(&part, i);
				assert_int_equal(owned, segment_share(&part, count));
			}
			assert_int_equal(sum, count);
		}
	}
}

static void
test_nested(void **state)
{
	struct segment machine, worker;
	char *cause = NULL;
	int64_t sum = 0;
	int k;

	const char *thirds[] = { "0:1/3", "1/3:2/3", "2/3:1" };
	int64_t i, owners;
	int m;

	/* Two workers on the second third of a test split over 3 machines. */
	assert_int_equal(segment_parse("1/3:2/3", &machine, &cause), 0);
	for (k = 0; k < 2; k++) {
		segment_split(&machine, k, 2, &worker);
		sum += segment_share(&worker, 90);
	}
	assert_int_equal(sum, segment_share(&machine, 90));
	assert_int_equal(sum, 30);
	/* Every thing has exactly one owner over machines and workers, when
	 * the machines share their sequence. */
	for (i = 0; i < 100; i++) {
		owners = 0;
		for (m = 0; m < 3; m++) {
			assert_int_equal(segment_parse(thirds[m], &machine, &cause), 0);
			assert_int_equal(segment_apply_sequence(&machine, "0,1/3,2/3,1",
			    &cause), 0);
			for (k = 0; k < 3; k++) {
				segment_split(&machine, k, 3, &worker);
				owners += segment_owns(&worker, i);
			}
		}
		assert_int_equal(owners, 1);
	}
	/* segment_global numbers a worker's things as the whole test does. */
	for (m = 0; m < 3; m++) {
		assert_int_equal(segment_parse(thirds[m], &machine, &cause), 0);
		for (k = 0; k < 2; k++) {
			int64_t nth = 0;

			segment_split(&machine, k, 2, &worker);
			for (i = 0; i < 60; i++)
				if (segment_owns(&worker, i))
					assert_int_equal(segment_global(&worker, nth++), i);
		}
	}
}

/* Machines with different denominators stripe disjointly once the
 * sequence gives them a common one. */
static void
test_sequence(void **state)
{
	const char *parts[] = { "0:1/2", "1/2:3/4", "3/4:1" };
	const char *seq = "0,1/2,3/4,1";
	struct segment m;
	char *cause = NULL;
	int64_t i, owners;
	int k;

	for (i = 0; i < 100; i++) {
		owners = 0;
		for (k = 0; k < 3; k++) {
			assert_int_equal(segment_parse(parts[k], &m, &cause), 0);
			assert_int_equal(segment_apply_sequence(&m, seq, &cause), 0);
			owners += segment_owns(&m, i);
		}
		assert_int_equal(owners, 1);
	}
	/* Interleaved like k6: 2 VUs go to the first two machines. */
	assert_int_equal(segment_parse("1/2:3/4", &m, &cause), 0);
	assert_int_equal(segment_apply_sequence(&m, seq, &cause), 0);
	assert_int_equal(segment_share(&m, 2), 1);
	assert_int_equal(segment_parse("0:1/3", &m, &cause), 0);
	assert_int_equal(segment_apply_sequence(&m, seq, &cause), -1);
	free(cause);
	cause = NULL;
	assert_int_equal(segment_apply_sequence(&m, "0,1/2,1/4,1", &cause), -1);
	free(cause);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_shares_add_up),
		cmocka_unit_test(test_nested),
		cmocka_unit_test(test_sequence),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
