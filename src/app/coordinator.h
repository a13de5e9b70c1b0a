/* The coordinator: `lyocell run` and `lyocell inspect` from start to exit
 * code.
 *
 * It compiles the script, runs the init pass that reads its options,
 * consolidates them, runs setup(), forks the workers, aggregates what
 * they measure, evaluates thresholds, runs teardown() and prints the
 * summary.  Returns the process exit code (k6's table). */
#ifndef LYOCELL_COORDINATOR_H
#define LYOCELL_COORDINATOR_H

struct cli;

int	coordinator_run(const struct cli *);
int	coordinator_inspect(const struct cli *);
int	coordinator_archive(const struct cli *);

#endif
