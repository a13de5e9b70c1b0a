/* An output file: a path, "-" or "" for stdout, gzip-compressed when the
 * path ends in ".gz" (as k6 does for --out json= and csv=).
 *
 * outfile_open returns an owned file, or NULL with an owned *cause;
 * outfile_close flushes, closes and frees it in every case (NULL is a
 * no-op).  Writes go straight to stdio; the caller batches them. */
#ifndef LYOCELL_OUTFILE_H
#define LYOCELL_OUTFILE_H

#include <stddef.h>

struct outfile;

struct outfile	*outfile_open(const char *path, char **cause);
/* 0, or -1 with *cause naming the file and the system's error. */
int		 outfile_write(struct outfile *, const void *, size_t,
		     char **cause);
/* Push what was written to the file (for gzip, a sync flush, so a
 * reader can decompress what is there so far). */
int		 outfile_flush(struct outfile *, char **cause);
int		 outfile_close(struct outfile *, char **cause);
/* Write len bytes of data as the whole of path (created or truncated,
 * never compressed), or to stdout for "-"; 0, or -1 with an owned *cause
 * naming the file and the system's error. */
int		 outfile_save(const char *path, const void *data, size_t len,
		     char **cause);
/* True for stdout. */
int		 outfile_is_stdout(const char *path);

#endif
