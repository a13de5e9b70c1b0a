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
#include "compile/lexer.h"
#include "compile/lower.h"
#include "compile/posmap.h"
#include "js/runtime.h"
#include "util/buf.h"
#include "util/xmalloc.h"

#define BUNDLE_MAX_SOURCE	((size_t)64 << 20)

/* src/compile/helpers.js, embedded by build-aux/js2c.sh. */
extern const struct runtime_file lower_helper_files[];
extern const unsigned lower_helper_files_n;
#define BUNDLE_FETCH_TIMEOUT	30L

/* A compiled module, kept until names across modules are checked. */
struct modinfo {
	char		*id, *name, *src;
	size_t		 len;
	struct lower_info info;
};

struct builder {
	struct modinfo	*mods;
	size_t		 nmods;
	const char *const *natives;
	struct bundle	*b;
	char		**seen;		/* ids being or already compiled */
	size_t		 nseen;
	const char	*importer;	/* id of the module being lowered */
	char		**deps;		/* its dependencies, in order */
	size_t		 ndeps;
	char		 cwd[PATH_MAX];
	const char	*stdin_id;	/* the entry's id when it is standard input */
	const char	*remote;	/* where URLs are read from, or NULL */
	int		 nomap;		/* no posmaps: the source's lines */
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

void
bundle_clean_path(char *path)
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
	const char *pathstart, *slash, *auth;
	char *s, *r;

	/* The path starts after "file://", or after a URL's host. */
	if (has_prefix(base, "file://"))
		pathstart = base + 7;
	else {
		auth = strstr(base, "//") + 2;
		pathstart = auth + strcspn(auth, "/?#");
	}
	slash = NULL;
	if (*pathstart == '/')
		slash = pathstart + strcspn(pathstart, "?#");
	while (slash != NULL && slash > pathstart && *slash != '/')
		slash--;
	if (spec[0] == '/')
		s = xstrdup(spec);
	else if (slash == NULL)
		s = xasprintf("/%s", spec);
	else
		s = xasprintf("%.*s/%s", (int)(slash - pathstart), pathstart, spec);
	bundle_clean_path(s);
	r = xasprintf("%.*s%s", (int)(pathstart - base), base, s);
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

/* k6's modules that are not natives here: those k6 has (and its
 * extensions) say so, those k6 removed say what k6 says, and any other
 * k6/ name is unknown. */
static char *
k6_module_error(const char *spec)
{
	static const char *const later[] = { "k6/browser", NULL };
	static const char *const removed[][2] = {
		{ "k6/experimental/redis", "k6/experimental/redis has been "
		    "removed. Please migrate to the new version by changing "
		    "your import to 'k6/x/redis'." },
		{ "k6/experimental/browser", "k6/experimental/browser has been "
		    "graduated, please use k6/browser instead." },
		{ "k6/experimental/grpc", "k6/experimental/grpc has been "
		    "graduated, please use k6/net/grpc instead." },
		{ "k6/experimental/timers", "k6/experimental/timers has been "
		    "graduated, and it's now globally available as defined by "
		    "standard WebAPIs. You just need to remove the import." },
		{ "k6/experimental/tracing", "k6/experimental/tracing has been "
		    "removed. All of it functionality is available as pure "
		    "JavaScript module." },
		{ "k6/experimental/webcrypto", "k6/experimental/webcrypto has "
		    "been graduated and it's now globally available as defined "
		    "by standard WebAPIs. You just need to remove the import." },
	};
	size_t i;

	for (i = 0; later[i] != NULL; i++)
		if (strcmp(later[i], spec) == 0)
			return xasprintf("not supported yet: %s", spec);
	/* Extensions (k6/x/redis, k6/x/sql, ...): k6 builds them into a
	 * binary of its own (automatic extension resolution or xk6). */
	if (has_prefix(spec, "k6/x/"))
		return xasprintf("not supported yet: %s (a k6 extension)", spec);
	for (i = 0; i < sizeof removed / sizeof removed[0]; i++)
		if (strcmp(removed[i][0], spec) == 0)
			return xstrdup(removed[i][1]);
	return xasprintf("unknown module: %s", spec);
}

static char *
file_id(const char *abspath)
{
	char *p = xstrdup(abspath), *r;

	bundle_clean_path(p);
	r = xasprintf("file://%s", p);
	free(p);
	return r;
}

static char *display_name(struct builder *, const char *);

static char *
resolve(void *arg, const char *spec, char **cause)
{
	struct builder *bl = arg;
	char *id;
	struct stat st;

	if (is_native(bl, spec))
		return xstrdup(spec);
	if (strcmp(spec, "k6") == 0 || has_prefix(spec, "k6/")) {
		*cause = k6_module_error(spec);
		return NULL;
	}
	if (is_url(spec))
		id = xstrdup(spec);
	else if (has_prefix(spec, "file://"))
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
		char *shown = display_name(bl, id);

		*cause = xasprintf("cannot import \"%s\": %s: %s", spec, shown,
		    strerror(errno));
		free(shown);
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

/* path "-" is standard input, as k6 reads it for "k6 run -". */
static char *
read_file(const char *path, size_t *len, char **cause)
{
	const char *what = strcmp(path, "-") == 0 ? "standard input" : path;
	struct buf b;
	FILE *f;
	int rc;

	buf_init(&b, BUNDLE_MAX_SOURCE);
	f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	if (f == NULL) {
		*cause = xasprintf("cannot open %s: %s", path, strerror(errno));
		return NULL;
	}
	rc = buf_read(&b, f);
	if (rc == -1)
		*cause = ferror(f) ? xasprintf("cannot read %s: %s", what, strerror(errno)) :
		    xasprintf("%s: file too large", what);
	if (f != stdin)
		fclose(f);
	if (rc == -1) {
		buf_free(&b);
		return NULL;
	}
	*len = b.len;
	return buf_steal(&b);
}

/* A URL's module from an unpacked archive: REMOTE/SCHEME/HOST/PATH, as
 * k6 archives it (its query and fragment are not part of the name). */
static char *
read_remote(struct builder *bl, const char *url, size_t *len, char **cause)
{
	const char *sep = strstr(url, "://");
	char *path, *s;

	for (s = strstr(sep + 3, ".."); s != NULL; s = strstr(s + 2, ".."))
		if (s[-1] == '/' && (s[2] == '\0' || s[2] == '/' || s[2] == '?' || s[2] == '#')) {
			*cause = xasprintf("cannot import %s: it leaves the archive", url);
			return NULL;
		}
	path = xasprintf("%s/%.*s/%s", bl->remote, (int)(sep - url), url, sep + 3);
	if ((s = strpbrk(path + strlen(bl->remote), "?#")) != NULL)
		*s = '\0';
	s = read_file(path, len, cause);
	if (s == NULL) {
		free(*cause);
		*cause = xasprintf("cannot import %s: it is not in the archive", url);
	}
	free(path);
	return s;
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

/* For each line of src, the column (1-based, in characters) where its
 * text starts after spaces and tabs. */
static unsigned *
line_columns(const char *src, size_t len, size_t *n)
{
	unsigned *cols = NULL, col = 1;
	size_t i, cap = 0;
	int lead = 1;

	*n = 0;
	for (i = 0; i <= len; i++) {
		if (i == len || src[i] == '\n') {
			if (*n == cap) {
				cap = cap ? cap * 2 : 64;
				cols = xreallocarray(cols, cap, sizeof *cols);
			}
			cols[(*n)++] = lead ? 1 : col;
			col = 1;
			lead = 1;
		} else if (lead && (src[i] == ' ' || src[i] == '\t' ||
		    src[i] == '\r'))
			col++;
		else if (lead)
			lead = 0;
	}
	return cols;
}

/* Compile id and, first, everything it imports. */
static int
build(struct builder *bl, const char *id, char **cause)
{
	struct lower_options opt;
	struct lower_info info;
	char *src = NULL, *remote = NULL, *name, *es5, **deps;
	size_t len = 0, ndeps, i, ncols = 0;
	unsigned *cols = NULL;
	struct posmap *map = NULL;
	struct bundle_unit *u;
	int rc = -1;

	memset(&opt, 0, sizeof opt);
	bl->seen = xreallocarray(bl->seen, bl->nseen + 1, sizeof *bl->seen);
	bl->seen[bl->nseen++] = xstrdup(id);
	name = display_name(bl, id);
	if (is_url(id) && bl->remote != NULL)
		src = read_remote(bl, id, &len, cause);
	else if (is_url(id))
		src = fetch(id, &len, cause);
	else if (bl->stdin_id != NULL && strcmp(id, bl->stdin_id) == 0)
		src = read_file("-", &len, cause);
	else
		src = read_file(id + 7, &len, cause);
	if (src == NULL)
		goto out;
	opt.name = name;
	opt.id = id;
	opt.resolve = resolve;
	opt.arg = bl;
	opt.info = &info;
	opt.map = bl->nomap ? NULL : &map;
	bl->importer = id;
	bl->deps = NULL;
	bl->ndeps = 0;
	es5 = lower_module(src, len, &opt, cause);
	if (es5 != NULL) {
		struct modinfo *m;

		cols = line_columns(src, len, &ncols);

		bl->mods = xreallocarray(bl->mods, bl->nmods + 1, sizeof *bl->mods);
		m = &bl->mods[bl->nmods++];
		m->id = xstrdup(id);
		m->name = xstrdup(name);
		m->src = src;
		m->len = len;
		m->info = info;
		if (is_url(id)) {
			remote = xmalloc(len + 1);
			memcpy(remote, src, len);
			remote[len] = '\0';
		}
		src = NULL;
	}
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
	u->remote = remote;
	u->remote_len = remote != NULL ? len : 0;
	u->cols = cols;
	u->ncols = ncols;
	u->map = map;
	cols = NULL;
	map = NULL;
	remote = NULL;
	name = NULL;
	rc = 0;
out:
	free(cols);
	posmap_free(map);
	free(name);
	free(src);
	free(remote);
	return rc;
}

static int provides_star(struct builder *, const char *, const char *, int);

static struct modinfo *
find_mod(struct builder *bl, const char *id)
{
	size_t i;

	for (i = 0; i < bl->nmods; i++)
		if (strcmp(bl->mods[i].id, id) == 0)
			return &bl->mods[i];
	return NULL;
}

/* Does module m export name, itself or through export * (depth-bound
 * against cycles)?  Unknown modules (native ones) export anything. */
static int
provides(struct builder *bl, const char *id, const char *name, int depth)
{
	struct modinfo *m = find_mod(bl, id);
	size_t i;

	if (depth > 32)
		return 0;	/* export * cycle: nothing more to find */
	if (m == NULL || !m->info.esm)
		return 1;
	for (i = 0; i < m->info.nexports; i++)
		if (strcmp(m->info.exports[i], name) == 0)
			return 1;
	if (strcmp(name, "default") == 0)
		return 0;
	for (i = 0; i < m->info.nstars; i++)
		if (provides_star(bl, m->info.stars[i], name, depth + 1))
			return 1;
	return 0;
}

static int
provides_star(struct builder *bl, const char *id, const char *name, int depth)
{
	struct modinfo *m = find_mod(bl, id);

	/* export * from a CommonJS or native module: unknowable here. */
	if (m == NULL || !m->info.esm)
		return 1;
	return provides(bl, id, name, depth);
}

/* An import of a name its ES module does not export is a SyntaxError,
 * as in k6 and node, rather than undefined at run time. */
static int
check_imports(struct builder *bl, char **cause)
{
	size_t i, j;

	for (i = 0; i < bl->nmods; i++) {
		struct modinfo *m = &bl->mods[i];

		for (j = 0; j < m->info.nimports; j++) {
			struct lower_import *im = &m->info.imports[j];
			char *msg;

			if (provides(bl, im->id, im->name, 0))
				continue;
			msg = xasprintf("The requested module '%s' does not "
			    "provide an export named '%s'", im->spec, im->name);
			*cause = lexer_frame(m->name, m->src, m->len, im->line,
			    im->pos, msg);
			free(msg);
			return -1;
		}
	}
	return 0;
}

/* A section of helpers.js: "//@ name deps..." up to the next marker. */
struct section {
	const char	*name, *deps, *text;
	size_t		 namelen, depslen, len;
	int		 used;
};

#define MAX_SECTIONS	64

static size_t
split_sections(const char *src, struct section *sec, size_t *headlen)
{
	const char *p = src, *line;
	size_t n = 0;

	*headlen = strlen(src);
	while ((line = strstr(p, "\n//@ ")) != NULL && n < MAX_SECTIONS) {
		const char *nl;

		line++;
		if (n == 0)
			*headlen = (size_t)(line - src);
		else
			sec[n - 1].len = (size_t)(line - sec[n - 1].text);
		sec[n].name = line + 4;
		sec[n].namelen = strcspn(sec[n].name, " \n");
		nl = strchr(line, '\n');
		if (nl == NULL)
			nl = line + strlen(line);
		sec[n].deps = sec[n].name + sec[n].namelen;
		sec[n].depslen = (size_t)(nl - sec[n].deps);
		sec[n].text = *nl ? nl + 1 : nl;
		sec[n].used = 0;
		n++;
		p = nl;
	}
	if (n > 0)
		sec[n - 1].len = strlen(sec[n - 1].text);
	return n;
}

static void
mark_used(struct section *sec, size_t n, const char *name, size_t len)
{
	size_t i;

	for (i = 0; i < n; i++) {
		const char *d, *end;

		if (sec[i].used || sec[i].namelen != len ||
		    memcmp(sec[i].name, name, len) != 0)
			continue;
		sec[i].used = 1;
		/* Dependencies: the names after it on its marker line. */
		d = sec[i].deps;
		end = d + sec[i].depslen;
		while (d < end) {
			size_t l;

			d += strspn(d, " ");
			l = strcspn(d, " \n");
			if (d + l > end)
				l = (size_t)(end - d);
			if (l > 0)
				mark_used(sec, n, d, l);
			d += l;
		}
	}
}

/* Mark the helpers the ES5 text calls; 1 if it calls any. */
static int
mark_calls(struct section *sec, size_t n, const char *p)
{
	int any = 0;

	while ((p = strstr(p, "__ly.")) != NULL) {
		size_t l;

		p += 5;
		l = strspn(p, "abcdefghijklmnopqrstuvwxyz$");
		mark_used(sec, n, p, l);
		any = 1;
		p += l;
	}
	return any;
}

/* The helpers the units call, as a first unit; none if they call none. */
static void
add_helpers(struct bundle *b)
{
	struct section sec[MAX_SECTIONS];
	struct buf out = BUF_INIT;
	struct bundle_unit *u;
	const char *src;
	size_t n, i, headlen;
	int any = 0;

	if (lower_helper_files_n == 0)
		return;
	src = lower_helper_files[0].src;
	n = split_sections(src, sec, &headlen);
	for (i = 0; i < b->nunits; i++)
		any |= mark_calls(sec, n, b->units[i].es5);
	if (!any)
		return;
	buf_add(&out, src, headlen);
	for (i = 0; i < n; i++) {
		size_t k;

		/* The marker line stays, so helpers.js line numbers do too. */
		buf_add(&out, sec[i].name - 4, (size_t)(sec[i].text - sec[i].name) + 4);
		if (sec[i].used)
			buf_add(&out, sec[i].text, sec[i].len);
		else
			for (k = 0; k < sec[i].len; k++)
				if (sec[i].text[k] == '\n')
					buf_putc(&out, '\n');
	}
	b->units = xreallocarray(b->units, b->nunits + 1, sizeof *b->units);
	memmove(b->units + 1, b->units, b->nunits * sizeof *b->units);
	b->nunits++;
	u = &b->units[0];
	u->id = xstrdup(BUNDLE_HELPERS_ID);
	u->name = xstrdup(lower_helper_files[0].name);
	u->es5 = buf_steal(&out);
	u->cols = NULL;
	u->ncols = 0;
	u->map = NULL;
	u->remote = NULL;
	u->remote_len = 0;
}

char *
bundle_lower_function(const char *id, const char *params, const char *body,
    char **helpers, char **cause)
{
	struct section sec[MAX_SECTIONS];
	struct lower_options opt;
	struct buf out = BUF_INIT;
	char *src, *es5;
	size_t n, i, headlen;

	*helpers = NULL;
	src = xasprintf("module.exports = function anonymous(%s\n) {\n%s\n};\n",
	    params != NULL ? params : "", body);
	memset(&opt, 0, sizeof opt);
	opt.name = id;
	opt.id = id;
	es5 = lower_module(src, strlen(src), &opt, cause);
	free(src);
	if (es5 == NULL || lower_helper_files_n == 0)
		return es5;
	n = split_sections(lower_helper_files[0].src, sec, &headlen);
	if (!mark_calls(sec, n, es5))
		return es5;
	/* Only the helpers the state lacks: the running ones stay. */
	buf_puts(&out, "if (typeof __ly === \"undefined\") __ly = {};\n");
	for (i = 0; i < n; i++)
		if (sec[i].used) {
			buf_printf(&out, "if (!__ly.hasOwnProperty(\"%.*s\")) {\n",
			    (int)sec[i].namelen, sec[i].name);
			buf_add(&out, sec[i].text, sec[i].len);
			buf_puts(&out, "}\n");
		}
	*helpers = buf_steal(&out);
	return es5;
}

static struct bundle *build_all(const char *, const char *const *,
    const char *, int, char **);

struct bundle *
bundle_build(const char *path, const char *const *natives, char **cause)
{
	return build_all(path, natives, NULL, 0, cause);
}

struct bundle *
bundle_build_from(const char *path, const char *const *natives,
    const char *remote, char **cause)
{
	return build_all(path, natives, remote, 0, cause);
}

struct bundle *
bundle_build_lines(const char *path, const char *const *natives, char **cause)
{
	return build_all(path, natives, NULL, 1, cause);
}

static struct bundle *
build_all(const char *path, const char *const *natives, const char *remote,
    int nomap, char **cause)
{
	struct builder bl;
	struct bundle *b = xcalloc(1, sizeof *b);
	char *abs = NULL;
	size_t i;

	memset(&bl, 0, sizeof bl);
	bl.natives = natives;
	bl.remote = remote;
	bl.nomap = nomap;
	bl.b = b;
	if (getcwd(bl.cwd, sizeof bl.cwd) == NULL)
		bl.cwd[0] = '\0';
	if (is_url(path))
		b->entry_id = xstrdup(path);
	else if (has_prefix(path, "file://"))
		b->entry_id = file_id(path + 7);
	else if (strcmp(path, "-") == 0) {
		/* Its imports resolve from the working directory, as k6's do. */
		abs = xasprintf("%s/-", bl.cwd);
		b->entry_id = file_id(abs);
		bl.stdin_id = b->entry_id;
		free(abs);
	} else {
		if (path[0] == '/')
			abs = xstrdup(path);
		else
			abs = xasprintf("%s/%s", bl.cwd, path);
		b->entry_id = file_id(abs);
		free(abs);
	}
	if (build(&bl, b->entry_id, cause) == -1 ||
	    check_imports(&bl, cause) == -1) {
		bundle_free(b);
		b = NULL;
	} else
		add_helpers(b);
	for (i = 0; i < bl.nseen; i++)
		free(bl.seen[i]);
	free(bl.seen);
	for (i = 0; i < bl.nmods; i++) {
		free(bl.mods[i].id);
		free(bl.mods[i].name);
		free(bl.mods[i].src);
		lower_info_free(&bl.mods[i].info);
	}
	free(bl.mods);
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
		free(b->units[i].remote);
		free(b->units[i].cols);
		posmap_free(b->units[i].map);
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

	memset(&opt, 0, sizeof opt);
	opt.name = name;
	opt.id = name;
	return lower_module(src, len, &opt, cause);
}
