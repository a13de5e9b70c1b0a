/* `lyocell run` and `lyocell inspect`: prepare, run, outputs, exit code. */
#include "config.h"

#include <event2/event.h>
#include <mujs.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "compile/bundle.h"
#include "defaults.h"
#include "app/api.h"
#include "app/coordinator.h"
#include "app/tarball.h"
#include "exitcode.h"
#include "js/modules.h"
#include "net/ippool.h"
#include "js/runtime.h"
#include "js/secrets.h"
#include "metrics/aggregator.h"
#include "output/output.h"
#include "util/duration.h"
#include "util/log.h"
#include "util/timeunit.h"
#include "util/xmalloc.h"
#include "app/coord-int.h"

static void
banner(struct coord *c)
{
	char total[32], *desc;
	size_t i, n;

	if (c->quiet && !c->tty)
		return;
	printf("\n  execution: local\n     script: %s\n", c->script);
	/* As k6: the web dashboard's address on a line of its own. */
	for (i = 0; i < c->noutputs; i++)
		if (strncmp(output_describe(c->outputs[i]), "web-dashboard ", 14) == 0)
			printf(" web dashboard: %s\n", output_describe(c->outputs[i]) + 14);
	printf("     output: ");
	for (i = 0, n = 0; i < c->noutputs; i++)
		if (strncmp(output_describe(c->outputs[i]), "web-dashboard", 13) != 0)
			printf("%s%s", n++ ? ", " : "", output_describe(c->outputs[i]));
	printf("%s\n\n", n ? "" : "-");
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

/* The test-wide tags as a set, for the samples the coordinator makes. */
static int
run_tags(struct coord *c, char **cause)
{
	struct tag *t = xcalloc(c->opts.ntags + 1, sizeof *t);
	size_t i;
	int rc;

	for (i = 0; i < c->opts.ntags; i++) {
		t[i].key = c->opts.tags[i].key;
		t[i].value = c->opts.tags[i].value;
	}
	rc = tagset_intern(c->tagsets, t, c->opts.ntags, &c->run_tags, cause);
	free(t);
	return rc;
}

/* options.localIPs (the options object on top of c->cj) as the VUs'
 * pool of source addresses. */
static int
run_local_ips(struct coord *c, char **cause)
{
	js_State *J = c->cj;
	int rc = 0;

	js_getproperty(J, -1, "localIPs");
	if (js_isstring(J, -1) && *js_tostring(J, -1) != '\0') {
		c->opts.local_ips = ippool_parse(js_tostring(J, -1), cause);
		rc = c->opts.local_ips == NULL ? -1 : 0;
	} else if (!js_isundefined(J, -1) && !js_isnull(J, -1) && !js_isstring(J, -1)) {
		*cause = xstrdup("localIPs: expected a string of addresses, ranges "
		    "and CIDR ranges");
		rc = -1;
	}
	js_pop(J, 1);
	return rc;
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
	segment_full(&c->seg);
	if (((seg = cli_get(c->cli, "execution-segment")) != NULL &&
	    segment_parse(seg, &c->seg, &cause) == -1) ||
	    ((seg = cli_get(c->cli, "execution-segment-sequence")) != NULL &&
	    segment_apply_sequence(&c->seg, seg, &cause) == -1)) {
		log_msg(LOG_ERROR, NULL, "%s", cause);
		free(cause);
		return EXIT_INVALID_CONFIG;
	}
	if (pack_open(c, &cause) == -1) {
		log_msg(LOG_ERROR, NULL, "%s", cause);
		free(cause);
		return EXIT_INVALID_CONFIG;
	}
	if (c->archive_dir != NULL) {
		/* An archive's remote modules are in it, as k6 reads them. */
		char *remote = xasprintf("%s/" TARBALL_REMOTE, c->archive_dir);

		c->bundle = bundle_build_from(c->script_file, modules_names(), remote, &cause);
		free(remote);
	} else
		c->bundle = bundle_build(c->script_file, modules_names(), &cause);
	if (c->bundle == NULL) {
		log_msg(LOG_ERROR, NULL, "%s", cause);
		free(cause);
		return EXIT_SCRIPT_EXCEPTION;
	}
	build_env(c);
	if ((e = local_engine(c, 0, &vu, &cause)) == NULL) {
		/* test.abort() in the init code said so already */
		if (!c->aborted)
			log_script_error(cause);
		free(cause);
		return c->aborted ? EXIT_SCRIPT_ABORTED : EXIT_SCRIPT_EXCEPTION;
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
		char total[32];

		js_pushnumber(c->cj, (double)c->plan.max_vus);
		js_setproperty(c->cj, -2, "maxVUs");
		/* A Go duration string, as k6's types.NullDuration. */
		js_pushstring(c->cj, duration_format(c->plan.total_duration, total,
		    sizeof total));
		js_setproperty(c->cj, -2, "totalDuration");
	}
	js_pop(c->cj, 1);
	js_getproperty(c->cj, -1, "options");
	read_runopts(c, c->cj);
	if (run_tags(c, &cause) == -1 || run_local_ips(c, &cause) == -1) {
		js_pop(c->cj, 1);
		log_msg(LOG_ERROR, NULL, "%s", cause);
		free(cause);
		return EXIT_INVALID_CONFIG;
	}
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
uint64_t
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
		if (wp->dead || !wp->done || wp->ncounts != RUN_NCOUNTS * c->plan.n + 1)
			continue;
		sent = wp->counts[RUN_NCOUNTS * c->plan.n];
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
	const char *dash = getenv("K6_WEB_DASHBOARD");
	int rc = EXIT_OK;

	/* K6_WEB_DASHBOARD=true adds the web dashboard, as in k6, unless
	 * --out web-dashboard asked for it already. */
	if (dash != NULL && (strcmp(dash, "true") == 0 || strcmp(dash, "1") == 0)) {
		for (i = 0; i < n; i++)
			if (strncmp(outs[i], "web-dashboard", 13) == 0 &&
			    (outs[i][13] == '\0' || outs[i][13] == '='))
				break;
		if (i == n) {
			outs = xreallocarray(outs, n + 1, sizeof *outs);
			outs[n++] = "web-dashboard";
		}
	}

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
	control_free(c);
	free_workers(c);
	wire_reader_free(c->local_reader);
	aggregator_free(c->agg);
	plan_free(&c->plan);
	free_runopts(&c->opts);
	free(c->options_json);
	free(c->setup_json);
	free(c->abort_reason);
	free(c->broken);
	pack_close(c);
	free(c->ended_ms);
	if (c->cj != NULL)
		js_freestate(c->cj);
	bundle_free(c->bundle);
	metric_registry_free(c->metrics);
	tagset_table_free(c->tagsets);
}

/* What inspect and archive start with; an exit code. */
static int
coord_begin(struct coord *c, const struct cli *cli)
{
	memset(c, 0, sizeof *c);
	c->cli = cli;
	c->script = cli->args[0];
	log_init(cli_flag(cli, "verbose", 0), 0);
	return check_flags(cli);
}

int
coordinator_inspect(const struct cli *cli)
{
	struct coord c;
	char *functions = NULL, *cause = NULL, *es5;
	int rc;
	size_t i;

	if ((rc = coord_begin(&c, cli)) != EXIT_OK)
		return rc;
	if (cli_flag(cli, "bundle", 0)) {
		struct bundle *b = bundle_build_lines(c.script, modules_names(),
		    &cause);

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

/* `lyocell archive`: what inspect reads, packed with the script's files
 * into k6's layout.  Prints nothing on stdout (k6-operator reads it). */
int
coordinator_archive(const struct cli *cli)
{
	struct coord c;
	char *functions = NULL, *cause = NULL;
	const char *out = cli_get(cli, "archive-out");
	int rc;

	if ((rc = coord_begin(&c, cli)) != EXIT_OK)
		return rc;
	rc = prepare(&c, &functions);
	if (rc == EXIT_OK && pack_write(&c, out != NULL ? out : "archive.tar", &cause) == -1) {
		log_msg(LOG_ERROR, NULL, "%s", cause);
		free(cause);
		rc = EXIT_INVALID_CONFIG;
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
	int rc, code = EXIT_OK, setup_failed = 0, unwritten, err, has_setup;
	uint64_t lost;
	double dur;

	memset(&c, 0, sizeof c);
	c.setup_fd = -1;
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
	if ((rc = control_start(&c)) != EXIT_OK)
		goto out;
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
	/* --paused: the workers make their VUs first, and run_workers waits
	 * for the resume (control_resume), setup() after it. */
	c.paused_start = c.api != NULL && api_paused(c.api);
	if (!c.paused_start && (code = control_wait(&c)) != EXIT_OK)
		goto summary;

	has_setup = has_export(functions, "setup") && !cli_flag(cli, "no-setup", 0);
	if (has_setup) {
		js_getproperty(c.cj, -1, "options");
		c.setup_timeout = opt_duration(c.cj, "setupTimeout", K6_DEFAULT(setupTimeout));
		js_pop(c.cj, 1);
		c.setup_in_run = c.paused_start;
	}
	if (has_setup && !c.setup_in_run) {
		control_status(&c, API_SETUP);
		/* As in k6, a failed setup() ends the test, but what it
		 * measured still makes a summary. */
		if ((code = lifecycle(&c, "setup", c.setup_timeout, EXIT_SETUP_TIMEOUT,
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
		log_script_error(c.abort_reason);
		rc = EXIT_SCRIPT_EXCEPTION;
		goto out;
	}
	if (c.setup_code != EXIT_OK) {
		/* The setup() that came after the resume failed. */
		code = c.setup_code;
		setup_failed = 1;
		goto summary;
	}
	if (c.rest_stopped && !c.started)
		goto summary;
	if (has_export(functions, "teardown") && !cli_flag(cli, "no-teardown", 0)) {
		double timeout;

		js_getproperty(c.cj, -1, "options");
		timeout = opt_duration(c.cj, "teardownTimeout", K6_DEFAULT(teardownTimeout));
		js_pop(c.cj, 1);
		control_status(&c, API_TEARDOWN);
		code = lifecycle(&c, "teardown", timeout, EXIT_TEARDOWN_TIMEOUT,
		    &teardown_result);
		free(teardown_result);
	}
summary:
	/* As k6, the summary comes after the lingering. */
	control_linger(&c);
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
	else if (c.rest_stopped)
		rc = EXIT_STOPPED_FROM_REST;
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
