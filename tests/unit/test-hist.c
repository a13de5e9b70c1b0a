/* Unit tests for src/metrics/hist.c: percentiles against exact ones. */
#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "metrics/hist.h"

/* A small deterministic generator, so failures reproduce. */
static uint64_t rng_state = 88172645463325252ull;

static uint64_t
rng(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}

static double
rnd01(void)
{
	return (double)(rng() >> 11) / 9007199254740992.0;
}

static int
cmp_double(const void *a, const void *b)
{
	double	 x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* k6's TrendSink.P on sorted values. */
static double
exact_p(const double *v, size_t n, double p)
{
	double	 i, f;
	size_t	 j, k;

	if (n == 0)
		return 0;
	if (n == 1)
		return v[0];
	i = p / 100 * ((double)n - 1);
	j = (size_t)floor(i);
	k = (size_t)ceil(i);
	f = i - floor(i);
	return v[j] + (v[k] - v[j]) * f;
}

static const double percentiles[] = {
	0, 0.1, 1, 5, 10, 25, 33.3, 50, 66.6, 75, 90, 95, 99, 99.9, 99.99, 100
};

/* Check every percentile against the exact answer within 1%. */
static void
check_data(double *v, size_t n)
{
	struct hist	*h;
	double		 sum = 0, got, want, tol, i, f, mn, mx;
	size_t		 j, k;

	h = hist_new();
	for (j = 0; j < n; j++) {
		hist_add(h, v[j]);
		sum += v[j];
	}
	qsort(v, n, sizeof *v, cmp_double);
	assert_int_equal(hist_count(h), n);
	mn = n ? v[0] : 0;
	mx = n ? v[n - 1] : 0;
	assert_true(hist_min(h) == mn);
	assert_true(hist_max(h) == mx);
	assert_true(hist_sum(h) == sum);
	for (k = 0; k < sizeof percentiles / sizeof percentiles[0]; k++) {
		got = hist_percentile(h, percentiles[k]);
		want = exact_p(v, n, percentiles[k]);
		/* The bound applies to each of the two interpolated values. */
		tol = 0;
		if (n > 1) {
			i = percentiles[k] / 100 * ((double)n - 1);
			f = i - floor(i);
			tol = (1 - f) * fabs(v[(size_t)floor(i)]) +
			    f * fabs(v[(size_t)ceil(i)]);
		}
		tol = tol * 0.01 + 1e-300;
		if (fabs(got - want) > tol) {
			print_error("p(%g): got %.17g want %.17g (n %zu)\n",
			    percentiles[k], got, want, n);
			fail();
		}
	}
	assert_true(hist_percentile(h, 0) == mn);
	assert_true(hist_percentile(h, 100) == mx);
	hist_free(h);
}

#define N 100000

static void
test_uniform(void **state)
{
	double	*v = malloc(N * sizeof *v);
	size_t	 i;

	for (i = 0; i < N; i++)
		v[i] = rnd01() * 1000;
	check_data(v, N);
	free(v);
}

static void
test_exponential(void **state)
{
	double	*v = malloc(N * sizeof *v);
	size_t	 i;

	for (i = 0; i < N; i++)
		v[i] = -log(1 - rnd01()) * 20;
	check_data(v, N);
	free(v);
}

static void
test_lognormal_wide(void **state)
{
	double	*v = malloc(N * sizeof *v);
	size_t	 i;

	/* Values from 1e-6 to 1e7 ms. */
	for (i = 0; i < N; i++)
		v[i] = pow(10, rnd01() * 13 - 6);
	check_data(v, N);
	free(v);
}

static void
test_constant(void **state)
{
	double		 v[1000];
	struct hist	*h;
	size_t		 i;

	for (i = 0; i < 1000; i++)
		v[i] = 42.125;
	check_data(v, 1000);
	h = hist_new();
	for (i = 0; i < 1000; i++)
		hist_add(h, 42.125);
	/* Constant data is exact: min and max clamp every estimate. */
	assert_true(hist_percentile(h, 50) == 42.125);
	assert_true(hist_percentile(h, 95) == 42.125);
	assert_true(hist_mean(h) == 42.125);
	hist_free(h);
}

static void
test_bimodal(void **state)
{
	double	*v = malloc(N * sizeof *v);
	size_t	 i;

	for (i = 0; i < N; i++)
		v[i] = (rng() & 1) ? 1 + rnd01() : 5000 + rnd01() * 100;
	check_data(v, N);
	free(v);
}

static void
test_negative(void **state)
{
	double	*v = malloc(N * sizeof *v);
	size_t	 i;

	for (i = 0; i < N; i++)
		v[i] = (rnd01() - 0.7) * 200;
	check_data(v, N);
	for (i = 0; i < N; i++)
		v[i] = -pow(10, rnd01() * 8 - 3);
	check_data(v, N);
	free(v);
}

static void
test_adversarial(void **state)
{
	static const double special[] = {
		0, -0.0, 1e-9, -1e-9, 1e9, -1e9, 1e-300, 4.9e-324, 1e300,
		-1e300, 1, 2, 4, 0.5, 1.0078125, 1.0078124999999, 3, -3,
		1e-6, 1e7, 1.7976931348623157e308, -1.7976931348623157e308,
	};
	double		 v[4096];
	size_t		 n, i, j;
	uint64_t	 bits;

	n = sizeof special / sizeof special[0];
	memcpy(v, special, sizeof special);
	check_data(v, n);

	/* Values exactly at, just below and just above bucket edges. */
	n = 0;
	for (i = 0; i < 600; i++) {
		double	 edge = ldexp(1 + (double)(i % 128) / 128, (int)(i / 128) - 2);

		memcpy(&bits, &edge, sizeof bits);
		for (j = 0; j < 3; j++) {
			uint64_t b = bits - 1 + j;
			memcpy(&v[n], &b, sizeof b);
			n++;
		}
	}
	check_data(v, n);

	/* Many zeros and a few positives. */
	for (i = 0; i < 1000; i++)
		v[i] = i < 900 ? 0 : (double)i;
	check_data(v, 1000);

	/* Tiny and huge together. */
	for (i = 0; i < 1000; i++)
		v[i] = i % 2 ? 1e-9 * (double)(i + 1) : 1e9 * (double)(i + 1);
	check_data(v, 1000);
}

static void
test_small(void **state)
{
	struct hist	*h;
	double		 v[3];

	h = hist_new();
	assert_int_equal(hist_count(h), 0);
	assert_true(hist_percentile(h, 95) == 0);
	assert_true(hist_min(h) == 0);
	assert_true(hist_max(h) == 0);
	assert_true(hist_mean(h) == 0);
	hist_add(h, 7);
	assert_true(hist_percentile(h, 50) == 7);
	hist_add(h, NAN);
	assert_int_equal(hist_count(h), 1);
	hist_free(h);

	/* p(50) of {1, 2} is 1.5 exactly: the ends are min and max. */
	h = hist_new();
	hist_add(h, 2);
	hist_add(h, 1);
	assert_true(hist_percentile(h, 50) == 1.5);
	assert_true(hist_percentile(h, 0) == 1);
	assert_true(hist_percentile(h, 100) == 2);
	assert_true(hist_percentile(h, NAN) == 1);
	assert_true(hist_percentile(h, -5) == 1);
	assert_true(hist_percentile(h, 500) == 2);
	assert_true(hist_mean(h) == 1.5);
	hist_free(h);

	v[0] = 1; v[1] = 2; v[2] = 3;
	check_data(v, 3);
	check_data(v, 0);
}

static void
test_merge(void **state)
{
	struct hist	*a, *b, *all;
	double		 x;
	size_t		 i, k;

	a = hist_new();
	b = hist_new();
	all = hist_new();
	for (i = 0; i < N; i++) {
		x = (i % 3 == 0) ? -log(1 - rnd01()) * 3 : rnd01() * 1e5 - 10;
		hist_add(i % 2 ? a : b, x);
		hist_add(all, x);
	}
	hist_merge(a, b);
	assert_int_equal(hist_count(a), hist_count(all));
	assert_true(hist_min(a) == hist_min(all));
	assert_true(hist_max(a) == hist_max(all));
	assert_true(fabs(hist_sum(a) - hist_sum(all)) <=
	    1e-9 * fabs(hist_sum(all)));
	for (k = 0; k < sizeof percentiles / sizeof percentiles[0]; k++)
		assert_true(hist_percentile(a, percentiles[k]) ==
		    hist_percentile(all, percentiles[k]));
	/* Merging into an empty histogram copies. */
	hist_reset(b);
	assert_int_equal(hist_count(b), 0);
	hist_merge(b, all);
	assert_true(hist_percentile(b, 99) == hist_percentile(all, 99));
	assert_int_equal(hist_memory(b), hist_memory(all));
	hist_free(a);
	hist_free(b);
	hist_free(all);
}

static void
load_bucket(void *arg, uint32_t key, uint64_t n)
{
	assert_true(key < (1u << 20));
	assert_int_equal(hist_load(arg, key, n), 0);
}

/* Three histograms exported as buckets and loaded into one answer as one
 * histogram of every value does: the merge the summary exports allow. */
static void
test_buckets(void **state)
{
	struct hist	*part[3], *all, *loaded;
	double		 x, sum = 0, min = INFINITY, max = -INFINITY;
	size_t		 i, k;

	for (k = 0; k < 3; k++)
		part[k] = hist_new();
	all = hist_new();
	loaded = hist_new();
	for (i = 0; i < N; i++) {
		x = (i % 5 == 0) ? -rnd01() * 50 : -log(1 - rnd01()) * 200;
		hist_add(part[i % 3], x);
		hist_add(all, x);
	}
	for (k = 0; k < 3; k++) {
		hist_buckets(part[k], load_bucket, loaded);
		sum += hist_sum(part[k]);
		min = fmin(min, hist_min(part[k]));
		max = fmax(max, hist_max(part[k]));
	}
	hist_set_exact(loaded, sum, min, max);
	assert_int_equal(hist_count(loaded), hist_count(all));
	assert_true(hist_min(loaded) == hist_min(all));
	assert_true(hist_max(loaded) == hist_max(all));
	for (k = 0; k < sizeof percentiles / sizeof percentiles[0]; k++)
		assert_true(hist_percentile(loaded, percentiles[k]) ==
		    hist_percentile(all, percentiles[k]));
	assert_int_equal(hist_load(loaded, 1u << 19, 1), -1);
	assert_int_equal(hist_load(loaded, 5, 0), 0);
	for (k = 0; k < 3; k++)
		hist_free(part[k]);
	hist_free(all);
	hist_free(loaded);
}

static void
test_memory(void **state)
{
	struct hist	*h;
	size_t		 i, m1, m2, idle;

	h = hist_new();
	idle = hist_memory(h);
	assert_true(idle <= 128);
	for (i = 0; i < 1000; i++)
		hist_add(h, 0.01 + (double)(i % 1000) * 10);
	m1 = hist_memory(h);
	for (i = 0; i < 2000000; i++)
		hist_add(h, 0.01 + (double)(i % 1000) * 10);
	m2 = hist_memory(h);
	assert_int_equal(m1, m2);
	/* Latencies from 10 µs to 10 s: a few dozen KiB at most. */
	assert_true(m2 < 40 * 1024);
	hist_free(h);
	hist_free(NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_small),
		cmocka_unit_test(test_uniform),
		cmocka_unit_test(test_exponential),
		cmocka_unit_test(test_lognormal_wide),
		cmocka_unit_test(test_constant),
		cmocka_unit_test(test_bimodal),
		cmocka_unit_test(test_negative),
		cmocka_unit_test(test_adversarial),
		cmocka_unit_test(test_merge),
		cmocka_unit_test(test_buckets),
		cmocka_unit_test(test_memory),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
