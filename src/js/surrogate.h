/* Surrogate pairs joined into the UTF-8 of their character as strings
 * enter the engine; see surrogate.c. */
#ifndef LYOCELL_JS_SURROGATE_H
#define LYOCELL_JS_SURROGATE_H

#include <stddef.h>

/* The n bytes at s with each surrogate pair in its 3-byte form (two
 * UTF-16 units) replaced by its character's 4-byte UTF-8: the new length,
 * the new text in *out (owned, NUL-terminated), or n and *out NULL when s
 * has no pair. */
size_t	surrogate_join(const char *s, size_t n, char **out);
/* Replace each lone surrogate's 3-byte form in the n bytes at s by
 * U+FFFD's (as many bytes), as text leaving the engine is: a Go string
 * made from a JavaScript one in k6, console output in node. */
void	surrogate_fffd(char *s, size_t n);

#endif
