/* The coordinator's parts: what its files share.  Private to src/app.
 * struct coord lives as long as the run; every part borrows it. */
#ifndef LYOCELL_APP_COORD_INT_H
#define LYOCELL_APP_COORD_INT_H

#include <event2/event.h>
#include <mujs.h>
#include <signal.h>
#include <sys/types.h>

#include "engine/engine.h"
#include "engine/heartbeat.h"
#include "metrics/ring.h"
#include "metrics/wire.h"
#include "util/buf.h"

extern char **environ;

/* Worker control bytes, coordinator to worker. */
#define CTL_START	'S'
#define CTL_STOP	'X'
/* Worker to coordinator. */
#define CTL_READY	'R'
#define CTL_FAILED	'E'	/* the script's init code failed */
#define CTL_BROKEN	'B'	/* the worker could not start: no memory, no files */
#define CTL_ABORT	'A'
#define CTL_MARK_FAILED	'F'

struct worker_proc {
	struct coord	*coord;		/* the run it belongs to */
	int		 k;
	pid_t		 pid;
	struct ring	*ring;
	struct wire_reader *reader;
	int		 ctl_to;	/* coordinator writes */
	int		 ctl_from;	/* coordinator reads */
	struct event	*ring_ev;
	struct event	*ctl_ev;
	int		 ready;
	int		 done;
	int		 dead;
	int		 failed;	/* died or hung before it finished */
	int		 broken;	/* its stream failed: the rest is lost */
	uint64_t	 dropped;	/* messages not read since */
	uint32_t	 vus, vus_max;
	int		 vus_seen;	/* a status came since the start */
	uint64_t	*counts;	/* per scenario: complete, interrupted */
	size_t		 ncounts;
	uint32_t	 vu_base;
	struct buf	 ctl_in;
};

struct coord {
	const struct cli	*cli;
	const char		*script;	/* as given: a script or an archive */
	const char		*script_file;	/* what compiles: script, or unpacked */
	/* A k6 archive run (pack.c): where it was unpacked, its options and
	 * its -e variables. */
	char			*archive_dir;
	char			*archive_main;
	char			*archive_options;
	struct kv		*archive_env;
	size_t			 narchive_env;
	struct bundle		*bundle;
	struct metric_registry	*metrics;
	struct tagset_table	*tagsets;
	struct runopts		 opts;
	struct plan		 plan;
	char			*options_json;
	char			*setup_json;
	js_State		*cj;		/* the coordinator's own JS: options, summary */
	struct segment		 seg;

	struct event_base	*base;
	struct worker_proc	*workers;
	int			 nworkers;
	struct instance_slot	*instance;	/* shared with the workers */
	/* Each worker's heartbeat (monotonic ns), shared: a thread of the
	 * worker beats even while its JavaScript keeps the loop busy, so
	 * only a stopped or wedged process falls silent. */
	int64_t			*beats;
	int64_t			 worker_timeout;	/* ns of silence before it is killed */
	pid_t			 pid;		/* the coordinator's, for the workers */
	int			 failed_workers;
	struct event		*watch_ev;
	struct event		*sigint_ev, *sigterm_ev, *sigchld_ev;
	struct event		*tick_ev;
	/* The stream of the coordinator's own engine (the init pass, setup,
	 * teardown, handleSummary): a new one for each engine, whose
	 * writer numbers its messages from 0 again. */
	struct wire_reader	*local_reader;
	uint32_t		*metric_map;	/* per worker: their ids to ours */

	struct aggregator	*agg;
	uint32_t		 no_tags;	/* the empty tag set */
	uint32_t		 run_tags;	/* --tag / options.tags: vus, vus_max */
	struct output		**outputs;	/* --out */
	size_t			 noutputs;

	int64_t			 t_start;	/* monotonic ns, the test's start */
	int64_t			 t_end;
	int			 signals;	/* SIGINT/SIGTERM seen */
	int			 aborted;	/* test.abort() */
	int			 marked_failed;	/* test.fail() */
	char			*abort_reason;
	char			*broken;	/* why a worker could not start */
	int			 threshold_abort;
	int			 started;
	int			 tty;		/* stdout is a terminal */
	int			 quiet;
	/* Per scenario, ms into it when the display first saw it end, or
	 * -1: its bar keeps that time and status, as k6's. */
	double			*ended_ms;
	struct heartbeat	 heartbeat;
	uint64_t		 samples;
	/* Samples lost or streams broken, each reported: exit 109. */
	uint64_t		 lost;

	/* The REST API (control.c). */
	struct api		*api;
	struct event		*api_ev, *api_tick;
	int			 api_status;	/* enum api_status */
	int			 api_started, api_ended;
	int			 rest_stopped;	/* PATCH stopped: exit 103 */
	/* --paused: the workers make their VUs, then wait for the resume;
	 * setup() runs after it (setup_in_run) and its data reaches the
	 * workers through setup_fd, a memfd they read at the start. */
	int			 paused_start;
	int			 setup_in_run;
	double			 setup_timeout;
	int			 setup_code;	/* the deferred setup()'s exit code */
	int			 setup_fd;
	int64_t			 api_vus_max;	/* VUs made before the start */
	char			*lifecycle_error;	/* why setup/teardown failed */
};

/* options.c */
void	build_env(struct coord *c);
double	opt_duration(js_State *J, const char *key, double def);
void	read_runopts(struct coord *c, js_State *J);
void	free_runopts(struct runopts *o);
int	script_exports(struct vu *vu, char **options, char **functions, char **cause);
int	consolidate(struct coord *c, const char *script_options, const char *functions,
    char **cause, int *code);
int	load_thresholds(struct coord *c, js_State *J, char **cause);
/* local.c */
extern const struct wire_handler coord_wire_handlers;
void	local_engine_free(struct coord *c, struct engine *e, struct vu *vu);
struct engine *	local_engine(struct coord *c, int with_opts, struct vu **vu, char **cause);
int	lifecycle(struct coord *c, const char *fn, double timeout_ms, int timeout_code,
    char **result);
/* worker.c */
void	ctl_write(int fd, const char *msg, size_t len);
void __attribute__((noreturn))	worker_main(struct coord *c, int k);
/* loop.c */
int	all_finished(struct coord *c);
void	drain_ring(struct coord *c, struct worker_proc *wp);
void	ring_cb(evutil_socket_t fd, short what, void *arg);
void	stop_workers(struct coord *c);
void	ctl_cb(evutil_socket_t fd, short what, void *arg);
void	watch_cb(evutil_socket_t fd, short what, void *arg);
void	sigchld_cb(evutil_socket_t fd, short what, void *arg);
void	hard_stop(int sig);
extern volatile sig_atomic_t early_signals;
void	early_stop(int sig);
void	early_catch(void);
void	signal_cb(evutil_socket_t sig, short what, void *arg);
/* control.c */
void	control_publish(struct coord *c);
void	control_status(struct coord *c, int status);
int	control_start(struct coord *c);
int	control_wait(struct coord *c);
void	control_resume(struct coord *c);
void	control_linger(struct coord *c);
void	control_free(struct coord *c);
int	control_metrics(struct coord *c, const char *id, char **out);
int	control_groups(struct coord *c, const char *id, char **out);
/* pack.c */
int	pack_open(struct coord *c, char **cause);
void	pack_close(struct coord *c);
int	pack_write(struct coord *c, const char *out, char **cause);
/* progress.c */
void	progress(struct coord *c, int final);
void	progress_start(struct coord *c);
void	progress_redraw(evutil_socket_t fd, short what, void *arg);
void	tick_cb(evutil_socket_t fd, short what, void *arg);
/* workers.c */
void	raise_nofile(void);
void	warn_nofile(const struct coord *c);
int	online_cpus(void);
int	run_workers(struct coord *c, char **cause);
void	free_workers(struct coord *c);
/* results.c */
int	summarize(struct coord *c, double dur, int handle_summary);
/* run.c */
uint64_t	lost_samples(struct coord *c);

#endif
