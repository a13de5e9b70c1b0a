/* Execution segments: the share of a test one worker runs.
 *
 * A machine runs the segment [a/d, b/d) of the test (k6's
 * --execution-segment; the whole test by default).  Of the indivisible
 * things of a scenario (VUs, iterations, arrivals), numbered from 0, the
 * machine owns thing i when i mod d lies in [a, b): adjacent segments with
 * a common denominator therefore own disjoint things that add up exactly.
 * The machine's own things go round-robin to its n workers, so worker k
 * owns every n-th of them.  Shares are exact and striped evenly. */
#ifndef LYOCELL_SEGMENT_H
#define LYOCELL_SEGMENT_H

#include <stdint.h>

struct segment {
	int64_t	a, b, d;	/* the machine's segment [a/d, b/d) */
	int64_t	k, n;		/* this worker, of n */
};

/* Parse "1/3:2/3", "0.5:1", "50%", "1/2" (meaning 0:1/2) as the
 * machine's segment of a worker 0 of 1.  0, or -1 with *cause set. */
int	segment_parse(const char *, struct segment *, char **cause);
void	segment_full(struct segment *);
/* Worker k of n of the machine segment seg. */
void	segment_split(const struct segment *seg, int k, int n, struct segment *out);
/* The number of things among the first count that the worker owns. */
int64_t	segment_share(const struct segment *, int64_t count);
/* Whether the worker owns thing i. */
int	segment_owns(const struct segment *, int64_t i);
/* The number in the whole test of the worker's i-th thing (from 0). */
int64_t	segment_global(const struct segment *, int64_t i);
double	segment_fraction(const struct segment *);

#endif
