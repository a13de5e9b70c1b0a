/* The command line: one table of options drives parsing, --help, the
 * environment variables and the man-page check.
 *
 * cli_parse fills a struct cli the caller owns and releases with
 * cli_free; the strings it holds point into argv or are owned by it. */
#ifndef LYOCELL_CLI_H
#define LYOCELL_CLI_H

#include <stdio.h>

enum cli_cmd {
	CLI_CMD_NONE,
	CLI_CMD_RUN,
	CLI_CMD_INSPECT,
	CLI_CMD_VERSION,
	CLI_CMD_HELP,
	CLI_CMD_COMPARE,
	CLI_CMD_COMPLETION,
	CLI_CMD_MERGE,
};

/* Which commands an option belongs to. */
#define CLI_GLOBAL	0x01u
#define CLI_RUN		0x02u
#define CLI_INSPECT	0x04u
#define CLI_VERSION	0x08u
#define CLI_COMPARE	0x10u
#define CLI_COMPLETION	0x20u
#define CLI_MERGE	0x40u

enum cli_type {
	CLI_BOOL,	/* --flag, --flag=false */
	CLI_INT,	/* non-negative integer */
	CLI_NUMBER,	/* float */
	CLI_DURATION,	/* k6 duration */
	CLI_STRING,
	CLI_KV,		/* NAME=VALUE */
	CLI_STAGE,	/* DURATION:TARGET, comma lists allowed */
};

#define CLI_REPEAT	0x01u	/* every use is kept, in order */
#define CLI_OPTARG	0x02u	/* the value may be omitted */
#define CLI_UNSUPPORTED	0x04u	/* k6 has it, Lyocell does not yet */

struct cli_option {
	const char	*name;
	int		 shortopt;
	enum cli_type	 type;
	unsigned	 flags;
	unsigned	 cmds;
	const char	*env;		/* K6_* variable, or NULL */
	const char	*metavar;
	const char	*defval;	/* shown in --help only */
	const char	*help;
	const char	*choices;	/* "a|b|c": the only values allowed, or NULL */
};

struct cli_value {
	const struct cli_option	*opt;
	const char		*value;	/* "true"/"false" for booleans */
	int			 from_env;
};

struct cli {
	enum cli_cmd	 cmd;
	const char	*topic;		/* lyocell help TOPIC */
	struct cli_value *values;
	size_t		 nvalues;
	const char	**args;		/* positional arguments */
	size_t		 nargs;
	int		 help;		/* --help / -h was given */
};

extern const struct cli_option cli_options[];

/* Parse argv and the K6_* / LYOCELL_* environment.  Returns 0, or an
 * exit code (255 for usage errors, 104 for a bad environment value)
 * with *cause set to an owned one-line message. */
int	 cli_parse(struct cli *, int argc, char **argv, char **cause);
void	 cli_free(struct cli *);

/* The last value given for a long option, or NULL. */
const char *cli_get(const struct cli *, const char *name);
/* A boolean option's value; def when it was not given. */
int	 cli_flag(const struct cli *, const char *name, int def);
/* Every value of a repeatable option, in order; returns the count and an
 * owned array (free it, not its strings). */
size_t	 cli_all(const struct cli *, const char *name, const char ***out);

const char *cli_cmd_name(enum cli_cmd);
/* The i-th command in --help's order: its name, summary and option mask
 * (CLI_GLOBAL included); 0 past the last. */
int	 cli_cmd_at(size_t i, const char **name, const char **summary, unsigned *mask);
enum cli_cmd cli_cmd_find(const char *);
/* Print the help of a command (CLI_CMD_NONE: the overview). */
void	 cli_usage(FILE *, enum cli_cmd);

#endif
