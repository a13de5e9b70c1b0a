/* The coordinator's options: the flag and environment layers, the
 * consolidated run options, thresholds. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <mujs.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "exitcode.h"
#include "metrics/aggregator.h"
#include "net/ippool.h"
#include "util/format.h"
#include "util/xmalloc.h"
#include "app/coord-int.h"

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
void
build_env(struct coord *c)
{
	const char **vals, *eq;
	char **ep;
	size_t i, n;

	if (cli_flag(c->cli, "include-system-env-vars", 1))
		for (ep = environ; *ep != NULL; ep++)
			if ((eq = strchr(*ep, '=')) != NULL)
				add_kv(&c->opts.env, &c->opts.nenv, *ep, (size_t)(eq - *ep), eq + 1);
	/* An archive's -e variables, under this run's. */
	for (i = 0; i < c->narchive_env; i++)
		add_kv(&c->opts.env, &c->opts.nenv, c->archive_env[i].key,
		    strlen(c->archive_env[i].key), c->archive_env[i].value);
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

double
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

/* options.dns, which src/js/coordinator/options.js validated: unset
 * fields take k6's defaults (ttl 5m, random, preferIPv4). */
static void
read_dns(struct runopts *o, js_State *J)
{
	char *ttl, *sel, *pol;

	js_getproperty(J, -1, "dns");
	if (js_isobject(J, -1)) {
		ttl = opt_str(J, "ttl", "");
		sel = opt_str(J, "select", "random");
		pol = opt_str(J, "policy", "preferIPv4");
		o->dns_set = 1;
		o->dns.select = resolver_select_of(sel);
		o->dns.policy = resolver_policy_of(pol);
		js_getglobal(J, "__ly_options");
		js_getproperty(J, -1, "dnsTTL");
		js_rot2(J);
		js_pop(J, 1);
		js_pushundefined(J);
		js_pushstring(J, ttl);
		o->dns.ttl_ms = js_pcall(J, 1) == 0 ? js_tonumber(J, -1) : 0;
		js_pop(J, 1);
		if (o->dns.ttl_ms < 0)
			o->dns.ttl_ms = 0;
		free(ttl);
		free(sel);
		free(pol);
	}
	js_pop(J, 1);
}

/* Read what the VUs need from the consolidated options on the stack. */
void
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
	o->rps = opt_num(J, "rps", 0);
	o->min_iteration_duration = opt_duration(J, "minIterationDuration", 0);
	o->user_agent = opt_str(J, "userAgent", "lyocell/" PACKAGE_VERSION " (k6 compatible)");
	o->http_debug = opt_str(J, "httpDebug", NULL);
	read_dns(o, J);
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

void
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
	ippool_free(o->local_ips);
	memset(o, 0, sizeof *o);
}

/* The JSON of the script's exported options and the names of its
 * exported functions, read from the init VU. */
int
script_exports(struct vu *vu, char **options, char **functions, char **cause)
{
	js_State *J = vu_js(vu);
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
int
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
	if (c->archive_options != NULL) {
		js_getglobal(J, "JSON");
		js_getproperty(J, -1, "parse");
		js_rot2(J);
		js_pushstring(J, c->archive_options);
		js_call(J, 1);
		js_setproperty(J, -2, "archive");
	}
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
int
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
