/* Allocation that fails fast.
 *
 * Our own allocations never return NULL: on failure they print a message
 * and exit with code 255.  x*dup and xasprintf return owned strings the
 * caller frees with free(). */
#ifndef LYOCELL_XMALLOC_H
#define LYOCELL_XMALLOC_H

#include <stdarg.h>
#include <stddef.h>

void *xmalloc(size_t);
void *xcalloc(size_t, size_t);
void *xrealloc(void *, size_t);
void *xreallocarray(void *, size_t, size_t);
char *xstrdup(const char *);
char *xstrndup(const char *, size_t);
char *xasprintf(const char *, ...) __attribute__((format(printf, 1, 2)));
char *xvasprintf(const char *, va_list) __attribute__((format(printf, 1, 0)));

/* Print "lyocell: <message>" to stderr and exit(code). */
void fatalx(int, const char *, ...) __attribute__((format(printf, 2, 3), noreturn));

#endif
