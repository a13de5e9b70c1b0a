/* The module loader: resolution, fetching and ordering; see bundle.h. */
#include "config.h"

#include <sys/stat.h>

#include <curl/curl.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "compile/bundle.h"
#include "compile/lower.h"
#include "util/buf.h"
#include "util/xmalloc.h"

#define BUNDLE_MAX_SOURCE	((size_t)64 << 20)
#define BUNDLE_FETCH_TIMEOUT	30L

struct builder {
	const char *const *natives;
	struct bundle	*b;
	char		**seen;		/* ids being or already compiled */
	size_t		 nseen;
	const char	*importer;	/* id of the module being lowered */
	char		**deps;		/* its dependencies, in order */
	size_t		 ndeps;
	char		 cwd[PATH_MAX];
};

static int
has_prefix(const char *s, const char *p)
{
	return strncmp(s, p, strlen(p)) == 0;
}

static int
is_url(const char *s)
{
	return has_prefix(s, "http://") || has_prefix(s, "https://");
}

/* Collapse "." and ".." segments of an absolute path (in place). */
static void
normalize_path(char *path)
{
	char *out = path, *p = path;

	while (*p != '\0') {
		char *seg, *end;
		size_t n;

		while (*p == '/')
			p++;
		if (*p == '\0')
			break;
		seg = p;
		end = strchr(seg, '/');
		n = end ? (size_t)(end - seg) : strlen(seg);
		p = seg + n;
		if (n == 1 && seg[0] == '.')
			continue;
		if (n == 2 && seg[0] == '.' && seg[1] == '.') {
			while (out > path && *--out != '/')
				;
			continue;
		}
		*out++ = '/';
		memmove(out, seg, n);
		out += n;
	}
	if (out == path)
		*out++ = '/';
	*out = '\0';
}

/* Resolve spec against base, a canonical id (file:// or URL). */
static char *
join(const char *base, const char *spec)
{
	const char *slash, *pathstart;
	char *s, *r;
	size_t prefix;

	if (has_prefix(base, "file://"))
		pathstart = base + 7;
	else {
		pathstart = strchr(base + strlen("https://") - 1, '/');
		if (pathstart == NULL || !is_url(base))
			pathstart = base + strlen(base);
		else {
			pathstart = strchr(strstr(base, "//") + 2, '/');
			if (pathstart == NULL)
				pathstart = base + strlen(base);
		}
	}
	prefix = (size_t)(pathstart - base);
	slash = strrchr(pathstart, '/');
	if (spec[0] == '/')
		s = xstrdup(spec);
	else if (slash == NULL)
		s = xasprintf("/%s", spec);
	else
		s = xasprintf("%.*s/%s", (int)(slash - pathstart), pathstart, spec);
	normalize_path(s);
	r = xasprintf("%.*s%s", (int)prefix, base, s);
	free(s);
	return r;
}

static int
is_native(struct builder *bl, const char *spec)
{
	size_t i;

	for (i = 0; bl->natives != NULL && bl->natives[i] != NULL; i++)
		if (strcmp(bl->natives[i], spec) == 0)
			return 1;
	return 0;
}

static char *
file_id(const char *abspath)
{
	char *p = xstrdup(abspath), *r;

	normalize_path(p);
	r = xasprintf("file://%s", p);
	free(p);
	return r;
}

static char *
resolve(void *arg, const char *spec, char **cause)
{
	struct builder *bl = arg;
	char *id;
	struct stat st;

	if (is_native(bl, spec))
		return xstrdup(spec);
	if (strcmp(spec, "k6") == 0 || has_prefix(spec, "k6/")) {
		*cause = xasprintf("unknown module: %s", spec);
		return NULL;
	}
	if (is_url(spec))
		return xstrdup(spec);
	if (has_prefix(spec, "file://"))
		id = file_id(spec + 7);
	else if (spec[0] == '/' && !is_url(bl->importer))
		id = file_id(spec);
	else if (spec[0] == '/' || has_prefix(spec, "./") ||
	    has_prefix(spec, "../"))
		id = join(bl->importer, spec);
	else {
		*cause = xasprintf("cannot import \"%s\": bare module names "
		    "are not supported; use a relative path, a file:// URL or "
		    "an https:// URL", spec);
		return NULL;
	}
	if (has_prefix(id, "file://") && stat(id + 7, &st) == -1) {
		*cause = xasprintf("cannot import \"%s\": %s: %s", spec, id + 7,
		    strerror(errno));
		free(id);
		return NULL;
	}
	bl->deps = xreallocarray(bl->deps, bl->ndeps + 1, sizeof *bl->deps);
	bl->deps[bl->ndeps++] = xstrdup(id);
	return id;
}

static size_t
fetch_write(char *p, size_t size, size_t n, void *arg)
{
	struct buf *b = arg;

	if (buf_add(b, p, size * n) == -1)
		return 0;
	return size * n;
}

static char *
fetch(const char *url, size_t *len, char **cause)
{
	struct buf b = BUF_INIT;
	CURL *c;
	CURLcode rc;
	char errbuf[CURL_ERROR_SIZE] = "";
	long status = 0;

	buf_init(&b, BUNDLE_MAX_SOURCE);
	if ((c = curl_easy_init()) == NULL) {
		*cause = xasprintf("cannot fetch %s: libcurl failed", url);
		return NULL;
	}
	curl_easy_setopt(c, CURLOPT_URL, url);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, fetch_write);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, &b);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, BUNDLE_FETCH_TIMEOUT);
	curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
	curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errbuf);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	rc = curl_easy_perform(c);
	curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
	curl_easy_cleanup(c);
	if (rc != CURLE_OK) {
		*cause = xasprintf("cannot fetch %s: %s", url,
		    errbuf[0] ? errbuf : curl_easy_strerror(rc));
		buf_free(&b);
		return NULL;
	}
	if (status >= 400) {
		*cause = xasprintf("cannot fetch %s: HTTP status %ld", url, status);
		buf_free(&b);
		return NULL;
	}
	*len = b.len;
	if (b.data == NULL)
		return xstrdup("");
	return buf_steal(&b);
}

static char *
read_file(const char *path, size_t *len, char **cause)
{
	struct buf b = BUF_INIT;
	char chunk[65536];
	size_t n;
	FILE *f;

	buf_init(&b, BUNDLE_MAX_SOURCE);
	if ((f = fopen(path, "rb")) == NULL) {
		*cause = xasprintf("cannot open %s: %s", path, strerror(errno));
		return NULL;
	}
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		if (buf_add(&b, chunk, n) == -1) {
			*cause = xasprintf("%s: file too large", path);
			fclose(f);
			buf_free(&b);
			return NULL;
		}
	if (ferror(f)) {
		*cause = xasprintf("cannot read %s: %s", path, strerror(errno));
		fclose(f);
		buf_free(&b);
		return NULL;
	}
	fclose(f);
	*len = b.len;
	if (b.data == NULL)
		return xstrdup("");
	return buf_steal(&b);
}

static char *
display_name(struct builder *bl, const char *id)
{
	size_t n = strlen(bl->cwd);

	if (!has_prefix(id, "file://"))
		return xstrdup(id);
	id += 7;
	if (n > 0 && strncmp(id, bl->cwd, n) == 0 && id[n] == '/' &&
	    strcmp(bl->cwd, "/") != 0)
		return xstrdup(id + n + 1);
	if (strcmp(bl->cwd, "/") == 0 && id[0] == '/')
		return xstrdup(id + 1);
	return xstrdup(id);
}

static int
seen(struct builder *bl, const char *id)
{
	size_t i;

	for (i = 0; i < bl->nseen; i++)
		if (strcmp(bl->seen[i], id) == 0)
			return 1;
	return 0;
}

/* Compile id and, first, everything it imports. */
static int
build(struct builder *bl, const char *id, char **cause)
{
	struct lower_options opt;
	char *src = NULL, *name, *es5, **deps;
	size_t len = 0, ndeps, i;
	struct bundle_unit *u;
	int rc = -1;

	bl->seen = xreallocarray(bl->seen, bl->nseen + 1, sizeof *bl->seen);
	bl->seen[bl->nseen++] = xstrdup(id);
	name = display_name(bl, id);
	if (is_url(id))
		src = fetch(id, &len, cause);
	else
		src = read_file(id + 7, &len, cause);
	if (src == NULL)
		goto out;
	opt.name = name;
	opt.id = id;
	opt.resolve = resolve;
	opt.arg = bl;
	bl->importer = id;
	bl->deps = NULL;
	bl->ndeps = 0;
	es5 = lower_module(src, len, &opt, cause);
	deps = bl->deps;
	ndeps = bl->ndeps;
	bl->deps = NULL;
	bl->ndeps = 0;
	if (es5 == NULL) {
		for (i = 0; i < ndeps; i++)
			free(deps[i]);
		free(deps);
		goto out;
	}
	for (i = 0; i < ndeps; i++) {
		if (rc == -1 && !seen(bl, deps[i]) && build(bl, deps[i], cause) == -1)
			rc = -2;
		free(deps[i]);
	}
	free(deps);
	if (rc == -2) {
		free(es5);
		rc = -1;
		goto out;
	}
	bl->b->units = xreallocarray(bl->b->units, bl->b->nunits + 1,
	    sizeof *bl->b->units);
	u = &bl->b->units[bl->b->nunits++];
	u->id = xstrdup(id);
	u->name = name;
	u->es5 = es5;
	name = NULL;
	rc = 0;
out:
	free(name);
	free(src);
	return rc;
}

struct bundle *
bundle_build(const char *path, const char *const *natives, char **cause)
{
	struct builder bl;
	struct bundle *b = xcalloc(1, sizeof *b);
	char *abs = NULL;
	size_t i;

	memset(&bl, 0, sizeof bl);
	bl.natives = natives;
	bl.b = b;
	if (getcwd(bl.cwd, sizeof bl.cwd) == NULL)
		bl.cwd[0] = '\0';
	if (is_url(path))
		b->entry_id = xstrdup(path);
	else if (has_prefix(path, "file://"))
		b->entry_id = file_id(path + 7);
	else {
		if (path[0] == '/')
			abs = xstrdup(path);
		else
			abs = xasprintf("%s/%s", bl.cwd, path);
		b->entry_id = file_id(abs);
		free(abs);
	}
	if (build(&bl, b->entry_id, cause) == -1) {
		bundle_free(b);
		b = NULL;
	}
	for (i = 0; i < bl.nseen; i++)
		free(bl.seen[i]);
	free(bl.seen);
	return b;
}

void
bundle_free(struct bundle *b)
{
	size_t i;

	if (b == NULL)
		return;
	for (i = 0; i < b->nunits; i++) {
		free(b->units[i].id);
		free(b->units[i].name);
		free(b->units[i].es5);
	}
	free(b->units);
	free(b->entry_id);
	free(b);
}

char *
bundle_compile_source(const char *name, const char *src, size_t len,
    char **cause)
{
	struct lower_options opt;

	opt.name = name;
	opt.id = name;
	opt.resolve = NULL;
	opt.arg = NULL;
	return lower_module(src, len, &opt, cause);
}
