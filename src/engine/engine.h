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

struct engine;
struct vu;

struct engine	*engine_new(int worker, const struct bundle *, const struct plan *,
		    const struct runopts *, const char *options_json,
		    struct metric_registry *, char **cause);
void		 engine_free(struct engine *);
/* What the application gives an engine: where its encoded messages go
 * (send: 0, or -1 when it must be retried), and what exec.test.abort()
 * and exec.test.fail() tell it. */
struct engine_app {
	int	(*send)(void *arg, const void *, size_t);
	void	*send_arg;
	void	(*abort_fn)(void *arg, const char *reason);
	void	(*fail_fn)(void *arg);
	void	*abort_arg;
};
void		 engine_set_app(struct engine *, const struct engine_app *);
/* setup()'s result as JSON (borrowed), or NULL. */
void		 engine_set_setup_json(struct engine *, const char *);
/* A worker's share: its segment of the machine's, the machine's
 * (exec.vu.idInTest), its first VU id, and every worker's instance
 * slots (ninstance of them; slot e->worker is its own). */
void		 engine_set_share(struct engine *, const struct segment *seg,
		    const struct segment *machine, uint32_t first_vu_id,
		    struct instance_slot *, int ninstance);
struct event_base *engine_base(struct engine *);
/* The samples emitted so far; whether the test is over, or stopping;
 * messages still waiting for room. */
int64_t		 engine_emitted(const struct engine *);
int		 engine_done(const struct engine *);
int		 engine_stopping(const struct engine *);
size_t		 engine_backlog(const struct engine *);
/* Collections between iterations, and the largest heap a VU held at an
 * iteration's end (bytes). */
void		 engine_js_stats(const struct engine *, size_t *collections,
		    size_t *peak);
/* Turn the event loop and the run queue until done(arg) is true. */
void		 engine_run(struct engine *, int (*done)(void *), void *arg);
/* Mark a VU runnable; safe from any callback. */
void		 engine_wake(struct engine *, struct vu *);
/* Queue one sample; time is taken now. */
void		 engine_emit(struct engine *, uint32_t metric, uint32_t tags, double value);
/* Queue n samples (at most WIRE_ADD_MAX) of one moment and one tag set,
 * metric[i] with value[i], as k6 stamps a request's samples. */
void		 engine_emit_n(struct engine *, uint32_t tags, const uint32_t *metric,
		    const double *value, size_t n);
void		 engine_emit_meta(struct engine *, uint32_t tags,
		    const uint32_t *metric, const double *value, size_t n,
		    const char *meta, size_t meta_len);
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
/* Why the VU's init code failed, or NULL; whether it has ended. */
const char	*vu_init_error(const struct vu *);
int		 vu_init_ended(const struct vu *);
int		 vu_dead(const struct vu *);
/* Stop the VU's current iteration as soon as it blocks, or within a
 * slice of CPU time when it never does (see vu_tick in vu.c). */
void		 vu_interrupt(struct vu *);

/* text (a message and its "\n\tat ..." frames) with only the frames of
 * the bundle's own files, owned (stack.c). */
char		*stack_clean(const struct bundle *, const char *text);
/* For states that are no VU's (tests/corpus/lyjs): their error stacks
 * keep every frame as mujs writes it, "FILE:LINE", the line the
 * bundle's source line (b borrowed; NULL: as mujs has it). */
void		 stack_lines_of(const struct bundle *b);

/* On the VU: run its event loop until every module is idle (loop.c).
 * NULL, or an owned "Uncaught (in promise) ..." that ends it. */
char		*loop_run(struct vu *);

/* Executors (engine/executor.c). */
/* What a worker's progress message says of each of its scenarios, in
 * this order; the samples it emitted follow the last scenario's. */
enum { RUN_COMPLETE, RUN_INTERRUPTED, RUN_BUSY, RUN_HELD, RUN_NCOUNTS };


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
