/* Execution segments: the share of a test one worker runs.
 *
 * A machine runs the segment [a/d, b/d) of the test (k6's
 * --execution-segment; the whole test by default), one interval of a
 * sequence of bounds shared by every machine (--execution-segment-sequence;
 * by default 0, a/d, b/d, 1).  The indivisible things of a scenario (VUs,
 * iterations, arrivals), numbered from 0, are dealt to the intervals in a
 * pattern that repeats every d things, each interval getting its width's
 * share of every period, interleaved as evenly as smooth weighted
 * round-robin can (so 2 VUs over 0,1/2,3/4,1 give one to each of the first
 * two machines, as k6 does).  Every machine computes the same pattern, so
 * their shares are disjoint and add up exactly.  A machine's own things go
 * round-robin to its n workers. */
#ifndef LYOCELL_SEGMENT_H
#define LYOCELL_SEGMENT_H

#include <stdint.h>

struct segment {
	int64_t	 a, b, d;	/* the machine's segment [a/d, b/d) */
	int64_t	 k, n;		/* this worker, of n */
	const int64_t *pos;	/* the b - a positions in each period that are ours */
};

#define SEGMENT_MAX_PERIOD	100000	/* finer segments are refused */

/* Parse "1/3:2/3", "0.5:1", "50%", "1/2" (meaning 0:1/2) as the
 * machine's segment of a worker 0 of 1.  0, or -1 with *cause set.  The
 * position table lives as long as the process (segments are copied
 * freely and inherited by the workers). */
int	segment_parse(const char *, struct segment *, char **cause);
void	segment_full(struct segment *);
/* --execution-segment-sequence "0,1/4,1/2,1": every machine's bounds.
 * Machines of one test must stripe over a common denominator, so seg is
 * rescaled to the sequence's; seg must be one of its intervals.  0, or -1
 * with *cause. */
int	segment_apply_sequence(struct segment *seg, const char *sequence, char **cause);
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
