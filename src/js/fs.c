/* The primitives of k6/experimental/fs and csv (src/js/jsmod/fs.js and
 * csv.js): files read once per machine, and RFC 4180 records as Go's
 * encoding/csv reads them.
 *
 * A file is read whole into an anonymous MAP_SHARED mapping that is then
 * made read-only, and kept in a table of the process.  The coordinator's
 * init pass runs the script's init code, and so opens every file the
 * script opens there, before the workers fork: the workers inherit the
 * table and the mapping, so every VU of every worker reads the same pages
 * and a file costs the machine its size once.  A file first opened in a
 * worker is that worker's alone.  Nothing writes to a mapping once it is
 * filled; the mappings live as long as the process. */
#include "config.h"

#include <sys/mman.h>
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <mujs.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "engine/module.h"
#include "js/binary.h"
#include "js/jsmod.h"
#include "js/modules.h"
#include "util/buf.h"
#include "util/xmalloc.h"

struct fsfile {
	char			*path;
	const unsigned char	*data;
	size_t			 len;
};
static struct fsfile *files;
static size_t nfiles;

/* path made absolute against the working directory and without "." and
 * ".." segments, as Go's filepath.Abs gives it.  Owned. */
static char *
abs_path(const char *path)
{
	char cwd[PATH_MAX], *full, *out, *seg, *save = NULL;
	size_t n;

	if (path[0] != '/' && getcwd(cwd, sizeof cwd) != NULL)
		full = xasprintf("%s/%s", cwd, path);
	else
		full = xstrdup(path);
	out = xmalloc(strlen(full) + 2);
	n = 0;
	for (seg = strtok_r(full, "/", &save); seg != NULL;
	    seg = strtok_r(NULL, "/", &save)) {
		if (strcmp(seg, ".") == 0)
			continue;
		if (strcmp(seg, "..") == 0) {
			while (n > 0 && out[n - 1] != '/')
				n--;
			if (n > 0)
				n--;
			continue;
		}
		out[n++] = '/';
		memcpy(out + n, seg, strlen(seg));
		n += strlen(seg);
	}
	if (n == 0)
		out[n++] = '/';
	out[n] = '\0';
	free(full);
	return out;
}

/* Read fd's len bytes into a new shared mapping, then seal it read-only.
 * 0, or -1 with errno set. */
static int
map_file(int fd, size_t len, const unsigned char **data, size_t *got)
{
	unsigned char *p;
	size_t off = 0;
	ssize_t n;

	*data = NULL;
	*got = 0;
	if (len == 0)
		return 0;
	p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS,
	    -1, 0);
	if (p == MAP_FAILED)
		return -1;
	while (off < len) {
		n = read(fd, p + off, len - off);
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1) {
			int e = errno;

			munmap(p, len);
			errno = e;
			return -1;
		}
		if (n == 0)
			break;
		off += (size_t)n;
	}
	mprotect(p, len, PROT_READ);
	*data = p;
	*got = off;
	return 0;
}

/* load(path): [handle, absolute path]; the handle is -1 when there is no
 * such file and -2 for a directory. */
static void
p_load(js_State *J)
{
	char *rel, *path;
	struct stat st;
	size_t i, len;
	const unsigned char *data;
	int fd, h;

	rel = modules_script_path(J, js_tostring(J, 1));
	path = abs_path(rel);
	free(rel);
	js_pushstring(J, path);
	for (i = 0; i < nfiles; i++)
		if (strcmp(files[i].path, path) == 0)
			break;
	if (i < nfiles) {
		h = (int)i;
	} else if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1) {
		h = errno == ENOENT || errno == ENOTDIR ? -1 : -3;
	} else if (fstat(fd, &st) == -1) {
		h = -3;
		close(fd);
	} else if (S_ISDIR(st.st_mode)) {
		h = -2;
		close(fd);
	} else if (map_file(fd, (size_t)st.st_size, &data, &len) == -1) {
		h = -3;
		close(fd);
	} else {
		close(fd);
		files = xreallocarray(files, nfiles + 1, sizeof *files);
		files[nfiles].path = xstrdup(path);
		files[nfiles].data = data;
		files[nfiles].len = len;
		h = (int)nfiles++;
	}
	if (h == -3) {
		char *m = xasprintf("open() failed; reason: %s: %s", path,
		    strerror(errno));

		free(path);
		js_pushstring(J, m);
		free(m);
		js_error(J, "%s", js_tostring(J, -1));
	}
	free(path);
	js_newarray(J);
	js_pushnumber(J, h);
	js_setindex(J, -2, 0);
	js_rot2(J);
	js_setindex(J, -2, 1);
}

static const struct fsfile *
file_arg(js_State *J, int idx)
{
	double h = js_tonumber(J, idx);

	if (!(h >= 0 && h < (double)nfiles))
		js_error(J, "no such file handle");
	return &files[(size_t)h];
}

static void
p_size(js_State *J)
{
	js_pushnumber(J, (double)file_arg(J, 1)->len);
}

/* read(h, offset, view): copy what follows offset into the bytes of the
 * typed array view; the number of bytes copied. */
static void
p_read(js_State *J)
{
	const struct fsfile *f = file_arg(J, 1);
	double off = js_tonumber(J, 2);
	const unsigned char *to;
	size_t len, n;

	if (binary_get(J, 3, &to, &len) == -1)
		js_typeerror(J, "read() failed; reason: into argument must be a Uint8Array");
	if (!(off >= 0) || off >= (double)f->len) {
		js_pushnumber(J, 0);
		return;
	}
	n = f->len - (size_t)off;
	if (n > len)
		n = len;
	/* binary_get lends the buffer's own bytes, which are writable. */
	memcpy((unsigned char *)(uintptr_t)to, f->data + (size_t)off, n);
	js_pushnumber(J, (double)n);
}

/* The next record of a CSV file, as Go's encoding/csv reads it (its
 * errors included), from the state object st: { off, line, nfields }. */
struct csvpos {
	const unsigned char	*p, *end;
	size_t			 line;
};

/* The next physical line: its bytes up to and without "\n" or "\r\n";
 * 0 at the end of the data. */
static int
csv_line(struct csvpos *c, const unsigned char **s, size_t *len)
{
	const unsigned char *nl;

	if (c->p >= c->end)
		return 0;
	*s = c->p;
	nl = memchr(c->p, '\n', (size_t)(c->end - c->p));
	if (nl == NULL) {
		*len = (size_t)(c->end - c->p);
		c->p = c->end;
	} else {
		*len = (size_t)(nl - c->p);
		c->p = nl + 1;
		if (*len > 0 && (*s)[*len - 1] == '\r')
			(*len)--;
	}
	c->line++;
	return 1;
}

static void
csv_fail(js_State *J, struct buf *f, size_t start, size_t line, size_t col,
    const char *what)
{
	buf_free(f);
	if (start != line)
		js_error(J, "record on line %zu; parse error on line %zu, column %zu: %s",
		    start, line, col, what);
	js_error(J, "parse error on line %zu, column %zu: %s", line, col, what);
}

static void
p_csv(js_State *J)
{
	const struct fsfile *f = file_arg(J, 1);
	struct buf field = BUF_INIT;
	struct csvpos c;
	const unsigned char *s, *q;
	size_t len, i, col, start, nf = 0, want;
	int delim;
	double off;

	js_getproperty(J, 2, "off");
	off = js_tonumber(J, -1);
	js_getproperty(J, 2, "line");
	c.line = (size_t)js_tonumber(J, -1);
	js_getproperty(J, 2, "nfields");
	want = (size_t)js_tonumber(J, -1);
	js_pop(J, 3);
	delim = (unsigned char)js_tostring(J, 3)[0];
	if (!(off >= 0) || off > (double)f->len)
		off = (double)f->len;
	c.p = f->data != NULL ? f->data + (size_t)off : NULL;
	c.end = f->data != NULL ? f->data + f->len : NULL;
	/* Empty lines are skipped. */
	do {
		if (!csv_line(&c, &s, &len)) {
			js_pushnull(J);
			return;
		}
	} while (len == 0);
	start = c.line;
	js_newarray(J);
	col = 1;
	i = 0;
	for (;;) {
		buf_reset(&field);
		if (i < len && s[i] == '"') {
			/* A quoted field, which may go on over lines. */
			i++;
			col++;
			for (;;) {
				q = memchr(s + i, '"', len - i);
				if (q != NULL) {
					size_t j = (size_t)(q - s);

					buf_add(&field, s + i, j - i);
					col += j - i + 1;
					i = j + 1;
					if (i < len && s[i] == '"') {
						buf_putc(&field, '"');
						i++;
						col++;
					} else if (i < len && s[i] == delim) {
						i++;
						col++;
						break;
					} else if (i >= len) {
						break;
					} else {
						csv_fail(J, &field, start, c.line, col - 1,
						    "extraneous or missing \" in quoted-field");
					}
					continue;
				}
				buf_add(&field, s + i, len - i);
				/* Go counts the line's "\n" as a column. */
				col += len - i + (c.p > s + len);
				if (!csv_line(&c, &s, &len))
					csv_fail(J, &field, start, c.line, col,
					    "extraneous or missing \" in quoted-field");
				buf_putc(&field, '\n');
				i = 0;
				col = 1;
			}
			js_pushlstring(J, field.data != NULL ? field.data : "",
			    (int)field.len);
			js_setindex(J, -2, (int)nf++);
			if (i >= len && (i == 0 || s[i - 1] != delim))
				break;
			continue;
		}
		q = memchr(s + i, delim, len - i);
		{
			size_t j = q != NULL ? (size_t)(q - s) : len;
			const unsigned char *bare = memchr(s + i, '"', j - i);

			if (bare != NULL)
				csv_fail(J, &field, start, c.line,
				    col + (size_t)(bare - (s + i)),
				    "bare \" in non-quoted-field");
			js_pushlstring(J, (const char *)s + i, (int)(j - i));
			js_setindex(J, -2, (int)nf++);
			col += j - i + 1;
			if (q == NULL)
				break;
			i = j + 1;
		}
	}
	buf_free(&field);
	if (want != 0 && nf != want)
		js_error(J, "record on line %zu: wrong number of fields", start);
	js_pushnumber(J, (double)(c.p - f->data));
	js_setproperty(J, 2, "off");
	js_pushnumber(J, (double)c.line);
	js_setproperty(J, 2, "line");
	js_pushnumber(J, (double)nf);
	js_setproperty(J, 2, "nfields");
}

void
fs_prims(js_State *J)
{
	modules_setfn(J, modules_in_init, "inInit", 0);
	modules_setfn(J, p_load, "load", 1);
	modules_setfn(J, p_size, "size", 1);
	modules_setfn(J, p_read, "read", 3);
	modules_setfn(J, p_csv, "csv", 3);
}
