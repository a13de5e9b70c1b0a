/* `lyocell merge`: one summary and one threshold verdict for a test run
 * in parts (--execution-segment on several machines), from the parts'
 * --summary-export files.  Returns the process exit code: 0, 99 when a
 * threshold fails, 104 for exports that are not the parts of one test,
 * 109 when the summary cannot be written. */
#ifndef LYOCELL_APP_MERGE_H
#define LYOCELL_APP_MERGE_H

struct cli;

int	merge_run(const struct cli *);

#endif
