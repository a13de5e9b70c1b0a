/* Names to small integers, for the compiler's scopes, so that a scope of
 * 100,000 bindings is not searched name by name.
 *
 * A table lives in an arena (an error's longjmp leaks nothing) and goes
 * with it; the names are borrowed and must outlive it. */
#ifndef LYOCELL_NAMETAB_H
#define LYOCELL_NAMETAB_H

#include <stddef.h>

struct arena;
struct nametab;

struct nametab	*nametab_new(struct arena *);
/* The value of name (n bytes), or -1. */
int		 nametab_get(const struct nametab *, const char *name, size_t n);
/* Set name's value (0 or more). */
void		 nametab_put(struct nametab *, const char *name, size_t n, int value);

#endif
