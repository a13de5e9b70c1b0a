/* Unit tests for the VU peak of src/engine/plan.c and the execution
 * requirements and pool size of src/engine/executor.c, against the
 * values k6 computes for the same plans. */
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
	/* a holds 3 VUs for [0, 1000), b 2 for [1000, 2000). */
	static const struct plan_step a[] = { { 0, 3, 0 }, { 1000, 0, 0 } };
	static const struct plan_step b[] = { { 0, 2, 0 }, { 1000, 0, 0 } };
	static const struct plan_step a_long[] = { { 0, 3, 0 }, { 31000, 0, 0 } };
	static const struct plan_step arrival[] = { { 0, 1, 3 }, { 1500, 0, 0 } };
	struct plan_need seq[] = {
		{ 1000, "b", b, 2 }, { 0, "a", a, 2 },
	};
	struct plan_need overlap[] = {
		{ 0, "a", a_long, 2 }, { 1000, "b", b, 2 },
	};
	struct plan_need after[] = {
		{ 0, "a", a, 2 }, { 1200, "r", arrival, 2 },
	};
	/* Equal starts: both count, whatever the names. */
	struct plan_need same[] = {
		{ 0, "y", a, 2 }, { 0, "x", b, 2 },
	};
	int64_t planned, possible;

	plan_peak(seq, 2, &planned, &possible);
	assert_int_equal(planned, 3);
	assert_int_equal(possible, 3);
	plan_peak(overlap, 2, &planned, &possible);
	assert_int_equal(planned, 5);
	assert_int_equal(possible, 5);
	plan_peak(after, 2, &planned, &possible);
	assert_int_equal(planned, 3);
	assert_int_equal(possible, 4);
	plan_peak(same, 2, &planned, &possible);
	assert_int_equal(planned, 5);
	plan_peak(NULL, 0, &planned, &possible);
	assert_int_equal(planned, 0);
	assert_int_equal(possible, 0);
}

/* k6's own example of a ramping-vus plan (its executor tests): 4 VUs,
 * up to 6, down to 1, up to 5, down to 1, up to 4, then 1. */
static const struct stage example[] = {
	{ 2000, 6 }, { 5000, 1 }, { 4000, 5 }, { 4000, 1 },
	{ 3000, 4 }, { 2000, 4 }, { 0, 1 }, { 3000, 1 },
};

static void
expect_steps(struct scenario *sc, const struct plan_step *want, size_t nwant)
{
	struct segment full;
	struct plan_step *got;
	size_t i, n;

	segment_full(&full);
	executor_steps(sc, &full, &got, &n);
	assert_int_equal(n, nwant);
	for (i = 0; i < n; i++) {
		assert_true(got[i].t > want[i].t - 1e-6 && got[i].t < want[i].t + 1e-6);
		assert_int_equal(got[i].planned, want[i].planned);
	}
	free(got);
}

static void
test_ramping_steps(void **state)
{
	static const struct plan_step graceful[] = {
		{ 0, 4, 0 }, { 1000, 5, 0 }, { 2000, 6, 0 }, { 33000, 5, 0 },
		{ 42000, 4, 0 }, { 50000, 1, 0 }, { 53000, 0, 0 },
	};
	static const struct plan_step long_stop[] = {
		{ 0, 4, 0 }, { 1000, 5, 0 }, { 2000, 6, 0 }, { 33000, 5, 0 },
		{ 42000, 4, 0 }, { 50000, 1, 0 }, { 103000, 0, 0 },
	};
	static const struct plan_step short_stop[] = {
		{ 0, 4, 0 }, { 1000, 5, 0 }, { 2000, 6, 0 }, { 26000, 0, 0 },
	};
	static const struct plan_step raw[] = {
		{ 0, 4, 0 }, { 1000, 5, 0 }, { 2000, 6, 0 }, { 3000, 5, 0 },
		{ 4000, 4, 0 }, { 5000, 3, 0 }, { 6000, 2, 0 }, { 7000, 1, 0 },
		{ 8000, 2, 0 }, { 9000, 3, 0 }, { 10000, 4, 0 }, { 11000, 5, 0 },
		{ 12000, 4, 0 }, { 13000, 3, 0 }, { 14000, 2, 0 }, { 15000, 1, 0 },
		{ 16000, 2, 0 }, { 17000, 3, 0 }, { 18000, 4, 0 }, { 20000, 1, 0 },
		{ 23000, 0, 0 },
	};
	struct scenario sc;

	memset(&sc, 0, sizeof sc);
	sc.executor = EXEC_RAMPING_VUS;
	sc.start_vus = 4;
	sc.stages = (struct stage *)example;
	sc.nstages = sizeof example / sizeof example[0];
	sc.graceful_stop = 30000;
	sc.graceful_ramp_down = 30000;
	expect_steps(&sc, graceful, sizeof graceful / sizeof graceful[0]);
	sc.graceful_stop = 80000;
	expect_steps(&sc, long_stop, sizeof long_stop / sizeof long_stop[0]);
	sc.graceful_stop = 3000;
	expect_steps(&sc, short_stop, sizeof short_stop / sizeof short_stop[0]);
	sc.graceful_stop = 0;
	sc.graceful_ramp_down = 0;
	expect_steps(&sc, raw, sizeof raw / sizeof raw[0]);
}

/* k6's "max duration": when the plan's last step is. */
static void
test_end(void **state)
{
	struct stage stages[sizeof example / sizeof example[0]];
	struct scenario sc;
	struct plan p;
	struct segment full;
	int64_t planned, possible;
	double end;

	memcpy(stages, example, sizeof stages);
	memset(&sc, 0, sizeof sc);
	sc.name = (char *)"r";
	sc.executor = EXEC_RAMPING_VUS;
	sc.start_vus = 4;
	sc.stages = stages;
	sc.nstages = sizeof example / sizeof example[0];
	sc.start_time = 1000;
	sc.graceful_stop = 3000;
	sc.graceful_ramp_down = 30000;
	memset(&p, 0, sizeof p);
	p.scenarios = &sc;
	p.n = 1;
	segment_full(&full);
	executor_pool_size(&p, &full, &planned, &possible, &end);
	assert_int_equal(planned, 6);
	assert_true(end > 26999 && end < 27001);
	/* Ending at 0 VUs with no gracefulRampDown: no gracefulStop. */
	sc.stages[7].target = 0;
	sc.graceful_ramp_down = 0;
	executor_pool_size(&p, &full, &planned, &possible, &end);
	assert_true(end > 23999 && end < 24001);
}

/* The same plan for the segment 0:1/3, as k6 deals it. */
static void
test_ramping_segment(void **state)
{
	static const struct plan_step third[] = {
		{ 0, 1, 0 }, { 1000, 2, 0 }, { 4000, 1, 0 }, { 7000, 0, 0 },
		{ 8000, 1, 0 }, { 11000, 2, 0 }, { 12000, 1, 0 }, { 15000, 0, 0 },
		{ 16000, 1, 0 }, { 20000, 0, 0 },
	};
	static const struct plan_step third_graceful[] = {
		{ 0, 1, 0 }, { 1000, 2, 0 }, { 42000, 1, 0 }, { 50000, 0, 0 },
	};
	struct scenario sc;
	struct segment seg;
	struct plan_step *got;
	char *cause = NULL;
	size_t i, n;

	memset(&sc, 0, sizeof sc);
	sc.executor = EXEC_RAMPING_VUS;
	sc.start_vus = 4;
	sc.stages = (struct stage *)example;
	sc.nstages = sizeof example / sizeof example[0];
	assert_int_equal(segment_parse("0:1/3", &seg, &cause), 0);
	executor_steps(&sc, &seg, &got, &n);
	assert_int_equal(n, sizeof third / sizeof third[0]);
	for (i = 0; i < n; i++) {
		assert_true(got[i].t > third[i].t - 1e-6 && got[i].t < third[i].t + 1e-6);
		assert_int_equal(got[i].planned, third[i].planned);
	}
	free(got);
	sc.graceful_stop = 30000;
	sc.graceful_ramp_down = 30000;
	executor_steps(&sc, &seg, &got, &n);
	assert_int_equal(n, sizeof third_graceful / sizeof third_graceful[0]);
	for (i = 0; i < n; i++) {
		assert_true(got[i].t > third_graceful[i].t - 1e-6 &&
		    got[i].t < third_graceful[i].t + 1e-6);
		assert_int_equal(got[i].planned, third_graceful[i].planned);
	}
	free(got);
}

/* Over a split, the processes' pools add up to the whole test's. */
static void
test_pool_size(void **state)
{
	static const struct stage up_down[] = { { 1000, 4 }, { 1000, 0 } };
	struct scenario sc[2];
	struct plan p;
	struct segment full, part;
	int64_t planned, possible, sum_planned = 0, sum_possible = 0;
	int k;

	memset(sc, 0, sizeof sc);
	sc[0].name = (char *)"a";
	sc[0].executor = EXEC_CONSTANT_VUS;
	sc[0].vus = 3;
	sc[0].duration = 1000;
	sc[1].name = (char *)"r";
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
	executor_pool_size(&p, &full, &planned, &possible, NULL);
	assert_int_equal(planned, 3);
	assert_int_equal(possible, 4);
	for (k = 0; k < 2; k++) {
		segment_split(&full, k, 2, &part);
		executor_pool_size(&p, &part, &planned, &possible, NULL);
		sum_planned += planned;
		sum_possible += possible;
	}
	/* The VUs created before the test add up; the most each worker may
	 * create can add up to more (here 4 + 1: the arrivals all go to
	 * the worker with the preallocated VU), never to less. */
	assert_int_equal(sum_planned, 3);
	assert_int_equal(sum_possible, 5);
	/* With a gracefulStop that reaches into the second: the sum. */
	sc[0].graceful_stop = 30000;
	executor_pool_size(&p, &full, &planned, &possible, NULL);
	assert_int_equal(planned, 4);
	assert_int_equal(possible, 7);

	/* A ramping-vus scenario gives back what it ramps down: 2 of its
	 * 4 VUs are left at 1500 ms, when a constant-vus one of 2 starts. */
	memset(sc, 0, sizeof sc);
	sc[0].name = (char *)"r";
	sc[0].executor = EXEC_RAMPING_VUS;
	sc[0].stages = (struct stage *)up_down;
	sc[0].nstages = 2;
	sc[0].graceful_stop = 30000;
	sc[1].name = (char *)"b";
	sc[1].executor = EXEC_CONSTANT_VUS;
	sc[1].vus = 2;
	sc[1].duration = 1000;
	sc[1].start_time = 1500;
	sc[1].graceful_stop = 30000;
	executor_pool_size(&p, &full, &planned, &possible, NULL);
	assert_int_equal(planned, 4);
	/* With gracefulRampDown, the VUs are kept for their last
	 * iterations: 6. */
	sc[0].graceful_ramp_down = 30000;
	executor_pool_size(&p, &full, &planned, &possible, NULL);
	assert_int_equal(planned, 6);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_peak),
		cmocka_unit_test(test_ramping_steps),
		cmocka_unit_test(test_ramping_segment),
		cmocka_unit_test(test_end),
		cmocka_unit_test(test_pool_size),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
