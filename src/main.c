/* lyocell: parse the command line and dispatch. */
#include "config.h"

#include <curl/curl.h>
#include <event2/event.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/coordinator.h"
#include "app/merge.h"
#include "cli.h"
#include "compare.h"
#include "completion.h"
#include "exitcode.h"
#include "js/mujs-layout.h"
#include "util/log.h"
#include "util/xmalloc.h"

static int
cmd_version(const struct cli *cli)
{
	const curl_version_info_data *cv = curl_version_info(CURLVERSION_NOW);

	if (cli_flag(cli, "json", 0)) {
		printf("{\"version\":\"v%s\",\"mujs\":\"%s\",\"libcurl\":\"%s\","
		    "\"libevent\":\"%s\",\"os\":\"%s\"}\n", PACKAGE_VERSION,
		    LY_MUJS_VERSION, cv->version, event_get_version(), LY_HOST);
		return EXIT_OK;
	}
	printf("lyocell v%s (mujs %s, libcurl %s, libevent %s, %s)\n", PACKAGE_VERSION,
	    LY_MUJS_VERSION, cv->version, event_get_version(), LY_HOST);
	return EXIT_OK;
}

static int
cmd_compare(const struct cli *cli)
{
	const char **limits;
	char *cause = NULL;
	unsigned flags = 0;
	size_t n;
	int rc;

	if (cli->nargs != 2) {
		fprintf(stderr, "lyocell: compare needs two summary exports, BASELINE.json "
		    "and CURRENT.json, got %zu (see 'lyocell compare --help')\n", cli->nargs);
		return EXIT_USAGE;
	}
	log_init(cli_flag(cli, "verbose", 0), !cli_flag(cli, "no-color", 0));
	if (cli_flag(cli, "json", 0))
		flags |= COMPARE_JSON;
	else if (isatty(1) && !cli_flag(cli, "no-color", 0))
		flags |= COMPARE_COLOR;
	n = cli_all(cli, "limit", &limits);
	rc = compare_run(stdout, cli->args[0], cli->args[1], limits, n, flags, &cause);
	free(limits);
	if (cause != NULL) {
		fprintf(stderr, "lyocell: %s\n", cause);
		free(cause);
	}
	return rc;
}

static int
cmd_merge(const struct cli *cli)
{
	if (cli->nargs == 0) {
		fprintf(stderr, "lyocell: merge needs the --summary-export files of every "
		    "part of the test (see 'lyocell merge --help')\n");
		return EXIT_USAGE;
	}
	return merge_run(cli);
}

static int
cmd_completion(const struct cli *cli)
{
	if (cli->nargs != 1 || completion_print(stdout, cli->args[0]) == -1) {
		fprintf(stderr, "lyocell: completion needs one shell, bash or zsh "
		    "(see 'lyocell completion --help')\n");
		return EXIT_USAGE;
	}
	if (fflush(stdout) == EOF) {
		fprintf(stderr, "lyocell: cannot write the completion script: %m\n");
		return EXIT_INTERNAL;
	}
	return EXIT_OK;
}

static int
need_script(const struct cli *cli)
{
	const char *cmd = cli_cmd_name(cli->cmd);

	if (cli->nargs != 1) {
		fprintf(stderr, "lyocell: %s needs exactly one script, got %zu "
		    "(see 'lyocell %s --help')\n", cmd, cli->nargs, cmd);
		return EXIT_USAGE;
	}
	return EXIT_OK;
}

static int
cmd_script(const struct cli *cli)
{
	char *cause = NULL;
	FILE *f;
	int rc;

	if ((rc = need_script(cli)) != EXIT_OK)
		return rc;
	/* "-" is standard input, which the coordinator reads once. */
	if (strcmp(cli->args[0], "-") != 0) {
		if ((f = fopen(cli->args[0], "r")) == NULL) {
			fprintf(stderr, "lyocell: cannot open script %s: %m\n", cli->args[0]);
			return EXIT_USAGE;
		}
		fclose(f);
	}
	if (mujs_layout_check(&cause) != 0) {
		fprintf(stderr, "lyocell: %s\n", cause);
		free(cause);
		return EXIT_INTERNAL;
	}
	curl_global_init(CURL_GLOBAL_ALL);
	if (cli->cmd == CLI_CMD_INSPECT)
		rc = coordinator_inspect(cli);
	else
		rc = coordinator_run(cli);
	curl_global_cleanup();
	return rc;
}

int
main(int argc, char **argv)
{
	struct cli cli;
	char *cause = NULL;
	int rc;

	if ((rc = cli_parse(&cli, argc, argv, &cause)) != 0) {
		fprintf(stderr, "lyocell: %s\n", cause);
		free(cause);
		cli_free(&cli);
		return rc;
	}
	if (cli.help || cli.cmd == CLI_CMD_NONE || cli.cmd == CLI_CMD_HELP) {
		enum cli_cmd topic = cli.cmd == CLI_CMD_HELP && cli.topic ?
		    cli_cmd_find(cli.topic) : cli.cmd;

		cli_usage(stdout, topic);
		cli_free(&cli);
		return EXIT_OK;
	}
	switch (cli.cmd) {
	case CLI_CMD_VERSION:
		rc = cmd_version(&cli);
		break;
	case CLI_CMD_COMPARE:
		rc = cmd_compare(&cli);
		break;
	case CLI_CMD_COMPLETION:
		rc = cmd_completion(&cli);
		break;
	case CLI_CMD_MERGE:
		rc = cmd_merge(&cli);
		break;
	case CLI_CMD_RUN:
	case CLI_CMD_INSPECT:
		rc = cmd_script(&cli);
		break;
	default:
		rc = EXIT_USAGE;
	}
	cli_free(&cli);
	return rc;
}
