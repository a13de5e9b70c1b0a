/* Unit tests for src/engine/vualloc.c: sizes, realloc across classes and
 * to and from large blocks, runs emptied, reused and given back, and a
 * mujs state living on it. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <mujs.h>

#include "engine/vualloc.h"
#include "js/runtime.h"

static void
test_sizes(void **state)
{
	static const size_t want[][2] = {
		{ 1, 8 }, { 8, 8 }, { 9, 16 }, { 64, 64 }, { 100, 104 },
		{ 128, 128 }, { 129, 160 }, { 200, 224 }, { 256, 256 },
		{ 257, 257 }, { 5000, 5000 }
	};
	size_t i;

	for (i = 0; i < sizeof want / sizeof want[0]; i++) {
		unsigned char *p = vualloc_realloc(NULL, want[i][0]);

		assert_non_null(p);
		assert_int_equal(vualloc_size(p), want[i][1]);
		assert_int_equal((uintptr_t)p % 8, 0);
		memset(p, 0xa5, want[i][0]);
		assert_null(vualloc_realloc(p, 0));
	}
	assert_null(vualloc_realloc(NULL, 0));
}

static void
test_realloc_keeps_bytes(void **state)
{
	static const size_t steps[] = { 3, 7, 40, 100, 256, 300, 4096, 200,
	    17, 1 };
	unsigned char *p = NULL;
	size_t i, j, have = 0;

	for (i = 0; i < sizeof steps / sizeof steps[0]; i++) {
		p = vualloc_realloc(p, steps[i]);
		assert_non_null(p);
		for (j = 0; j < have && j < steps[i]; j++)
			assert_int_equal(p[j], (unsigned char)j);
		for (j = 0; j < steps[i]; j++)
			p[j] = (unsigned char)j;
		have = steps[i];
	}
	vualloc_realloc(p, 0);
}

/* Many blocks of mixed classes, freed in another order, twice over: the
 * second round must find the same memory (emptied runs are reused). */
static void
test_many(void **state)
{
	enum { N = 20000 };
	unsigned char **p = calloc(N, sizeof *p);
	uintptr_t lo = UINTPTR_MAX, hi = 0, lo2 = UINTPTR_MAX, hi2 = 0;
	int round, i;

	assert_non_null(p);
	for (round = 0; round < 2; round++) {
		for (i = 0; i < N; i++) {
			size_t size = 8 + (size_t)(i * 37 % 249);

			p[i] = vualloc_realloc(NULL, size);
			assert_non_null(p[i]);
			memset(p[i], i & 0xff, size);
			if (round == 0) {
				lo = (uintptr_t)p[i] < lo ? (uintptr_t)p[i] : lo;
				hi = (uintptr_t)p[i] > hi ? (uintptr_t)p[i] : hi;
			} else {
				lo2 = (uintptr_t)p[i] < lo2 ? (uintptr_t)p[i] : lo2;
				hi2 = (uintptr_t)p[i] > hi2 ? (uintptr_t)p[i] : hi2;
			}
		}
		for (i = 0; i < N; i++) {
			int k = (i * 7919) % N;

			assert_int_equal(p[k][0], k & 0xff);
			vualloc_realloc(p[k], 0);
		}
	}
	/* No growth from one round to the next. */
	assert_true(hi2 - lo2 <= hi - lo + 64 * 4096);
	free(p);
}

/* A large block's zero pages go back to the system and read as zeros;
 * pages with data stay; small blocks are left alone. */
static void
test_trim(void **state)
{
	size_t n = 6 * 4096, i, back;
	char *p = vualloc_realloc(NULL, n), *s = vualloc_realloc(NULL, 64);

	assert_non_null(p);
	memset(p, 0, n);
	memset(s, 0, 64);
	p[5000] = 'a';			/* in the second page, or the first full one */
	back = vualloc_trim(p, vualloc_size(p));
	/* at least four of the five or six pages inside the block are zero */
	assert_true(back >= 4 * 4096 && back <= n);
	assert_int_equal(back % 4096, 0);
	assert_int_equal(p[5000], 'a');
	for (i = 0; i < n; i++)
		if (i != 5000 && p[i] != 0)
			fail_msg("byte %zu is %d after the trim", i, p[i]);
	memset(p, 'b', n);		/* the pages come back when written */
	for (i = 0; i < n; i += 4096)
		assert_int_equal(p[i], 'b');
	assert_int_equal(vualloc_trim(p, vualloc_size(p)), 0);
	assert_int_equal(vualloc_trim(s, vualloc_size(s)), 0);
	assert_int_equal(vualloc_trim(NULL, 0), 0);
	vualloc_realloc(p, 0);
	vualloc_realloc(s, 0);
}

static void *
js_hook(void *ctx, void *ptr, int size)
{
	return vualloc_realloc(ptr, size > 0 ? (size_t)size : 0);
}

static void
test_mujs(void **state)
{
	char *cause = NULL;
	int round;

	for (round = 0; round < 3; round++) {
		js_State *J = js_newstate(js_hook, NULL, 0);

		assert_non_null(J);
		assert_int_equal(runtime_load(J, &cause), 0);
		assert_int_equal(js_ploadstring(J, "t.js",
		    "var m = new Map(), s = ''; for (var i = 0; i < 500; i++) {"
		    " m.set('k' + i, [i, {i: i}]); s += i; }"
		    " [m.size, s.length, [1, 2, 3].includes(2)].join()"), 0);
		js_pushundefined(J);
		assert_int_equal(js_pcall(J, 0), 0);
		assert_string_equal(js_tostring(J, -1), "500,1390,true");
		js_pop(J, 1);
		js_gc(J, 0);
		js_freestate(J);
	}
}

/* vualloc_release gives back the runs no block uses, and they serve
 * again, zeroed but whole, for any class. */
static void
test_release(void **state)
{
	enum { N = 4096 };
	static unsigned char *p[N];
	static uintptr_t runs[N];
	unsigned char *q;
	int i, j, reused = 0;

	(void)state;
	vualloc_release();	/* what the other tests left */
	for (i = 0; i < N; i++) {
		assert_non_null(p[i] = vualloc_realloc(NULL, 64));
		memset(p[i], 0x5a, 64);
		runs[i] = (uintptr_t)p[i] & ~(uintptr_t)4095;
	}
	for (i = 0; i < N; i++)
		vualloc_realloc(p[i], 0);
	/* 4096 blocks of 64 bytes fill at least 60 runs of 4 KiB. */
	assert_true(vualloc_release() >= 60 * 4096);
	assert_int_equal(vualloc_release(), 0);
	for (i = 0; i < N; i++) {
		assert_non_null(q = vualloc_realloc(NULL, 200));
		memset(q, 0xa5, 200);
		for (j = 0; j < N && !reused; j++)
			reused = ((uintptr_t)q & ~(uintptr_t)4095) == runs[j];
		p[i] = q;
	}
	assert_true(reused);
	for (i = 0; i < N; i++)
		vualloc_realloc(p[i], 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sizes),
		cmocka_unit_test(test_realloc_keeps_bytes),
		cmocka_unit_test(test_many),
		cmocka_unit_test(test_mujs),
		cmocka_unit_test(test_trim),
		cmocka_unit_test(test_release),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
