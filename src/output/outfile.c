/* Output files, plain or gzip; see outfile.h. */
#include "config.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "output/outfile.h"
#include "util/xmalloc.h"

#define OUTFILE_ZCHUNK	65536

struct outfile {
	FILE		*fp;
	char		*path;
	int		 gz;
	z_stream	 z;
	unsigned char	*zbuf;
};

int
outfile_is_stdout(const char *path)
{
	return path == NULL || *path == '\0' || strcmp(path, "-") == 0;
}

static int
fail(struct outfile *f, const char *what, int err, char **cause)
{
	*cause = xasprintf("cannot %s %s: %s", what,
	    f->fp == stdout ? "stdout" : f->path, strerror(err));
	return -1;
}

struct outfile *
outfile_open(const char *path, char **cause)
{
	struct outfile	*f;
	size_t		 len;

	f = xcalloc(1, sizeof *f);
	if (outfile_is_stdout(path)) {
		f->fp = stdout;
		f->path = xstrdup("-");
		return f;
	}
	f->path = xstrdup(path);
	f->fp = fopen(path, "we");
	if (f->fp == NULL) {
		*cause = xasprintf("cannot open %s: %s", path, strerror(errno));
		free(f->path);
		free(f);
		return NULL;
	}
	len = strlen(path);
	if (len > 3 && strcmp(path + len - 3, ".gz") == 0) {
		/* 15 + 16: a gzip header and trailer, not raw zlib. */
		if (deflateInit2(&f->z, Z_DEFAULT_COMPRESSION, Z_DEFLATED,
		    15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
			*cause = xasprintf("cannot initialise gzip for %s",
			    path);
			fclose(f->fp);
			free(f->path);
			free(f);
			return NULL;
		}
		f->gz = 1;
		f->zbuf = xmalloc(OUTFILE_ZCHUNK);
	}
	return f;
}

/* Run deflate with flush mode over the pending input, writing out every
 * chunk it produces. */
static int
deflate_out(struct outfile *f, int mode, char **cause)
{
	int	 rc;
	size_t	 have;

	do {
		f->z.next_out = f->zbuf;
		f->z.avail_out = OUTFILE_ZCHUNK;
		rc = deflate(&f->z, mode);
		if (rc == Z_STREAM_ERROR) {
			*cause = xasprintf("cannot compress %s", f->path);
			return -1;
		}
		have = OUTFILE_ZCHUNK - f->z.avail_out;
		if (have > 0 && fwrite(f->zbuf, 1, have, f->fp) != have)
			return fail(f, "write", errno, cause);
	} while (f->z.avail_out == 0 || (mode == Z_FINISH && rc != Z_STREAM_END));
	return 0;
}

int
outfile_write(struct outfile *f, const void *data, size_t len, char **cause)
{
	if (len == 0)
		return 0;
	if (!f->gz) {
		if (fwrite(data, 1, len, f->fp) != len)
			return fail(f, "write", errno, cause);
		return 0;
	}
	f->z.next_in = (unsigned char *)(uintptr_t)data;
	f->z.avail_in = len;
	return deflate_out(f, Z_NO_FLUSH, cause);
}

int
outfile_flush(struct outfile *f, char **cause)
{
	if (f->gz && deflate_out(f, Z_SYNC_FLUSH, cause) == -1)
		return -1;
	if (fflush(f->fp) != 0)
		return fail(f, "write", errno, cause);
	return 0;
}

int
outfile_close(struct outfile *f, char **cause)
{
	int	 rc = 0;

	if (f == NULL)
		return 0;
	if (f->gz) {
		f->z.next_in = NULL;
		f->z.avail_in = 0;
		rc = deflate_out(f, Z_FINISH, cause);
		deflateEnd(&f->z);
		free(f->zbuf);
	}
	if (f->fp == stdout) {
		if (fflush(stdout) != 0 && rc == 0)
			rc = fail(f, "write", errno, cause);
	} else if (fclose(f->fp) != 0 && rc == 0)
		rc = fail(f, "close", errno, cause);
	free(f->path);
	free(f);
	return rc;
}

int
outfile_save(const char *path, const void *data, size_t len, char **cause)
{
	FILE	*fp;
	int	 err = 0;

	if (outfile_is_stdout(path))
		fp = stdout;
	else if ((fp = fopen(path, "we")) == NULL) {
		*cause = xasprintf("cannot open %s: %s", path, strerror(errno));
		return -1;
	}
	if (fwrite(data, 1, len, fp) != len || fflush(fp) != 0)
		err = errno;
	if (fp != stdout && fclose(fp) != 0 && err == 0)
		err = errno;
	if (err == 0)
		return 0;
	*cause = xasprintf("cannot write %s: %s", fp == stdout ? "stdout" : path,
	    strerror(err));
	return -1;
}
