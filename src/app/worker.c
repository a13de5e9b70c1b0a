/* A worker process: its engine, its ring, its control pipe, its heartbeat. */
#include "config.h"

#include <errno.h>
#include <event2/event.h>
#include <mujs.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "exitcode.h"
#include "js/intern.h"
#include "js/scriptcache.h"
#include "metrics/aggregator.h"
#include "util/log.h"
#include "util/xmalloc.h"
#include "js/modules.h"
#include "app/api.h"
#include "app/coord-int.h"

struct worker_ctx {
	struct engine	*e;
	struct ring	*ring;
	int		 ctl_in, ctl_out;
	int		 start;
	int		 setup_fd;	/* --paused: setup()'s data, at the start */
	struct event	*vus_ev;
};

/* What the coordinator wrote to the shared setup file; NULL if nothing.
 * Owned by the engine until the process ends. */
static char *
read_setup(int fd)
{
	struct stat st;
	char *s;

	if (fstat(fd, &st) == -1 || st.st_size <= 0)
		return NULL;
	s = xmalloc((size_t)st.st_size + 1);
	if (pread(fd, s, (size_t)st.st_size, 0) != (ssize_t)st.st_size) {
		free(s);
		return NULL;
	}
	s[st.st_size] = '\0';
	return s;
}

static int
ring_send(void *arg, const void *p, size_t len)
{
	return ring_write(arg, p, len) == 0 ? 0 : -1;
}

static void
worker_ctl_cb(evutil_socket_t fd, short what, void *arg)
{
	struct worker_ctx *w = arg;
	char cmd[64];
	ssize_t n, i;

	n = read(fd, cmd, sizeof cmd);
	if (n <= 0) {
		/* The coordinator is gone: stop. */
		executor_stop_all(w->e);
		event_del(w->vus_ev);
		return;
	}
	for (i = 0; i < n; i++) {
		if (cmd[i] == CTL_START) {
			if (w->setup_fd >= 0)
				engine_set_setup_json(w->e,
				    read_setup(w->setup_fd));
			w->start = 1;
		}
		else if (cmd[i] == CTL_STOP)
			executor_stop_all(w->e);
	}
}

static void
worker_vus_cb(evutil_socket_t fd, short what, void *arg)
{
	struct worker_ctx *w = arg;

	engine_send_status(w->e);
}

static int
worker_started(void *arg)
{
	struct worker_ctx *w = arg;

	return w->start || engine_stopping(w->e);
}

static int
worker_ready(void *arg)
{
	return executor_all_ready(arg);
}

static int
worker_done(void *arg)
{
	return engine_done(arg);
}

static void
worker_abort(void *arg, const char *reason)
{
	struct worker_ctx *w = arg;
	char msg = CTL_ABORT;

	(void)reason;
	if (write(w->ctl_out, &msg, 1) < 0)
		(void)0;
}

static void
worker_fail(void *arg)
{
	struct worker_ctx *w = arg;
	char msg = CTL_MARK_FAILED;

	if (write(w->ctl_out, &msg, 1) < 0)
		(void)0;
}

void
ctl_write(int fd, const char *msg, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, msg, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return;
		msg += n;
		len -= (size_t)n;
	}
}

struct beat {
	int64_t		*slot;
};

static void *
beat_thread(void *arg)
{
	struct beat *b = arg;
	struct timespec ts = { 0, 250 * 1000 * 1000 };

	for (;;) {
		__atomic_store_n(b->slot, engine_now(), __ATOMIC_RELAXED);
		nanosleep(&ts, NULL);
	}
	return NULL;
}

void __attribute__((noreturn))
worker_main(struct coord *c, int k)
{
	static struct beat beat;
	pthread_t beat_tid;
	sigset_t all, old;
	struct worker_proc *wp = &c->workers[k];
	struct worker_ctx w;
	struct timeval sec = { 1, 0 };
	struct event *ctl_ev;
	struct segment share;
	const char *err;
	char *cause = NULL, *msg;
	int i;

	/* Die with the coordinator, even busy in JavaScript; it may be gone
	 * already. */
	prctl(PR_SET_PDEATHSIG, SIGKILL);
	if (getppid() != c->pid)
		_exit(1);
	/* The thread takes no signals: they are the event loop's. */
	beat.slot = &c->beats[k];
	sigfillset(&all);
	pthread_sigmask(SIG_BLOCK, &all, &old);
	if (pthread_create(&beat_tid, NULL, beat_thread, &beat) != 0)
		fatalx(EXIT_INTERNAL, "worker %d: cannot start its heartbeat", k);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	/* The REST API is the coordinator's. */
	if (api_listen_fd(c->api) != -1)
		close(api_listen_fd(c->api));
	memset(&w, 0, sizeof w);
	w.ring = wp->ring;
	w.ctl_in = wp->ctl_to;
	w.ctl_out = wp->ctl_from;
	w.setup_fd = c->paused_start ? c->setup_fd : -1;
	/* The coordinator decides, also when a signal goes to the whole
	 * process group (Ctrl-C, timeout(1), systemd's stop): it stops the
	 * workers gracefully, and they die with it (PR_SET_PDEATHSIG). */
	signal(SIGINT, SIG_IGN);
	signal(SIGTERM, SIG_IGN);
	signal(SIGPIPE, SIG_IGN);
	for (i = 0; i < c->nworkers; i++)
		if (i != k) {
			ring_free(c->workers[i].ring);
			close(c->workers[i].ctl_to);
			close(c->workers[i].ctl_from);
		}
	/* k6 limits its one process to options.rps: each worker takes its
	 * share, as it takes its share of the VUs */
	c->opts.rps /= c->nworkers;
	w.e = engine_new(k, c->bundle, &c->plan, &c->opts, c->options_json,
	    metric_registry_new(), &cause);
	if (w.e == NULL)
		goto broken;
	modules_attach(w.e);
	engine_set_app(w.e, &(struct engine_app){ .send = ring_send,
	    .send_arg = w.ring, .abort_fn = worker_abort,
	    .fail_fn = worker_fail, .abort_arg = &w });
	engine_set_setup_json(w.e, c->setup_json);
	segment_split(&c->seg, k, c->nworkers, &share);
	engine_set_share(w.e, &share, &c->seg, wp->vu_base, c->instance,
	    c->nworkers);
	ctl_ev = event_new(engine_base(w.e), w.ctl_in, EV_READ | EV_PERSIST, worker_ctl_cb, &w);
	event_add(ctl_ev, NULL);
	w.vus_ev = event_new(engine_base(w.e), -1, EV_PERSIST, worker_vus_cb, &w);
	if (executor_setup(w.e, &cause) == -1)
		goto broken;
	engine_run(w.e, worker_ready, w.e);
	if ((err = executor_init_error(w.e)) != NULL) {
		cause = xstrdup(err);
		goto fail;
	}
	ctl_write(w.ctl_out, (char[]){ CTL_READY }, 1);
	engine_run(w.e, worker_started, &w);
	if (!engine_stopping(w.e)) {
		/* The first status comes 100 ms after the start, when the
		 * VUs the start activates all run (a status sent at once
		 * would count only those that had begun), before the
		 * coordinator's first sample at 1 s. */
		struct timeval first = { 0, 100000 };

		event_add(w.vus_ev, &sec);
		event_base_once(engine_base(w.e), -1, EV_TIMEOUT, worker_vus_cb, &w, &first);
		executor_start(w.e);
		engine_run(w.e, worker_done, w.e);
	}
	event_del(w.vus_ev);
	worker_vus_cb(-1, 0, &w);
	if (log_enabled(LOG_DEBUG)) {
		log_msg(LOG_DEBUG, NULL, "worker %d: %zu names interned and %zu "
		    "scripts compiled, shared by its VUs", k, intern_count(),
		    scriptcache_count());
		size_t collections, peak;

		engine_js_stats(w.e, &collections, &peak);
		log_msg(LOG_DEBUG, NULL, "worker %d: %zu collections between "
		    "iterations; largest VU heap at an iteration's end %zu KiB",
		    k, collections, peak >> 10);
	}
	engine_send_done(w.e);
	/* Every message must reach the coordinator before we go. */
	while (engine_backlog(w.e) > 0) {
		ring_wait_space(w.ring, 1 << 20, 100);
		engine_flush(w.e);
	}
	_exit(0);
fail:
	msg = xasprintf("%c%s", CTL_FAILED, cause ? cause : "unknown error");
	ctl_write(w.ctl_out, msg, strlen(msg) + 1);
	_exit(1);
broken:
	msg = xasprintf("%cworker %d: %s", CTL_BROKEN, k, cause ? cause : "unknown error");
	ctl_write(w.ctl_out, msg, strlen(msg) + 1);
	_exit(1);
}
