/* The coordinator's side of the REST API: what it publishes, the calls
 * it serves, --paused and --linger. */
#include "config.h"

#include <event2/event.h>
#include <mujs.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "defaults.h"
#include "exitcode.h"
#include "metrics/metric.h"
#include "metrics/sink.h"
#include "util/buf.h"
#include "util/log.h"
#include "util/timeunit.h"
#include "util/xmalloc.h"
#include "app/api.h"
#include "app/coord-int.h"

static const struct timeval control_tick = { 0, 200000 };

void
control_publish(struct coord *c)
{
	struct api_state st;
	int i;

	if (c->api == NULL)
		return;
	memset(&st, 0, sizeof st);
	st.status = c->api_status;
	st.started = c->api_started;
	st.ended = c->api_ended;
	for (i = 0; i < c->nworkers && c->workers != NULL; i++) {
		st.vus += c->workers[i].vus;
		st.vus_max += c->workers[i].vus_max;
	}
	api_publish(c->api, &st);
	if (c->signals || early_signals || c->aborted)
		api_set_stopped(c->api);
}

void
control_status(struct coord *c, int status)
{
	c->api_status = status;
	control_publish(c);
}

static char *
setup_envelope(const char *data)
{
	if (data == NULL)
		return xstrdup("{\"data\":{\"type\":\"setupData\",\"id\":\"default\","
		    "\"attributes\":{}}}");
	return xasprintf("{\"data\":{\"type\":\"setupData\",\"id\":\"default\","
	    "\"attributes\":{\"data\":%s}}}", data);
}

/* Is s JSON?  The coordinator's own state judges. */
static int
json_valid(struct coord *c, const char *s, char **why)
{
	js_State *J = c->cj;

	if (js_try(J)) {
		*why = xstrdup(js_trystring(J, -1, "invalid JSON"));
		js_pop(J, 1);
		return 0;
	}
	js_getglobal(J, "JSON");
	js_getproperty(J, -1, "parse");
	js_rot2(J);
	js_pushstring(J, s);
	js_call(J, 1);
	js_pop(J, 1);
	js_endtry(J);
	return 1;
}

static int
run_lifecycle(struct coord *c, const char *fn, char **out)
{
	char *result = NULL, *key = xasprintf("%sTimeout", fn);
	double timeout;
	int code;

	js_getproperty(c->cj, -1, "options");
	timeout = opt_duration(c->cj, key, strcmp(fn, "setup") == 0 ?
	    K6_DEFAULT(setupTimeout) : K6_DEFAULT(teardownTimeout));
	js_pop(c->cj, 1);
	free(key);
	free(c->lifecycle_error);
	c->lifecycle_error = NULL;
	code = lifecycle(c, fn, timeout, strcmp(fn, "setup") == 0 ? EXIT_SETUP_TIMEOUT :
	    EXIT_TEARDOWN_TIMEOUT, &result);
	if (code != EXIT_OK) {
		*out = xasprintf("Error executing %s\n%s", fn, c->lifecycle_error != NULL ?
		    c->lifecycle_error : "the script failed");
		free(result);
		return 500;
	}
	if (strcmp(fn, "setup") == 0) {
		free(c->setup_json);
		c->setup_json = result;
		*out = setup_envelope(c->setup_json);
	} else
		free(result);
	return 200;
}

/* api.h's handler: runs on the coordinator's thread. */
static int
control_call(void *arg, enum api_call call, const char *body, char **out)
{
	struct coord *c = arg;
	char *why = NULL;

	switch (call) {
	case API_SETUP_RUN:
		return run_lifecycle(c, "setup", out);
	case API_TEARDOWN_RUN:
		return run_lifecycle(c, "teardown", out);
	case API_SETUP_SET:
		if (body != NULL && !json_valid(c, body, &why)) {
			*out = xasprintf("Error parsing request body\n%s", why);
			free(why);
			return 400;
		}
		free(c->setup_json);
		c->setup_json = body != NULL ? xstrdup(body) : NULL;
		if (c->started)
			log_msg(LOG_WARN, NULL, "REST API: setup data set after the start "
			    "reaches only teardown() and the summary");
		/* FALLTHROUGH */
	case API_SETUP_GET:
		*out = setup_envelope(c->setup_json);
		return 200;
	case API_METRICS:
	case API_METRIC:
		return control_metrics(c, call == API_METRIC ? body : NULL, out);
	case API_GROUPS:
	case API_GROUP:
		return control_groups(c, call == API_GROUP ? body : NULL, out);
	}
	*out = xstrdup("Not found\n");
	return 404;
}

static void
control_cb(evutil_socket_t fd, short what, void *arg)
{
	struct coord *c = arg;

	api_serve(c->api, control_call, c);
	control_publish(c);
	/* A stop after the end changes nothing, as in k6. */
	if (api_stopped(c->api) && !c->rest_stopped && !c->api_ended &&
	    c->api_status != API_INTERRUPTED) {
		c->rest_stopped = 1;
		log_msg(LOG_WARN, NULL, "test run stopped from REST API");
		stop_workers(c);
	}
}

/* --paused, K6_PAUSED or the script's options.paused, consolidated. */
static int
paused_option(struct coord *c)
{
	int p;

	js_getproperty(c->cj, -1, "options");
	js_getproperty(c->cj, -1, "paused");
	p = js_toboolean(c->cj, -1);
	js_pop(c->cj, 2);
	return p;
}

/* Start the API when an address was given (k6 2's default: none); an
 * exit code. */
int
control_start(struct coord *c)
{
	const char *addr = cli_get(c->cli, "address"), *exec;
	char *cause = NULL, *desc;
	int paused = paused_option(c);

	if (addr == NULL || *addr == '\0') {
		if (paused) {
			log_msg(LOG_ERROR, NULL, "--paused needs the REST API: give "
			    "--address to resume the test through it");
			return EXIT_INVALID_CONFIG;
		}
		return EXIT_OK;
	}
	exec = c->plan.n > 0 ? c->plan.scenarios[0].executor_name : "shared-iterations";
	desc = xasprintf("%s executor '%s'", exec, c->plan.n > 0 ?
	    c->plan.scenarios[0].name : "default");
	c->api = api_start(addr, paused, desc, &cause);
	free(desc);
	if (c->api == NULL) {
		log_msg(LOG_ERROR, NULL, "Error from API server: %s (--address)", cause);
		free(cause);
		return EXIT_CANNOT_START_REST_API;
	}
	if (c->base == NULL)
		c->base = event_base_new();
	c->api_ev = event_new(c->base, api_fd(c->api), EV_READ | EV_PERSIST, control_cb, c);
	event_add(c->api_ev, NULL);
	c->api_tick = event_new(c->base, -1, EV_PERSIST, control_cb, c);
	event_add(c->api_tick, &control_tick);
	control_status(c, paused ? API_PAUSED_BEFORE_RUN : API_INIT_DONE);
	return EXIT_OK;
}

/* --paused: serve the API until resumed.  An exit code: 103 when
 * stopped from the API, 105 on a signal. */
int
control_wait(struct coord *c)
{
	int rc = EXIT_OK;

	if (c->api != NULL && api_paused(c->api)) {
		log_msg(LOG_DEBUG, NULL, "paused: waiting for PATCH /v1/status");
		while (api_paused(c->api) && !c->rest_stopped && !early_signals)
			event_base_loop(c->base, EVLOOP_ONCE);
	}
	if (early_signals)
		rc = EXIT_EXTERNAL_ABORT;
	else if (c->rest_stopped)
		rc = EXIT_STOPPED_FROM_REST;
	c->api_started = rc == EXIT_OK;
	control_status(c, rc == EXIT_OK ? API_STARTED : API_INTERRUPTED);
	return rc;
}

/* --linger: after the test, the API stays until a signal. */
void
control_linger(struct coord *c)
{
	sig_atomic_t seen = early_signals;

	c->api_ended = !c->rest_stopped && !c->aborted && !c->signals && !seen;
	control_status(c, c->api_ended ? API_ENDED : API_INTERRUPTED);
	if (!cli_flag(c->cli, "linger", 0) || c->signals || seen)
		return;
	if (!c->quiet)
		printf("The test is done, but --linger was enabled, so lyocell is waiting "
		    "for Ctrl+C to continue...\n");
	fflush(stdout);
	if (c->base == NULL)
		c->base = event_base_new();
	if (c->api_tick == NULL) {
		c->api_tick = event_new(c->base, -1, EV_PERSIST, control_cb, c);
		event_add(c->api_tick, &control_tick);
	}
	while (early_signals == seen)
		event_base_loop(c->base, EVLOOP_ONCE);
	/* The signal ended the lingering, not the test. */
	early_signals = seen;
}

void
control_free(struct coord *c)
{
	if (c->api_ev != NULL)
		event_free(c->api_ev);
	if (c->api_tick != NULL)
		event_free(c->api_tick);
	c->api_ev = c->api_tick = NULL;
	api_free(c->api);
	c->api = NULL;
	free(c->lifecycle_error);
	c->lifecycle_error = NULL;
}

/* Go's shortest float text. */
static void
put_number(struct buf *b, double v)
{
	char s[40];
	int p;

	for (p = 15; p <= 17; p++) {
		snprintf(s, sizeof s, "%.*g", p, v);
		if (strtod(s, NULL) == v)
			break;
	}
	buf_puts(b, s);
}

static void
put_metric(struct coord *c, struct buf *b, const struct metric *m)
{
	static const char *const trend[] = { "avg", "max", "med", "min", "p(90)", "p(95)", NULL };
	static const char *const counter[] = { "count", "rate", NULL };
	static const char *const gauge[] = { "value", NULL };
	static const char *const rate[] = { "rate", NULL };
	const char *const *stats;
	double v, dur = c->started ? ns_to_s(engine_now() - c->t_start) : 0;
	size_t i;

	switch (m->type) {
	case SINK_COUNTER: stats = counter; break;
	case SINK_GAUGE: stats = gauge; break;
	case SINK_RATE: stats = rate; break;
	default: stats = trend; break;
	}
	buf_printf(b, "{\"type\":\"metrics\",\"id\":\"%s\",\"attributes\":{\"type\":\"%s\","
	    "\"contains\":\"%s\",\"tainted\":%s,\"sample\":{", m->name, sink_type_name(m->type),
	    metric_contains_name(m->contains), m->tainted < 0 ? "null" : m->tainted ?
	    "true" : "false");
	for (i = 0; stats[i] != NULL; i++) {
		if (sink_value(m->sink, stats[i], dur, &v) == -1)
			v = 0;
		buf_printf(b, "%s\"%s\":", i ? "," : "", stats[i]);
		put_number(b, v);
	}
	buf_puts(b, "}}}");
}

/* GET /v1/metrics[/id]: the observed metrics, as k6's MetricsEngine has
 * them. */
int
control_metrics(struct coord *c, const char *id, char **out)
{
	struct buf b = BUF_INIT;
	size_t i, n = metric_registry_count(c->metrics);
	int first = 1;

	if (id != NULL) {
		const struct metric *m = metric_registry_get(c->metrics, id);

		if (m == NULL || !m->observed) {
			*out = xstrdup("Not Found\nNo metric with that ID was found");
			return 404;
		}
		buf_puts(&b, "{\"data\":");
		put_metric(c, &b, m);
		buf_puts(&b, "}");
		*out = buf_steal(&b);
		return 200;
	}
	buf_puts(&b, "{\"data\":[");
	for (i = 0; i < n; i++) {
		const struct metric *m = metric_registry_at(c->metrics, i);

		if (!m->observed)
			continue;
		if (!first)
			buf_putc(&b, ',');
		first = 0;
		put_metric(c, &b, m);
	}
	buf_puts(&b, "]}");
	*out = buf_steal(&b);
	return 200;
}

/* GET /v1/groups[/id]: not served yet. */
int
control_groups(struct coord *c, const char *id, char **out)
{
	(void)c;
	(void)id;
	*out = xstrdup("Not implemented\nLyocell does not serve /v1/groups yet");
	return 501;
}
