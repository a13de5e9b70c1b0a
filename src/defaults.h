/* k6's defaults that both the C side and the option consolidation
 * (src/js/coordinator/options.js, through the global __ly_defaults) need,
 * written once here.  Durations are in milliseconds, as the consolidated
 * options carry them. */
#ifndef LYOCELL_DEFAULTS_H
#define LYOCELL_DEFAULTS_H

#include <mujs.h>

#define K6_DEFAULTS(X)				\
	X(gracefulStop, 30000)			\
	X(gracefulRampDown, 30000)		\
	X(maxDuration, 600000)			\
	X(timeUnit, 1000)			\
	X(setupTimeout, 60000)			\
	X(teardownTimeout, 60000)

#define K6_DEFAULT_ENUM(name, v)	K6_DEFAULT_##name = v,
enum { K6_DEFAULTS(K6_DEFAULT_ENUM) };
#undef K6_DEFAULT_ENUM

/* K6_DEFAULT(gracefulStop): the default of that option. */
#define K6_DEFAULT(name)	((double)K6_DEFAULT_##name)

/* Define the global __ly_defaults, { gracefulStop: 30000, ... }. */
void	defaults_define(js_State *);

#endif
