/* lyocell completion bash|zsh: the shell completion scripts, written
 * from cli.c's tables so that they cannot drift from the options.
 * completion_print returns 0, or -1 for a shell it does not know. */
#ifndef LYOCELL_COMPLETION_H
#define LYOCELL_COMPLETION_H

#include <stdio.h>

int	completion_print(FILE *, const char *shell);

#endif
