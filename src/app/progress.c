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
#include "engine/plan.h"
#include "util/log.h"
#include "util/timeunit.h"
#include "util/xmalloc.h"
#include "app/coord-int.h"

static double
elapsed_s(const struct coord *c)
{
	return c->t_start ? ns_to_s(engine_now() - c->t_start) : 0;
}

/* What scenario i's progress messages say, summed over the workers
 * (RUN_COMPLETE, RUN_INTERRUPTED, RUN_BUSY or RUN_HELD). */
static uint64_t
scenario_count(const struct coord *c, size_t i, int which)
{
	uint64_t n = 0;
	int w;

	for (w = 0; w < c->nworkers; w++)
		if (RUN_NCOUNTS * i + RUN_NCOUNTS <= c->workers[w].ncounts)
			n += c->workers[w].counts[RUN_NCOUNTS * i + (size_t)which];
	return n;
}

/* k6's pb.GetFixedLengthDuration: ms rounded to 0.1 s, as wide as max
 * needs, so that the line does not move ("05.0s", "1m05.0s", "0h01m05.0s"). */
static void
fixed_duration(double ms, double max, char *out, size_t size)
{
	long long u, h;
	char buf[32] = "000000d00h00m00.0s";
	int i = 5;

	if (ms < 0)
		ms = -ms;
	if (max < ms)
		max = ms;
	max = round(max / 100) * 100;
	u = llround(ms / 100);
	buf[16] = (char)('0' + u % 10), u /= 10;
	buf[14] = (char)('0' + u % 10), u /= 10;
	if (max < 10000) {
		snprintf(out, size, "%s", buf + 14);
		return;
	}
	buf[13] = (char)('0' + u % 6), u /= 6;
	if (max < 60000) {
		snprintf(out, size, "%s", buf + 13);
		return;
	}
	buf[11] = (char)('0' + u % 10), u /= 10;
	if (max < 600000) {
		snprintf(out, size, "%s", buf + 11);
		return;
	}
	buf[10] = (char)('0' + u % 6), u /= 6;
	if (max < 3600000) {
		snprintf(out, size, "%s", buf + 10);
		return;
	}
	h = u % 24, u /= 24;
	buf[7] = (char)('0' + h / 10);
	buf[8] = (char)('0' + h % 10);
	if (max < 36000000 || max < 86400000) {
		snprintf(out, size, "%s", buf + (max < 36000000 ? 8 : 7));
		return;
	}
	buf[5] = (char)('0' + u % 10), u /= 10;
	for (max = floor(max / 864000000); max > 0 && i > 0; max = floor(max / 10)) {
		i--;
		buf[i] = (char)('0' + u % 10), u /= 10;
	}
	snprintf(out, size, "%s", buf + i);
}

/* The digits of n, for k6's zero-padded counts ("03/10 VUs"). */
static int
digits(uint64_t n)
{
	int d = 1;

	while (n >= 10)
		n /= 10, d++;
	return d;
}

/* A ramping-arrival-rate scenario's rate at ms into it, per second. */
static double
arrival_rate(const struct scenario *sc, double ms)
{
	double from = (double)sc->start_rate, t = 0;
	size_t i;

	for (i = 0; i < sc->nstages; i++) {
		const struct stage *st = &sc->stages[i];

		if (ms < t + st->duration && st->duration > 0)
			return (from + ((double)st->target - from) * (ms - t) / st->duration) *
			    1000 / sc->time_unit;
		t += st->duration;
		from = (double)st->target;
	}
	return from * 1000 / sc->time_unit;
}

/* One scenario's bar as k6 draws it: its status (' ' running, '•'
 * waiting for its startTime, '↓' stopping gracefully, '✓' done, '✗'
 * interrupted), how far it is and the columns on its right. */
struct bar {
	const char	*status;
	double		 frac;
	char		 right[3][64];
	int		 nright;
};

static void
scenario_bar(struct coord *c, size_t i, double t, int final, struct bar *b)
{
	const struct scenario *sc = &c->plan.scenarios[i];
	double len = scenario_length(sc), ran = t - sc->start_time, rate, top;
	size_t k;
	uint64_t done = scenario_count(c, i, RUN_COMPLETE),
	    interrupted = scenario_count(c, i, RUN_INTERRUPTED),
	    busy = scenario_count(c, i, RUN_BUSY), held = scenario_count(c, i, RUN_HELD);
	uint64_t total = sc->executor == EXEC_SHARED_ITERATIONS ? (uint64_t)sc->iterations :
	    (uint64_t)(sc->iterations * sc->vus);
	int iters = sc->executor == EXEC_SHARED_ITERATIONS ||
	    sc->executor == EXEC_PER_VU_ITERATIONS;
	int vw = digits((uint64_t)scenario_max_vus(sc)), over, stopped, ended;
	char spent[32], whole[32];

	memset(b, 0, sizeof *b);
	b->status = " ";
	if (ran < 0 && !final) {
		fixed_duration(-ran, sc->start_time, spent, sizeof spent);
		b->status = "•";
		snprintf(b->right[0], sizeof b->right[0], "waiting");
		snprintf(b->right[1], sizeof b->right[1], "%s", spent);
		b->nright = 2;
		return;
	}
	if (ran < 0)
		ran = 0;
	/* k6 freezes a bar when its executor returns: one that ended
	 * early keeps the time it took. */
	if (c->ended_ms[i] >= 0)
		ran = c->ended_ms[i];
	over = ran > len;
	stopped = c->signals || c->aborted || c->threshold_abort;
	b->frac = iters ? (total > 0 ? (double)(done + interrupted) / (double)total : 1) :
	    (len > 0 ? ran / len : 1);
	if (b->frac > 1)
		b->frac = 1;
	ended = c->ended_ms[i] >= 0 || final || (over && busy == 0) ||
	    (iters && total > 0 && done + interrupted >= total);
	/* Done unless short of its end, or stopped while still running. */
	if (ended) {
		b->status = b->frac < 1 || (final && stopped && c->ended_ms[i] < 0) ?
		    "✗" : "✓";
		if (c->ended_ms[i] < 0)
			c->ended_ms[i] = ran;
	} else if (over)
		b->status = "↓";
	if (over) {	/* k6 shows the whole duration */
		duration_format(len, spent, sizeof spent);
		snprintf(b->right[1], sizeof b->right[1], "%s", spent);
	} else {
		fixed_duration(ran, len, spent, sizeof spent);
		if (sc->executor == EXEC_RAMPING_VUS)
			fixed_duration(len, len, whole, sizeof whole);
		else
			duration_format(len, whole, sizeof whole);
		snprintf(b->right[1], sizeof b->right[1], "%s/%s", spent, whole);
	}
	b->nright = 2;
	switch (sc->executor) {
	case EXEC_SHARED_ITERATIONS:
	case EXEC_PER_VU_ITERATIONS:
		snprintf(b->right[0], sizeof b->right[0], "%0*lld VUs", vw, (long long)sc->vus);
		if (sc->executor == EXEC_SHARED_ITERATIONS)
			snprintf(b->right[2], sizeof b->right[2], "%0*llu/%llu shared iters",
			    digits(total), (unsigned long long)(done + interrupted),
			    (unsigned long long)total);
		else
			snprintf(b->right[2], sizeof b->right[2], "%0*llu/%llu iters, %lld per VU",
			    digits(total), (unsigned long long)(done + interrupted),
			    (unsigned long long)total, (long long)sc->iterations);
		b->nright = 3;
		break;
	case EXEC_CONSTANT_VUS:
		snprintf(b->right[0], sizeof b->right[0], "%lld VUs", (long long)sc->vus);
		break;
	case EXEC_RAMPING_VUS:
		snprintf(b->right[0], sizeof b->right[0], "%0*llu/%0*llu VUs", vw,
		    (unsigned long long)held, vw, (unsigned long long)scenario_max_vus(sc));
		break;
	case EXEC_CONSTANT_ARRIVAL_RATE:
	case EXEC_RAMPING_ARRIVAL_RATE:
		snprintf(b->right[0], sizeof b->right[0], "%0*llu/%0*llu VUs", vw,
		    (unsigned long long)busy, vw, (unsigned long long)held);
		rate = sc->executor == EXEC_CONSTANT_ARRIVAL_RATE ?
		    (double)sc->rate * 1000 / sc->time_unit : arrival_rate(sc, over ? len : ran);
		/* Zero-padded to the widest rate, as k6's
		 * pb.GetFixedLengthFloatFormat. */
		top = (double)(sc->executor == EXEC_CONSTANT_ARRIVAL_RATE ? sc->rate :
		    sc->start_rate);
		for (k = 0; k < sc->nstages; k++)
			if ((double)sc->stages[k].target > top)
				top = (double)sc->stages[k].target;
		top = top * 1000 / sc->time_unit;
		snprintf(b->right[2], sizeof b->right[2], "%0*.2f iters/s",
		    (top >= 10 ? 1 + (int)log10(top) : 1) + 3, rate);
		b->nright = 3;
		break;
	}
}

/* Display columns of a UTF-8 string: the status marks are one each. */
static size_t
columns(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		n += ((unsigned char)*s & 0xc0) != 0x80;
	return n;
}

/* One line of the live display, cut to the terminal's width: a line that
 * wrapped would leave its tail behind at the next redraw. */
static void
progress_line(struct buf *b, int width, const char *line)
{
	size_t n = 0, cols = 0;

	for (; line[n] != '\0'; n++) {
		if (((unsigned char)line[n] & 0xc0) != 0x80 && width > 1 &&
		    ++cols >= (size_t)width)
			break;
	}
	buf_add(b, line, n);
	buf_puts(b, "\033[K\n");
}

/* The live display on a terminal, laid out as k6's: an empty line, the
 * status line, and a bar per scenario whose columns line up, the bars
 * narrower (down to 8, then a percentage) when the terminal is; redrawn
 * in place, log lines go above it (util/log.c). */
void
progress(struct coord *c, int final)
{
	struct buf b = BUF_INIT, line = BUF_INIT;
	struct winsize ws;
	struct bar *bars;
	uint64_t vus = 0, vus_max = 0, done = 0, interrupted = 0;
	double t = elapsed_s(c) * 1000;
	char now[32];
	size_t i, k, maxleft = 0, rcol[2] = { 0, 0 }, longest = 0;
	int w, width = 0, vw = digits((uint64_t)c->plan.max_vus), barw, pass;

	if (c->ended_ms == NULL) {
		c->ended_ms = xcalloc(c->plan.n + 1, sizeof *c->ended_ms);
		for (i = 0; i < c->plan.n; i++)
			c->ended_ms[i] = -1;
	}
	if (ioctl(1, TIOCGWINSZ, &ws) == 0)
		width = ws.ws_col;
	for (w = 0; w < c->nworkers; w++) {
		vus += c->workers[w].vus;
		vus_max += c->workers[w].vus_max;
	}
	for (i = 0; i < c->plan.n; i++) {
		done += scenario_count(c, i, RUN_COMPLETE);
		interrupted += scenario_count(c, i, RUN_INTERRUPTED);
		if (strlen(c->plan.scenarios[i].name) > maxleft)
			maxleft = strlen(c->plan.scenarios[i].name);
	}
	if (maxleft > 30)
		maxleft = 30;
	fixed_duration(t, c->plan.total_duration, now, sizeof now);
	progress_line(&b, width, "");
	buf_printf(&line, "running (%s), %0*llu/%0*llu VUs, %llu complete and %llu "
	    "interrupted iterations", now, vw, (unsigned long long)vus, vw,
	    (unsigned long long)vus_max, (unsigned long long)done,
	    (unsigned long long)interrupted);
	progress_line(&b, width, line.data);
	bars = xcalloc(c->plan.n + 1, sizeof *bars);
	for (i = 0; i < c->plan.n; i++) {
		scenario_bar(c, i, t, final, &bars[i]);
		for (k = 0; k + 1 < (size_t)bars[i].nright && k < 2; k++)
			if (strlen(bars[i].right[k]) > rcol[k])
				rcol[k] = strlen(bars[i].right[k]);
	}
	/* Two passes, as k6: the widest line at a 40-column bar says how
	 * much narrower the bars must be to fit. */
	barw = 40;
	for (pass = 0; pass < 2; pass++) {
		size_t mark = b.len;

		for (i = 0; i < c->plan.n; i++) {
			const char *name = c->plan.scenarios[i].name;
			int filled, space = barw - 2;

			buf_reset(&line);
			if (strlen(name) > maxleft)
				buf_printf(&line, "%.*s...", (int)maxleft - 3, name);
			else
				buf_printf(&line, "%-*s", (int)maxleft, name);
			buf_printf(&line, " %s [", bars[i].status);
			if (barw > 8) {
				filled = (int)(space * bars[i].frac);
				for (k = 0; k < (size_t)space; k++)
					buf_putc(&line, (int)k + 1 < filled || (filled == space &&
					    (int)k < filled) ? '=' : (int)k + 1 == filled ? '>' : '-');
			} else
				buf_printf(&line, " %3.0f%% ", bars[i].frac * 100);
			buf_putc(&line, ']');
			for (k = 0; k < (size_t)bars[i].nright; k++)
				buf_printf(&line, " %-*s", (int)(k < 2 ? rcol[k] : 0) + 1,
				    bars[i].right[k]);
			if (columns(line.data) > longest)
				longest = columns(line.data);
			if (pass == 1)
				progress_line(&b, width, line.data);
		}
		if (pass == 0) {
			b.len = mark;
			if (width > 0 && (int)longest + 1 > width)
				barw = 40 - ((int)longest + 1 - width);
			if (barw < 8)
				barw = 8;
		}
	}
	free(bars);
	buf_free(&line);
	fflush(stdout);
	log_screen_draw(1, b.data, (int)c->plan.n + 2);
	if (final)
		log_screen_end();
	buf_free(&b);
}

/* On a terminal the display is redrawn every 100 ms, as k6 does, until
 * every worker is done (the final drawing is progress(c, 1)). */
void
progress_start(struct coord *c)
{
	struct timeval tv = { 0, 100000 };

	if (!c->tty || c->quiet || all_finished(c))
		return;
	progress(c, 0);
	event_base_once(c->base, -1, EV_TIMEOUT, progress_redraw, c, &tv);
}

void
progress_redraw(evutil_socket_t fd, short what, void *arg)
{
	progress_start(arg);
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
