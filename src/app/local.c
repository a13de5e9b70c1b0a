/* Samples into the aggregator, and the coordinator's own engine: the init
 * pass, setup, teardown. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "exitcode.h"
#include "metrics/aggregator.h"
#include "util/log.h"
#include "util/xmalloc.h"
#include "js/modules.h"
#include "app/coord-int.h"

static int
on_batch(void *arg, const struct wire_batch *b, char **cause)
{
	return aggregator_batch(((struct coord *)arg)->agg, b, cause);
}

static int
on_metric(void *arg, uint32_t worker, const struct wire_metric *wm, uint32_t *id,
    char **cause)
{
	return aggregator_metric(((struct coord *)arg)->agg, worker, wm, id, cause);
}

static int
on_done(void *arg, uint32_t worker, char **cause)
{
	struct coord *c = arg;

	if ((int)worker < c->nworkers)
		c->workers[worker].done = 1;
	return 0;
}

static int
on_vus(void *arg, uint32_t worker, int64_t time, uint32_t vus, uint32_t vus_max,
    char **cause)
{
	struct coord *c = arg;

	if ((int)worker < c->nworkers) {
		c->workers[worker].vus = vus;
		c->workers[worker].vus_max = vus_max;
		c->workers[worker].vus_seen = 1;
	}
	return 0;
}

static int
on_progress(void *arg, uint32_t worker, const uint64_t *counts, size_t n, char **cause)
{
	struct coord *c = arg;
	struct worker_proc *wp;

	if ((int)worker >= c->nworkers)
		return 0;
	wp = &c->workers[worker];
	wp->counts = xreallocarray(wp->counts, n + 1, sizeof *wp->counts);
	memcpy(wp->counts, counts, n * sizeof *counts);
	wp->ncounts = n;
	return 0;
}

const struct wire_handler coord_wire_handlers = {
	on_metric, on_batch, on_done, NULL, on_vus, on_progress,
};

/* The coordinator's own engine (setup, teardown) sends straight here. */
static int
local_send(void *arg, const void *p, size_t len)
{
	struct coord *c = arg;
	char *cause = NULL;

	/* A failure breaks the stream: local_engine_free counts what it
	 * lost. */
	if (wire_reader_feed(c->local_reader, p, len, &cause) == -1) {
		log_msg(LOG_ERROR, NULL, "internal error: %s", cause);
		free(cause);
	}
	return 0;
}

/* ---- the init pass, setup and teardown --------------------------------- */

static int
vu_ready(void *arg)
{
	return vu_init_ended(arg);
}

static void
local_abort(void *arg, const char *reason)
{
	((struct coord *)arg)->aborted = 1;
}

static void
local_fail(void *arg)
{
	((struct coord *)arg)->marked_failed = 1;
}

/* Free it once every sample it emitted has arrived, or been reported
 * lost. */
void
local_engine_free(struct coord *c, struct engine *e, struct vu *vu)
{
	uint64_t got, overflow;

	if (e == NULL)
		return;
	vu_free(vu);
	engine_flush(e);
	got = wire_reader_samples(c->local_reader);
	overflow = wire_reader_overflow(c->local_reader);
	if (got < (uint64_t)engine_emitted(e)) {
		log_msg(LOG_ERROR, NULL, "internal error: %llu of the %llu samples of "
		    "the coordinator's VU were lost",
		    (unsigned long long)((uint64_t)engine_emitted(e) - got),
		    (unsigned long long)engine_emitted(e));
		c->lost += (uint64_t)engine_emitted(e) - got;
	}
	if (overflow > 0) {
		log_msg(LOG_ERROR, NULL, "%llu samples of the coordinator's VU lost "
		    "their tags: too many distinct tag sets", (unsigned long long)overflow);
		c->lost += overflow;
	}
	engine_free(e);
}

/* An engine with one VU (__VU 0) for the init pass, setup and teardown. */
struct engine *
local_engine(struct coord *c, int with_opts, struct vu **vu, char **cause)
{
	struct engine *e;

	e = engine_new(-1, c->bundle, NULL, &c->opts, c->options_json, c->metrics, cause);
	if (e == NULL)
		return NULL;
	modules_attach(e);
	wire_reader_free(c->local_reader);
	c->local_reader = wire_reader_new(c->tagsets, &coord_wire_handlers, c);
	engine_set_app(e, &(struct engine_app){ .send = local_send,
	    .send_arg = c, .abort_fn = local_abort, .fail_fn = local_fail,
	    .abort_arg = c });
	engine_set_setup_json(e, c->setup_json);
	*vu = vu_new(e, 0, NULL, cause);
	if (*vu == NULL) {
		engine_free(e);
		return NULL;
	}
	engine_run(e, vu_ready, *vu);
	if (vu_dead(*vu)) {
		*cause = xstrdup(vu_init_error(*vu));
		local_engine_free(c, e, *vu);
		return NULL;
	}
	(void)with_opts;
	return e;
}

/* Run setup() or teardown() in group ::name.  Returns an exit code. */
int
lifecycle(struct coord *c, const char *fn, double timeout_ms, int timeout_code,
    char **result)
{
	struct engine *e;
	struct vu *vu;
	char *cause = NULL, *group;
	int rc;

	*result = NULL;
	if ((e = local_engine(c, 1, &vu, &cause)) == NULL) {
		log_script_error(cause);
		free(cause);
		return EXIT_SCRIPT_EXCEPTION;
	}
	group = xasprintf("::%s", fn);
	free(vu_group(vu));
	vu_set_group(vu, group);
	if (engine_system_tag(e, "group"))
		vu_set_tags(vu, engine_tags_with(e, vu_tags(vu), "group", group));
	rc = vu_call(vu, fn, strcmp(fn, "teardown") == 0 ? c->setup_json : NULL,
	    timeout_ms, result, &cause);
	if (rc != 0) {
		free(c->lifecycle_error);
		c->lifecycle_error = xstrdup(cause != NULL ? cause : "aborted");
	}
	if (rc == -2) {
		log_msg(LOG_ERROR, NULL, "%s", cause);
		free(cause);
		/* A VU stuck in a call may only be freed, never resumed. */
		local_engine_free(c, e, vu);
		return timeout_code;
	}
	local_engine_free(c, e, vu);
	if (rc == -1 && c->aborted) {
		free(cause);
		return EXIT_SCRIPT_ABORTED;
	}
	if (rc == -1) {
		log_script_error(cause);
		free(cause);
		return EXIT_SCRIPT_EXCEPTION;
	}
	return EXIT_OK;
}
