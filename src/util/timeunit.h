/* Time units, converted in one place: samples and the engine's clock are
 * nanoseconds (int64_t), options and k6's metrics milliseconds (double),
 * libevent takes a struct timeval. */
#ifndef LYOCELL_TIMEUNIT_H
#define LYOCELL_TIMEUNIT_H

#include <stdint.h>
#include <sys/time.h>
#include <time.h>

#define NS_PER_US	1000
#define NS_PER_MS	1000000
#define NS_PER_S	1000000000
#define MS_PER_S	1000

static inline int64_t
timespec_ns(const struct timespec *ts)
{
	return (int64_t)ts->tv_sec * NS_PER_S + ts->tv_nsec;
}

static inline double
ns_to_ms(int64_t ns)
{
	return (double)ns / NS_PER_MS;
}

static inline double
ns_to_s(int64_t ns)
{
	return (double)ns / NS_PER_S;
}

static inline int64_t
ms_to_ns(double ms)
{
	return (int64_t)(ms * NS_PER_MS);
}

/* ms (not negative) as a timeval for evtimer_add. */
static inline struct timeval
timeval_ms(double ms)
{
	struct timeval tv;

	tv.tv_sec = (time_t)(ms / MS_PER_S);
	tv.tv_usec = (suseconds_t)((ms - (double)tv.tv_sec * MS_PER_S) * 1000);
	return tv;
}

#endif
