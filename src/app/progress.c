/* The live progress display. */
#include "config.h"

#include <event2/event.h>
#include <fcntl.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>

#include "metrics/aggregator.h"
#include "util/duration.h"
#include "util/log.h"
#include "util/timeunit.h"
#include "util/xmalloc.h"
#include "app/coord-int.h"

static double
elapsed_s(const struct coord *c)
{
	return c->t_start ? ns_to_s(engine_now() - c->t_start) : 0;
}

/* Iterations of scenario i over all workers: complete (which 0) or
 * interrupted (which 1). */
static uint64_t
scenario_count(const struct coord *c, size_t i, int which)
{
	uint64_t n = 0;
	int w;

	for (w = 0; w < c->nworkers; w++)
		if (2 * i + 1 < c->workers[w].ncounts)
			n += c->workers[w].counts[2 * i + (size_t)which];
	return n;
}

/* One line of the live display, cut to the terminal's width: a line that
 * wrapped would leave its tail behind at the next redraw. */
static void __attribute__((format(printf, 3, 4)))
progress_line(struct buf *b, int width, const char *fmt, ...)
{
	va_list ap;
	char *line;

	va_start(ap, fmt);
	line = xvasprintf(fmt, ap);
	va_end(ap);
	if (width > 1 && strlen(line) >= (size_t)width)
		line[width - 1] = '\0';
	buf_printf(b, "%s\033[K\n", line);
	free(line);
}

/* The live display on a terminal: a status line and a bar per scenario,
 * redrawn in place; log lines go above it (util/log.c). */
void
progress(struct coord *c, int final)
{
	struct buf b = BUF_INIT;
	struct winsize ws;
	uint64_t interrupted = 0;
	uint64_t vus = 0, max = 0;
	double done = 0, t = elapsed_s(c);
	char now[32], total[32];
	size_t i;
	int w, width = 0;

	if (ioctl(1, TIOCGWINSZ, &ws) == 0)
		width = ws.ws_col;
	for (w = 0; w < c->nworkers; w++) {
		vus += c->workers[w].vus;
		max += c->workers[w].vus_max;
	}
	for (i = 0; i < c->plan.n; i++) {
		done += (double)scenario_count(c, i, 0);
		interrupted += scenario_count(c, i, 1);
	}
	progress_line(&b, width, "running (%04.1fs), %llu/%llu VUs, %.0f complete and "
	    "%llu interrupted iterations", t, (unsigned long long)vus,
	    (unsigned long long)max, done, (unsigned long long)interrupted);
	for (i = 0; i < c->plan.n; i++) {
		const struct scenario *sc = &c->plan.scenarios[i];
		double len = scenario_length(sc), ran = t * 1000 - sc->start_time, frac;
		char bar[41];
		int filled, iters = sc->executor == EXEC_SHARED_ITERATIONS ||
		    sc->executor == EXEC_PER_VU_ITERATIONS;
		double total_iters = sc->executor == EXEC_SHARED_ITERATIONS ?
		    (double)sc->iterations : (double)(sc->iterations * sc->vus);

		if (ran < 0)
			ran = 0;
		if (ran > len || final)
			ran = len;
		frac = len > 0 ? ran / len : 1;
		if (iters) {
			frac = (double)scenario_count(c, i, 0) / total_iters;
			if (frac > 1)
				frac = 1;
		}
		filled = (int)(frac * 40);
		memset(bar, '=', (size_t)filled);
		memset(bar + filled, '-', (size_t)(40 - filled));
		if (filled < 40 && filled > 0)
			bar[filled - 1] = '>';
		bar[40] = '\0';
		if (iters) {
			progress_line(&b, width, "%-9s [%s] %llu/%.0f iterations", sc->name,
			    bar, (unsigned long long)scenario_count(c, i, 0), total_iters);
			continue;
		}
		duration_format(ran - fmod(ran, 100), now, sizeof now);
		duration_format(len, total, sizeof total);
		progress_line(&b, width, "%-9s [%s] %s/%s", sc->name, bar, now, total);
	}
	fflush(stdout);
	log_screen_draw(1, b.data, (int)c->plan.n + 1);
	if (final)
		log_screen_end();
	buf_free(&b);
}

void
tick_cb(evutil_socket_t fd, short what, void *arg)
{
	struct coord *c = arg;
	uint32_t vus = 0, max = 0;
	int seen = 1;
	char *breached = NULL;
	bool abort = false;
	static int ticks;
	int i;

	if (!c->started)
		return;
	for (i = 0; i < c->nworkers; i++) {
		vus += c->workers[i].vus;
		max += c->workers[i].vus_max;
		seen &= (c->workers[i].vus_seen && !c->workers[i].done) ||
		    c->workers[i].dead;
	}
	/* Until every worker has said how many VUs its start made active,
	 * the sum would be short, and once one has finished it counts the
	 * VUs it stopped: k6 samples neither moment. */
	if (seen)
		aggregator_add(c->agg, metric_registry_get(c->metrics, "vus")->id,
		    c->run_tags, vus);
	if (max > 0)
		aggregator_add(c->agg, metric_registry_get(c->metrics, "vus_max")->id,
		    c->run_tags, max);
	if (c->tty && !c->quiet)
		progress(c, 0);
	heartbeat_tick(&c->heartbeat, c->metrics, elapsed_s(c));
	/* k6 evaluates thresholds every 2 s during the run. */
	if (++ticks % 2 == 0 && !c->threshold_abort) {
		metric_registry_eval(c->metrics, elapsed_s(c), false, &breached, &abort);
		free(breached);
		if (abort) {
			log_msg(LOG_ERROR, NULL, "thresholds were crossed and abortOnFail is "
			    "set: stopping the test");
			c->threshold_abort = 1;
			stop_workers(c);
		}
	}
}
