/* The coordinator; see coordinator.h and docs/design.md "Processes". */
#include "config.h"

#include <errno.h>
#include <event2/event.h>
#include <fcntl.h>
#include <math.h>
#include <mujs.h>
#include <openssl/evp.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "compile/bundle.h"
#include "defaults.h"
#include "engine/coordinator.h"
#include "engine/heartbeat.h"
#include "engine/engine.h"
#include "engine/vualloc.h"
#include "exitcode.h"
#include "js/intern.h"
#include "js/scriptcache.h"
#include "js/modules.h"
#include "js/runtime.h"
#include "js/secrets.h"
#include "metrics/aggregator.h"
#include "metrics/metric.h"
#include "metrics/ring.h"
#include "metrics/tagset.h"
#include "metrics/threshold.h"
#include "metrics/wire.h"
#include "output/outfile.h"
#include "output/output.h"
#include "util/buf.h"
#include "util/duration.h"
#include "util/format.h"
#include "util/log.h"
#include "util/timeunit.h"
#include "util/xmalloc.h"

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
	const char		*script;
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
	struct heartbeat	 heartbeat;
	uint64_t		 samples;
	/* Samples lost or streams broken, each reported: exit 109. */
	uint64_t		 lost;
};

static struct coord *the_coord;	/* for the metric handler of readers */

/* ---- options ---------------------------------------------------------- */

static char *
read_file(const char *path, char **cause)
{
	struct buf b = BUF_INIT;
	char chunk[65536];
	size_t n;
	FILE *f;

	if ((f = fopen(path, "r")) == NULL) {
		*cause = xasprintf("cannot read %s: %s", path, strerror(errno));
		return NULL;
	}
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_add(&b, chunk, n);
	fclose(f);
	return buf_steal(&b);
}

/* Push [[flag, value], ...] for the values from the environment (env=1)
 * or the command line (env=0). */
static void
push_flag_layer(js_State *J, const struct cli *cli, int env)
{
	/* k6's variables for options that have no flag */
	static const char *const env_only[][2] = {
		{ "K6_TLS_CIPHER_SUITES", "tls-cipher-suites" },
	};
	const char *v;
	size_t i;
	int n = 0;

	js_newarray(J);
	for (i = 0; i < cli->nvalues; i++) {
		if (cli->values[i].from_env != env)
			continue;
		js_newarray(J);
		js_pushstring(J, cli->values[i].opt->name);
		js_setindex(J, -2, 0);
		js_pushstring(J, cli->values[i].value);
		js_setindex(J, -2, 1);
		js_setindex(J, -2, n++);
	}
	for (i = 0; env && i < sizeof env_only / sizeof env_only[0]; i++) {
		if ((v = getenv(env_only[i][0])) == NULL || *v == '\0')
			continue;
		js_newarray(J);
		js_pushstring(J, env_only[i][1]);
		js_setindex(J, -2, 0);
		js_pushstring(J, v);
		js_setindex(J, -2, 1);
		js_setindex(J, -2, n++);
	}
}

static void
add_kv(struct kv **kv, size_t *n, const char *key, size_t klen, const char *value)
{
	size_t i;

	for (i = 0; i < *n; i++)
		if (strlen((*kv)[i].key) == klen && strncmp((*kv)[i].key, key, klen) == 0) {
			free((*kv)[i].value);
			(*kv)[i].value = xstrdup(value);
			return;
		}
	*kv = xreallocarray(*kv, *n + 1, sizeof **kv);
	(*kv)[*n].key = xstrndup(key, klen);
	(*kv)[*n].value = xstrdup(value);
	(*n)++;
}

/* __ENV: the process environment (unless turned off), then -e. */
static void
build_env(struct coord *c)
{
	const char **vals, *eq;
	char **ep;
	size_t i, n;

	if (cli_flag(c->cli, "include-system-env-vars", 1))
		for (ep = environ; *ep != NULL; ep++)
			if ((eq = strchr(*ep, '=')) != NULL)
				add_kv(&c->opts.env, &c->opts.nenv, *ep, (size_t)(eq - *ep), eq + 1);
	n = cli_all(c->cli, "env", &vals);
	for (i = 0; i < n; i++) {
		eq = strchr(vals[i], '=');
		add_kv(&c->opts.env, &c->opts.nenv, vals[i], (size_t)(eq - vals[i]), eq + 1);
	}
	free(vals);
}

static int
opt_bool(js_State *J, const char *key)
{
	int v;

	js_getproperty(J, -1, key);
	v = js_toboolean(J, -1);
	js_pop(J, 1);
	return v;
}

static double
opt_num(js_State *J, const char *key, double def)
{
	double v = def;

	js_getproperty(J, -1, key);
	if (js_isnumber(J, -1))
		v = js_tonumber(J, -1);
	js_pop(J, 1);
	return v;
}

static char *
opt_str(js_State *J, const char *key, const char *def)
{
	char *v;

	js_getproperty(J, -1, key);
	v = js_isdefined(J, -1) && !js_isnull(J, -1) ? xstrdup(js_tostring(J, -1)) :
	    def != NULL ? xstrdup(def) : NULL;
	js_pop(J, 1);
	return v;
}

static double
opt_duration(js_State *J, const char *key, double def)
{
	double v = def;

	js_getproperty(J, -1, key);
	if (js_isdefined(J, -1) && !js_isnull(J, -1)) {
		js_getglobal(J, "__ly_options");
		js_getproperty(J, -1, "durationMs");
		js_rot2(J);
		js_copy(J, -3);
		js_pushliteral(J, key);
		if (js_pcall(J, 2) == 0)
			v = js_tonumber(J, -1);
		js_pop(J, 1);
	}
	js_pop(J, 1);
	return v;
}

/* Read what the VUs need from the consolidated options on the stack. */
static void
read_runopts(struct coord *c, js_State *J)
{
	struct runopts *o = &c->opts;
	const char *k;
	int i, n;

	o->no_cookies_reset = opt_bool(J, "noCookiesReset");
	o->discard_response_bodies = opt_bool(J, "discardResponseBodies");
	o->insecure_skip_tls_verify = opt_bool(J, "insecureSkipTLSVerify");
	o->no_connection_reuse = opt_bool(J, "noConnectionReuse");
	o->no_vu_connection_reuse = opt_bool(J, "noVUConnectionReuse");
	o->throw_errors = opt_bool(J, "throw");
	o->max_redirects = (int64_t)opt_num(J, "maxRedirects", 10);
	o->batch = (int64_t)opt_num(J, "batch", 20);
	o->batch_per_host = (int64_t)opt_num(J, "batchPerHost", 6);
	o->min_iteration_duration = opt_duration(J, "minIterationDuration", 0);
	o->user_agent = opt_str(J, "userAgent", "lyocell/" PACKAGE_VERSION " (k6 compatible)");
	o->http_debug = opt_str(J, "httpDebug", NULL);
	js_getproperty(J, -1, "tags");
	if (js_isobject(J, -1)) {
		js_pushiterator(J, -1, 1);
		while ((k = js_nextiterator(J, -1)) != NULL) {
			js_getproperty(J, -2, k);
			add_kv(&o->tags, &o->ntags, k, strlen(k), js_tostring(J, -1));
			js_pop(J, 1);
		}
		js_pop(J, 1);
	}
	js_pop(J, 1);
	js_getproperty(J, -1, "systemTags");
	if (js_isarray(J, -1)) {
		n = js_getlength(J, -1);
		o->system_tags = xcalloc((size_t)n + 1, sizeof *o->system_tags);
		for (i = 0; i < n; i++) {
			js_getindex(J, -1, i);
			o->system_tags[i] = xstrdup(js_tostring(J, -1));
			js_pop(J, 1);
		}
	}
	js_pop(J, 1);
}

static void
free_runopts(struct runopts *o)
{
	size_t i;

	for (i = 0; i < o->nenv; i++) {
		free(o->env[i].key);
		free(o->env[i].value);
	}
	free(o->env);
	for (i = 0; i < o->ntags; i++) {
		free(o->tags[i].key);
		free(o->tags[i].value);
	}
	free(o->tags);
	if (o->system_tags != NULL)
		for (i = 0; o->system_tags[i] != NULL; i++)
			free(o->system_tags[i]);
	free(o->system_tags);
	free(o->user_agent);
	free(o->http_debug);
	memset(o, 0, sizeof *o);
}

/* The JSON of the script's exported options and the names of its
 * exported functions, read from the init VU. */
static int
script_exports(struct vu *vu, char **options, char **functions, char **cause)
{
	js_State *J = vu->J;
	struct buf b = BUF_INIT;
	const char *k;
	int first = 1;

	*options = NULL;
	js_getregistry(J, "ly.exports");
	js_getproperty(J, -1, "options");
	if (js_isdefined(J, -1)) {
		js_getglobal(J, "JSON");
		js_getproperty(J, -1, "stringify");
		js_rot3(J);
		js_pop(J, 1);
		js_pushundefined(J);
		js_rot2(J);
		if (js_pcall(J, 1)) {
			*cause = xasprintf("the exported options cannot be serialised: %s",
			    js_trystring(J, -1, "?"));
			js_pop(J, 2);
			return -1;
		}
		if (js_isstring(J, -1))
			*options = xstrdup(js_tostring(J, -1));
	}
	js_pop(J, 1);
	buf_putc(&b, '[');
	js_pushiterator(J, -1, 1);
	while ((k = js_nextiterator(J, -1)) != NULL) {
		js_getproperty(J, -2, k);
		if (js_iscallable(J, -1)) {
			if (!first)
				buf_putc(&b, ',');
			format_json_cstring(&b, k, FORMAT_JSON_BF);
			first = 0;
		}
		js_pop(J, 1);
	}
	js_pop(J, 2);
	buf_putc(&b, ']');
	*functions = buf_steal(&b);
	return 0;
}

static int
js_fail(js_State *J, char **cause, int *code)
{
	*code = EXIT_INVALID_CONFIG;
	if (js_isobject(J, -1) && js_hasproperty(J, -1, "exitCode")) {
		*code = (int)js_tonumber(J, -1);
		js_pop(J, 1);
	}
	js_getproperty(J, -1, "message");
	*cause = xstrdup(js_isstring(J, -1) ? js_tostring(J, -1) :
	    js_trystring(J, -2, "error"));
	js_pop(J, 2);
	return -1;
}

/* Consolidate the options in the coordinator's JS state; leaves the
 * result object on its stack. */
static int
consolidate(struct coord *c, const char *script_options, const char *functions,
    char **cause, int *code)
{
	js_State *J = c->cj;
	const char *config_path = cli_get(c->cli, "config");
	char *config = NULL;

	if (config_path != NULL && (config = read_file(config_path, cause)) == NULL) {
		*code = EXIT_INVALID_CONFIG;
		return -1;
	}
	js_getglobal(J, "__ly_options");
	js_getproperty(J, -1, "consolidate");
	js_rot2(J);
	js_newobject(J);
	if (config != NULL)
		js_pushstring(J, config);
	else
		js_pushnull(J);
	js_setproperty(J, -2, "config");
	free(config);
	if (script_options != NULL) {
		js_getglobal(J, "JSON");
		js_getproperty(J, -1, "parse");
		js_rot2(J);
		js_pushstring(J, script_options);
		js_call(J, 1);
	} else {
		js_pushundefined(J);
	}
	js_setproperty(J, -2, "script");
	push_flag_layer(J, c->cli, 1);
	js_setproperty(J, -2, "env");
	push_flag_layer(J, c->cli, 0);
	js_setproperty(J, -2, "cli");
	js_getglobal(J, "JSON");
	js_getproperty(J, -1, "parse");
	js_rot2(J);
	js_pushstring(J, functions ? functions : "null");
	js_call(J, 1);
	js_setproperty(J, -2, "exports");
	if (js_pcall(J, 1))
		return js_fail(J, cause, code);
	return 0;
}

static void
add_threshold(struct coord *c, const char *key, js_State *J, char **cause, int *failed)
{
	struct threshold *t;
	char *expr;
	int abort_on_fail = 0;
	double delay = -1;

	if (js_isstring(J, -1)) {
		expr = xstrdup(js_tostring(J, -1));
	} else if (js_isobject(J, -1)) {
		expr = opt_str(J, "threshold", NULL);
		abort_on_fail = opt_bool(J, "abortOnFail");
		delay = opt_duration(J, "delayAbortEval", -1);
		if (expr == NULL) {
			*cause = xasprintf("threshold on '%s': the object form needs a "
			    "'threshold' expression", key);
			*failed = 1;
			return;
		}
	} else {
		*cause = xasprintf("threshold on '%s': expected a string or an object", key);
		*failed = 1;
		return;
	}
	t = threshold_parse(expr, cause);
	free(expr);
	if (t == NULL) {
		*failed = 1;
		return;
	}
	t->abort_on_fail = abort_on_fail;
	t->delay_abort_eval_ms = delay;
	if (metric_registry_add_threshold(c->metrics, key, t, cause) == -1)
		*failed = 1;
}

/* options.thresholds into the registry; the options object is on top. */
static int
load_thresholds(struct coord *c, js_State *J, char **cause)
{
	const char *k;
	int failed = 0, i, n;
	char *key;

	js_getproperty(J, -1, "thresholds");
	if (js_isobject(J, -1) && !cli_flag(c->cli, "no-thresholds", 0)) {
		js_pushiterator(J, -1, 1);
		while (!failed && (k = js_nextiterator(J, -1)) != NULL) {
			key = xstrdup(k);
			js_getproperty(J, -2, key);
			if (js_isarray(J, -1)) {
				n = js_getlength(J, -1);
				for (i = 0; i < n && !failed; i++) {
					js_getindex(J, -1, i);
					add_threshold(c, key, J, cause, &failed);
					js_pop(J, 1);
				}
			} else {
				add_threshold(c, key, J, cause, &failed);
			}
			js_pop(J, 1);
			free(key);
		}
		js_pop(J, 1);
	}
	js_pop(J, 1);
	return failed ? -1 : 0;
}

/* ---- samples ---------------------------------------------------------- */

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

static const struct wire_handler handlers = {
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
	return ((struct vu *)arg)->state != VU_INIT;
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
static void
local_engine_free(struct coord *c, struct engine *e, struct vu *vu)
{
	uint64_t got, overflow;

	if (e == NULL)
		return;
	vu_free(vu);
	engine_flush(e);
	got = wire_reader_samples(c->local_reader);
	overflow = wire_reader_overflow(c->local_reader);
	if (got < (uint64_t)e->emitted) {
		log_msg(LOG_ERROR, NULL, "internal error: %llu of the %llu samples of "
		    "the coordinator's VU were lost",
		    (unsigned long long)((uint64_t)e->emitted - got),
		    (unsigned long long)e->emitted);
		c->lost += (uint64_t)e->emitted - got;
	}
	if (overflow > 0) {
		log_msg(LOG_ERROR, NULL, "%llu samples of the coordinator's VU lost "
		    "their tags: too many distinct tag sets", (unsigned long long)overflow);
		c->lost += overflow;
	}
	engine_free(e);
}

/* An engine with one VU (__VU 0) for the init pass, setup and teardown. */
static struct engine *
local_engine(struct coord *c, int with_opts, struct vu **vu, char **cause)
{
	struct engine *e;

	e = engine_new(-1, c->bundle, NULL, &c->opts, c->options_json, c->metrics, cause);
	if (e == NULL)
		return NULL;
	wire_reader_free(c->local_reader);
	c->local_reader = wire_reader_new(c->tagsets, &handlers, c);
	e->send = local_send;
	e->send_arg = c;
	e->setup_json = c->setup_json;
	e->abort_fn = local_abort;
	e->fail_fn = local_fail;
	e->abort_arg = c;
	*vu = vu_new(e, 0, NULL, cause);
	if (*vu == NULL) {
		engine_free(e);
		return NULL;
	}
	engine_run(e, vu_ready, *vu);
	if ((*vu)->state == VU_DEAD) {
		*cause = xstrdup(vu_init_error(*vu));
		local_engine_free(c, e, *vu);
		return NULL;
	}
	(void)with_opts;
	return e;
}

/* Run setup() or teardown() in group ::name.  Returns an exit code. */
static int
lifecycle(struct coord *c, const char *fn, double timeout_ms, int timeout_code,
    char **result)
{
	struct engine *e;
	struct vu *vu;
	char *cause = NULL, *group;
	int rc;

	*result = NULL;
	if ((e = local_engine(c, 1, &vu, &cause)) == NULL) {
		log_msg(LOG_ERROR, "hint=\"script exception\"", "%s", cause);
		free(cause);
		return EXIT_SCRIPT_EXCEPTION;
	}
	group = xasprintf("::%s", fn);
	free(vu->group);
	vu->group = group;
	if (engine_system_tag(e, "group"))
		vu->tags = engine_tags_with(e, vu->tags, "group", group);
	rc = vu_call(vu, fn, strcmp(fn, "teardown") == 0 ? c->setup_json : NULL,
	    timeout_ms, result, &cause);
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
		log_msg(LOG_ERROR, "hint=\"script exception\"", "%s", cause);
		free(cause);
		return EXIT_SCRIPT_EXCEPTION;
	}
	return EXIT_OK;
}

/* ---- workers ------------------------------------------------------------ */

struct worker_ctx {
	struct engine	*e;
	struct ring	*ring;
	int		 ctl_in, ctl_out;
	int		 start;
	struct event	*vus_ev;
};

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
		if (cmd[i] == CTL_START)
			w->start = 1;
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

	return w->start || w->e->stopping;
}

static int
worker_ready(void *arg)
{
	return executor_all_ready(arg);
}

static int
worker_done(void *arg)
{
	return ((struct engine *)arg)->done;
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

static void
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

static void __attribute__((noreturn))
worker_main(struct coord *c, int k)
{
	static struct beat beat;
	pthread_t beat_tid;
	sigset_t all, old;
	struct worker_proc *wp = &c->workers[k];
	struct worker_ctx w;
	struct timeval sec = { 1, 0 };
	struct event *ctl_ev;
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
	memset(&w, 0, sizeof w);
	w.ring = wp->ring;
	w.ctl_in = wp->ctl_to;
	w.ctl_out = wp->ctl_from;
	signal(SIGINT, SIG_IGN);	/* the coordinator decides */
	signal(SIGTERM, SIG_DFL);
	signal(SIGPIPE, SIG_IGN);
	for (i = 0; i < c->nworkers; i++)
		if (i != k) {
			ring_free(c->workers[i].ring);
			close(c->workers[i].ctl_to);
			close(c->workers[i].ctl_from);
		}
	w.e = engine_new(k, c->bundle, &c->plan, &c->opts, c->options_json,
	    metric_registry_new(), &cause);
	if (w.e == NULL)
		goto broken;
	w.e->send = ring_send;
	w.e->send_arg = w.ring;
	w.e->setup_json = c->setup_json;
	w.e->abort_fn = worker_abort;
	w.e->fail_fn = worker_fail;
	w.e->abort_arg = &w;
	segment_split(&c->seg, k, c->nworkers, &w.e->seg);
	w.e->machine = c->seg;
	w.e->next_vu_id = wp->vu_base;
	w.e->instance = c->instance;
	w.e->ninstance = c->nworkers;
	ctl_ev = event_new(w.e->base, w.ctl_in, EV_READ | EV_PERSIST, worker_ctl_cb, &w);
	event_add(ctl_ev, NULL);
	w.vus_ev = event_new(w.e->base, -1, EV_PERSIST, worker_vus_cb, &w);
	if (executor_setup(w.e, &cause) == -1)
		goto broken;
	engine_run(w.e, worker_ready, w.e);
	if ((err = executor_init_error(w.e)) != NULL) {
		cause = xstrdup(err);
		goto fail;
	}
	ctl_write(w.ctl_out, (char[]){ CTL_READY }, 1);
	engine_run(w.e, worker_started, &w);
	if (!w.e->stopping) {
		/* The first status comes 100 ms after the start, when the
		 * VUs the start activates all run (a status sent at once
		 * would count only those that had begun), before the
		 * coordinator's first sample at 1 s. */
		struct timeval first = { 0, 100000 };

		event_add(w.vus_ev, &sec);
		event_base_once(w.e->base, -1, EV_TIMEOUT, worker_vus_cb, &w, &first);
		executor_start(w.e);
		engine_run(w.e, worker_done, w.e);
	}
	event_del(w.vus_ev);
	worker_vus_cb(-1, 0, &w);
	if (log_enabled(LOG_DEBUG)) {
		log_msg(LOG_DEBUG, NULL, "worker %d: %zu names interned and %zu "
		    "scripts compiled, shared by its VUs", k, intern_count(),
		    scriptcache_count());
		log_msg(LOG_DEBUG, NULL, "worker %d: %zu collections between "
		    "iterations; largest VU heap at an iteration's end %zu KiB",
		    k, w.e->js_collections, w.e->js_peak >> 10);
	}
	engine_send_done(w.e);
	/* Every message must reach the coordinator before we go. */
	while (w.e->nbacklog > 0) {
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

/* ---- the coordinator's loop -------------------------------------------- */

static int
all_finished(struct coord *c)
{
	int i;

	for (i = 0; i < c->nworkers; i++)
		if (!c->workers[i].done && !c->workers[i].dead)
			return 0;
	return 1;
}

static void
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

static void
ring_cb(evutil_socket_t fd, short what, void *arg)
{
	struct worker_proc *wp = arg;

	ring_ack(wp->ring);
	drain_ring(the_coord, wp);
}

static void
stop_workers(struct coord *c)
{
	int i;

	for (i = 0; i < c->nworkers; i++)
		if (!c->workers[i].done && !c->workers[i].dead)
			ctl_write(c->workers[i].ctl_to, (char[]){ CTL_STOP }, 1);
}

static void
ctl_cb(evutil_socket_t fd, short what, void *arg)
{
	struct worker_proc *wp = arg;
	struct coord *c = the_coord;
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
static void
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

static void
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

static void
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
static volatile sig_atomic_t early_signals;

static void
early_stop(int sig)
{
	static const char msg[] = "lyocell: stopping (press Ctrl+C again to stop "
	    "at once)\n";

	if (++early_signals > 1)
		hard_stop(sig);
	if (write(STDERR_FILENO, msg, sizeof msg - 1) < 0)
		(void)0;
}

static void
early_catch(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = early_stop;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
}

static void
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
static void
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

static void
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
		    c->no_tags, vus);
	if (max > 0)
		aggregator_add(c->agg, metric_registry_get(c->metrics, "vus_max")->id,
		    c->no_tags, max);
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

static void
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
static void
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

static int
online_cpus(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n > 0 ? (int)n : 1;
}

/* Fork the workers and run the coordinator's loop until they are done. */
static int
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

		wp->reader = wire_reader_new(c->tagsets, &handlers, c);
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
		if (ready || failed || c->signals)
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
	if (c->abort_reason != NULL || c->broken != NULL || c->signals) {
		stop_workers(c);
	} else {
		c->t_start = engine_now();
		c->started = 1;
		/* Ticks count from the start, as k6's samples of vus do. */
		event_add(c->tick_ev, &sec);
		for (i = 0; i < c->nworkers; i++)
			ctl_write(c->workers[i].ctl_to, (char[]){ CTL_START }, 1);
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

static void
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

/* ---- the end of the test ------------------------------------------------ */

static void
md5_hex(const char *s, char out[33])
{
	unsigned char d[EVP_MAX_MD_SIZE];
	unsigned int n = 0, i;

	EVP_Digest(s, strlen(s), d, &n, EVP_md5(), NULL);
	for (i = 0; i < n && i < 16; i++)
		snprintf(out + 2 * i, 3, "%02x", d[i]);
	out[32] = '\0';
}

/* A number as JSON, in the shortest form that reads back exactly. */
static void
json_number(struct buf *b, double v)
{
	format_float_g(b, isfinite(v) ? v : 0);
}

static void
json_sink_values(struct buf *b, const struct metric *m, const struct sink *s,
    const char *trend_stats, double dur)
{
	const char *const *stats;
	const char *p, *q;
	double v;
	size_t n, i;
	int first = 1;

	buf_putc(b, '{');
	if (m->type == SINK_TREND) {
		/* One key per summaryTrendStats entry. */
		for (p = trend_stats; *p != '\0'; p = *q ? q + 1 : q) {
			char stat[64];

			q = strchr(p, ',');
			if (q == NULL)
				q = p + strlen(p);
			snprintf(stat, sizeof stat, "%.*s", (int)(q - p), p);
			if (sink_value(s, stat, dur, &v) == -1)
				continue;
			buf_printf(b, "%s\"%s\":", first ? "" : ",", stat);
			json_number(b, v);
			first = 0;
		}
	} else {
		stats = sink_stats(m->type, &n);
		for (i = 0; i < n; i++) {
			if (sink_value(s, stats[i], dur, &v) == -1)
				continue;
			buf_printf(b, "%s\"%s\":", first ? "" : ",", stats[i]);
			json_number(b, v);
			first = 0;
		}
	}
	buf_putc(b, '}');
}

/* The thresholds of a metric: their results, their order (mujs sorts
 * object keys), and the value of every statistic they read, for those
 * summaryTrendStats does not show. */
static void
json_thresholds(struct buf *b, struct threshold **t, size_t n, const struct sink *s,
    double dur)
{
	char stat[64];
	double v;
	size_t i;

	buf_puts(b, ",\"thresholds\":{");
	for (i = 0; i < n; i++) {
		if (i > 0)
			buf_putc(b, ',');
		format_json_cstring(b, t[i]->source, FORMAT_JSON_BF);
		buf_printf(b, ":{\"ok\":%s}", t[i]->failed ? "false" : "true");
	}
	buf_puts(b, "},\"thresholdOrder\":[");
	for (i = 0; i < n; i++) {
		if (i > 0)
			buf_putc(b, ',');
		format_json_cstring(b, t[i]->source, FORMAT_JSON_BF);
	}
	buf_puts(b, "],\"thresholdValues\":{");
	for (i = 0; i < n; i++) {
		threshold_stat(t[i], stat, sizeof stat);
		if (sink_value(s, stat, dur, &v) == -1)
			v = 0;
		if (i > 0)
			buf_putc(b, ',');
		format_json_cstring(b, stat, FORMAT_JSON_BF);
		buf_putc(b, ':');
		json_number(b, v);
	}
	buf_putc(b, '}');
}

/* The raw results the summary code turns into k6's data object. */
static char *
results_json(struct coord *c, double dur)
{
	const struct aggregator_check *checks;
	char *const *groups;
	size_t nchecks, ngroups;
	struct buf b = BUF_INIT;
	const char *trend;
	char *stats, id[33];
	size_t i, j;
	int first = 1;

	js_getproperty(c->cj, -1, "options");
	js_getproperty(c->cj, -1, "summaryTrendStats");
	js_getproperty(c->cj, -1, "join");
	js_rot2(c->cj);
	js_pushliteral(c->cj, ",");
	js_call(c->cj, 1);
	stats = xstrdup(js_tostring(c->cj, -1));
	js_pop(c->cj, 2);
	trend = stats;

	buf_puts(&b, "{\"metrics\":{");
	for (i = 0; i < metric_registry_count(c->metrics); i++) {
		struct metric *m = metric_registry_at(c->metrics, i);

		if (!m->observed && m->nthresholds == 0)
			continue;
		buf_printf(&b, "%s", first ? "" : ",");
		first = 0;
		format_json_cstring(&b, m->name, FORMAT_JSON_BF);
		buf_printf(&b, ":{\"type\":\"%s\",\"contains\":\"%s\",\"values\":",
		    sink_type_name(m->type), metric_contains_name(m->contains));
		json_sink_values(&b, m, m->sink, trend, dur);
		if (m->nthresholds > 0)
			json_thresholds(&b, m->thresholds, m->nthresholds, m->sink, dur);
		buf_putc(&b, '}');
		for (j = 0; j < m->nsubs; j++) {
			struct metric_sub *sub = m->subs[j];

			/* As k6: a sub-metric without samples or thresholds
			 * (expected_response:true when none was) is left out. */
			if (!sub->observed)
				continue;
			buf_putc(&b, ',');
			format_json_cstring(&b, sub->name, FORMAT_JSON_BF);
			buf_printf(&b, ":{\"type\":\"%s\",\"contains\":\"%s\",\"values\":",
			    sink_type_name(m->type), metric_contains_name(m->contains));
			json_sink_values(&b, m, sub->sink, trend, dur);
			if (sub->nthresholds > 0)
				json_thresholds(&b, sub->thresholds, sub->nthresholds, sub->sink,
				    dur);
			buf_putc(&b, '}');
		}
	}
	checks = aggregator_checks(c->agg, &nchecks);
	groups = aggregator_groups(c->agg, &ngroups);
	buf_puts(&b, "},\"checks\":[");
	for (i = 0; i < nchecks; i++) {
		char *path = xasprintf("%s::%s", checks[i].group, checks[i].name);

		md5_hex(path, id);
		buf_printf(&b, "%s{\"group\":", i ? "," : "");
		format_json_cstring(&b, checks[i].group, FORMAT_JSON_BF);
		buf_puts(&b, ",\"name\":");
		format_json_cstring(&b, checks[i].name, FORMAT_JSON_BF);
		buf_puts(&b, ",\"path\":");
		format_json_cstring(&b, path, FORMAT_JSON_BF);
		buf_printf(&b, ",\"id\":\"%s\",\"passes\":%llu,\"fails\":%llu}", id,
		    (unsigned long long)checks[i].passes,
		    (unsigned long long)checks[i].fails);
		free(path);
	}
	buf_puts(&b, "],\"groups\":[");
	for (i = 0; i < ngroups; i++) {
		md5_hex(groups[i], id);
		buf_printf(&b, "%s{\"path\":", i ? "," : "");
		format_json_cstring(&b, groups[i], FORMAT_JSON_BF);
		buf_printf(&b, ",\"id\":\"%s\"}", id);
	}
	md5_hex("", id);
	buf_printf(&b, "],\"rootId\":\"%s\",\"testRunDurationMs\":%.6f,"
	    "\"isStdOutTTY\":%s,\"isStdErrTTY\":%s,\"setupData\":%s}", id, dur * 1000,
	    isatty(1) ? "true" : "false", isatty(2) ? "true" : "false",
	    c->setup_json ? c->setup_json : "null");
	free(stats);
	return buf_steal(&b);
}

/* Write handleSummary's outputs: "stdout", "stderr" or a file path.
 * 0, or -1 when one could not be written (each is reported). */
static int
write_outputs(js_State *J)
{
	const char *k;
	char *cause = NULL;
	int rc = 0;

	js_pushiterator(J, -1, 1);
	while ((k = js_nextiterator(J, -1)) != NULL) {
		const char *text;

		js_getproperty(J, -2, k);
		text = js_tostring(J, -1);
		if (strcmp(k, "stderr") == 0) {
			if (fputs(text, stderr) == EOF || fflush(stderr) != 0)
				rc = -1;	/* nowhere to say so */
		} else if (outfile_save(strcmp(k, "stdout") == 0 ? "-" : k, text,
		    strlen(text), &cause) == -1) {
			log_msg(LOG_ERROR, NULL, "failed to handle the end-of-test summary: "
			    "%s", cause);
			free(cause);
			cause = NULL;
			rc = -1;
		}
		js_pop(J, 1);
	}
	js_pop(J, 1);
	return rc;
}

/* Print or write the summary; 0, or -1 when a part of it was lost (each
 * loss is reported). */
static int
summarize(struct coord *c, double dur, int handle_summary)
{
	js_State *J = c->cj;
	const char *mode = cli_get(c->cli, "summary-mode");
	const char *export = cli_get(c->cli, "summary-export");
	char *raw = results_json(c, dur), *result = NULL, *cause = NULL, *data;
	int no_summary = cli_flag(c->cli, "no-summary", 0) ||
	    (mode != NULL && strcmp(mode, "disabled") == 0);
	int rc = 0;

	/* data = __ly_summary.data(raw, options) */
	js_getglobal(J, "__ly_summary");
	js_getproperty(J, -1, "data");
	js_rot2(J);
	js_getglobal(J, "JSON");
	js_getproperty(J, -1, "parse");
	js_rot2(J);
	js_pushstring(J, raw);
	js_call(J, 1);
	js_copy(J, -4);		/* the consolidation result */
	js_getproperty(J, -1, "options");
	js_rot2(J);
	js_pop(J, 1);
	js_pushboolean(J, !cli_flag(c->cli, "no-color", 0));
	if (js_pcall(J, 3)) {
		log_msg(LOG_ERROR, NULL, "internal error in the summary: %s",
		    js_trystring(J, -1, "?"));
		js_pop(J, 1);
		free(raw);
		return -1;
	}
	free(raw);
	js_getglobal(J, "JSON");
	js_getproperty(J, -1, "stringify");
	js_rot2(J);
	js_copy(J, -3);
	js_call(J, 1);
	data = xstrdup(js_tostring(J, -1));
	js_pop(J, 1);

	if (export != NULL && !no_summary) {
		js_getglobal(J, "__ly_summary");
		js_getproperty(J, -1, "exportJSON");
		js_rot2(J);
		js_copy(J, -3);
		js_call(J, 1);
		if (outfile_save(export, js_tostring(J, -1), strlen(js_tostring(J, -1)),
		    &cause) == -1) {
			log_msg(LOG_ERROR, NULL, "--summary-export: %s", cause);
			free(cause);
			cause = NULL;
			rc = -1;
		}
		js_pop(J, 1);
	}
	if (no_summary) {
		js_pop(J, 1);
		free(data);
		return rc;
	}
	if (handle_summary) {
		struct engine *e;
		struct vu *vu;

		if ((e = local_engine(c, 1, &vu, &cause)) != NULL) {
			int called = vu_call(vu, "handleSummary", data, 120000, &result,
			    &cause);

			local_engine_free(c, e, vu);
			if (called == 0 && result != NULL) {
				js_getglobal(J, "JSON");
				js_getproperty(J, -1, "parse");
				js_rot2(J);
				js_pushstring(J, result);
				js_call(J, 1);
				if (js_isobject(J, -1)) {
					if (write_outputs(J) == -1)
						rc = -1;
				} else
					js_pop(J, 1);
				free(result);
				js_pop(J, 1);
				free(data);
				return rc;
			}
			free(result);
		}
		log_msg(LOG_ERROR, NULL, "failed to handle the end-of-test summary: %s",
		    cause ? cause : "handleSummary() returned nothing");
		free(cause);
	}
	/* The text summary. */
	js_getglobal(J, "__ly_summary");
	js_getproperty(J, -1, "text");
	js_rot2(J);
	js_copy(J, -3);
	js_pushstring(J, mode ? mode : "compact");
	if (js_pcall(J, 2)) {
		log_msg(LOG_ERROR, NULL, "internal error in the summary: %s",
		    js_trystring(J, -1, "?"));
		rc = -1;
	} else if (outfile_save("-", js_tostring(J, -1), strlen(js_tostring(J, -1)),
	    &cause) == -1) {
		log_msg(LOG_ERROR, NULL, "the end-of-test summary: %s", cause);
		free(cause);
		rc = -1;
	}
	js_pop(J, 2);
	free(data);
	return rc;
}

static void
banner(struct coord *c)
{
	char total[32], *desc;
	size_t i;

	if (c->quiet && !c->tty)
		return;
	printf("\n  execution: local\n     script: %s\n     output: ", c->script);
	for (i = 0; i < c->noutputs; i++)
		printf("%s%s", i ? ", " : "", output_describe(c->outputs[i]));
	printf("%s\n\n", c->noutputs ? "" : "-");
	duration_format(c->plan.total_duration, total, sizeof total);
	printf("  scenarios: (%.2f%%) %zu scenario%s, %lld max VUs, %s max duration "
	    "(incl. graceful stop):\n", segment_fraction(&c->seg) * 100, c->plan.n,
	    c->plan.n == 1 ? "" : "s", (long long)c->plan.max_vus, total);
	for (i = 0; i < c->plan.n; i++) {
		const struct scenario *sc = &c->plan.scenarios[i];
		char start[32];

		desc = scenario_describe(sc);
		printf("           * %s: %s", sc->name, desc);
		if (sc->start_time > 0)
			printf(", startTime: %s", duration_format(sc->start_time, start, sizeof start));
		if (strcmp(sc->exec, "default") != 0)
			printf(", exec: %s", sc->exec);
		printf("\n");
		free(desc);
	}
	printf("\n");
	fflush(stdout);
}

static int
has_export(const char *functions, const char *name)
{
	char *q = xasprintf("\"%s\"", name);
	int found = functions != NULL && strstr(functions, q) != NULL;

	free(q);
	return found;
}

/* Compile, run the init pass and consolidate: what run and inspect share.
 * Leaves the consolidation result on c->cj's stack. */
static int
prepare(struct coord *c, char **functions)
{
	struct engine *e;
	struct vu *vu;
	char *cause = NULL, *script_options = NULL;
	const char *seg;
	int64_t planned;
	int code = EXIT_OK;

	c->metrics = metric_registry_new();
	c->tagsets = tagset_table_new(0);
	c->agg = aggregator_new(c->metrics, c->tagsets);
	tagset_intern(c->tagsets, NULL, 0, &c->no_tags, &cause);
	the_coord = c;
	segment_full(&c->seg);
	if (((seg = cli_get(c->cli, "execution-segment")) != NULL &&
	    segment_parse(seg, &c->seg, &cause) == -1) ||
	    ((seg = cli_get(c->cli, "execution-segment-sequence")) != NULL &&
	    segment_apply_sequence(&c->seg, seg, &cause) == -1)) {
		log_msg(LOG_ERROR, NULL, "%s", cause);
		free(cause);
		return EXIT_INVALID_CONFIG;
	}
	c->bundle = bundle_build(c->script, modules_names(), &cause);
	if (c->bundle == NULL) {
		log_msg(LOG_ERROR, NULL, "%s", cause);
		free(cause);
		return EXIT_SCRIPT_EXCEPTION;
	}
	build_env(c);
	if ((e = local_engine(c, 0, &vu, &cause)) == NULL) {
		log_msg(LOG_ERROR, "hint=\"script exception\"", "%s", cause);
		free(cause);
		return EXIT_SCRIPT_EXCEPTION;
	}
	if (script_exports(vu, &script_options, functions, &cause) == -1) {
		local_engine_free(c, e, vu);
		log_msg(LOG_ERROR, NULL, "%s", cause);
		free(cause);
		return EXIT_INVALID_CONFIG;
	}
	local_engine_free(c, e, vu);
	if (strcmp(*functions, "[]") == 0) {
		log_msg(LOG_ERROR, NULL, "%s: no exported functions in script", c->script);
		free(script_options);
		return EXIT_INVALID_CONFIG;
	}

	c->cj = js_newstate(NULL, NULL, 0);
	defaults_define(c->cj);
	if (runtime_load(c->cj, &cause) == -1 ||
	    runtime_load_files(c->cj, coordinator_files, coordinator_files_n, &cause) == -1) {
		log_msg(LOG_ERROR, NULL, "internal error: %s", cause);
		free(cause);
		free(script_options);
		return EXIT_INTERNAL;
	}
	if (consolidate(c, script_options, *functions, &cause, &code) == -1) {
		log_msg(LOG_ERROR, NULL, "%s", cause);
		free(cause);
		free(script_options);
		return code;
	}
	free(script_options);
	/* The stack: [result]. */
	js_getproperty(c->cj, -1, "warnings");
	if (js_isarray(c->cj, -1)) {
		int i, n = js_getlength(c->cj, -1);

		for (i = 0; i < n; i++) {
			js_getindex(c->cj, -1, i);
			log_msg(LOG_WARN, NULL, "%s", js_tostring(c->cj, -1));
			js_pop(c->cj, 1);
		}
	}
	js_pop(c->cj, 1);
	js_getproperty(c->cj, -1, "scenarios");
	if (plan_from_js(c->cj, -1, &c->plan, &cause) == -1) {
		log_msg(LOG_ERROR, NULL, "%s", cause);
		free(cause);
		return EXIT_INTERNAL;
	}
	js_pop(c->cj, 1);
	/* This machine's share, as k6 prints it for its segment. */
	executor_pool_size(&c->plan, &c->seg, &planned, &c->plan.max_vus,
	    &c->plan.total_duration);
	/* inspect's maxVUs and totalDuration: k6's, from the plan's steps. */
	js_getproperty(c->cj, -1, "plan");
	if (js_isobject(c->cj, -1)) {
		js_pushnumber(c->cj, (double)c->plan.max_vus);
		js_setproperty(c->cj, -2, "maxVUs");
		js_pushnumber(c->cj, c->plan.total_duration);
		js_setproperty(c->cj, -2, "totalDuration");
	}
	js_pop(c->cj, 1);
	js_getproperty(c->cj, -1, "options");
	read_runopts(c, c->cj);
	if (load_thresholds(c, c->cj, &cause) == -1) {
		js_pop(c->cj, 1);
		log_msg(LOG_ERROR, NULL, "%s", cause);
		free(cause);
		return EXIT_INVALID_CONFIG;
	}
	if (engine_system_tag_default(&c->opts, "expected_response"))
		metric_registry_sub(c->metrics, "http_req_duration{expected_response:true}",
		    &cause);
	free(cause);
	js_getglobal(c->cj, "JSON");
	js_getproperty(c->cj, -1, "stringify");
	js_rot2(c->cj);
	js_copy(c->cj, -3);
	js_call(c->cj, 1);
	c->options_json = xstrdup(js_tostring(c->cj, -1));
	js_pop(c->cj, 2);
	return EXIT_OK;
}

/* Every sample a worker emitted must have arrived: the last count of its
 * final status message is how many it emitted.  Returns the number lost
 * (reported), counting nothing for workers that died. */
static uint64_t
lost_samples(struct coord *c)
{
	uint64_t lost = 0, sent, got;
	int i;

	for (i = 0; i < c->nworkers; i++) {
		struct worker_proc *wp = &c->workers[i];

		if (wp->broken) {
			/* Its counts stopped with the stream: how many went
			 * missing is unknown, but some did. */
			log_msg(LOG_ERROR, NULL, "worker %d: the samples of %llu messages "
			    "after a broken one were lost", i, (unsigned long long)wp->dropped);
			lost += wp->dropped > 0 ? wp->dropped : 1;
			continue;
		}
		if (wp->dead || !wp->done || wp->ncounts != 2 * c->plan.n + 1)
			continue;
		sent = wp->counts[2 * c->plan.n];
		got = wire_reader_samples(wp->reader);
		if (got < sent) {
			log_msg(LOG_ERROR, NULL, "worker %d: %llu of its %llu samples were lost",
			    i, (unsigned long long)(sent - got), (unsigned long long)sent);
			lost += sent - got;
		}
	}
	for (i = 0; i < c->nworkers; i++)
		if (c->workers[i].reader != NULL && wire_reader_overflow(c->workers[i].reader) > 0) {
			log_msg(LOG_ERROR, NULL, "worker %d: %llu samples lost their tags: too "
			    "many distinct tag sets", i,
			    (unsigned long long)wire_reader_overflow(c->workers[i].reader));
			lost += wire_reader_overflow(c->workers[i].reader);
		}
	return lost;
}

/* Every aggregated sample goes to every output, tags sorted by key. */
static void
to_outputs(void *arg, const struct metric *m, uint32_t tags, const struct wire_sample *ws)
{
	struct coord *c = arg;
	struct output_sample os;
	size_t i;

	memset(&os, 0, sizeof os);
	os.metric = m;
	os.tags = tags ? tagset_get(c->tagsets, tags, &os.ntags) : NULL;
	os.time = ws->time;
	os.value = ws->value;
	if (ws->flags & WIRE_SAMPLE_META) {
		os.has_meta = 1;
		os.vu = ws->vu;
		os.iter = ws->iter;
	}
	if (ws->flags & WIRE_SAMPLE_UMETA) {
		os.meta = ws->meta;
		os.meta_len = ws->meta_len;
	}
	for (i = 0; i < c->noutputs; i++)
		output_add(c->outputs[i], &os);
}

/* Create and start the --out outputs; an exit code. */
static int
start_outputs(struct coord *c)
{
	const char **outs;
	char *cause = NULL;
	size_t i, n = cli_all(c->cli, "out", &outs);
	int rc = EXIT_OK;

	if (n > 0 && c->base == NULL)
		c->base = event_base_new();
	for (i = 0; i < n && rc == EXIT_OK; i++) {
		struct output *o = output_new(outs[i], c->base, c->metrics, &cause);

		if (o == NULL || output_start(o, &cause) == -1) {
			log_msg(LOG_ERROR, NULL, "--out %s: %s", outs[i], cause);
			free(cause);
			output_free(o);
			rc = EXIT_USAGE;
			break;
		}
		c->outputs = xreallocarray(c->outputs, c->noutputs + 1, sizeof *c->outputs);
		c->outputs[c->noutputs++] = o;
	}
	free(outs);
	if (c->noutputs > 0)
		aggregator_set_listener(c->agg, to_outputs, c);
	return rc;
}

/* Flush and close the outputs after the coordinator's loop; losses are
 * reported, the summary still comes.  0, or -1 when an output lost some. */
static int
stop_outputs(struct coord *c)
{
	char *cause = NULL;
	size_t i;
	int rc = 0;

	for (i = 0; i < c->noutputs; i++) {
		if (output_stop(c->outputs[i], 5000, &cause) == -1) {
			log_msg(LOG_ERROR, NULL, "%s", cause);
			free(cause);
			cause = NULL;
			rc = -1;
		}
		output_free(c->outputs[i]);
	}
	free(c->outputs);
	c->outputs = NULL;
	c->noutputs = 0;
	return rc;
}

/* Flags whose values only the coordinator can judge.  An exit code, or
 * EXIT_OK. */
static int
check_flags(const struct cli *cli)
{
	const char *stats;
	char *cause = NULL, *list, *item, *save = NULL;
	int rc = EXIT_OK;

	if (log_configure(cli_get(cli, "log-output"), cli_get(cli, "log-format"),
	    &cause) == -1) {
		log_msg(LOG_ERROR, NULL, "%s", cause);
		free(cause);
		return EXIT_USAGE;
	}
	if ((stats = cli_get(cli, "summary-trend-stats")) != NULL) {
		list = xstrdup(stats);
		for (item = strtok_r(list, ",", &save); item != NULL && rc == EXIT_OK;
		    item = strtok_r(NULL, ",", &save))
			if (sink_trend_stat_check(item, &cause) == -1) {
				log_msg(LOG_ERROR, NULL, "--summary-trend-stats: %s", cause);
				free(cause);
				rc = EXIT_INVALID_CONFIG;
			}
		free(list);
	}
	return rc;
}

static void
coord_free(struct coord *c)
{
	size_t i;

	for (i = 0; i < c->noutputs; i++)
		output_free(c->outputs[i]);
	free(c->outputs);
	if (c->instance != NULL)
		munmap(c->instance, (size_t)c->nworkers * sizeof *c->instance);
	if (c->beats != NULL)
		munmap(c->beats, (size_t)c->nworkers * sizeof *c->beats);
	free_workers(c);
	wire_reader_free(c->local_reader);
	aggregator_free(c->agg);
	plan_free(&c->plan);
	free_runopts(&c->opts);
	free(c->options_json);
	free(c->setup_json);
	free(c->abort_reason);
	free(c->broken);
	if (c->cj != NULL)
		js_freestate(c->cj);
	bundle_free(c->bundle);
	metric_registry_free(c->metrics);
	tagset_table_free(c->tagsets);
}

int
coordinator_inspect(const struct cli *cli)
{
	struct coord c;
	char *functions = NULL, *cause = NULL, *es5;
	int rc;
	size_t i;

	memset(&c, 0, sizeof c);
	c.cli = cli;
	c.script = cli->args[0];
	log_init(cli_flag(cli, "verbose", 0), 0);
	if ((rc = check_flags(cli)) != EXIT_OK)
		return rc;
	if (cli_flag(cli, "bundle", 0)) {
		struct bundle *b = bundle_build(c.script, modules_names(), &cause);

		if (b == NULL) {
			log_msg(LOG_ERROR, NULL, "%s", cause);
			free(cause);
			return EXIT_SCRIPT_EXCEPTION;
		}
		for (i = 0; i < b->nunits; i++) {
			printf("// %s (%s)\n", b->units[i].name, b->units[i].id);
			es5 = b->units[i].es5;
			fputs(es5, stdout);
			if (*es5 != '\0' && es5[strlen(es5) - 1] != '\n')
				putchar('\n');
		}
		bundle_free(b);
		return EXIT_OK;
	}
	rc = prepare(&c, &functions);
	if (rc == EXIT_OK) {
		js_State *J = c.cj;

		js_getglobal(J, "__ly_options");
		js_getproperty(J, -1, "inspect");
		js_rot2(J);
		js_copy(J, -3);
		js_pushboolean(J, cli_flag(cli, "execution-requirements", 0));
		js_call(J, 2);
		printf("%s\n", js_tostring(J, -1));
		js_pop(J, 1);
	}
	free(functions);
	coord_free(&c);
	return rc;
}

/* libevent's own complaints (no pipes when files run out, say), as log
 * lines rather than bare "[err]" lines on stderr. */
static void
libevent_log(int severity, const char *msg)
{
	log_msg(severity >= EVENT_LOG_ERR ? LOG_ERROR : severity == EVENT_LOG_WARN ?
	    LOG_WARN : LOG_DEBUG, NULL, "libevent: %s", msg);
}

int
coordinator_run(const struct cli *cli)
{
	struct coord c;
	char *functions = NULL, *cause = NULL, *teardown_result = NULL, *breached = NULL;
	const char *w, *logfile;
	int rc, code = EXIT_OK, setup_failed = 0, unwritten, err;
	uint64_t lost;
	double dur;

	memset(&c, 0, sizeof c);
	c.cli = cli;
	c.script = cli->args[0];
	c.quiet = cli_flag(cli, "quiet", 0);
	c.tty = isatty(1);
	log_init(cli_flag(cli, "verbose", 0), !cli_flag(cli, "no-color", 0));
	if ((rc = check_flags(cli)) != EXIT_OK)
		return rc;
	heartbeat_init(&c.heartbeat, cli, c.tty && !c.quiet);
	raise_nofile();
	event_set_log_callback(libevent_log);
	signal(SIGPIPE, SIG_IGN);
	early_catch();
	if (cli_get(cli, "console-output") != NULL)
		modules_console_output(cli_get(cli, "console-output"));
	if ((rc = secret_sources(cli)) != EXIT_OK)
		return rc;

	if ((rc = prepare(&c, &functions)) != EXIT_OK)
		goto out;
	if (early_signals) {
		/* Stopped in the init code: nothing ran yet. */
		rc = EXIT_EXTERNAL_ABORT;
		goto out;
	}
	if ((rc = start_outputs(&c)) != EXIT_OK)
		goto out;
	c.nworkers = (w = cli_get(cli, "workers")) != NULL ? atoi(w) : online_cpus();
	if (c.nworkers < 1)
		c.nworkers = 1;
	if (c.plan.max_vus > 0 && c.nworkers > c.plan.max_vus)
		c.nworkers = (int)c.plan.max_vus;
	c.workers = xcalloc((size_t)c.nworkers, sizeof *c.workers);
	c.worker_timeout = 30 * (int64_t)NS_PER_S;
	if ((w = cli_get(cli, "worker-timeout")) != NULL) {
		double ms;

		if (duration_parse(w, &ms) == 0 && ms > 0)
			c.worker_timeout = ms_to_ns(ms);
	}
	warn_nofile(&c);
	banner(&c);
	if (c.tty && !c.quiet)
		log_screen_init();

	if (has_export(functions, "setup") && !cli_flag(cli, "no-setup", 0)) {
		double timeout = 60000;

		js_getproperty(c.cj, -1, "options");
		timeout = opt_duration(c.cj, "setupTimeout", K6_DEFAULT(setupTimeout));
		js_pop(c.cj, 1);
		/* As in k6, a failed setup() ends the test, but what it
		 * measured still makes a summary. */
		if ((code = lifecycle(&c, "setup", timeout, EXIT_SETUP_TIMEOUT,
		    &c.setup_json)) != EXIT_OK) {
			setup_failed = 1;
			goto summary;
		}
	}
	if (run_workers(&c, &cause) == -1) {
		log_msg(LOG_ERROR, NULL, "%s", cause);
		free(cause);
		rc = EXIT_INTERNAL;
		goto out;
	}
	if (c.broken != NULL && !c.started) {
		/* Not the script's fault: no memory, processes or files. */
		log_msg(LOG_ERROR, NULL, "%s", c.broken);
		rc = EXIT_INTERNAL;
		goto out;
	}
	if (c.abort_reason != NULL && !c.started) {
		/* A VU's init code failed in a worker. */
		log_msg(LOG_ERROR, "hint=\"script exception\"", "%s", c.abort_reason);
		rc = EXIT_SCRIPT_EXCEPTION;
		goto out;
	}
	if (has_export(functions, "teardown") && !cli_flag(cli, "no-teardown", 0)) {
		double timeout;

		js_getproperty(c.cj, -1, "options");
		timeout = opt_duration(c.cj, "teardownTimeout", K6_DEFAULT(teardownTimeout));
		js_pop(c.cj, 1);
		code = lifecycle(&c, "teardown", timeout, EXIT_TEARDOWN_TIMEOUT,
		    &teardown_result);
		free(teardown_result);
	}
summary:
	unwritten = stop_outputs(&c) == -1;
	lost = lost_samples(&c) + c.lost;
	dur = c.started ? ns_to_s(c.t_end - c.t_start) : 0;
	metric_registry_eval(c.metrics, dur, true, &breached, NULL);
	if (summarize(&c, dur, has_export(functions, "handleSummary")) == -1)
		unwritten = 1;
	if (log_lost(&logfile, &err) > 0) {
		/* Not through the log, which is what failed. */
		unsigned long n = log_lost(&logfile, &err);

		fprintf(stderr, "lyocell: %lu log line%s not written to %s: %s\n",
		    n, n == 1 ? " was" : "s were", logfile, strerror(err));
		unwritten = 1;
	}
	if (c.signals || early_signals)
		rc = EXIT_EXTERNAL_ABORT;
	else if (setup_failed)
		rc = code;
	else if (c.aborted)
		rc = EXIT_SCRIPT_ABORTED;
	else if (breached != NULL) {
		log_msg(LOG_ERROR, NULL, "thresholds on metrics '%s' have been crossed",
		    breached);
		/* Thresholds judged without the lost samples prove nothing. */
		rc = lost > 0 || c.failed_workers > 0 ? EXIT_INTERNAL :
		    EXIT_THRESHOLDS_FAILED;
	} else if (lost > 0 || c.failed_workers > 0 || unwritten)
		rc = EXIT_INTERNAL;
	else if (code == EXIT_OK && c.marked_failed)
		rc = EXIT_MARKED_FAILED;
	else
		rc = code;
	free(breached);
out:
	free(functions);
	coord_free(&c);
	return rc;
}
