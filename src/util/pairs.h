/* Walking "key\0value\0key\0value\0" pairs, as a VU keeps its metadata
 * (exec.vu.metrics.metadata) and the wire and the outputs pass it on.
 *
 *	const char *k, *v;
 *	size_t at = 0;
 *	while (pairs_next(p, len, &at, &k, &v))
 *		use(k, v);
 *
 * p is borrowed; a pair cut short by len ends the walk. */
#ifndef LYOCELL_PAIRS_H
#define LYOCELL_PAIRS_H

#include <stddef.h>
#include <string.h>

static inline int
pairs_next(const char *p, size_t len, size_t *at, const char **k, const char **v)
{
	size_t kl, vl;

	if (p == NULL || *at >= len)
		return 0;
	kl = strnlen(p + *at, len - *at);
	if (*at + kl + 1 >= len)
		return 0;
	vl = strnlen(p + *at + kl + 1, len - *at - kl - 1);
	if (*at + kl + 1 + vl >= len)
		return 0;
	*k = p + *at;
	*v = *k + kl + 1;
	*at += kl + vl + 2;
	return 1;
}

#endif
