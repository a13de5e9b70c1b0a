/* A growable byte buffer with a cap.
 *
 * A struct buf is a value the caller owns; buf_free releases its storage
 * and leaves it empty and reusable.  The data is always NUL-terminated
 * (the terminator is not counted in len).  Appending past the cap fails
 * with -1 and leaves the buffer unchanged; cap 0 means the default of
 * 1 GiB. */
#ifndef LYOCELL_BUF_H
#define LYOCELL_BUF_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

struct buf {
	char	*data;
	size_t	 len;
	size_t	 size;
	size_t	 cap;
};

#define BUF_INIT { NULL, 0, 0, 0 }

void	 buf_init(struct buf *, size_t cap);
void	 buf_free(struct buf *);
void	 buf_reset(struct buf *);
int	 buf_reserve(struct buf *, size_t);
int	 buf_add(struct buf *, const void *, size_t);
/* Append what is left of f; -1 at the cap or on a read error
 * (ferror(f) tells which). */
int	 buf_read(struct buf *, FILE *);
/* The whole file at path as an owned string, or NULL with *cause set
 * (what names the file; "larger than N MiB, not WHAT" past cap). */
char	*buf_slurp(const char *path, size_t cap, const char *what, char **cause);
int	 buf_puts(struct buf *, const char *);
int	 buf_putc(struct buf *, int);
int	 buf_printf(struct buf *, const char *, ...) __attribute__((format(printf, 2, 3)));
int	 buf_vprintf(struct buf *, const char *, va_list) __attribute__((format(printf, 2, 0)));
/* Hand the data over: returns an owned string, buffer becomes empty. */
char	*buf_steal(struct buf *);

#endif
