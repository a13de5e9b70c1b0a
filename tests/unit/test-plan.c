/* Unit tests for the VU peak of src/engine/plan.c and the per-process
 * pool size of src/engine/executor.c. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "engine/engine.h"
#include "engine/plan.h"
#include "engine/segment.h"

static void
test_peak(void **state)
{
	/* a [0, 1000) 3 VUs, b [1000, 2000) 2: b starts as a ends. */
	struct plan_need seq[] = {
		{ 0, 1000, 3, 0 }, { 1000, 2000, 2, 0 },
	};
	/* b starts before a gave its VUs back. */
	struct plan_need overlap[] = {
		{ 0, 31000, 3, 0 }, { 1000, 2000, 2, 0 },
	};
	/* An arrival-rate scenario (1 planned, 3 more possible) after a. */
	struct plan_need arrival[] = {
		{ 0, 1000, 3, 0 }, { 1200, 2700, 1, 3 },
	};
	/* Listed out of order, and one that holds nothing. */
	struct plan_need mixed[] = {
		{ 5000, 6000, 4, 0 }, { 0, 5000, 1, 9 }, { 0, 100, 0, 0 },
	};
	int64_t planned, possible;

	plan_peak(seq, 2, &planned, &possible);
	assert_int_equal(planned, 3);
	assert_int_equal(possible, 3);
	plan_peak(overlap, 2, &planned, &possible);
	assert_int_equal(planned, 5);
	assert_int_equal(possible, 5);
	plan_peak(arrival, 2, &planned, &possible);
	assert_int_equal(planned, 3);
	assert_int_equal(possible, 4);
	plan_peak(mixed, 3, &planned, &possible);
	assert_int_equal(planned, 4);
	assert_int_equal(possible, 10);
	plan_peak(NULL, 0, &planned, &possible);
	assert_int_equal(planned, 0);
	assert_int_equal(possible, 0);
}

/* Over any split, the processes' pools add up to at least the whole
 * test's, and a single process's is the whole test's. */
static void
test_pool_size(void **state)
{
	struct scenario sc[2];
	struct plan p;
	struct segment full, part;
	int64_t planned, possible, sum_planned = 0, sum_possible = 0;
	int k;

	memset(sc, 0, sizeof sc);
	sc[0].executor = EXEC_CONSTANT_VUS;
	sc[0].vus = 3;
	sc[0].duration = 1000;
	sc[1].executor = EXEC_CONSTANT_ARRIVAL_RATE;
	sc[1].rate = 10;
	sc[1].time_unit = 1000;
	sc[1].duration = 1500;
	sc[1].pre_allocated_vus = 1;
	sc[1].max_vus = 4;
	sc[1].start_time = 1200;
	memset(&p, 0, sizeof p);
	p.scenarios = sc;
	p.n = 2;
	segment_full(&full);
	executor_pool_size(&p, &full, &planned, &possible);
	assert_int_equal(planned, 3);
	assert_int_equal(possible, 4);
	for (k = 0; k < 2; k++) {
		segment_split(&full, k, 2, &part);
		executor_pool_size(&p, &part, &planned, &possible);
		sum_planned += planned;
		sum_possible += possible;
	}
	assert_int_equal(sum_planned, 3);
	assert_int_equal(sum_possible, 4);
	/* With a gracefulStop that reaches into the second: the sum. */
	sc[0].graceful_stop = 30000;
	executor_pool_size(&p, &full, &planned, &possible);
	assert_int_equal(planned, 4);
	assert_int_equal(possible, 7);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_peak),
		cmocka_unit_test(test_pool_size),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
