/* The execution plan: the scenarios a test runs, with every option of
 * their executors resolved (times in milliseconds).
 *
 * plan_from_js reads the "scenarios" the option consolidation returned
 * (src/js/coordinator/options.js) from the top of a mujs stack.  A plan
 * and its strings are owned by the caller and released with plan_free;
 * workers inherit it through fork(). */
#ifndef LYOCELL_PLAN_H
#define LYOCELL_PLAN_H

#include <stddef.h>
#include <stdint.h>

typedef struct js_State js_State;

enum executor {
	EXEC_SHARED_ITERATIONS,
	EXEC_PER_VU_ITERATIONS,
	EXEC_CONSTANT_VUS,
	EXEC_RAMPING_VUS,
	EXEC_CONSTANT_ARRIVAL_RATE,
	EXEC_RAMPING_ARRIVAL_RATE,
};

struct stage {
	double	 duration;
	int64_t	 target;
};

struct kv {
	char	*key;
	char	*value;
};

struct scenario {
	char		*name;
	enum executor	 executor;
	const char	*executor_name;
	char		*exec;
	double		 start_time;
	double		 graceful_stop;
	struct kv	*env;
	size_t		 nenv;
	struct kv	*tags;
	size_t		 ntags;

	int64_t		 vus;		/* *-iterations, constant-vus */
	int64_t		 iterations;
	double		 max_duration;
	double		 duration;	/* constant-vus, constant-arrival-rate */
	int64_t		 start_vus;	/* ramping-vus */
	struct stage	*stages;	/* ramping-* */
	size_t		 nstages;
	double		 graceful_ramp_down;
	int64_t		 rate;		/* constant-arrival-rate */
	int64_t		 start_rate;	/* ramping-arrival-rate */
	double		 time_unit;
	int64_t		 pre_allocated_vus;
	int64_t		 max_vus;
};

struct plan {
	struct scenario	*scenarios;
	size_t		 n;
	double		 total_duration;	/* graceful stops included; the
					   coordinator sets it (executor_pool_size) */
	int64_t		 max_vus;	/* the most VUs ever needed at once; the
					   coordinator sets it (executor_pool_size) */
};

/* A scenario's execution requirements, as k6 computes them: from time t
 * (ms from the scenario's start) on, it holds planned VUs, created before
 * the test, and may add up to unplanned more while it runs (arrival-rate
 * maxVUs over preAllocatedVUs). */
struct plan_step {
	double	 t;
	int64_t	 planned, unplanned;
};

struct plan_need {
	double			 start;		/* startTime */
	const char		*name;		/* orders scenarios of equal starts */
	const struct plan_step	*steps;
	size_t			 nsteps;
};

/* Read the array at stack index idx into plan.  0, or -1 with *cause. */
int	plan_from_js(js_State *J, int idx, struct plan *plan, char **cause);
void	plan_free(struct plan *);
/* The nominal end of a scenario (before its graceful stop), relative to
 * its start: duration, maxDuration or the sum of stages. */
double	scenario_length(const struct scenario *);
/* When a scenario gives its VUs back, relative to its start: k6's end
 * of its execution requirements, the nominal end plus gracefulStop. */
double	scenario_end_offset(const struct scenario *);
/* As k6 sizes its VU pool: scenarios that do not overlap in time share
 * VUs, so the pool is the most planned VUs needed at any one time
 * (*planned), and the test's "max VUs" the most planned and unplanned
 * ones (*possible).  The steps of all scenarios are merged in time order,
 * those of equal times in the order of the scenarios' starts and names,
 * as k6 does: a scenario that ends when a later one starts gives its VUs
 * back first. */
void	plan_peak(const struct plan_need *, size_t n, int64_t *planned,
	    int64_t *possible);
/* When the last of those steps is, in ms from the test start: k6's
 * "max duration (incl. graceful stop)" and inspect's totalDuration. */
double	plan_end(const struct plan_need *, size_t n);
/* The most VUs a scenario needs at once. */
int64_t	scenario_max_vus(const struct scenario *);
/* k6's one-line description: "5 looping VUs for 3s (gracefulStop: 30s)". */
char	*scenario_describe(const struct scenario *);

#endif
