/* Unit tests for src/engine/coro.c. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include <cmocka.h>

#include "engine/coro.h"

static int trace[64], ntrace;

static void
counter(void *arg)
{
	int id = *(int *)arg, i;

	for (i = 0; i < 3; i++) {
		trace[ntrace++] = id * 10 + i;
		coro_yield();
	}
}

static void
test_interleave(void **state)
{
	int a = 1, b = 2;
	char *cause = NULL;
	struct coro *ca = coro_new(counter, &a, CORO_STACK_DEFAULT, 0, &cause);
	struct coro *cb = coro_new(counter, &b, CORO_STACK_DEFAULT, 0, &cause);

	assert_non_null(ca);
	assert_non_null(cb);
	assert_null(coro_current());
	while (!coro_done(ca) || !coro_done(cb)) {
		if (!coro_done(ca))
			coro_resume(ca);
		if (!coro_done(cb))
			coro_resume(cb);
	}
	assert_int_equal(ntrace, 6);
	assert_int_equal(trace[0], 10);
	assert_int_equal(trace[1], 20);
	assert_int_equal(trace[4], 12);
	assert_int_equal(trace[5], 22);
	coro_free(ca);
	coro_free(cb);
}

static double
fp_work(double x)
{
	volatile double v = x;

	return v * 1.5 + 0.25;
}

static void
deep(void *arg)
{
	char big[200 * 1024];	/* most of the stack, to prove it is usable */
	double *out = arg;

	memset(big, 7, sizeof big);
	*out = fp_work(big[100]);
	coro_yield();
	*out += fp_work(big[sizeof big - 1]);
}

static void
test_stack_and_fp(void **state)
{
	double out = 0;
	char *cause = NULL;
	struct coro *co = coro_new(deep, &out, CORO_STACK_DEFAULT, 0, &cause);

	coro_resume(co);
	assert_true(out == 7 * 1.5 + 0.25);
	coro_resume(co);
	assert_true(out == 2 * (7 * 1.5 + 0.25));
	assert_true(coro_done(co));
	coro_free(co);
	coro_free(NULL);
}

/* The ABI wants 16-byte alignment; SSE code faults without it. */
static void
aligned(void *arg)
{
	char probe[16] __attribute__((aligned(16)));
	double v[2] __attribute__((aligned(16))) = { 1, 2 };

	*(uintptr_t *)arg = (uintptr_t)probe % 16 + (uintptr_t)__builtin_frame_address(0) % 16;
	__asm__ volatile("" : : "r"(v) : "memory");
}

static void
test_alignment(void **state)
{
	uintptr_t misaligned = 99;
	char *cause = NULL;
	struct coro *co = coro_new(aligned, &misaligned, CORO_STACK_DEFAULT, 0, &cause);

	coro_resume(co);
	assert_int_equal(misaligned, 0);
	coro_free(co);
}

static void
test_many(void **state)
{
	enum { N = 2000 };
	static struct coro *co[N];
	static int ids[N];
	char *cause = NULL;
	int i, rounds;

	ntrace = 0;
	for (i = 0; i < N; i++) {
		ids[i] = 0;
		co[i] = coro_new(counter, &ids[i], CORO_STACK_DEFAULT, 0, &cause);
		assert_non_null(co[i]);
	}
	for (rounds = 0; rounds < 4; rounds++)
		for (i = 0; i < N; i++) {
			ntrace = 0;	/* keep the trace small */
			if (!coro_done(co[i]))
				coro_resume(co[i]);
		}
	for (i = 0; i < N; i++) {
		assert_true(coro_done(co[i]));
		coro_free(co[i]);
	}
}

/* coro_trim: the pages a deep call touched are given back, the caller's
 * frames are kept, and a deep call after works again. */
#define TRIM_DEPTH	(64 * 1024)
static int trim_resident_before, trim_resident_after, trim_sum;

static int
resident(const char *from, size_t len)
{
	size_t page = (size_t)sysconf(_SC_PAGESIZE), i;
	const char *p = (const char *)((uintptr_t)from & ~(uintptr_t)(page - 1));
	unsigned char v[64];
	int n = 0;

	len = (size_t)(from + len - p + page - 1) / page;
	assert_true(len <= sizeof v);
	assert_int_equal(mincore((void *)(uintptr_t)p, len * page, v), 0);
	for (i = 0; i < len; i++)
		n += v[i] & 1;
	return n;
}

static int __attribute__((noinline))
trim_deep(volatile char *low)
{
	volatile char buf[TRIM_DEPTH];
	int i, s = 0;

	for (i = 0; i < TRIM_DEPTH; i += 512)
		buf[i] = (char)i;
	for (i = 0; i < TRIM_DEPTH; i += 512)
		s += buf[i];
	*low = buf[0];
	return s + (int)((uintptr_t)buf & 1);
}

static void
trim_body(void *arg)
{
	volatile char mark = 42, low;
	volatile char *top = &mark;

	(void)arg;
	trim_sum = trim_deep(&low);
	/* the 64 KiB below this frame */
	trim_resident_before = resident((const char *)((uintptr_t)top - TRIM_DEPTH),
	    TRIM_DEPTH - 8192);
	coro_trim();
	trim_resident_after = resident((const char *)((uintptr_t)top - TRIM_DEPTH),
	    TRIM_DEPTH - 8192);
	coro_yield();
	assert_int_equal(mark, 42);
	assert_int_equal(trim_deep(&low), trim_sum);
}

static void
test_trim(void **state)
{
	struct coro *co = coro_new(trim_body, NULL, CORO_STACK_DEFAULT, 0, NULL);

	(void)state;
	assert_non_null(co);
	coro_resume(co);
#ifndef __SANITIZE_ADDRESS__
	assert_true(trim_resident_before >= 12);
	assert_int_equal(trim_resident_after, 0);
#endif
	coro_resume(co);
	assert_true(coro_done(co));
	coro_free(co);
}

static char *above_frame, *above_region;

static void
above_body(void *arg)
{
	char here = 1;

	(void)arg;
	above_frame = &here;
	memset(above_region, 'a', 8192);	/* the caller's, all of it */
	coro_yield();
	assert_int_equal(here, 1);
}

/* What coro_new maps above the stack is the caller's, right over the
 * top, which is CORO_ABOVE_AT bytes into a page: a shallow frame shares
 * that page with the first bytes above; without above, nothing. */
static void
test_above(void **state)
{
	struct coro *co = coro_new(above_body, NULL, CORO_STACK_DEFAULT, 0, NULL);

	(void)state;
	assert_non_null(co);
	assert_null(coro_above(co));
	coro_free(co);
	co = coro_new(above_body, NULL, CORO_STACK_DEFAULT, 8192, NULL);
	assert_non_null(co);
	above_region = coro_above(co);
	assert_non_null(above_region);
	assert_int_equal((uintptr_t)above_region % 4096, CORO_ABOVE_AT);
	coro_resume(co);
	assert_true(above_frame < above_region);
	assert_int_equal((uintptr_t)above_frame / 4096,
	    (uintptr_t)above_region / 4096);
	assert_int_equal(above_region[8191], 'a');
	coro_resume(co);
	assert_true(coro_done(co));
	coro_free(co);
}

/* What a call on a lent stack saw. */
static struct {
	uintptr_t	 own_low, lent_low, after_yield, after_loan;
	uintptr_t	 own_here, lent_here;
	int		 nested, ran, touched;
} lend;

static void
nested_fn(void *arg)
{
	(void)arg;
	lend.ran++;
}

static void
lent_fn(void *arg)
{
	volatile char here = 0;

	(void)arg;
	lend.lent_low = coro_stack_low;
	lend.lent_here = (uintptr_t)&here;
	lend.nested = coro_call_stack(nested_fn, NULL);
	coro_yield();
	lend.after_yield = coro_stack_low;
	/* 64 KiB touched below this frame, given back after the loan */
	(void)trim_deep(&here);
	lend.touched = 1;
}

static void
lend_body(void *arg)
{
	volatile char here = 0;

	(void)arg;
	lend.own_low = coro_stack_low;
	lend.own_here = (uintptr_t)&here;
	assert_int_equal(coro_call_stack(lent_fn, NULL), 0);
	lend.after_loan = coro_stack_low;
}

/* coro_call_stack runs its function on another stack, only inside a
 * coroutine and not inside another loan, and coro_stack_low follows
 * the stack that runs. */
static void
test_lend(void **state)
{
	struct coro *co = coro_new(lend_body, NULL, CORO_STACK_DEFAULT, 0, NULL);
	uintptr_t main_low = coro_stack_low;
	volatile char here = 0;

	(void)state;
	assert_true(main_low != 0 && main_low < (uintptr_t)&here);
	assert_int_equal(coro_call_stack(nested_fn, NULL), -1);
	assert_int_equal(lend.ran, 0);
	assert_non_null(co);
	coro_resume(co);
	assert_true(coro_stack_low == main_low);	/* yielded in the loan */
	coro_resume(co);
	assert_true(coro_done(co));
	coro_free(co);
#ifndef __SANITIZE_ADDRESS__
	assert_true(lend.own_here > lend.own_low &&
	    lend.own_here < lend.own_low + CORO_STACK_DEFAULT);
	assert_true(lend.lent_here > lend.lent_low &&
	    lend.lent_here < lend.lent_low + CORO_STACK_DEEP);
	assert_true(lend.lent_low != lend.own_low);
	assert_true(lend.after_yield == lend.lent_low);
	assert_true(lend.after_loan == lend.own_low);
	assert_int_equal(lend.nested, -1);
	assert_int_equal(lend.ran, 0);
	assert_true(lend.touched);
	/* the loan's pages below the top it keeps (16 KiB) were given back */
	assert_int_equal(resident((const char *)(lend.lent_here - TRIM_DEPTH),
	    TRIM_DEPTH - 24 * 1024), 0);
#endif
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_interleave),
		cmocka_unit_test(test_stack_and_fp),
		cmocka_unit_test(test_alignment),
		cmocka_unit_test(test_many),
		cmocka_unit_test(test_trim),
		cmocka_unit_test(test_above),
		cmocka_unit_test(test_lend),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
