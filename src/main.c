/* lyocell: parse the command line and dispatch. */
#include "config.h"

#include <curl/curl.h>
#include <event2/event.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "app/coordinator.h"
#include "exitcode.h"
#include "js/mujs-layout.h"
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
	if (strcmp(cli->args[0], "-") == 0) {
		fprintf(stderr, "lyocell: not supported yet: reading the script from "
		    "standard input\n");
		return EXIT_USAGE;
	}
	if ((f = fopen(cli->args[0], "r")) == NULL) {
		fprintf(stderr, "lyocell: cannot open script %s: %m\n", cli->args[0]);
		return EXIT_USAGE;
	}
	fclose(f);
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
