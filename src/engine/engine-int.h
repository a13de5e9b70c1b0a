/* The engine's own structures, private to src/engine (and its unit
 * tests): the rest of the program uses engine.h and module.h. */
#ifndef LYOCELL_ENGINE_INT_H
#define LYOCELL_ENGINE_INT_H

#include <stdint.h>
#include <sys/queue.h>

#include "engine/engine.h"

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
	char		*loop_error;	/* vu_loop_throw's text, for loop_run */
	int		 loop_threw;	/* loop_run's last text is an exception */
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
	void		*fns;		/* "ly.fns" (keep_functions), or NULL */
	int		 collected;	/* collect() has collected once */
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
	struct resolver		*resolver;	/* options.dns, or NULL */
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
	int			 waiting;	/* arrival-rate: one waits for a VU */
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

#endif
