/* The command line: the option table, parsing and help; see cli.h. */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "exitcode.h"
#include "util/duration.h"
#include "util/xmalloc.h"

#define R CLI_RUN
#define RI (CLI_RUN | CLI_INSPECT | CLI_ARCHIVE)
#define RA (CLI_RUN | CLI_ARCHIVE)

/* Flag names, short forms and variables follow k6 (reference §3, §7). */
const struct cli_option cli_options[] = {
	/* Global flags. */
	{ "config", 'c', CLI_STRING, 0, CLI_GLOBAL, "K6_CONFIG", "FILE", NULL,
	  "JSON config file (options, lowest precedence after the defaults)" },
	{ "verbose", 'v', CLI_BOOL, 0, CLI_GLOBAL, NULL, NULL, NULL,
	  "enable debug logging (console.debug too)" },
	{ "quiet", 'q', CLI_BOOL, 0, CLI_GLOBAL, NULL, NULL, NULL,
	  "disable the progress display" },
	{ "no-color", 0, CLI_BOOL, 0, CLI_GLOBAL, "K6_NO_COLOR", NULL, NULL,
	  "disable colored output" },
	{ "log-output", 0, CLI_STRING, 0, CLI_GLOBAL, "K6_LOG_OUTPUT", "DEST", "stderr",
	  "where logs go: stderr, stdout, none or file=PATH" },
	{ "log-format", 0, CLI_STRING, 0, CLI_GLOBAL, "K6_LOG_FORMAT", "FORMAT", "text",
	  "log format: text, json or raw", "text|json|raw" },
	{ "address", 'a', CLI_STRING, 0, CLI_GLOBAL, "K6_ADDRESS", "ADDR", NULL,
	  "serve k6's REST API on ADDR (host:port; 0.0.0.0 is IPv4 and IPv6)" },

	/* Execution options. */
	{ "vus", 'u', CLI_INT, 0, RI, "K6_VUS", "N", "1",
	  "number of virtual users" },
	{ "duration", 'd', CLI_DURATION, 0, RI, "K6_DURATION", "DURATION", NULL,
	  "test duration (e.g. 30s, 1m30s)" },
	{ "iterations", 'i', CLI_INT, 0, RI, "K6_ITERATIONS", "N", NULL,
	  "total iterations, shared by the VUs" },
	{ "stage", 's', CLI_STAGE, CLI_REPEAT, RI, "K6_STAGES", "DURATION:TARGET", NULL,
	  "ramp the VUs to TARGET over DURATION (repeatable)" },
	{ "workers", 0, CLI_INT, 0, RI, "LYOCELL_WORKERS", "N", "online CPUs",
	  "number of worker processes" },
	{ "worker-timeout", 0, CLI_DURATION, 0, R, "LYOCELL_WORKER_TIMEOUT", "DURATION", "30s",
	  "kill a worker that gives no sign of life for DURATION (exit 109)" },
	{ "execution-segment", 0, CLI_STRING, 0, RI, NULL, "SEGMENT", NULL,
	  "run only this segment of the test (e.g. 1/3:2/3)" },
	{ "execution-segment-sequence", 0, CLI_STRING, 0, RI, NULL, "SEQUENCE", NULL,
	  "every segment boundary (e.g. 0,1/3,2/3,1)" },
	{ "paused", 'p', CLI_BOOL, 0, RI, "K6_PAUSED", NULL, NULL,
	  "wait for a resume (PATCH /v1/status) before setup() and the test" },
	{ "no-setup", 0, CLI_BOOL, 0, RI, "K6_NO_SETUP", NULL, NULL,
	  "do not run setup()" },
	{ "no-teardown", 0, CLI_BOOL, 0, RI, "K6_NO_TEARDOWN", NULL, NULL,
	  "do not run teardown()" },
	{ "max-redirects", 0, CLI_INT, 0, RI, "K6_MAX_REDIRECTS", "N", "10",
	  "follow at most N redirects" },
	{ "batch", 0, CLI_INT, 0, RI, "K6_BATCH", "N", "20",
	  "parallel requests per http.batch() call" },
	{ "batch-per-host", 0, CLI_INT, 0, RI, "K6_BATCH_PER_HOST", "N", "6",
	  "parallel http.batch() requests per host" },
	{ "rps", 0, CLI_INT, 0, RI, "K6_RPS", "N", NULL,
	  "cap on HTTP requests per second, all VUs together" },
	{ "user-agent", 0, CLI_STRING, 0, RI, "K6_USER_AGENT", "STRING", NULL,
	  "User-Agent header of HTTP requests" },
	{ "http-debug", 0, CLI_STRING, CLI_OPTARG, RI, "K6_HTTP_DEBUG", "[full]", NULL,
	  "log HTTP requests and responses; =full adds the bodies" },
	{ "insecure-skip-tls-verify", 0, CLI_BOOL, 0, RI, "K6_INSECURE_SKIP_TLS_VERIFY", NULL, NULL,
	  "do not verify TLS certificates" },
	{ "no-connection-reuse", 0, CLI_BOOL, 0, RI, "K6_NO_CONNECTION_REUSE", NULL, NULL,
	  "disable HTTP keep-alive" },
	{ "no-vu-connection-reuse", 0, CLI_BOOL, 0, RI, "K6_NO_VU_CONNECTION_REUSE", NULL, NULL,
	  "close a VU's connections after every iteration" },
	{ "min-iteration-duration", 0, CLI_DURATION, 0, RI, "K6_MIN_ITERATION_DURATION", "DURATION", NULL,
	  "pad shorter iterations to this duration" },
	{ "throw", 'w', CLI_BOOL, 0, RI, "K6_THROW", NULL, NULL,
	  "throw on failed requests and bad metric values" },
	{ "blacklist-ip", 0, CLI_STRING, CLI_REPEAT, RI, "K6_BLACKLIST_IPS", "CIDR", NULL,
	  "refuse to connect to addresses in these ranges (repeatable, comma list)" },
	{ "block-hostnames", 0, CLI_STRING, CLI_REPEAT, RI, "K6_BLOCK_HOSTNAMES", "PATTERN", NULL,
	  "refuse to connect to these host names, * at the start (repeatable, comma list)" },
	{ "summary-trend-stats", 0, CLI_STRING, 0, RI | CLI_MERGE, "K6_SUMMARY_TREND_STATS", "STATS",
	  "avg,min,med,max,p(90),p(95)", "trend columns of the summary" },
	{ "summary-time-unit", 0, CLI_STRING, 0, RI | CLI_MERGE, "K6_SUMMARY_TIME_UNIT", "UNIT", NULL,
	  "fixed time unit of the summary: s, ms or us", "s|ms|us" },
	{ "system-tags", 0, CLI_STRING, 0, RI, "K6_SYSTEM_TAGS", "TAGS", NULL,
	  "system tags attached to samples (comma list)" },
	{ "tag", 0, CLI_KV, CLI_REPEAT, RI, "K6_TAGS", "NAME=VALUE", NULL,
	  "tag every sample (repeatable)" },
	{ "console-output", 0, CLI_STRING, 0, RI, "K6_CONSOLE_OUTPUT", "FILE", NULL,
	  "write console.* output to FILE" },
	{ "secret-source", 0, CLI_STRING, CLI_REPEAT, CLI_GLOBAL, NULL, "TYPE[=CONFIG]", NULL,
	  "a k6/secrets source: file=PATH or mock=KEY=VALUE,..., with name=NAME and default (repeatable)" },
	{ "discard-response-bodies", 0, CLI_BOOL, 0, RI, "K6_DISCARD_RESPONSE_BODIES", NULL, NULL,
	  "read and discard response bodies" },
	{ "local-ips", 0, CLI_STRING, 0, RI, "K6_LOCAL_IPS", "IPS", NULL,
	  "source addresses for the VUs: addresses, ranges a-b and CIDR ranges, comma list" },
	/* repeatable so that K6_DNS and --dns both reach the options, which
	 * merge them field by field as k6 does */
	{ "dns", 0, CLI_STRING, CLI_REPEAT, RI, "K6_DNS", "SPEC", "ttl=5m,select=random,policy=preferIPv4",
	  "DNS resolver: ttl=DURATION|inf|0, select=first|random|roundRobin, "
	  "policy=preferIPv4|preferIPv6|onlyIPv4|onlyIPv6|any" },

	/* Runtime options. */
	{ "include-system-env-vars", 0, CLI_BOOL, 0, RI, "K6_INCLUDE_SYSTEM_ENV_VARS", NULL, "true",
	  "copy the process environment into __ENV" },
	{ "compatibility-mode", 0, CLI_STRING, 0, RI, "K6_COMPATIBILITY_MODE", "MODE", "extended",
	  "JavaScript compatibility mode: extended or base", "extended|base" },
	{ "type", 't', CLI_STRING, 0, RI, "K6_TYPE", "TYPE", NULL,
	  "type of the input: js or archive (default: an archive if it is a tar file)",
	  "js|archive" },
	{ "env", 'e', CLI_KV, CLI_REPEAT, RI, NULL, "NAME=VALUE", NULL,
	  "add a variable to __ENV (repeatable)" },
	{ "no-thresholds", 0, CLI_BOOL, 0, RA, "K6_NO_THRESHOLDS", NULL, NULL,
	  "do not evaluate thresholds" },
	{ "no-summary", 0, CLI_BOOL, 0, RA, "K6_NO_SUMMARY", NULL, NULL,
	  "do not print the end-of-test summary" },
	{ "summary-mode", 0, CLI_STRING, 0, RA | CLI_MERGE, "K6_SUMMARY_MODE", "MODE", "compact",
	  "summary layout: compact, full, legacy or disabled", "compact|full|legacy|disabled" },
	{ "summary-export", 0, CLI_STRING, 0, RA | CLI_MERGE, "K6_SUMMARY_EXPORT", "FILE", NULL,
	  "write the summary as JSON to FILE" },
	{ "out", 'o', CLI_STRING, CLI_REPEAT, R, "K6_OUT", "TYPE[=ARG]", NULL,
	  "send samples to an output: json=FILE, csv=FILE, influxdb=URL, "
	  "experimental-prometheus-rw, web-dashboard (repeatable)" },
	{ "linger", 'l', CLI_BOOL, 0, R, "K6_LINGER", NULL, NULL,
	  "keep the REST API up after the test until a signal" },
	{ "heartbeat", 0, CLI_DURATION, 0, R, "LYOCELL_HEARTBEAT", "DURATION", NULL,
	  "without the live display, log a status line every DURATION (e.g. 60s)" },
	{ "no-usage-report", 0, CLI_BOOL, 0, R, "K6_NO_USAGE_REPORT", NULL, NULL,
	  "accepted for k6 compatibility; Lyocell never reports usage" },

	/* archive. */
	{ "archive-out", 'O', CLI_STRING, 0, CLI_ARCHIVE, NULL, "FILE", "archive.tar",
	  "write the archive to FILE (- for standard output)" },
	{ "exclude-env-vars", 0, CLI_BOOL, 0, CLI_ARCHIVE, NULL, NULL, NULL,
	  "keep no -e variables in the archive" },

	/* inspect and version. */
	{ "execution-requirements", 0, CLI_BOOL, 0, CLI_INSPECT, NULL, NULL, NULL,
	  "also print the VUs and duration the test needs" },
	{ "bundle", 0, CLI_BOOL, 0, CLI_INSPECT, NULL, NULL, NULL,
	  "print the compiled ES5 bundle instead of the options" },
	{ "json", 0, CLI_BOOL, 0, CLI_VERSION | CLI_COMPARE, NULL, NULL, NULL,
	  "print JSON: the version, or compare's table" },
	{ "limit", 0, CLI_STRING, CLI_REPEAT, CLI_COMPARE, NULL, "METRIC.STAT=[+|-]N[%]", NULL,
	  "fail (exit 99) when STAT changes beyond N (repeatable; e.g. 'http_req_duration.p(95)=+10%')" },
	{ NULL, 0, 0, 0, 0, NULL, NULL, NULL, NULL, NULL }
};

static const struct {
	enum cli_cmd	 cmd;
	const char	*name;
	unsigned	 mask;
	const char	*synopsis;
	const char	*summary;
} commands[] = {
	{ CLI_CMD_RUN, "run", CLI_RUN, "run [flags] SCRIPT",
	  "run a k6 script" },
	{ CLI_CMD_INSPECT, "inspect", CLI_INSPECT, "inspect [flags] SCRIPT",
	  "print a script's resolved options as JSON" },
	{ CLI_CMD_ARCHIVE, "archive", CLI_ARCHIVE, "archive [flags] SCRIPT",
	  "pack a script, its files and its options into a k6 archive (.tar)" },
	{ CLI_CMD_COMPARE, "compare", CLI_COMPARE,
	  "compare [--limit METRIC.STAT=[+|-]N[%]]... [--json] BASELINE.json CURRENT.json",
	  "compare two --summary-export files" },
	{ CLI_CMD_MERGE, "merge", CLI_MERGE,
	  "merge [--summary-export FILE] [--summary-mode MODE] [--summary-trend-stats STATS] EXPORT.json...",
	  "one summary and threshold verdict from the --summary-export files of a test's segments" },
	{ CLI_CMD_VERSION, "version", CLI_VERSION, "version [--json]",
	  "print the version" },
	{ CLI_CMD_COMPLETION, "completion", CLI_COMPLETION, "completion bash|zsh",
	  "print the shell completion script for bash or zsh" },
	{ CLI_CMD_HELP, "help", 0, "help [COMMAND]",
	  "show help for a command" },
};
#define NCOMMANDS (sizeof commands / sizeof commands[0])

const char *
cli_cmd_name(enum cli_cmd cmd)
{
	size_t i;

	for (i = 0; i < NCOMMANDS; i++)
		if (commands[i].cmd == cmd)
			return commands[i].name;
	return "";
}

enum cli_cmd
cli_cmd_find(const char *name)
{
	size_t i;

	for (i = 0; i < NCOMMANDS; i++)
		if (strcmp(commands[i].name, name) == 0)
			return commands[i].cmd;
	return CLI_CMD_NONE;
}

int
cli_cmd_at(size_t i, const char **name, const char **summary, unsigned *mask)
{
	if (i >= NCOMMANDS)
		return 0;
	*name = commands[i].name;
	*summary = commands[i].summary;
	*mask = commands[i].mask | CLI_GLOBAL;
	return 1;
}

static unsigned
cmd_mask(enum cli_cmd cmd)
{
	size_t i;

	for (i = 0; i < NCOMMANDS; i++)
		if (commands[i].cmd == cmd)
			return commands[i].mask | CLI_GLOBAL;
	return CLI_GLOBAL;
}

static const struct cli_option *
find_long(const char *name, size_t len, unsigned mask)
{
	const struct cli_option *o;

	for (o = cli_options; o->name != NULL; o++)
		if ((o->cmds & mask) && strlen(o->name) == len &&
		    strncmp(o->name, name, len) == 0)
			return o;
	return NULL;
}

static const struct cli_option *
find_short(int c, unsigned mask)
{
	const struct cli_option *o;

	for (o = cli_options; o->name != NULL; o++)
		if ((o->cmds & mask) && o->shortopt == c)
			return o;
	return NULL;
}

/* Edit distance, as cobra's suggestions measure it (case-insensitive,
 * capped at 64 characters, which no flag or command name reaches). */
static size_t
distance(const char *a, size_t la, const char *b)
{
	size_t lb = strlen(b), i, j, row[65], diag, up;

	if (la > 64 || lb > 64)
		return (size_t)-1;
	for (j = 0; j <= lb; j++)
		row[j] = j;
	for (i = 1; i <= la; i++) {
		diag = row[0];
		row[0] = i;
		for (j = 1; j <= lb; j++) {
			up = row[j];
			row[j] = diag + (tolower((unsigned char)a[i - 1]) !=
			    tolower((unsigned char)b[j - 1]));
			if (up + 1 < row[j])
				row[j] = up + 1;
			if (row[j - 1] + 1 < row[j])
				row[j] = row[j - 1] + 1;
			diag = up;
		}
	}
	return row[lb];
}

/* The nearest of names[] to the len bytes at s: within two edits, or
 * one that s is a prefix of (cobra's rule); NULL when none is. */
static const char *
nearest(const char *s, size_t len, const char *const *names, size_t n)
{
	const char *best = NULL;
	size_t i, d, bestd = 3;

	for (i = 0; i < n; i++) {
		d = distance(s, len, names[i]);
		if (d < bestd || (best == NULL && len > 0 && strncmp(names[i], s, len) == 0)) {
			bestd = d < bestd ? d : bestd;
			best = names[i];
		}
	}
	return best;
}

static const char *
nearest_flag(const char *s, size_t len, unsigned mask)
{
	const char *names[128];
	const struct cli_option *o;
	size_t n = 0;

	for (o = cli_options; o->name != NULL && n < 128; o++)
		if (o->cmds & mask)
			names[n++] = o->name;
	return nearest(s, len, names, n);
}

static const char *
nearest_cmd(const char *s)
{
	const char *names[NCOMMANDS];
	size_t i;

	for (i = 0; i < NCOMMANDS; i++)
		names[i] = commands[i].name;
	return nearest(s, strlen(s), names, NCOMMANDS);
}

/* "unknown command "rnu"; did you mean "run"? ...", owned. */
static char *
unknown_cmd(const char *what, const char *word)
{
	const char *near = nearest_cmd(word);

	return xasprintf("unknown %s \"%s\"%s%s%s (see 'lyocell --help')", what, word,
	    near ? "; did you mean \"" : "", near ? near : "", near ? "\"?" : "");
}

static int
parse_bool(const char *s, int *v)
{
	if (strcmp(s, "true") == 0 || strcmp(s, "1") == 0 || strcmp(s, "t") == 0 ||
	    strcmp(s, "TRUE") == 0 || strcmp(s, "True") == 0)
		*v = 1;
	else if (strcmp(s, "false") == 0 || strcmp(s, "0") == 0 || strcmp(s, "f") == 0 ||
	    strcmp(s, "FALSE") == 0 || strcmp(s, "False") == 0)
		*v = 0;
	else
		return -1;
	return 0;
}

static int
valid_env_name(const char *s, size_t len)
{
	size_t i;

	if (len == 0 || (!isalpha((unsigned char)s[0]) && s[0] != '_'))
		return 0;
	for (i = 1; i < len; i++)
		if (!isalnum((unsigned char)s[i]) && s[i] != '_')
			return 0;
	return 1;
}

/* Check a value against its option's type; returns a static reason or
 * NULL when it is fine. */
static const char *
check_value(const struct cli_option *o, const char *v)
{
	static char choices[256];
	const char *eq, *p, *colon, *next;
	char *end, *tmp;
	double ms;
	long long n;
	int b;

	if (o->choices != NULL) {
		size_t len = strlen(v);

		for (p = o->choices; p != NULL; p = strchr(p, '|') ? strchr(p, '|') + 1 : NULL)
			if (len > 0 && strncmp(p, v, len) == 0 && (p[len] == '|' || p[len] == '\0'))
				return NULL;
		snprintf(choices, sizeof choices, "expected one of: %s", o->choices);
		return choices;
	}
	switch (o->type) {
	case CLI_BOOL:
		return parse_bool(v, &b) == 0 ? NULL : "not a boolean (true or false)";
	case CLI_INT:
		errno = 0;
		n = strtoll(v, &end, 10);
		if (*v == '\0' || *end != '\0' || errno != 0)
			return "not an integer";
		if (n < 0 || n > 0x7fffffffLL)
			return "out of range";
		return NULL;
	case CLI_NUMBER:
		strtod(v, &end);
		return *v == '\0' || *end != '\0' ? "not a number" : NULL;
	case CLI_DURATION:
		return duration_parse(v, &ms) == 0 ? NULL : "not a duration (e.g. 30s, 1m30s, 250ms)";
	case CLI_KV:
		eq = strchr(v, '=');
		if (eq == NULL)
			return "expected NAME=VALUE";
		if (o->shortopt == 'e' && !valid_env_name(v, (size_t)(eq - v)))
			return "invalid variable name";
		return eq == v ? "empty name" : NULL;
	case CLI_STAGE:
		for (p = v; *p != '\0'; p = next) {
			next = strchr(p, ',');
			next = next ? next + 1 : p + strlen(p);
			colon = memchr(p, ':', (size_t)(next - p));
			if (colon == NULL)
				return "expected DURATION:TARGET";
			tmp = xstrndup(p, (size_t)(colon - p));
			b = duration_parse(tmp, &ms);
			free(tmp);
			/* A negative one is the options' to refuse (exit 104). */
			if (b == -1)
				return "bad stage duration";
			errno = 0;
			n = strtoll(colon + 1, &end, 10);
			if (end == colon + 1 || (*end != '\0' && *end != ',') || n < 0)
				return "bad stage target";
		}
		return NULL;
	case CLI_STRING:
		return NULL;
	}
	return NULL;
}

static void
add_value(struct cli *cli, const struct cli_option *o, const char *v, int from_env)
{
	size_t i;

	/* A single-valued option keeps only its last value. */
	if (!(o->flags & CLI_REPEAT)) {
		for (i = 0; i < cli->nvalues; i++) {
			if (cli->values[i].opt == o) {
				cli->values[i].value = v;
				cli->values[i].from_env = from_env;
				return;
			}
		}
	}
	cli->values = xreallocarray(cli->values, cli->nvalues + 1, sizeof *cli->values);
	cli->values[cli->nvalues].opt = o;
	cli->values[cli->nvalues].value = v;
	cli->values[cli->nvalues].from_env = from_env;
	cli->nvalues++;
}

static void
format_flag(const struct cli_option *o, char *out, size_t size)
{
	if (o->shortopt)
		snprintf(out, size, "-%c, --%s", o->shortopt, o->name);
	else
		snprintf(out, size, "--%s", o->name);
}

/* Environment variables come first so that flags override them. */
static int
parse_env(struct cli *cli, unsigned mask, char **cause)
{
	const struct cli_option *o;
	const char *v, *why, *name;
	char alt[128];

	for (o = cli_options; o->name != NULL; o++) {
		if (o->env == NULL || !(o->cmds & mask))
			continue;
		name = o->env;
		v = getenv(name);
		/* LYOCELL_X is accepted wherever K6_X is. */
		if (strncmp(o->env, "K6_", 3) == 0) {
			snprintf(alt, sizeof alt, "LYOCELL_%s", o->env + 3);
			if (v == NULL && (v = getenv(alt)) != NULL)
				name = alt;
		}
		if (v == NULL)
			continue;
		if (o->flags & CLI_UNSUPPORTED) {
			if (o->type == CLI_BOOL && parse_bool(v, &(int){0}) == 0 &&
			    strcmp(v, "false") == 0)
				continue;
			*cause = xasprintf("not supported yet: %s (environment variable %s)",
			    o->name, name);
			return EXIT_INVALID_CONFIG;
		}
		if ((why = check_value(o, v)) != NULL) {
			*cause = xasprintf("invalid value \"%s\" in environment variable %s: %s",
			    v, name, why);
			return EXIT_INVALID_CONFIG;
		}
		add_value(cli, o, v, 1);
	}
	/* NO_COLOR is honoured whatever its value, as everywhere. */
	if ((mask & CLI_GLOBAL) && getenv("NO_COLOR") != NULL &&
	    (o = find_long("no-color", 8, CLI_GLOBAL)) != NULL)
		add_value(cli, o, "true", 1);
	return 0;
}

int
cli_parse(struct cli *cli, int argc, char **argv, char **cause)
{
	const struct cli_option *o;
	const char *arg, *v, *why, *eq;
	char flag[96];
	unsigned mask = CLI_GLOBAL;
	int i, rc, dashdash = 0;
	size_t len;

	memset(cli, 0, sizeof *cli);
	cli->args = xcalloc((size_t)argc + 1, sizeof *cli->args);

	/* The command is the first word that is not a flag. */
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			break;
		if (argv[i][0] == '-') {
			/* Skip the separate value of a flag that takes one. */
			o = NULL;
			if (argv[i][1] == '-' && strchr(argv[i], '=') == NULL)
				o = find_long(argv[i] + 2, strlen(argv[i] + 2), ~0u);
			else if (argv[i][1] != '-' && argv[i][1] != '\0' && argv[i][2] == '\0')
				o = find_short(argv[i][1], ~0u);
			if (o != NULL && o->type != CLI_BOOL && !(o->flags & CLI_OPTARG))
				i++;
			continue;
		}
		cli->cmd = cli_cmd_find(argv[i]);
		if (cli->cmd == CLI_CMD_NONE) {
			*cause = unknown_cmd("command", argv[i]);
			return EXIT_USAGE;
		}
		mask = cmd_mask(cli->cmd);
		break;
	}
	if ((rc = parse_env(cli, mask, cause)) != 0)
		return rc;

	for (i = 1; i < argc; i++) {
		arg = argv[i];
		if (dashdash || arg[0] != '-' || arg[1] == '\0') {
			cli->args[cli->nargs++] = arg;
			continue;
		}
		if (strcmp(arg, "--") == 0) {
			dashdash = 1;
			continue;
		}
		if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
			cli->help = 1;
			continue;
		}
		if (strcmp(arg, "--version") == 0 && cli->cmd == CLI_CMD_NONE) {
			cli->cmd = CLI_CMD_VERSION;
			continue;
		}
		if (arg[1] == '-') {
			/* --name, --name=value, --name value */
			eq = strchr(arg + 2, '=');
			len = eq ? (size_t)(eq - (arg + 2)) : strlen(arg + 2);
			o = find_long(arg + 2, len, mask);
			if (o == NULL) {
				const char *near = nearest_flag(arg + 2, len, mask);

				*cause = xasprintf("unknown flag: --%.*s%s%s%s (see 'lyocell %s--help')",
				    (int)len, arg + 2, near ? "; did you mean --" : "",
				    near ? near : "", near ? "?" : "", cli->cmd != CLI_CMD_NONE ?
				    (cli->cmd == CLI_CMD_RUN ? "run " : cli->cmd ==
				    CLI_CMD_INSPECT ? "inspect " : "") : "");
				return EXIT_USAGE;
			}
			if (eq != NULL)
				v = eq + 1;
			else if (o->type == CLI_BOOL)
				v = "true";
			else if (o->flags & CLI_OPTARG)
				v = "";
			else if (i + 1 < argc)
				v = argv[++i];
			else {
				*cause = xasprintf("flag needs an argument: --%s", o->name);
				return EXIT_USAGE;
			}
		} else {
			/* -x, -xVALUE, -x VALUE, and bundled booleans -qv. */
			o = find_short(arg[1], mask);
			if (o == NULL) {
				*cause = xasprintf("unknown shorthand flag: '%c' in %s", arg[1], arg);
				return EXIT_USAGE;
			}
			if (o->type == CLI_BOOL) {
				const char *p;

				for (p = arg + 2; *p != '\0'; p++) {
					const struct cli_option *b = find_short(*p, mask);

					if (b == NULL || b->type != CLI_BOOL) {
						*cause = xasprintf("unknown shorthand flag: '%c' in %s",
						    *p, arg);
						return EXIT_USAGE;
					}
					if (b->flags & CLI_UNSUPPORTED)
						goto unsupported_short;
					add_value(cli, b, "true", 0);
				}
				v = "true";
			} else if (arg[2] != '\0')
				v = arg[2] == '=' ? arg + 3 : arg + 2;
			else if (i + 1 < argc)
				v = argv[++i];
			else {
				*cause = xasprintf("flag needs an argument: '%c' in %s", arg[1], arg);
				return EXIT_USAGE;
			}
		}
		if (o->flags & CLI_UNSUPPORTED) {
unsupported_short:
			format_flag(o, flag, sizeof flag);
			*cause = xasprintf("not supported yet: %s", flag);
			return EXIT_USAGE;
		}
		if (!(o->type == CLI_STRING && (o->flags & CLI_OPTARG) && *v == '\0') &&
		    (why = check_value(o, v)) != NULL) {
			format_flag(o, flag, sizeof flag);
			*cause = xasprintf("invalid argument \"%s\" for \"%s\" flag: %s",
			    v, flag, why);
			return EXIT_USAGE;
		}
		add_value(cli, o, v, 0);
	}

	/* The command word is not an argument; "help" takes a topic. */
	if (cli->cmd != CLI_CMD_NONE && cli->nargs > 0 &&
	    strcmp(cli->args[0], cli_cmd_name(cli->cmd)) == 0) {
		memmove(cli->args, cli->args + 1, cli->nargs * sizeof *cli->args);
		cli->nargs--;
	}
	if (cli->cmd == CLI_CMD_HELP && cli->nargs > 0) {
		cli->topic = cli->args[0];
		if (cli_cmd_find(cli->topic) == CLI_CMD_NONE) {
			*cause = unknown_cmd("help topic", cli->topic);
			return EXIT_USAGE;
		}
	}
	return 0;
}

void
cli_free(struct cli *cli)
{
	free(cli->values);
	free(cli->args);
	memset(cli, 0, sizeof *cli);
}

const char *
cli_get(const struct cli *cli, const char *name)
{
	size_t i;

	for (i = cli->nvalues; i > 0; i--)
		if (strcmp(cli->values[i - 1].opt->name, name) == 0)
			return cli->values[i - 1].value;
	return NULL;
}

int
cli_flag(const struct cli *cli, const char *name, int def)
{
	const char *v = cli_get(cli, name);
	int b;

	if (v == NULL || parse_bool(v, &b) == -1)
		return def;
	return b;
}

size_t
cli_all(const struct cli *cli, const char *name, const char ***out)
{
	size_t i, n = 0;

	*out = xcalloc(cli->nvalues + 1, sizeof **out);
	for (i = 0; i < cli->nvalues; i++)
		if (strcmp(cli->values[i].opt->name, name) == 0)
			(*out)[n++] = cli->values[i].value;
	return n;
}

static void
usage_options(FILE *f, unsigned mask, const char *title)
{
	const struct cli_option *o;
	char left[96];
	int any = 0;

	for (o = cli_options; o->name != NULL; o++) {
		if (!(o->cmds & mask))
			continue;
		if (!any++)
			fprintf(f, "\n%s:\n", title);
		if (o->shortopt)
			snprintf(left, sizeof left, "-%c, --%s%s%s", o->shortopt, o->name,
			    o->metavar ? " " : "", o->metavar ? o->metavar : "");
		else
			snprintf(left, sizeof left, "    --%s%s%s", o->name,
			    o->metavar ? " " : "", o->metavar ? o->metavar : "");
		fprintf(f, "  %-40s %s", left, o->help);
		if (o->choices != NULL)
			fprintf(f, " [%s]", o->choices);
		if (o->defval != NULL)
			fprintf(f, " (default %s)", o->defval);
		if (o->env != NULL)
			fprintf(f, " [%s]", o->env);
		fputc('\n', f);
	}
}

void
cli_usage(FILE *f, enum cli_cmd cmd)
{
	size_t i;

	if (cmd == CLI_CMD_NONE || cmd == CLI_CMD_HELP) {
		fprintf(f, "Lyocell %s: a load tester that runs k6 scripts.\n\n"
		    "Usage:\n  lyocell [global flags] COMMAND [flags]\n\nCommands:\n",
		    PACKAGE_VERSION);
		for (i = 0; i < NCOMMANDS; i++)
			fprintf(f, "  %-10s %s\n", commands[i].name, commands[i].summary);
		usage_options(f, CLI_GLOBAL, "Global flags");
		fprintf(f, "\nRun 'lyocell help COMMAND' for a command's flags, "
		    "and 'man lyocell' for the manual.\n");
		return;
	}
	for (i = 0; i < NCOMMANDS; i++) {
		if (commands[i].cmd != cmd)
			continue;
		fprintf(f, "Usage:\n  lyocell %s\n\n%c%s.\n", commands[i].synopsis,
		    toupper((unsigned char)commands[i].summary[0]), commands[i].summary + 1);
		usage_options(f, commands[i].mask, "Flags");
		usage_options(f, CLI_GLOBAL, "Global flags");
	}
}
