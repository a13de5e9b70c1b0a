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

#endif
