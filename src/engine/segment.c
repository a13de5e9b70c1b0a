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

void
segment_full(struct segment *seg)
{
	seg->a = 0;
	seg->b = seg->d = 1;
	seg->k = 0;
	seg->n = 1;
}

int
segment_parse(const char *s, struct segment *seg, char **cause)
{
	const char *colon = strchr(s, ':');
	int64_t fn = 0, fd = 1, tn, td, l;
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
	return 0;
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
	int64_t rem = count % seg->d - seg->a;

	if (rem < 0)
		rem = 0;
	if (rem > seg->b - seg->a)
		rem = seg->b - seg->a;
	return count / seg->d * (seg->b - seg->a) + rem;
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

	return j / w * seg->d + seg->a + j % w;
}

double
segment_fraction(const struct segment *seg)
{
	return (double)(seg->b - seg->a) / (double)seg->d / (double)seg->n;
}
