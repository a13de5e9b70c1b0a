/* Forking the workers, running the loop until they are done, reaping them. */
#include "config.h"

#include <errno.h>
#include <event2/event.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "engine/vualloc.h"
#include "exitcode.h"
#include "util/log.h"
#include "util/xmalloc.h"
#include "app/api.h"
#include "app/coord-int.h"

void
raise_nofile(void)
{
	struct rlimit rl;

	if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < rl.rlim_max) {
		rl.rlim_cur = rl.rlim_max;
		setrlimit(RLIMIT_NOFILE, &rl);
	}
}

/* A VU holds at least one connection: say so when a worker cannot open
 * as many as its VUs need. */
void
warn_nofile(const struct coord *c)
{
	struct rlimit rl;
	long long per = (c->plan.max_vus + c->nworkers - 1) / c->nworkers;

	if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY &&
	    (unsigned long long)per + 64 > (unsigned long long)rl.rlim_cur)
		log_msg(LOG_WARN, NULL, "each worker runs up to %lld VUs but may open only "
		    "%llu files; connections will fail: use more --workers or raise the "
		    "limit (ulimit -n)", per, (unsigned long long)rl.rlim_cur);
}

int
online_cpus(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n > 0 ? (int)n : 1;
}

/* Fork the workers and run the coordinator's loop until they are done. */
int
run_workers(struct coord *c, char **cause)
{
	struct timeval sec = { 1, 0 };
	struct segment tmp;
	int i, fds[2], back[2];
	uint32_t base = 1;
	int64_t planned, possible;

	/* exec.instance counts every worker: one slot each, shared. */
	c->instance = mmap(NULL, (size_t)c->nworkers * sizeof *c->instance,
	    PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (c->instance == MAP_FAILED) {
		c->instance = NULL;
		*cause = xasprintf("mmap: %s", strerror(errno));
		return -1;
	}
	c->beats = mmap(NULL, (size_t)c->nworkers * sizeof *c->beats,
	    PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (c->beats == MAP_FAILED) {
		c->beats = NULL;
		*cause = xasprintf("mmap: %s", strerror(errno));
		return -1;
	}
	c->pid = getpid();
	for (i = 0; i < c->nworkers; i++) {
		struct worker_proc *wp = &c->workers[i];

		wp->coord = c;
		wp->k = i;
		c->beats[i] = engine_now();
		buf_init(&wp->ctl_in, 1 << 20);
		if ((wp->ring = ring_new(0, cause)) == NULL)
			return -1;
		if (pipe(fds) == -1 || pipe(back) == -1) {
			*cause = xasprintf("pipe: %s", strerror(errno));
			return -1;
		}
		wp->ctl_to = fds[1];
		wp->ctl_from = back[0];
		/* The worker's ends, kept here until the fork. */
		wp->pid = -1;
		wp->ring_ev = (struct event *)(intptr_t)fds[0];
		wp->ctl_ev = (struct event *)(intptr_t)back[1];
		/* VU ids: worker i's come after those of the workers before it. */
		wp->vu_base = base;
		segment_split(&c->seg, i, c->nworkers, &tmp);
		executor_pool_size(&c->plan, &tmp, &planned, &possible, NULL);
		base += (uint32_t)possible;
	}
	/* --paused: setup()'s data, known only after the workers start,
	 * reaches them in a file they share. */
	c->setup_fd = -1;
	if (c->paused_start && (c->setup_fd = memfd_create("lyocell-setup", MFD_CLOEXEC)) == -1) {
		*cause = xasprintf("memfd_create: %s", strerror(errno));
		return -1;
	}
	fflush(stdout);
	fflush(stderr);
	/* The init pass's garbage is not the workers' to inherit. */
	vualloc_release();
	for (i = 0; i < c->nworkers; i++) {
		struct worker_proc *wp = &c->workers[i];
		int wfd = (int)(intptr_t)wp->ring_ev, wback = (int)(intptr_t)wp->ctl_ev;
		pid_t pid = fork();

		if (pid == -1) {
			*cause = xasprintf("cannot start worker %d: fork: %s", i,
			    strerror(errno));
			return -1;
		}
		if (pid == 0) {
			close(wp->ctl_to);
			close(wp->ctl_from);
			wp->ctl_to = wfd;
			wp->ctl_from = wback;
			worker_main(c, i);
		}
		wp->pid = pid;
		close(wfd);
		close(wback);
		wp->ring_ev = NULL;
		wp->ctl_ev = NULL;
	}

	if (c->base == NULL)
		c->base = event_base_new();
	c->sigint_ev = evsignal_new(c->base, SIGINT, signal_cb, c);
	c->sigterm_ev = evsignal_new(c->base, SIGTERM, signal_cb, c);
	c->sigchld_ev = evsignal_new(c->base, SIGCHLD, sigchld_cb, c);
	/* The loop takes the signals over, unless the first came already
	 * (early_stop then takes the second). */
	c->signals = early_signals;
	if (!c->signals) {
		event_add(c->sigint_ev, NULL);
		event_add(c->sigterm_ev, NULL);
	}
	event_add(c->sigchld_ev, NULL);
	for (i = 0; i < c->nworkers; i++) {
		struct worker_proc *wp = &c->workers[i];

		wp->reader = wire_reader_new(c->tagsets, &coord_wire_handlers, c);
		wp->ring_ev = event_new(c->base, ring_fd(wp->ring), EV_READ | EV_PERSIST,
		    ring_cb, wp);
		event_add(wp->ring_ev, NULL);
		wp->ctl_ev = event_new(c->base, wp->ctl_from, EV_READ | EV_PERSIST, ctl_cb, wp);
		event_add(wp->ctl_ev, NULL);
	}
	/* A worker that died before the handler was there. */
	sigchld_cb(-1, 0, c);
	c->tick_ev = event_new(c->base, -1, EV_PERSIST, tick_cb, c);
	c->watch_ev = event_new(c->base, -1, EV_PERSIST, watch_cb, c);
	event_add(c->watch_ev, &sec);

	/* Start together once every VU has run its init code. */
	for (;;) {
		int ready = 1, failed = 0;

		for (i = 0; i < c->nworkers; i++) {
			ready &= c->workers[i].ready || c->workers[i].dead;
			failed |= c->workers[i].dead;
		}
		if (ready || failed || c->signals || c->rest_stopped)
			break;
		event_base_loop(c->base, EVLOOP_ONCE);
	}
	/* A worker gone before the start: its last words may still be in
	 * its pipe; without any, it could not start (libevent, for one,
	 * exits when it cannot make its pipes). */
	event_base_loop(c->base, EVLOOP_NONBLOCK);
	for (i = 0; i < c->nworkers && c->abort_reason == NULL && c->broken == NULL; i++)
		if (c->workers[i].dead && !c->workers[i].ready)
			c->broken = xasprintf("worker %d exited before the test started", i);
	if (c->abort_reason == NULL && c->broken == NULL && !c->signals && c->paused_start)
		control_resume(c);
	if (c->abort_reason != NULL || c->broken != NULL || c->signals || c->rest_stopped ||
	    c->setup_code != EXIT_OK) {
		stop_workers(c);
	} else {
		c->t_start = engine_now();
		c->started = 1;
		control_status(c, API_RUNNING);
		/* Ticks count from the start, as k6's samples of vus do. */
		event_add(c->tick_ev, &sec);
		for (i = 0; i < c->nworkers; i++)
			ctl_write(c->workers[i].ctl_to, (char[]){ CTL_START }, 1);
		progress_start(c);
	}
	while (!all_finished(c)) {
		/* Sleep on each ring only after announcing it. */
		for (i = 0; i < c->nworkers; i++) {
			struct worker_proc *wp = &c->workers[i];

			if (!wp->dead && !ring_sleep(wp->ring))
				drain_ring(c, wp);
		}
		event_base_loop(c->base, EVLOOP_ONCE);
	}
	for (i = 0; i < c->nworkers; i++)
		drain_ring(c, &c->workers[i]);
	/* teardown() and the summary run outside the loop: early_stop
	 * again (libevent puts it back), unless signal_cb set hard_stop. */
	if (!c->signals) {
		event_del(c->sigint_ev);
		event_del(c->sigterm_ev);
	}
	c->t_end = engine_now();
	if (c->tty && !c->quiet && c->started)
		progress(c, 1);
	/* Reap what is left; a stuck worker is killed. */
	for (i = 0; i < c->nworkers; i++) {
		struct worker_proc *wp = &c->workers[i];
		int status;

		if (wp->pid > 0) {
			if (wp->dead)
				kill(wp->pid, SIGKILL);
			waitpid(wp->pid, &status, 0);
			wp->pid = -1;
		}
	}
	return 0;
}

void
free_workers(struct coord *c)
{
	int i;

	for (i = 0; i < c->nworkers; i++) {
		struct worker_proc *wp = &c->workers[i];

		if (wp->ring_ev != NULL)
			event_free(wp->ring_ev);
		if (wp->ctl_ev != NULL)
			event_free(wp->ctl_ev);
		wire_reader_free(wp->reader);
		ring_free(wp->ring);
		close(wp->ctl_to);
		close(wp->ctl_from);
		buf_free(&wp->ctl_in);
		free(wp->counts);
	}
	free(c->workers);
	c->workers = NULL;
	if (c->tick_ev != NULL)
		event_free(c->tick_ev);
	if (c->watch_ev != NULL)
		event_free(c->watch_ev);
	if (c->sigint_ev != NULL) {
		event_free(c->sigint_ev);
		event_free(c->sigterm_ev);
		event_free(c->sigchld_ev);
	}
	if (c->base != NULL)
		event_base_free(c->base);
}
