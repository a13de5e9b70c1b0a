/* The coordinator's loop: rings, control pipes, the watchdog, signals. */
#include "config.h"

#include <event2/event.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "exitcode.h"
#include "util/log.h"
#include "util/timeunit.h"
#include "util/xmalloc.h"
#include "app/coord-int.h"

int
all_finished(struct coord *c)
{
	int i;

	for (i = 0; i < c->nworkers; i++)
		if (!c->workers[i].done && !c->workers[i].dead)
			return 0;
	return 1;
}

void
drain_ring(struct coord *c, struct worker_proc *wp)
{
	const void *p;
	size_t len;
	char *cause = NULL;
	int rc;

	while ((rc = ring_peek(wp->ring, &p, &len, &cause)) == 1) {
		/* A bad message breaks the stream: said once, and what
		 * follows is lost, not silently dropped (lost_samples). */
		if (wp->broken) {
			wp->dropped++;
		} else if (wire_reader_feed(wp->reader, p, len, &cause) == -1) {
			log_msg(LOG_ERROR, NULL, "internal error: worker %d sent a bad "
			    "message: %s", wp->k, cause);
			free(cause);
			cause = NULL;
			wp->broken = 1;
			wp->dropped++;
		}
		ring_consume(wp->ring);
	}
	if (rc == -1) {
		log_msg(LOG_ERROR, NULL, "internal error: worker %d: %s", wp->k, cause);
		free(cause);
		wp->broken = 1;
		wp->dead = 1;
	}
}

void
ring_cb(evutil_socket_t fd, short what, void *arg)
{
	struct worker_proc *wp = arg;

	ring_ack(wp->ring);
	drain_ring(wp->coord, wp);
}

void
stop_workers(struct coord *c)
{
	int i;

	for (i = 0; i < c->nworkers; i++)
		if (!c->workers[i].done && !c->workers[i].dead)
			ctl_write(c->workers[i].ctl_to, (char[]){ CTL_STOP }, 1);
}

void
ctl_cb(evutil_socket_t fd, short what, void *arg)
{
	struct worker_proc *wp = arg;
	struct coord *c = wp->coord;
	char chunk[4096];
	ssize_t n = read(fd, chunk, sizeof chunk);
	size_t i;

	if (n <= 0) {
		event_del(wp->ctl_ev);
		return;
	}
	buf_add(&wp->ctl_in, chunk, (size_t)n);
	for (i = 0; i < wp->ctl_in.len; i++) {
		char ch = wp->ctl_in.data[i];

		if (ch == CTL_READY)
			wp->ready = 1;
		else if (ch == CTL_MARK_FAILED)
			c->marked_failed = 1;
		else if (ch == CTL_ABORT) {
			c->aborted = 1;
			stop_workers(c);
		} else if (ch == CTL_FAILED || ch == CTL_BROKEN) {
			/* "E<message>\0" */
			char *end = memchr(wp->ctl_in.data + i, '\0', wp->ctl_in.len - i);
			char **why = ch == CTL_FAILED ? &c->abort_reason : &c->broken;

			if (end == NULL)
				break;
			if (*why == NULL)
				*why = xstrdup(wp->ctl_in.data + i + 1);
			wp->dead = 1;
			i = (size_t)(end - wp->ctl_in.data);
		}
	}
	if (i >= wp->ctl_in.len)
		buf_reset(&wp->ctl_in);
}

/* A worker died or hung before it finished: say so loudly, keep what it
 * sent, stop counting its VUs, and fail the run (109). */
static void
worker_failed(struct coord *c, struct worker_proc *wp, pid_t pid, const char *why)
{
	log_msg(LOG_ERROR, NULL, "worker %d (pid %ld, %u VUs) %s; its VUs are lost, "
	    "the test goes on with the other workers and will exit %d", wp->k,
	    (long)pid, wp->vus_max, why, EXIT_INTERNAL);
	wp->dead = 1;
	wp->failed = 1;
	wp->vus = 0;
	wp->vus_max = 0;
	c->failed_workers++;
}

/* Every second: a worker whose heartbeat stopped (SIGSTOP, a wedged
 * process) is killed rather than waited for forever. */
void
watch_cb(evutil_socket_t fd, short what, void *arg)
{
	struct coord *c = arg;
	int64_t now = engine_now(), quiet;
	char *why;
	int i;

	for (i = 0; i < c->nworkers; i++) {
		struct worker_proc *wp = &c->workers[i];

		if (wp->done || wp->dead || wp->pid <= 0)
			continue;
		quiet = now - __atomic_load_n(&c->beats[i], __ATOMIC_RELAXED);
		if (quiet <= c->worker_timeout)
			continue;
		why = xasprintf("gave no sign of life for %.1f s (stopped or hung; "
		    "--worker-timeout): killed", ns_to_s(quiet));
		worker_failed(c, wp, wp->pid, why);
		free(why);
		kill(wp->pid, SIGKILL);
	}
}

void
sigchld_cb(evutil_socket_t fd, short what, void *arg)
{
	struct coord *c = arg;
	int status, i;
	pid_t pid;
	char *why;

	while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
		for (i = 0; i < c->nworkers; i++) {
			struct worker_proc *wp = &c->workers[i];

			if (wp->pid != pid)
				continue;
			wp->pid = -1;
			drain_ring(c, wp);
			/* Dead already: it said why (init code) or was
			 * reported (hung, a broken ring). */
			if (wp->done || wp->dead)
				continue;
			if (WIFSIGNALED(status))
				why = xasprintf("died: killed by signal %d (%s)",
				    WTERMSIG(status), strsignal(WTERMSIG(status)));
			else if (c->abort_reason != NULL || c->broken != NULL) {
				/* It said why it stopped. */
				wp->dead = 1;
				continue;
			} else
				why = xasprintf("died: exited with status %d before it "
				    "finished", WEXITSTATUS(status));
			worker_failed(c, wp, pid, why);
			free(why);
		}
	}
}

/* The second Ctrl-C: whatever the coordinator is doing (teardown, the
 * summary), stop now. */
static pid_t *hard_pids;
static int hard_npids;

void
hard_stop(int sig)
{
	int i;

	for (i = 0; i < hard_npids; i++)
		if (hard_pids[i] > 0)
			kill(hard_pids[i], SIGKILL);
	_exit(EXIT_EXTERNAL_ABORT);
}

/* Outside the coordinator's loop (the init pass, setup(), teardown(),
 * the summary: JavaScript that may never yield) SIGINT and SIGTERM come
 * here: the first is remembered and ends the test at the next step, the
 * second stops at once. */
volatile sig_atomic_t early_signals;

void
early_stop(int sig)
{
	static const char msg[] = "lyocell: stopping (press Ctrl+C again to stop "
	    "at once)\n";

	if (++early_signals > 1)
		hard_stop(sig);
	if (write(STDERR_FILENO, msg, sizeof msg - 1) < 0)
		(void)0;
}

void
early_catch(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = early_stop;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
}

void
signal_cb(evutil_socket_t sig, short what, void *arg)
{
	struct coord *c = arg;
	struct sigaction sa;
	int i;

	c->signals++;
	if (c->signals > 1)
		hard_stop((int)sig);
	log_msg(LOG_WARN, NULL, "stopping the test gracefully (press Ctrl+C again to "
	    "stop at once)");
	hard_pids = xcalloc((size_t)c->nworkers + 1, sizeof *hard_pids);
	for (i = 0; i < c->nworkers; i++)
		hard_pids[i] = c->workers[i].pid;
	hard_npids = c->nworkers;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = hard_stop;
	sigemptyset(&sa.sa_mask);
	event_del(c->sigint_ev);
	event_del(c->sigterm_ev);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	stop_workers(c);
}
