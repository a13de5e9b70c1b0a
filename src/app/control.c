/* The coordinator's side of the REST API: what it publishes, the calls
 * it serves, --paused and --linger. */
#include "config.h"

#include <event2/event.h>
#include <openssl/evp.h>
#include <mujs.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <errno.h>

#include "cli.h"
#include "defaults.h"
#include "exitcode.h"
#include "metrics/aggregator.h"
#include "metrics/metric.h"
#include "metrics/sink.h"
#include "util/buf.h"
#include "util/format.h"
#include "util/log.h"
#include "util/timeunit.h"
#include "util/xmalloc.h"
#include "app/api.h"
#include "app/coord-int.h"

static const struct timeval control_tick = { 0, 200000 };

/* Some threshold is breached now (k6's MetricsEngine count > 0). */
static int
tainted(struct coord *c)
{
	size_t i, j, n = c->metrics != NULL ? metric_registry_count(c->metrics) : 0;

	for (i = 0; i < n; i++) {
		const struct metric *m = metric_registry_at(c->metrics, i);

		if (m->tainted == 1)
			return 1;
		for (j = 0; j < m->nsubs; j++)
			if (m->subs[j]->tainted == 1)
				return 1;
	}
	return 0;
}

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
	if (st.vus_max == 0)
		st.vus_max = c->api_vus_max;	/* made, not started yet */
	st.tainted = tainted(c);
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
	/* Paused, the workers make their VUs next (k6's InitVUs); the
	 * status is 4 once they are, and still paused. */
	control_status(c, paused ? API_INIT_VUS : API_INIT_DONE);
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

/* --paused, with the workers' VUs made: serve the API until resumed,
 * then run the deferred setup() and hand its data to the workers.  A
 * stop, a signal or a failed setup() is left in c for run_workers. */
void
control_resume(struct coord *c)
{
	const char *data;
	size_t len;
	int64_t possible;

	/* The VUs made, as k6's vus-max: an arrival rate's
	 * preAllocatedVUs, not the most it may make. */
	executor_pool_size(&c->plan, &c->seg, &c->api_vus_max, &possible, NULL);
	/* As k6's Run: status 4 only if no resume came during the init. */
	if (api_paused(c->api))
		control_status(c, API_PAUSED_BEFORE_RUN);
	else
		control_publish(c);
	while (api_paused(c->api) && !c->rest_stopped && !c->signals)
		event_base_loop(c->base, EVLOOP_ONCE);
	if (c->rest_stopped || c->signals) {
		control_status(c, API_INTERRUPTED);
		return;
	}
	c->api_started = 1;
	control_status(c, API_STARTED);
	if (c->setup_in_run) {
		control_status(c, API_SETUP);
		c->setup_code = lifecycle(c, "setup", c->setup_timeout, EXIT_SETUP_TIMEOUT,
		    &c->setup_json);
		if (c->setup_code != EXIT_OK)
			return;
	}
	data = c->setup_json != NULL ? c->setup_json : "";
	len = strlen(data);
	if (pwrite(c->setup_fd, data, len, 0) != (ssize_t)len) {
		log_msg(LOG_ERROR, NULL, "setup data for the workers: %s", strerror(errno));
		c->setup_code = EXIT_INTERNAL;
	}
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
	if (c->paused_start && c->setup_fd >= 0)
		close(c->setup_fd);
	c->setup_fd = -1;
	api_free(c->api);
	c->api = NULL;
	free(c->lifecycle_error);
	c->lifecycle_error = NULL;
}

/* encoding/json's float64: shortest digits, an exponent only when tiny
 * or huge. */
static void
put_number(struct buf *b, double v)
{
	double a = v < 0 ? -v : v;

	if (a != 0 && (a < 1e-6 || a >= 1e21))
		format_float_g(b, v);
	else
		format_float_f(b, v);
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

/* k6's group and check ids: the hex MD5 of the path (lib/models.go). */
static void
path_id(const char *path, char id[33])
{
	unsigned char d[EVP_MAX_MD_SIZE];
	unsigned int n = 0, i;

	EVP_Digest(path, strlen(path), d, &n, EVP_md5(), NULL);
	for (i = 0; i < 16 && i < n; i++)
		snprintf(id + 2 * i, 3, "%02x", d[i]);
	id[32] = '\0';
}

/* The parent's path of a group path ("::a::b" -> "::a", "::a" -> ""). */
static char *
parent_path(const char *path)
{
	const char *sep = NULL, *p;

	for (p = path; (p = strstr(p, "::")) != NULL; p += 2)
		sep = p;
	return xstrndup(path, sep != NULL ? (size_t)(sep - path) : 0);
}

struct group_list {
	char	**paths;
	size_t	  n;
};

static void
group_add(struct group_list *g, const char *path)
{
	char *parent;
	size_t i;

	for (i = 0; i < g->n; i++)
		if (strcmp(g->paths[i], path) == 0)
			return;
	if (*path != '\0') {
		parent = parent_path(path);
		group_add(g, parent);
		free(parent);
	}
	g->paths = xreallocarray(g->paths, g->n + 1, sizeof *g->paths);
	g->paths[g->n++] = xstrdup(path);
}

static void
put_group(struct coord *c, struct buf *b, const struct group_list *g, const char *path)
{
	const struct aggregator_check *ck;
	const char *name = path, *p;
	char id[33], *parent, *cpath;
	size_t nck, i;
	int first = 1;

	ck = aggregator_checks(c->agg, &nck);
	for (p = path; (p = strstr(p, "::")) != NULL; p += 2)
		name = p + 2;
	path_id(path, id);
	buf_printf(b, "{\"type\":\"groups\",\"id\":\"%s\",\"attributes\":{\"path\":", id);
	format_json_cstring(b, path, 0);
	buf_puts(b, ",\"name\":");
	format_json_cstring(b, name, 0);
	buf_puts(b, ",\"checks\":");
	for (i = 0; i < nck; i++) {
		if (strcmp(ck[i].group, path) != 0)
			continue;
		cpath = xasprintf("%s::%s", path, ck[i].name);
		path_id(cpath, id);
		buf_printf(b, "%s{\"id\":\"%s\",\"path\":", first ? "[" : ",", id);
		format_json_cstring(b, cpath, 0);
		buf_puts(b, ",\"name\":");
		format_json_cstring(b, ck[i].name, 0);
		buf_printf(b, ",\"passes\":%llu,\"fails\":%llu}",
		    (unsigned long long)ck[i].passes, (unsigned long long)ck[i].fails);
		free(cpath);
		first = 0;
	}
	buf_puts(b, first ? "null" : "]");
	buf_puts(b, "},\"relationships\":{\"groups\":{\"data\":[");
	for (first = 1, i = 0; i < g->n; i++) {
		if (*g->paths[i] == '\0')
			continue;
		parent = parent_path(g->paths[i]);
		if (strcmp(parent, path) == 0) {
			path_id(g->paths[i], id);
			buf_printf(b, "%s{\"type\":\"groups\",\"id\":\"%s\"}", first ? "" : ",", id);
			first = 0;
		}
		free(parent);
	}
	buf_puts(b, "]},\"parent\":{\"data\":");
	if (*path == '\0')
		buf_puts(b, "null");
	else {
		parent = parent_path(path);
		path_id(parent, id);
		buf_printf(b, "{\"type\":\"groups\",\"id\":\"%s\"}", id);
		free(parent);
	}
	buf_puts(b, "}}}");
}

/* Depth first from the root, as k6's FlattenGroup. */
static void
put_groups(struct coord *c, struct buf *b, const struct group_list *g, const char *path,
    int *first)
{
	char *parent;
	size_t i;

	if (!*first)
		buf_putc(b, ',');
	*first = 0;
	put_group(c, b, g, path);
	for (i = 0; i < g->n; i++) {
		if (*g->paths[i] == '\0')
			continue;
		parent = parent_path(g->paths[i]);
		if (strcmp(parent, path) == 0)
			put_groups(c, b, g, g->paths[i], first);
		free(parent);
	}
}

/* GET /v1/groups[/id]: the groups seen so far and their checks, as
 * k6's GroupSummary has them. */
int
control_groups(struct coord *c, const char *id, char **out)
{
	struct group_list g = { NULL, 0 };
	struct buf b = BUF_INIT;
	const struct aggregator_check *ck;
	char *const *seen;
	char gid[33];
	size_t i, n;
	int first = 1, code = 200;

	group_add(&g, "");
	seen = aggregator_groups(c->agg, &n);
	for (i = 0; i < n; i++)
		group_add(&g, seen[i]);
	ck = aggregator_checks(c->agg, &n);
	for (i = 0; i < n; i++)
		group_add(&g, ck[i].group);
	if (id == NULL) {
		buf_puts(&b, "{\"data\":[");
		put_groups(c, &b, &g, "", &first);
		buf_puts(&b, "]}");
	} else {
		for (i = 0; i < g.n; i++) {
			path_id(g.paths[i], gid);
			if (strcmp(gid, id) == 0)
				break;
		}
		if (i == g.n) {
			buf_puts(&b, "Not Found\nNo group with that ID was found");
			code = 404;
		} else {
			buf_puts(&b, "{\"data\":");
			put_group(c, &b, &g, g.paths[i]);
			buf_puts(&b, "}");
		}
	}
	for (i = 0; i < g.n; i++)
		free(g.paths[i]);
	free(g.paths);
	*out = buf_steal(&b);
	return code;
}
