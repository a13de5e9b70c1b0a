/* k6's execution segments; see segment.h. */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "engine/segment.h"
#include "util/xmalloc.h"

static int64_t
gcd(int64_t a, int64_t b)
{
	while (b != 0) {
		int64_t t = a % b;

		a = b;
		b = t;
	}
	return a < 0 ? -a : a;
}

static void
reduce(int64_t *num, int64_t *den)
{
	int64_t g = gcd(*num, *den);

	if (g > 1) {
		*num /= g;
		*den /= g;
	}
}

/* A non-negative rational: "1/3", "0.25", "25%", "1". */
static int
parse_rational(const char *s, size_t len, int64_t *num, int64_t *den)
{
	char buf[64], *slash, *end, *dot;
	int64_t n = 0, d = 1;

	if (len == 0 || len >= sizeof buf)
		return -1;
	memcpy(buf, s, len);
	buf[len] = '\0';
	if (buf[len - 1] == '%') {
		buf[len - 1] = '\0';
		if (parse_rational(buf, len - 1, &n, &d) == -1)
			return -1;
		d *= 100;
	} else if ((slash = strchr(buf, '/')) != NULL) {
		*slash = '\0';
		n = strtoll(buf, &end, 10);
		if (end == buf || *end != '\0')
			return -1;
		d = strtoll(slash + 1, &end, 10);
		if (end == slash + 1 || *end != '\0' || d <= 0)
			return -1;
	} else if ((dot = strchr(buf, '.')) != NULL) {
		char *p;

		for (p = buf; *p != '\0'; p++)
			if (p != dot && !isdigit((unsigned char)*p))
				return -1;
		for (p = buf; *p != '\0' && d < 1000000000000LL; p++) {
			if (p == dot)
				continue;
			n = n * 10 + (*p - '0');
			if (p > dot)
				d *= 10;
		}
	} else {
		n = strtoll(buf, &end, 10);
		if (end == buf || *end != '\0')
			return -1;
	}
	if (n < 0)
		return -1;
	reduce(&n, &d);
	*num = n;
	*den = d;
	return 0;
}

/* A segment bound: a rational in [0, 1]. */
static int
parse_bound(const char *s, size_t len, int64_t *num, int64_t *den)
{
	if (parse_rational(s, len, num, den) == -1 || *num > *den)
		return -1;
	return 0;
}

/* Deal one period of d things to the intervals of widths w[] (summing
 * to d) by smooth weighted round-robin, and keep the positions that
 * interval `me` gets.  Tables are kept for the life of the process and
 * shared by equal requests, so segments can be copied freely. */
struct pattern {
	struct pattern	*next;
	int64_t		 d;
	size_t		 n, me;
	int64_t		*w;
	int64_t		*pos;
};
static struct pattern *patterns;

static const int64_t *
pattern(const int64_t *w, size_t n, size_t me, int64_t d)
{
	struct pattern *p;
	int64_t *cur, j, k = 0;
	size_t i, best;

	for (p = patterns; p != NULL; p = p->next)
		if (p->d == d && p->n == n && p->me == me &&
		    memcmp(p->w, w, n * sizeof *w) == 0)
			return p->pos;
	p = xcalloc(1, sizeof *p);
	p->d = d;
	p->n = n;
	p->me = me;
	p->w = xcalloc(n, sizeof *p->w);
	memcpy(p->w, w, n * sizeof *w);
	p->pos = xcalloc((size_t)w[me] + 1, sizeof *p->pos);
	cur = xcalloc(n, sizeof *cur);
	for (j = 0; j < d; j++) {
		best = 0;
		for (i = 0; i < n; i++) {
			cur[i] += w[i];
			if (cur[i] > cur[best])
				best = i;
		}
		cur[best] -= d;
		if (best == me)
			p->pos[k++] = j;
	}
	free(cur);
	p->next = patterns;
	patterns = p;
	return p->pos;
}

/* Set seg's pattern from the bounds num[i]/den[i] (increasing, 0 to 1);
 * seg must be one of their intervals. */
static int
set_sequence(struct segment *seg, const int64_t *num, const int64_t *den, size_t n,
    char **cause, const char *what)
{
	int64_t l = 1, w[256], a, b;
	size_t i, me = n;

	for (i = 0; i < n; i++) {
		l = l / gcd(l, den[i]) * den[i];
		if (l > SEGMENT_MAX_PERIOD) {
			*cause = xasprintf("%s: the segments are too fine (a common "
			    "denominator above %d)", what, SEGMENT_MAX_PERIOD);
			return -1;
		}
	}
	if (l % seg->d != 0)
		goto notfound;
	a = seg->a * (l / seg->d);
	b = seg->b * (l / seg->d);
	for (i = 0; i + 1 < n; i++) {
		w[i] = num[i + 1] * (l / den[i + 1]) - num[i] * (l / den[i]);
		if (num[i] * (l / den[i]) == a && num[i + 1] * (l / den[i + 1]) == b)
			me = i;
	}
	if (me == n)
		goto notfound;
	seg->a = a;
	seg->b = b;
	seg->d = l;
	seg->pos = pattern(w, n - 1, me, l);
	return 0;
notfound:
	*cause = xasprintf("%s: the execution segment is not one of its intervals", what);
	return -1;
}

void
segment_full(struct segment *seg)
{
	static const int64_t zero[1] = { 0 };

	seg->a = 0;
	seg->b = seg->d = 1;
	seg->k = 0;
	seg->n = 1;
	seg->pos = zero;
}

int
segment_parse(const char *s, struct segment *seg, char **cause)
{
	const char *colon = strchr(s, ':');
	int64_t num[4], den[4], fn = 0, fd = 1, tn, td, l;
	size_t n = 0;
	int ok;

	if (colon == NULL)
		ok = parse_bound(s, strlen(s), &tn, &td) == 0;
	else
		ok = parse_bound(s, (size_t)(colon - s), &fn, &fd) == 0 &&
		    parse_bound(colon + 1, strlen(colon + 1), &tn, &td) == 0;
	if (!ok) {
		*cause = xasprintf("invalid execution segment \"%s\": expected FROM:TO "
		    "with fractions, decimals or percentages in [0, 1]", s);
		return -1;
	}
	l = fd / gcd(fd, td) * td;
	segment_full(seg);
	seg->a = fn * (l / fd);
	seg->b = tn * (l / td);
	seg->d = l;
	if (seg->a >= seg->b) {
		*cause = xasprintf("invalid execution segment \"%s\": its start must be "
		    "before its end", s);
		return -1;
	}
	/* Without a sequence, k6 assumes 0, from, to, 1. */
	if (fn != 0) {
		num[n] = 0;
		den[n++] = 1;
	}
	num[n] = fn;
	den[n++] = fd;
	num[n] = tn;
	den[n++] = td;
	if (tn != td) {
		num[n] = 1;
		den[n++] = 1;
	}
	return set_sequence(seg, num, den, n, cause, "--execution-segment");
}

int
segment_apply_sequence(struct segment *seg, const char *sequence, char **cause)
{
	int64_t num[257], den[257];
	const char *p = sequence, *comma;
	size_t n = 0;

	for (;;) {
		comma = strchr(p, ',');
		if (n == 256 ||
		    parse_bound(p, comma ? (size_t)(comma - p) : strlen(p), &num[n], &den[n]) == -1)
			goto bad;
		if (n > 0 && (__int128)num[n] * den[n - 1] <= (__int128)num[n - 1] * den[n])
			goto bad;
		n++;
		if (comma == NULL)
			break;
		p = comma + 1;
	}
	if (n < 2 || num[0] != 0 || num[n - 1] != den[n - 1])
		goto bad;
	return set_sequence(seg, num, den, n, cause, "--execution-segment-sequence");
bad:
	*cause = xasprintf("invalid --execution-segment-sequence \"%s\": expected "
	    "increasing fractions from 0 to 1, such as 0,1/3,2/3,1", sequence);
	return -1;
}

void
segment_split(const struct segment *seg, int k, int n, struct segment *out)
{
	*out = *seg;
	out->k = k;
	out->n = n;
}

/* How many of the first count things the machine owns. */
static int64_t
machine_share(const struct segment *seg, int64_t count)
{
	int64_t w = seg->b - seg->a, rem = count % seg->d, lo = 0, hi = w;

	/* positions below rem: a binary search in the sorted table */
	while (lo < hi) {
		int64_t mid = (lo + hi) / 2;

		if (seg->pos[mid] < rem)
			lo = mid + 1;
		else
			hi = mid;
	}
	return count / seg->d * w + lo;
}

int64_t
segment_share(const struct segment *seg, int64_t count)
{
	int64_t m = machine_share(seg, count);

	return m > seg->k ? (m - seg->k + seg->n - 1) / seg->n : 0;
}

int
segment_owns(const struct segment *seg, int64_t i)
{
	return segment_share(seg, i + 1) != segment_share(seg, i);
}

int64_t
segment_global(const struct segment *seg, int64_t i)
{
	int64_t j = seg->k + i * seg->n, w = seg->b - seg->a;

	return j / w * seg->d + seg->pos[j % w];
}

double
segment_fraction(const struct segment *seg)
{
	return (double)(seg->b - seg->a) / (double)seg->d / (double)seg->n;
}
