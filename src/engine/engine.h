/* The engine of one process: an event loop, its VUs and the executors
 * that drive them, and the stream of samples they produce.
 *
 * Every worker process runs one engine over its share of the scenarios;
 * the coordinator runs one for the init pass, setup() and teardown().
 * JavaScript runs only on a VU's own coroutine, resumed from the engine's
 * run queue between turns of the event loop: libevent and libcurl
 * callbacks only mark a VU runnable (engine_wake).
 *
 * engine_new returns an owned engine that borrows the bundle, plan and
 * options it is given; engine_free(NULL) is a no-op and frees every VU. */
#ifndef LYOCELL_ENGINE_H
#define LYOCELL_ENGINE_H

#include <stdint.h>
#include <sys/queue.h>

#include "engine/module.h"
#include "engine/plan.h"
#include "engine/segment.h"
#include "metrics/wire.h"
#include "util/buf.h"

struct bundle;
struct coro;
struct event;
struct event_base;
struct exec_run;
struct metric_registry;
struct net;
struct tagset_table;
typedef struct js_State js_State;

enum vu_state {
	VU_INIT,	/* running its init code */
	VU_IDLE,	/* waiting for its executor */
	VU_RUNNING,	/* in an iteration, on the CPU or blocked */
	VU_DEAD,	/* its init code failed */
};

TAILQ_HEAD(vu_queue, vu);

struct vu {
	struct engine	*engine;
	js_State	*J;
	struct coro	*co;
	uint32_t	 id;		/* __VU, 1-based in the test */
	uint64_t	 iter;		/* __ITER: iterations this VU started */
	uint64_t	 iter_in_scenario;
	uint64_t	 iter_in_instance;	/* this iteration's number in the scenario */
	uint64_t	 iter_in_test;		/* the same, over all workers and machines */
	int64_t		 arrival;		/* arrival-rate: the granted arrival */
	enum vu_state	 state;
	struct vu_queue	*queued;	/* the run queue it waits in, or NULL */
	int		 mid_iteration;	/* woken, it goes on with an iteration */
	int		 interrupted;	/* the current iteration was cut short */
	int		 in_init;	/* running init code: no network, no metrics */
	int		 in_loop;	/* blocked in loop_run: vu_loop_wake wakes it */
	int		 quit;		/* leave the coroutine */
	int		 ticks;		/* __ly_tick calls before a look at the clock */
	int64_t		 resumed;	/* monotonic ns: when it last got the CPU */
	int		 active;	/* counted in the vus gauge */
	struct exec_run	*run;		/* the scenario this VU serves, or NULL */
	struct exec_run	*env_run;	/* the scenario __ENV was set for */
	size_t		 index;		/* in run->vus */
	int		 granted;	/* arrival-rate: iterations granted */
	int64_t		 deactivated;	/* ramping-vus: when it was told to stop */
	struct event	*timer;		/* sleep() */
	uint32_t	 tags;		/* run + scenario tags, scenario, group */
	char		*group;		/* "" at the root, "::a::b" inside groups */
	int64_t		 iter_start;	/* monotonic ns */
	uint64_t	 data_sent, data_received;
	size_t		 js_bytes;	/* what mujs has allocated */
	size_t		 js_kept;	/* js_bytes after our last collection */
	void		*module_data[ENGINE_MODULES_MAX];	/* vu_module_data */
	int		 setup_ref;	/* setup data decoded for this VU */
	char		*meta;		/* exec.vu.metrics.metadata: sorted
					   "key\0value\0" pairs, owned */
	size_t		 meta_len;
	TAILQ_ENTRY(vu)	 runq;
};


struct engine {
	int			 worker;	/* worker number, -1 in the coordinator */
	struct event_base	*base;
	struct net		*net;
	const struct bundle	*bundle;
	const struct plan	*plan;
	const struct runopts	*opts;
	const char		*options_json;	/* consolidated options */
	const char		*setup_json;	/* setup()'s result, or NULL */
	struct segment		 seg;
	struct segment		 machine;	/* this machine's: exec.vu.idInTest */
	struct tagset_table	*tagsets;
	struct metric_registry	*metrics;
	struct builtin_metrics	 m;
	uint32_t		 base_tags;	/* run tags */
	struct wire_writer	*wire;
	struct buf		 out;		/* an encoded message */
	/* Hand an encoded message on: a ring write in a worker, a direct
	 * feed in the coordinator.  0, or -1 when it must be retried. */
	int			(*send)(void *arg, const void *, size_t);
	void			*send_arg;
	struct buf		*backlog;	/* messages waiting for room */
	size_t			 nbacklog;
	struct event		*flush_ev;
	/* The modules with hooks, in the order they were added. */
	const struct engine_module *modules[ENGINE_MODULES_MAX];
	size_t			 nmodules;
	const struct engine_script *script;	/* engine_script_set */
	struct vu_queue		 runq;		/* VUs going on with an iteration */
	struct vu_queue		 startq;	/* VUs starting one, or idle */
	struct vu		*running;	/* whose JavaScript runs now */
	struct exec_run		*runs;
	size_t			 nruns;
	/* Every VU of this process; a scenario takes VUs from here when it
	 * starts and gives them back when it is done, as in k6. */
	struct vu		**pool;
	size_t			 npool;
	size_t			 pool_scan;	/* no free VU before this index */
	uint32_t		 pool_cap;	/* the most VUs it may create */
	struct instance_slot	*instance;	/* every worker's, or NULL */
	int			 ninstance;	/* slot e->worker is ours */
	/* Collections between iterations (vu.c), and the largest heap a
	 * VU held at an iteration's end, before one. */
	size_t			 js_collections;
	size_t			 js_peak;
	uint32_t		 next_vu_id;
	uint32_t		 vus_active;
	uint32_t		 vus_max;
	int64_t			 t0;		/* monotonic ns of the test start */
	int			 started;
	int			 stopping;	/* stop every scenario now */
	int			 done;
	int64_t			 emitted;	/* samples produced */
	char			*error;		/* a fatal problem, for the coordinator */
	/* exec.test.abort(): tell whoever runs the test. */
	void			(*abort_fn)(void *arg, const char *reason);
	void			(*fail_fn)(void *arg);
	void			*abort_arg;	/* for both */
	int			 aborted;
	int			 failed;
};

struct engine	*engine_new(int worker, const struct bundle *, const struct plan *,
		    const struct runopts *, const char *options_json,
		    struct metric_registry *, char **cause);
void		 engine_free(struct engine *);
/* Turn the event loop and the run queue until done(arg) is true. */
void		 engine_run(struct engine *, int (*done)(void *), void *arg);
/* Mark a VU runnable; safe from any callback. */
void		 engine_wake(struct engine *, struct vu *);
/* Queue one sample; time is taken now. */
void		 engine_emit(struct engine *, uint32_t metric, uint32_t tags, double value);
/* Encode the pending samples and hand them on. */
void		 engine_flush(struct engine *);
/* Send a control message after the pending samples: done, or the
 * status (active VUs, each scenario's complete and interrupted
 * iterations, then the number of samples emitted so far). */
void		 engine_send_done(struct engine *);
void		 engine_send_status(struct engine *);
/* The tag set for the VU's current tags plus one key=value. */
uint32_t	 engine_tags_with(struct engine *, uint32_t base, const char *key,
		    const char *value);
/* The tag set base without key (exec.vu.tags deletions). */
uint32_t	 engine_tags_without(struct engine *, uint32_t base, const char *key);
/* Whether a system tag is enabled (k6's default set unless
 * systemTags says otherwise). */
int		 engine_system_tag(const struct engine *, const char *tag);
int		 engine_system_tag_default(const struct runopts *, const char *tag);
/* exec.instance: the counts of every worker of this machine, or this
 * engine's own when it has no shared slots. */
void		 engine_instance(const struct engine *, struct instance_slot *);
/* Stop the whole test (exec.test.abort()). */
void		 engine_abort(struct engine *, const char *reason);
/* Mark the test failed and let it run on (exec.test.fail()). */
void		 engine_mark_failed(struct engine *, const char *reason);

/* VUs (engine/vu.c). */
struct vu	*vu_new(struct engine *, uint32_t id, struct exec_run *, char **cause);
void		 vu_free(struct vu *);
/* Run an exported function once on this VU (setup, teardown,
 * handleSummary) with an optional JSON argument; the result is stored as
 * owned JSON in *result (NULL when undefined; 0 and no result when the
 * function is not exported).  Returns 0; -1 with *cause set to the
 * exception's text and stack; -2 when it ran longer than timeout_ms (the
 * VU can then only be freed). */
int		 vu_call(struct vu *, const char *fn, const char *arg_json,
		    double timeout_ms, char **result, char **cause);
/* Why the VU's init code failed, or NULL. */
const char	*vu_init_error(const struct vu *);
/* Stop the VU's current iteration as soon as it blocks, or within a
 * slice of CPU time when it never does (see vu_tick in vu.c). */
void		 vu_interrupt(struct vu *);

/* text (a message and its "\n\tat ..." frames) with only the frames of
 * the bundle's own files, owned (stack.c). */
char		*stack_clean(const struct bundle *, const char *text);

/* On the VU: run its event loop until every module is idle (loop.c).
 * NULL, or an owned "Uncaught (in promise) ..." that ends it. */
char		*loop_run(struct vu *);

/* Executors (engine/executor.c). */
/* What a worker's progress message says of each of its scenarios, in
 * this order; the samples it emitted follow the last scenario's. */
enum { RUN_COMPLETE, RUN_INTERRUPTED, RUN_BUSY, RUN_HELD, RUN_NCOUNTS };

struct exec_run {
	struct engine		*engine;
	const struct scenario	*sc;
	size_t			 index;
	struct segment		 seg;
	struct vu		**vus;		/* taken from the pool */
	size_t			 nvus;
	size_t			 want;		/* VUs to take at the start */
	size_t			 missing;	/* still to take, when the pool had none */
	size_t			 max_vus;	/* local cap */
	int			 state;
	int64_t			 t_start;	/* monotonic ns */
	int64_t			 local_iterations;	/* shared-iterations */
	int64_t			 started;	/* iterations started here */
	int64_t			 next_arrival;	/* arrival-rate: next global index */
	int64_t			 target;	/* ramping-vus: active VUs here */
	struct plan_step	*steps;		/* ramping-vus: VUs to hold, over time */
	size_t			 nsteps;
	size_t			 step_at;	/* the step of the last tick */
	int			 initializing;	/* a VU being created mid-test */
	int			 warned;	/* about too few VUs */
	uint32_t		 tags;		/* base tags of the scenario's VUs */
	uint64_t		 complete, interrupted, dropped;
	struct event		*timer;
};

/* k6's execution requirements of the share of a scenario a process with
 * segment seg runs: owned steps in *steps, relative to its start. */
void		 executor_steps(const struct scenario *, const struct segment *seg,
		    struct plan_step **steps, size_t *n);
/* The VUs a process with segment seg needs: created before the test
 * (*planned), and at most (*possible); see plan_peak.  With end, also
 * when its last step is (plan_end). */
void		 executor_pool_size(const struct plan *, const struct segment *seg,
		    int64_t *planned, int64_t *possible, double *end);
int		 executor_setup(struct engine *, char **cause);
void		 executor_start(struct engine *);
/* Called by a VU between iterations: 1 to run another now. */
int		 executor_next(struct exec_run *, struct vu *);
/* The VU finished its init code or its iterations. */
void		 executor_vu_idle(struct exec_run *, struct vu *);
void		 executor_iteration_done(struct exec_run *, struct vu *, int interrupted);
/* exec.scenario.progress: done iterations over all of them for the
 * iteration-based executors, elapsed time over duration for the others,
 * as k6 computes it. */
double		 executor_progress(const struct exec_run *);
/* Stop everything now: no new iterations, interrupt the running ones. */
void		 executor_stop_all(struct engine *);
int		 executor_all_done(struct engine *);
int		 executor_all_ready(struct engine *);
/* Why the first failed VU's init code failed, or NULL. */
const char	*executor_init_error(struct engine *);
void		 executor_free(struct engine *);

#endif
