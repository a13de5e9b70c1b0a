/* Unit tests for src/cli.c. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "cli.h"
#include "exitcode.h"

/* argv as main gets it; the strings are never written to. */
#define ARGV(...) ((char **)(const char *[]){ "lyocell", __VA_ARGS__, NULL })
#define ARGC(...) ((int)(sizeof((const char *[]){ "lyocell", __VA_ARGS__ }) / sizeof(char *)))
#define PARSE(cli, cause, ...) cli_parse(cli, ARGC(__VA_ARGS__), ARGV(__VA_ARGS__), cause)

static void
test_run_flags(void **state)
{
	struct cli cli;
	char *cause = NULL;
	const char **tags;

	assert_int_equal(PARSE(&cli, &cause, "run", "-u", "10", "--duration=30s",
	    "--tag", "a=1", "--tag", "b=2", "-qv", "script.js"), 0);
	assert_int_equal(cli.cmd, CLI_CMD_RUN);
	assert_int_equal(cli.nargs, 1);
	assert_string_equal(cli.args[0], "script.js");
	assert_string_equal(cli_get(&cli, "vus"), "10");
	assert_string_equal(cli_get(&cli, "duration"), "30s");
	assert_true(cli_flag(&cli, "quiet", 0));
	assert_true(cli_flag(&cli, "verbose", 0));
	assert_false(cli_flag(&cli, "no-setup", 0));
	assert_int_equal(cli_all(&cli, "tag", &tags), 2);
	assert_string_equal(tags[0], "a=1");
	assert_string_equal(tags[1], "b=2");
	free(tags);
	cli_free(&cli);
}

static void
test_global_before_command(void **state)
{
	struct cli cli;
	char *cause = NULL;

	/* The value of -c must not be taken for the command. */
	assert_int_equal(PARSE(&cli, &cause, "-c", "conf.json", "run", "-u5", "x.js"), 0);
	assert_int_equal(cli.cmd, CLI_CMD_RUN);
	assert_string_equal(cli_get(&cli, "config"), "conf.json");
	assert_string_equal(cli_get(&cli, "vus"), "5");
	cli_free(&cli);
}

static void
expect_error(int want, const char *needle, int argc, char **argv)
{
	struct cli cli;
	char *cause = NULL;
	int rc = cli_parse(&cli, argc, argv, &cause);

	assert_int_equal(rc, want);
	assert_non_null(cause);
	if (strstr(cause, needle) == NULL)
		fail_msg("\"%s\" does not mention \"%s\"", cause, needle);
	free(cause);
	cli_free(&cli);
}

static void
test_errors(void **state)
{
	expect_error(EXIT_USAGE, "unknown flag: --bogus", ARGC("run", "--bogus"),
	    ARGV("run", "--bogus"));
	expect_error(EXIT_USAGE, "\"ten\"", ARGC("run", "-u", "ten"), ARGV("run", "-u", "ten"));
	expect_error(EXIT_USAGE, "not a duration", ARGC("run", "-d", "5x"), ARGV("run", "-d", "5x"));
	expect_error(EXIT_USAGE, "needs an argument", ARGC("run", "--vus"), ARGV("run", "--vus"));
	expect_error(EXIT_USAGE, "unknown command", ARGC("fly"), ARGV("fly"));
	expect_error(EXIT_USAGE, "expected NAME=VALUE", ARGC("run", "-e", "X"), ARGV("run", "-e", "X"));
	expect_error(EXIT_USAGE, "invalid variable name", ARGC("run", "-e", "1X=2"),
	    ARGV("run", "-e", "1X=2"));
	expect_error(EXIT_USAGE, "bad stage target", ARGC("run", "-s", "10s:x"),
	    ARGV("run", "-s", "10s:x"));
	/* The nearest flag or command is suggested, within two edits or as
	 * the completion of a prefix; nothing far off is. */
	expect_error(EXIT_USAGE, "unknown flag: --vsu; did you mean --vus?",
	    ARGC("run", "--vsu", "2"), ARGV("run", "--vsu", "2"));
	expect_error(EXIT_USAGE, "did you mean --summary-export?",
	    ARGC("run", "--summary-exprot=x"), ARGV("run", "--summary-exprot=x"));
	expect_error(EXIT_USAGE, "did you mean --no-teardown?",
	    ARGC("run", "--no-tear"), ARGV("run", "--no-tear"));
	expect_error(EXIT_USAGE, "unknown flag: --zzzzzz (see",
	    ARGC("run", "--zzzzzz"), ARGV("run", "--zzzzzz"));
	expect_error(EXIT_USAGE, "unknown command \"rnu\"; did you mean \"run\"?",
	    ARGC("rnu", "x.js"), ARGV("rnu", "x.js"));
	expect_error(EXIT_USAGE, "did you mean \"inspect\"?", ARGC("insp"), ARGV("insp"));
	expect_error(EXIT_USAGE, "unknown command \"fly\" (see", ARGC("fly"), ARGV("fly"));
	expect_error(EXIT_USAGE, "unknown help topic \"comapre\"; did you mean \"compare\"?",
	    ARGC("help", "comapre"), ARGV("help", "comapre"));
	/* run-only flags are unknown to version. */
	expect_error(EXIT_USAGE, "unknown flag", ARGC("version", "--vus", "1"),
	    ARGV("version", "--vus", "1"));
}

static void
test_env(void **state)
{
	struct cli cli;
	char *cause = NULL;

	setenv("K6_VUS", "7", 1);
	setenv("LYOCELL_DURATION", "9s", 1);
	assert_int_equal(PARSE(&cli, &cause, "run", "x.js"), 0);
	assert_string_equal(cli_get(&cli, "vus"), "7");
	assert_string_equal(cli_get(&cli, "duration"), "9s");
	cli_free(&cli);
	/* Flags win over the environment. */
	assert_int_equal(PARSE(&cli, &cause, "run", "--vus", "3", "x.js"), 0);
	assert_string_equal(cli_get(&cli, "vus"), "3");
	cli_free(&cli);
	setenv("K6_VUS", "many", 1);
	expect_error(EXIT_INVALID_CONFIG, "K6_VUS", ARGC("run", "x.js"), ARGV("run", "x.js"));
	unsetenv("K6_VUS");
	unsetenv("LYOCELL_DURATION");
}

static void
test_help(void **state)
{
	struct cli cli;
	char *cause = NULL;

	assert_int_equal(PARSE(&cli, &cause, "help", "run"), 0);
	assert_int_equal(cli.cmd, CLI_CMD_HELP);
	assert_string_equal(cli.topic, "run");
	cli_free(&cli);
	assert_int_equal(PARSE(&cli, &cause, "--version"), 0);
	assert_int_equal(cli.cmd, CLI_CMD_VERSION);
	cli_free(&cli);
	assert_int_equal(PARSE(&cli, &cause, "run", "--help"), 0);
	assert_true(cli.help);
	cli_free(&cli);
}

static void
test_table(void **state)
{
	const struct cli_option *o, *p;

	/* Names and short forms are unique within the commands they share. */
	for (o = cli_options; o->name != NULL; o++) {
		assert_non_null(o->help);
		for (p = o + 1; p->name != NULL; p++) {
			if (!(o->cmds & p->cmds))
				continue;
			assert_string_not_equal(o->name, p->name);
			if (o->shortopt)
				assert_int_not_equal(o->shortopt, p->shortopt);
		}
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_run_flags),
		cmocka_unit_test(test_global_before_command),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_env),
		cmocka_unit_test(test_help),
		cmocka_unit_test(test_table),
	};

	unsetenv("NO_COLOR");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
