/* k6's archive layout with libarchive; see tarball.h. */
#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "app/tarball.h"
#include "util/buf.h"
#include "util/xmalloc.h"

#define TARBALL_ENTRY_CAP	(256u << 20)	/* one file of an archive */

/* Go's filepath.Clean of an absolute path: no ".", "..", "//". */
static char *
clean(const char *path)
{
	char *out = xmalloc(strlen(path) + 2), *o = out;
	const char *p = path, *end;
	size_t len;

	*o = '\0';
	while (*p != '\0') {
		while (*p == '/')
			p++;
		if (*p == '\0')
			break;
		end = strchr(p, '/');
		len = end != NULL ? (size_t)(end - p) : strlen(p);
		if (len == 1 && p[0] == '.')
			;
		else if (len == 2 && p[0] == '.' && p[1] == '.') {
			while (o > out && *--o != '/')
				;
			*o = '\0';
		} else {
			*o++ = '/';
			memcpy(o, p, len);
			o += len;
			*o = '\0';
		}
		p += len;
	}
	if (o == out) {
		out[0] = '/';
		out[1] = '\0';
	}
	return out;
}

char *
tarball_anonymize(const char *path)
{
	static const char *const homes[] = { "/home/", "/Users/", "/Documents and Settings/" };
	size_t i, n;
	const char *rest;
	char *p = clean(path), *out;

	for (i = 0; i < sizeof homes / sizeof homes[0]; i++) {
		n = strlen(homes[i]);
		if (strncmp(p, homes[i], n) != 0 || p[n] == '\0' || p[n] == '/')
			continue;
		rest = strchr(p + n, '/');
		out = xasprintf("%.*snobody%s", (int)n, homes[i], rest != NULL ? rest : "");
		free(p);
		return out;
	}
	return p;
}

static int
add_entry(struct archive *a, const char *name, int type, const char *data, size_t len,
    const char *link, time_t now, char **cause)
{
	struct archive_entry *e = archive_entry_new();
	int rc = 0;

	archive_entry_set_pathname(e, name);
	archive_entry_set_filetype(e, type == 'd' ? AE_IFDIR : AE_IFREG);
	archive_entry_set_perm(e, type == 'd' ? 0755 : 0644);
	archive_entry_set_mtime(e, now, 0);
	if (link != NULL)
		archive_entry_set_hardlink(e, link);
	else
		archive_entry_set_size(e, type == 'd' ? 0 : (la_int64_t)len);
	if (archive_write_header(a, e) != ARCHIVE_OK ||
	    (type != 'd' && link == NULL && len > 0 &&
	    archive_write_data(a, data, len) != (la_ssize_t)len)) {
		*cause = xasprintf("%s: %s", name, archive_error_string(a));
		rc = -1;
	}
	archive_entry_free(e);
	return rc;
}

static int
cmp_str(const void *x, const void *y)
{
	return strcmp(*(char *const *)x, *(char *const *)y);
}

int
tarball_write(const char *out, const char *metadata, const struct tarball_file *files,
    size_t nfiles, char **cause)
{
	struct archive *a = archive_write_new();
	char **dirs = NULL, **names, *p, *slash;
	size_t ndirs = 0, i, j;
	time_t now = time(NULL);
	int rc = -1, found;

	names = xcalloc(nfiles + 1, sizeof *names);
	archive_write_set_format_pax_restricted(a);
	if ((strcmp(out, "-") == 0 ? archive_write_open_fd(a, STDOUT_FILENO) :
	    archive_write_open_filename(a, out)) != ARCHIVE_OK) {
		*cause = xasprintf("%s: %s", out, archive_error_string(a));
		goto out;
	}
	if (add_entry(a, "metadata.json", 'f', metadata, strlen(metadata), NULL, now, cause) ||
	    add_entry(a, "data", 'f', files[0].data, files[0].len, NULL, now, cause))
		goto out;
	/* As k6: the directories first, sorted, then the files. */
	for (i = 0; i < nfiles; i++) {
		if ((p = strstr(files[i].path, "://")) != NULL)
			names[i] = xasprintf("%.*s/%s", (int)(p - files[i].path),
			    files[i].path, p + 3);
		else {
			p = tarball_anonymize(files[i].path);
			names[i] = xasprintf("file%s", p);
			free(p);
		}
		for (slash = strchr(names[i], '/'); slash != NULL; slash = strchr(slash + 1, '/')) {
			p = xasprintf("%.*s", (int)(slash - names[i]), names[i]);
			for (found = 0, j = 0; j < ndirs && !found; j++)
				found = strcmp(dirs[j], p) == 0;
			if (found) {
				free(p);
				continue;
			}
			dirs = xreallocarray(dirs, ndirs + 1, sizeof *dirs);
			dirs[ndirs++] = p;
		}
	}
	if (ndirs > 0)
		qsort(dirs, ndirs, sizeof *dirs, cmp_str);
	for (i = 0; i < ndirs; i++)
		if (add_entry(a, dirs[i], 'd', NULL, 0, NULL, now, cause))
			goto out;
	for (i = 0; i < nfiles; i++)
		if (add_entry(a, names[i], 'f', files[i].data, files[i].len,
		    i == 0 ? "data" : NULL, now, cause))
			goto out;
	if (archive_write_close(a) != ARCHIVE_OK) {
		*cause = xasprintf("%s: %s", out, archive_error_string(a));
		goto out;
	}
	rc = 0;
out:
	archive_write_free(a);
	for (i = 0; i < ndirs; i++)
		free(dirs[i]);
	free(dirs);
	for (i = 0; i < nfiles; i++)
		free(names[i]);
	free(names);
	return rc;
}

int
tarball_is(const char *path)
{
	char h[512];
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	ssize_t n;

	if (fd == -1)
		return 0;
	n = read(fd, h, sizeof h);
	close(fd);
	return n == (ssize_t)sizeof h && memcmp(h + 257, "ustar", 5) == 0;
}

/* Make the directories of path under it. */
static int
make_parents(char *path)
{
	char *slash;

	for (slash = strchr(path + 1, '/'); slash != NULL; slash = strchr(slash + 1, '/')) {
		*slash = '\0';
		if (mkdir(path, 0755) == -1 && errno != EEXIST) {
			*slash = '/';
			return -1;
		}
		*slash = '/';
	}
	return 0;
}

static int
write_file(const char *path, const char *data, size_t len)
{
	FILE *f = fopen(path, "wbe");
	int rc;

	if (f == NULL)
		return -1;
	rc = fwrite(data, 1, len, f) == len ? 0 : -1;
	if (fclose(f) != 0)
		rc = -1;
	return rc;
}

/* Under file/ (or the old archives' scripts/_/ and files/_/), the path
 * on the machine; NULL for anything else. */
static const char *
local_path(const char *name)
{
	static const char *const pfx[] = { "file/", "scripts/_/", "files/_/" };
	size_t i, n;

	for (i = 0; i < sizeof pfx / sizeof pfx[0]; i++) {
		n = strlen(pfx[i]);
		if (strncmp(name, pfx[i], n) == 0)
			return name + n - 1;
	}
	return NULL;
}

static int
safe(const char *p)
{
	const char *s;

	for (s = p; (s = strstr(s, "..")) != NULL; s += 2)
		if ((s == p || s[-1] == '/') && (s[2] == '\0' || s[2] == '/'))
			return 0;
	return 1;
}

int
tarball_extract(const char *path, const char *dir, char **metadata, char **data,
    size_t *datalen, char **cause)
{
	struct archive *a = archive_read_new();
	struct archive_entry *e;
	struct buf b = BUF_INIT, main = BUF_INIT;
	char *dest;
	const char *name, *local, *hard, *remote;
	int rc = -1, r;

	*metadata = NULL;
	*data = NULL;
	buf_init(&b, TARBALL_ENTRY_CAP);
	buf_init(&main, TARBALL_ENTRY_CAP);
	archive_read_support_format_tar(a);
	if (archive_read_open_filename(a, path, 65536) != ARCHIVE_OK) {
		*cause = xasprintf("%s: %s", path, archive_error_string(a));
		goto out;
	}
	while ((r = archive_read_next_header(a, &e)) == ARCHIVE_OK) {
		char chunk[65536];
		la_ssize_t n;

		name = archive_entry_pathname(e);
		hard = archive_entry_hardlink(e);
		if (name == NULL)
			continue;
		while (*name == '/' || strncmp(name, "./", 2) == 0)
			name += *name == '/' ? 1 : 2;
		local = local_path(name);
		remote = strncmp(name, "https/", 6) == 0 || strncmp(name, "http/", 5) == 0 ?
		    name : NULL;
		if ((local != NULL && !safe(local)) || (remote != NULL && !safe(remote))) {
			*cause = xasprintf("%s: %s leaves the archive", path, name);
			goto out;
		}
		/* As k6's reader: regular files only.  Its main script is
		 * a hard link to "data", which the caller writes. */
		if (hard != NULL || archive_entry_filetype(e) != AE_IFREG)
			continue;
		buf_reset(&b);
		while ((n = archive_read_data(a, chunk, sizeof chunk)) > 0)
			if (buf_add(&b, chunk, (size_t)n) == -1) {
				*cause = xasprintf("%s: %s is larger than %u MiB", path, name,
				    TARBALL_ENTRY_CAP >> 20);
				goto out;
			}
		if (n < 0) {
			*cause = xasprintf("%s: %s", path, archive_error_string(a));
			goto out;
		}
		if (strcmp(name, "metadata.json") == 0) {
			free(*metadata);
			*metadata = xstrdup(b.data != NULL ? b.data : "");
		} else if (strcmp(name, "data") == 0) {
			buf_reset(&main);
			if (b.len > 0)
				buf_add(&main, b.data, b.len);
		} else if (local != NULL || remote != NULL) {
			dest = local != NULL ? xasprintf("%s%s", dir, local) :
			    xasprintf("%s/" TARBALL_REMOTE "/%s", dir, remote);
			if (make_parents(dest) == -1 || write_file(dest, b.data != NULL ? b.data : "",
			    b.len) == -1) {
				*cause = xasprintf("cannot unpack %s to %s: %s", name, dest,
				    strerror(errno));
				free(dest);
				goto out;
			}
			free(dest);
		} else if (strncmp(name, "scripts/", 8) == 0 || strncmp(name, "files/", 6) == 0) {
			/* Before k6 0.26: remote modules of another layout. */
			*cause = xasprintf("%s: remote module %s: not supported yet", path, name);
			goto out;
		} else {
			*cause = xasprintf("%s: unknown file prefix of %s", path, name);
			goto out;
		}
	}
	if (r != ARCHIVE_EOF) {
		*cause = xasprintf("%s: %s", path, archive_error_string(a));
		goto out;
	}
	if (*metadata == NULL) {
		*cause = xasprintf("%s: not a k6 archive (no metadata.json)", path);
		goto out;
	}
	*datalen = main.len;
	*data = main.data != NULL ? buf_steal(&main) : xstrdup("");
	rc = 0;
out:
	if (rc == -1) {
		free(*metadata);
		*metadata = NULL;
	}
	archive_read_free(a);
	buf_free(&b);
	buf_free(&main);
	return rc;
}
