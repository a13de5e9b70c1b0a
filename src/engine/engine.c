/* The engine of one process: loop, run queue, samples; see engine.h. */
#include "config.h"

#include <event2/event.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "engine/coro.h"
#include "engine/engine-int.h"
#include "metrics/metric.h"
#include "metrics/tagset.h"
#include "net/net.h"
#include "net/resolver.h"
#include "util/buf.h"
#include "util/pairs.h"
#include "util/log.h"
#include "util/timeunit.h"
#include "util/xmalloc.h"

#define FLUSH_MS	100
#define MAX_BACKLOG	4096	/* batches waiting for ring space */

static const char *const default_system_tags[] = {
	"proto", "subproto", "status", "method", "url", "name", "group", "check",
	"error", "error_code", "tls_version", "scenario", "service",
	"expected_response", NULL
};

int64_t
engine_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return timespec_ns(&ts);
}

static int64_t
wall_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return timespec_ns(&ts);
}

static int
describe_metric(void *arg, uint32_t id, struct wire_metric *wm)
{
	struct engine *e = arg;
	struct metric *m;

	if (id >= metric_registry_count(e->metrics))
		return -1;
	m = metric_registry_at(e->metrics, id);
	wm->id = id;
	wm->name = m->name;
	switch (m->type) {
	case SINK_COUNTER: wm->type = WIRE_COUNTER; break;
	case SINK_GAUGE: wm->type = WIRE_GAUGE; break;
	case SINK_RATE: wm->type = WIRE_RATE; break;
	case SINK_TREND: wm->type = WIRE_TREND; break;
	}
	wm->contains = m->contains == METRIC_TIME ? WIRE_TIME :
	    m->contains == METRIC_DATA ? WIRE_DATA : WIRE_DEFAULT;
	return 0;
}

static uint32_t
metric_id(struct engine *e, const char *name)
{
	struct metric *m = metric_registry_get(e->metrics, name);

	if (m == NULL)
		fatalx(109, "internal error: no built-in metric %s", name);
	return m->id;
}

static void
flush_cb(evutil_socket_t fd, short what, void *arg)
{
	engine_flush(arg);
}

int
engine_system_tag_default(const struct runopts *o, const char *tag)
{
	const char *const *t = o != NULL && o->system_tags != NULL ?
	    (const char *const *)o->system_tags : default_system_tags;

	/* asked per check: the first byte before a call into libc */
	for (; *t != NULL; t++)
		if (**t == *tag && strcmp(*t, tag) == 0)
			return 1;
	return 0;
}

int
engine_system_tag(const struct engine *e, const char *tag)
{
	return engine_system_tag_default(e->opts, tag);
}

void
engine_abort(struct engine *e, const char *reason)
{
	if (e->aborted)
		return;
	e->aborted = 1;
	if (reason != NULL && *reason != '\0')
		log_msg(LOG_ERROR, NULL, "test aborted: %s", reason);
	else
		log_msg(LOG_ERROR, NULL, "test aborted");
	if (e->abort_fn != NULL)
		e->abort_fn(e->abort_arg, reason);
	executor_stop_all(e);
}

struct engine *
engine_new(int worker, const struct bundle *bundle, const struct plan *plan,
    const struct runopts *opts, const char *options_json,
    struct metric_registry *metrics, char **cause)
{
	struct engine *e = xcalloc(1, sizeof *e);
	struct event_config *cfg;
	struct timeval tv = { 0, FLUSH_MS * 1000 };
	struct tag *tags = NULL;
	size_t i, n = 0;

	e->worker = worker;
	e->bundle = bundle;
	e->plan = plan;
	e->opts = opts;
	e->options_json = options_json;
	e->metrics = metrics;
	segment_full(&e->seg);
	segment_full(&e->machine);
	TAILQ_INIT(&e->runq);
	TAILQ_INIT(&e->startq);
	/* libevent's timers read CLOCK_MONOTONIC_COARSE unless told: one
	 * tick (4 ms) coarse, so sleep(0.2) could end 4 ms early. */
	if ((cfg = event_config_new()) != NULL) {
		event_config_set_flag(cfg, EVENT_BASE_FLAG_PRECISE_TIMER);
		e->base = event_base_new_with_config(cfg);
		event_config_free(cfg);
	}
	if (e->base == NULL) {
		*cause = xstrdup("cannot create an event loop");
		free(e);
		return NULL;
	}
	e->tagsets = tagset_table_new(0);
	e->wire = wire_writer_new(worker < 0 ? 0 : (uint32_t)worker, e->tagsets,
	    describe_metric, e, 1 << 20);
	buf_init(&e->out, 0);
	e->m.vus = metric_id(e, "vus");
	e->m.vus_max = metric_id(e, "vus_max");
	e->m.iterations = metric_id(e, "iterations");
	e->m.iteration_duration = metric_id(e, "iteration_duration");
	e->m.dropped_iterations = metric_id(e, "dropped_iterations");
	e->m.checks = metric_id(e, "checks");
	e->m.group_duration = metric_id(e, "group_duration");
	e->m.data_sent = metric_id(e, "data_sent");
	e->m.data_received = metric_id(e, "data_received");
	e->m.http_reqs = metric_id(e, "http_reqs");
	e->m.http_req_duration = metric_id(e, "http_req_duration");
	e->m.http_req_blocked = metric_id(e, "http_req_blocked");
	e->m.http_req_connecting = metric_id(e, "http_req_connecting");
	e->m.http_req_tls_handshaking = metric_id(e, "http_req_tls_handshaking");
	e->m.http_req_sending = metric_id(e, "http_req_sending");
	e->m.http_req_waiting = metric_id(e, "http_req_waiting");
	e->m.http_req_receiving = metric_id(e, "http_req_receiving");
	e->m.http_req_failed = metric_id(e, "http_req_failed");

	/* The run tags (--tag, options.tags) are on every sample. */
	if (opts != NULL && opts->ntags > 0) {
		tags = xcalloc(opts->ntags, sizeof *tags);
		for (i = 0; i < opts->ntags; i++) {
			tags[n].key = opts->tags[i].key;
			tags[n++].value = opts->tags[i].value;
		}
	}
	if (tagset_intern(e->tagsets, tags, n, &e->base_tags, cause) == -1) {
		free(tags);
		engine_free(e);
		return NULL;
	}
	free(tags);
	e->net = net_new(e->base, cause);
	if (e->net == NULL) {
		engine_free(e);
		return NULL;
	}
	if (opts != NULL && opts->dns_set)
		e->resolver = resolver_new(e->base, &opts->dns);
	e->flush_ev = event_new(e->base, -1, EV_PERSIST, flush_cb, e);
	event_add(e->flush_ev, &tv);
	return e;
}

void
engine_free(struct engine *e)
{
	size_t i;

	if (e == NULL)
		return;
	executor_free(e);
	net_free(e->net);
	resolver_free(e->resolver);
	if (e->flush_ev != NULL)
		event_free(e->flush_ev);
	for (i = 0; i < e->nbacklog; i++)
		buf_free(&e->backlog[i]);
	free(e->backlog);
	buf_free(&e->out);
	wire_writer_free(e->wire);
	tagset_table_free(e->tagsets);
	if (e->base != NULL)
		event_base_free(e->base);
	free(e->error);
	free(e);
}

void
engine_wake(struct engine *e, struct vu *vu)
{
	if (vu->queued != NULL)
		return;
	vu->queued = vu->mid_iteration ? &e->runq : &e->startq;
	TAILQ_INSERT_TAIL(vu->queued, vu, runq);
}

/*
 * Resume the VUs waiting in q now (one that wakes itself again waits for
 * the next turn of the loop, so timers and sockets are never starved);
 * with a deadline, only until then, leaving the others first in q.
 */
static void
run_queue(struct engine *e, struct vu_queue *q, int64_t until)
{
	struct vu_queue batch;
	struct vu *vu;

	TAILQ_INIT(&batch);
	TAILQ_CONCAT(&batch, q, runq);
	while ((vu = TAILQ_FIRST(&batch)) != NULL) {
		if (until != 0 && engine_now() > until) {
			TAILQ_CONCAT(&batch, q, runq);
			TAILQ_CONCAT(q, &batch, runq);
			return;
		}
		TAILQ_REMOVE(&batch, vu, runq);
		vu->queued = NULL;
		if (!coro_done(vu->co)) {
			e->running = vu;
			vu->resumed = engine_now();
			coro_resume(vu->co);
			e->running = NULL;
		}
	}
}

/*
 * JavaScript runs here, never inside a callback.  VUs in an iteration
 * (woken by a response or a timer) go first; VUs starting one get at most
 * START_BUDGET of each turn of the loop.  Without the limit, the 5,000
 * VUs of a worker that start together at the beginning of a test all
 * opened their first connection before the loop read any answer, and
 * every one of those first iterations counted the whole burst (1.9 s
 * for http.get + sleep(1) with 10,000 VUs): now each VU's iteration
 * starts when it runs and its answer is read at the next turn.
 */
#define START_BUDGET	2000000		/* ns */

void
engine_run(struct engine *e, int (*done)(void *), void *arg)
{
	while (!done(arg)) {
		event_base_loop(e->base, TAILQ_EMPTY(&e->runq) &&
		    TAILQ_EMPTY(&e->startq) ? EVLOOP_ONCE : EVLOOP_NONBLOCK);
		run_queue(e, &e->runq, 0);
		run_queue(e, &e->startq, engine_now() + START_BUDGET);
	}
}

/* Hand queued messages on, oldest first; keep what does not fit. */
static void
send_backlog(struct engine *e)
{
	size_t i = 0;

	while (i < e->nbacklog &&
	    e->send(e->send_arg, e->backlog[i].data, e->backlog[i].len) == 0)
		buf_free(&e->backlog[i++]);
	if (i > 0) {
		memmove(e->backlog, e->backlog + i, (e->nbacklog - i) * sizeof *e->backlog);
		e->nbacklog -= i;
	}
}

static void
send_out(struct engine *e)
{
	if (e->out.len == 0)
		return;
	send_backlog(e);
	if (e->nbacklog == 0 && e->send(e->send_arg, e->out.data, e->out.len) == 0)
		return;
	/* No room: keep the message, never drop it. */
	if (e->nbacklog == MAX_BACKLOG)
		fatalx(109, "internal error: the coordinator stopped reading samples");
	e->backlog = xreallocarray(e->backlog, e->nbacklog + 1, sizeof *e->backlog);
	e->backlog[e->nbacklog++] = e->out;
	buf_init(&e->out, 0);
}

void
engine_flush(struct engine *e)
{
	char *cause = NULL;

	if (e->send == NULL)
		return;
	send_backlog(e);
	if (wire_writer_count(e->wire) == 0)
		return;
	if (wire_writer_finish(e->wire, &e->out, &cause) == -1)
		fatalx(109, "internal error: %s", cause);
	send_out(e);
}

static void
emit_samples(struct engine *e, const struct wire_sample *s,
    const uint32_t *metric, const double *value, size_t n)
{
	char *cause = NULL;
	size_t i;
	int rc;

	while ((rc = wire_writer_add_n(e->wire, s, metric, value, n,
	    &cause)) == WIRE_FULL)
		engine_flush(e);
	/* Samples with a long metadata value may not fit in one batch
	 * together: they go one at a time. */
	if (rc == -1 && n > 1) {
		free(cause);
		for (i = 0; i < n; i++)
			emit_samples(e, s, metric + i, value + i, 1);
		return;
	}
	if (rc == -1)
		fatalx(109, "internal error: %s", cause);
}

void
engine_emit(struct engine *e, uint32_t metric, uint32_t tags, double value)
{
	engine_emit_n(e, tags, &metric, &value, 1);
}

void
engine_emit_n(struct engine *e, uint32_t tags, const uint32_t *metric,
    const double *value, size_t n)
{
	if (e->running != NULL)
		engine_emit_meta(e, tags, metric, value, n, e->running->meta,
		    e->running->meta_len);
	else
		engine_emit_meta(e, tags, metric, value, n, NULL, 0);
}

void
engine_emit_meta(struct engine *e, uint32_t tags, const uint32_t *metric,
    const double *value, size_t n, const char *meta, size_t meta_len)
{
	struct wire_sample s;

	memset(&s, 0, sizeof s);
	s.tags = tags;
	s.time = wall_ns();
	if (meta_len > 0) {
		s.flags |= WIRE_SAMPLE_UMETA;
		s.meta = meta;
		s.meta_len = (uint32_t)meta_len;
	}
	e->emitted += n;
	emit_samples(e, &s, metric, value, n);
}

static void
add_pair(struct buf *b, const char *k, const char *v)
{
	buf_add(b, k, strlen(k) + 1);
	buf_add(b, v, strlen(v) + 1);
}

void
engine_vu_meta_set(struct vu *vu, const char *key, const char *value)
{
	struct buf b = BUF_INIT;
	const char *k, *v;
	size_t at = 0;
	int put = value == NULL, c;

	/* Rebuild the sorted pairs: a VU has a handful at most. */
	while (pairs_next(vu->meta, vu->meta_len, &at, &k, &v)) {
		c = strcmp(key, k);
		if (!put && c <= 0) {
			add_pair(&b, key, value);
			put = 1;
		}
		if (c != 0)
			add_pair(&b, k, v);
	}
	if (!put)
		add_pair(&b, key, value);
	free(vu->meta);
	vu->meta_len = b.len;
	vu->meta = b.len > 0 ? buf_steal(&b) : NULL;
	buf_free(&b);
}

void
engine_send_done(struct engine *e)
{
	engine_flush(e);
	wire_writer_done(e->wire, &e->out);
	send_out(e);
}

void
engine_send_status(struct engine *e)
{
	uint64_t *counts = xcalloc(e->nruns * RUN_NCOUNTS + 1, sizeof *counts);
	struct timespec ts;
	size_t i, j;

	engine_flush(e);
	clock_gettime(CLOCK_REALTIME, &ts);
	wire_writer_vus(e->wire, &e->out, timespec_ns(&ts),
	    e->vus_active, e->vus_max);
	send_out(e);
	for (i = 0; i < e->nruns; i++) {
		const struct exec_run *run = &e->runs[i];
		uint64_t *rc = counts + RUN_NCOUNTS * i;

		rc[RUN_COMPLETE] = run->complete;
		rc[RUN_INTERRUPTED] = run->interrupted;
		rc[RUN_HELD] = run->nvus;
		for (j = 0; j < run->nvus; j++)
			rc[RUN_BUSY] += run->vus[j]->state == VU_RUNNING;
	}
	/* Last, the samples emitted so far: the coordinator checks that it
	 * received every one. */
	counts[RUN_NCOUNTS * e->nruns] = (uint64_t)e->emitted;
	wire_writer_progress(e->wire, &e->out, counts, e->nruns * RUN_NCOUNTS + 1);
	send_out(e);
	free(counts);
}

void
engine_mark_failed(struct engine *e, const char *reason)
{
	if (reason != NULL && *reason != '\0')
		log_msg(LOG_ERROR, NULL, "test marked as failed: %s", reason);
	else if (!e->failed)
		log_msg(LOG_ERROR, NULL, "test marked as failed");
	if (!e->failed && e->fail_fn != NULL)
		e->fail_fn(e->abort_arg);
	e->failed = 1;
}

uint32_t
engine_tags_with(struct engine *e, uint32_t base, const char *key, const char *value)
{
	char *cause = NULL;
	uint32_t id;

	if (tagset_with(e->tagsets, base, key, value, &id, &cause) == -1) {
		/* A full table: keep the sample on its base tags. */
		free(cause);
		return base;
	}
	return id;
}

uint32_t
engine_tags_without(struct engine *e, uint32_t base, const char *key)
{
	const struct tag *all;
	struct tag *keep;
	char *cause = NULL;
	size_t i, n, k = 0;
	uint32_t id = base;

	if ((all = tagset_get(e->tagsets, base, &n)) == NULL ||
	    tagset_value(e->tagsets, base, key) == NULL)
		return base;
	keep = xcalloc(n + 1, sizeof *keep);
	for (i = 0; i < n; i++)
		if (strcmp(all[i].key, key) != 0)
			keep[k++] = all[i];
	if (tagset_intern(e->tagsets, keep, k, &id, &cause) == -1) {
		/* A full table: keep the tag rather than lose the samples. */
		free(cause);
		id = base;
	}
	free(keep);
	return id;
}

void
engine_instance(const struct engine *e, struct instance_slot *out)
{
	size_t i;
	int k;

	memset(out, 0, sizeof *out);
	if (e->instance == NULL) {
		out->vus_active = e->vus_active;
		out->vus_max = e->vus_max;
		for (i = 0; i < e->nruns; i++) {
			out->complete += e->runs[i].complete;
			out->interrupted += e->runs[i].interrupted;
		}
		return;
	}
	for (k = 0; k < e->ninstance; k++) {
		const struct instance_slot *s = &e->instance[k];

		out->vus_active += __atomic_load_n(&s->vus_active, __ATOMIC_RELAXED);
		out->vus_max += __atomic_load_n(&s->vus_max, __ATOMIC_RELAXED);
		out->complete += __atomic_load_n(&s->complete, __ATOMIC_RELAXED);
		out->interrupted += __atomic_load_n(&s->interrupted, __ATOMIC_RELAXED);
	}
}

void
engine_set_app(struct engine *e, const struct engine_app *app)
{
	e->send = app->send;
	e->send_arg = app->send_arg;
	e->abort_fn = app->abort_fn;
	e->fail_fn = app->fail_fn;
	e->abort_arg = app->abort_arg;
}

void
engine_set_setup_json(struct engine *e, const char *json)
{
	e->setup_json = json;
}

void
engine_set_share(struct engine *e, const struct segment *seg,
    const struct segment *machine, uint32_t first_vu_id,
    struct instance_slot *slots, int nslots)
{
	e->seg = *seg;
	e->machine = *machine;
	e->next_vu_id = first_vu_id;
	e->instance = slots;
	e->ninstance = nslots;
}

struct event_base *
engine_base(struct engine *e)
{
	return e->base;
}

int64_t
engine_emitted(const struct engine *e)
{
	return e->emitted;
}

int
engine_done(const struct engine *e)
{
	return e->done;
}

int
engine_stopping(const struct engine *e)
{
	return e->stopping;
}

size_t
engine_backlog(const struct engine *e)
{
	return e->nbacklog;
}

void
engine_js_stats(const struct engine *e, size_t *collections, size_t *peak)
{
	*collections = e->js_collections;
	*peak = e->js_peak;
}
