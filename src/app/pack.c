/* k6 archives for the coordinator: `lyocell archive` packs a test,
 * `run` and `inspect` unpack one (tarball.c does the tar). */
#include "config.h"

#include <errno.h>
#include <ftw.h>
#include <limits.h>
#include <mujs.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "compile/bundle.h"
#include "engine/plan.h"
#include "js/modules.h"
#include "util/buf.h"
#include "util/format.h"
#include "util/xmalloc.h"
#include "app/coord-int.h"
#include "app/tarball.h"

/* Percent-decoding of a file:// URL's path. */
static char *
url_path(const char *url)
{
	const char *p = url + 7;
	char *out = xmalloc(strlen(p) + 1), *o = out;
	unsigned v;

	for (; *p != '\0'; p++) {
		if (*p == '%' && sscanf(p + 1, "%2x", &v) == 1) {
			*o++ = (char)v;
			p += 2;
		} else
			*o++ = *p;
	}
	*o = '\0';
	return out;
}

static int
archive_requested(struct coord *c)
{
	const char *type = cli_get(c->cli, "type");

	if (type != NULL)
		return strcmp(type, "archive") == 0;
	return strcmp(c->script, "-") != 0 && tarball_is(c->script);
}

/* Push OBJ.FN(top), keeping top under the result. */
static void
call_on_top(js_State *J, const char *obj, const char *fn)
{
	js_getglobal(J, obj);
	js_getproperty(J, -1, fn);
	js_rot2(J);
	js_copy(J, -3);
	js_call(J, 1);
}

/* metadata.json's filename, options and env, read with a state of its
 * own (the coordinator's comes later). */
static int
read_metadata(struct coord *c, const char *meta, char **filename, char **cause)
{
	js_State *J = js_newstate(NULL, NULL, 0);
	int rc = -1, i, n;

	if (js_try(J)) {
		*cause = xasprintf("%s: metadata.json: %s", c->script, js_trystring(J, -1, "?"));
		js_pop(J, 1);
		goto out;
	}
	js_getglobal(J, "JSON");
	js_getproperty(J, -1, "parse");
	js_rot2(J);
	js_pushstring(J, meta);
	js_call(J, 1);
	if (!js_isobject(J, -1))
		js_error(J, "not an object");
	js_getproperty(J, -1, "filename");
	*filename = js_isstring(J, -1) ? xstrdup(js_tostring(J, -1)) : NULL;
	js_pop(J, 1);
	js_getproperty(J, -1, "options");
	if (js_isobject(J, -1)) {
		call_on_top(J, "JSON", "stringify");
		c->archive_options = xstrdup(js_tostring(J, -1));
		js_pop(J, 1);
	}
	js_pop(J, 1);
	js_getproperty(J, -1, "env");
	if (js_isobject(J, -1)) {
		call_on_top(J, "Object", "keys");
		n = js_getlength(J, -1);
		for (i = 0; i < n; i++) {
			js_getindex(J, -1, i);
			c->archive_env = xreallocarray(c->archive_env, c->narchive_env + 1,
			    sizeof *c->archive_env);
			c->archive_env[c->narchive_env].key = xstrdup(js_tostring(J, -1));
			js_getproperty(J, -3, js_tostring(J, -1));
			c->archive_env[c->narchive_env++].value = xstrdup(js_tostring(J, -1));
			js_pop(J, 2);
		}
		js_pop(J, 1);
	}
	js_pop(J, 2);
	js_endtry(J);
	if (*filename == NULL || strncmp(*filename, "file://", 7) != 0) {
		*cause = xasprintf("%s: the main script is not a local file (%s): not "
		    "supported yet", c->script, *filename != NULL ? *filename : "no filename");
		goto out;
	}
	rc = 0;
out:
	js_freestate(J);
	return rc;
}

/* Write path, making its directories below the first skip bytes. */
static int
write_new(char *path, size_t skip, const char *data, size_t len)
{
	char *p;
	FILE *f;

	for (p = path + skip + 1; (p = strchr(p, '/')) != NULL; p++) {
		*p = '\0';
		(void)mkdir(path, 0755);
		*p = '/';
	}
	if ((f = fopen(path, "wbe")) == NULL)
		return -1;
	if (fwrite(data, 1, len, f) != len) {
		fclose(f);
		return -1;
	}
	return fclose(f);
}

/* If the script is an archive, unpack it and point script_file at its
 * main script.  0, or -1 with *cause. */
int
pack_open(struct coord *c, char **cause)
{
	char tmpl[PATH_MAX], *meta = NULL, *data = NULL, *filename = NULL, *path = NULL;
	const char *tmp = getenv("TMPDIR");
	size_t len = 0;
	struct stat st;
	int rc = -1;

	c->script_file = c->script;
	if (!archive_requested(c))
		return 0;
	snprintf(tmpl, sizeof tmpl, "%s/lyocell-archive.XXXXXX", tmp != NULL && *tmp != '\0' ?
	    tmp : "/tmp");
	if (mkdtemp(tmpl) == NULL) {
		*cause = xasprintf("cannot unpack %s: %s: %s", c->script, tmpl, strerror(errno));
		return -1;
	}
	c->archive_dir = xstrdup(tmpl);
	if (tarball_extract(c->script, c->archive_dir, &meta, &data, &len, cause) == -1 ||
	    read_metadata(c, meta, &filename, cause) == -1)
		goto out;
	path = url_path(filename);
	c->archive_main = xasprintf("%s%s", c->archive_dir, path);
	/* The main script is "data" (under file/ only as a hard link). */
	if (stat(c->archive_main, &st) == -1 && write_new(c->archive_main,
	    strlen(c->archive_dir), data, len) == -1) {
		*cause = xasprintf("cannot unpack %s: %s", c->archive_main, strerror(errno));
		goto out;
	}
	c->script_file = c->archive_main;
	rc = 0;
out:
	free(meta);
	free(data);
	free(filename);
	free(path);
	return rc;
}

static int
rm_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	remove(path);
	return 0;
}

void
pack_close(struct coord *c)
{
	size_t i;

	if (c->archive_dir != NULL)
		nftw(c->archive_dir, rm_one, 16, FTW_DEPTH | FTW_PHYS);
	free(c->archive_dir);
	free(c->archive_main);
	free(c->archive_options);
	for (i = 0; i < c->narchive_env; i++) {
		free(c->archive_env[i].key);
		free(c->archive_env[i].value);
	}
	free(c->archive_env);
	c->archive_dir = c->archive_main = c->archive_options = NULL;
	c->archive_env = NULL;
	c->narchive_env = 0;
}

static char *
read_all(const char *path, size_t *len, char **cause)
{
	struct buf b = BUF_INIT;
	FILE *f = fopen(path, "rbe");

	if (f == NULL || buf_read(&b, f) == -1) {
		*cause = xasprintf("%s: %s", path, strerror(errno));
		if (f != NULL)
			fclose(f);
		buf_free(&b);
		return NULL;
	}
	fclose(f);
	*len = b.len;
	return b.data != NULL ? buf_steal(&b) : xstrdup("");
}

/* `lyocell archive`: after prepare(), with the consolidation result on
 * c->cj's stack. */
int
pack_write(struct coord *c, const char *out, char **cause)
{
	struct tarball_file *files = NULL;
	char **owned = NULL, *abs, *anon, *dir, *meta = NULL;
	const char **vals, *path, *data, *eq;
	size_t nfiles = 0, i, n, len;
	struct buf env = BUF_INIT;
	int rc = -1;

	if (c->archive_dir != NULL) {
		*cause = xasprintf("%s: already an archive", c->script);
		return -1;
	}
	if (strcmp(c->script, "-") == 0) {
		*cause = xstrdup("cannot archive a script read from standard input");
		return -1;
	}
	owned = xcalloc(2 * c->bundle->nunits + 1, sizeof *owned);
	files = xcalloc(c->bundle->nunits + 1, sizeof *files);
	/* The entry first (it is "data"), then its imports. */
	for (i = c->bundle->nunits; i-- > 0;) {
		const char *id = c->bundle->units[i].id;
		char *p, *d;

		if (strncmp(id, "http://", 7) == 0 || strncmp(id, "https://", 8) == 0) {
			/* As k6: what was fetched, under SCHEME/HOST/PATH. */
			if (nfiles == 0 || c->bundle->units[i].remote == NULL) {
				*cause = xasprintf("%s: a remote script cannot be archived", id);
				goto out;
			}
			files[nfiles].path = id;
			files[nfiles].data = c->bundle->units[i].remote;
			files[nfiles].len = c->bundle->units[i].remote_len;
			nfiles++;
			continue;
		}
		if (strncmp(id, "file://", 7) != 0)
			continue;	/* Lyocell's own */
		owned[2 * nfiles] = p = url_path(id);
		if ((d = read_all(p, &files[nfiles].len, cause)) == NULL)
			goto out;
		owned[2 * nfiles + 1] = d;
		files[nfiles].path = p;
		files[nfiles].data = d;
		nfiles++;
	}
	/* What open() read in the init code. */
	for (i = 0; modules_opened(i, &path, &data, &len); i++) {
		size_t j;
		int dup = 0;

		for (j = 0; j < nfiles && !dup; j++)
			dup = strcmp(files[j].path, path) == 0;
		if (dup)
			continue;
		files = xreallocarray(files, nfiles + 1, sizeof *files);
		files[nfiles].path = path;
		files[nfiles].data = data;
		files[nfiles].len = len;
		nfiles++;
	}
	n = cli_all(c->cli, "env", &vals);
	if (cli_flag(c->cli, "exclude-env-vars", 0))
		n = 0;
	buf_putc(&env, '{');
	for (i = 0; i < n; i++) {
		eq = strchr(vals[i], '=');
		abs = xstrndup(vals[i], (size_t)(eq - vals[i]));
		buf_puts(&env, i ? "," : "");
		format_json_cstring(&env, abs, 0);
		buf_putc(&env, ':');
		format_json_cstring(&env, eq + 1, 0);
		free(abs);
	}
	buf_putc(&env, '}');
	free(vals);
	anon = tarball_anonymize(files[0].path);
	dir = xstrdup(anon);
	*strrchr(dir, '/') = '\0';
	js_getglobal(c->cj, "__ly_options");
	js_getproperty(c->cj, -1, "metadata");
	js_rot2(c->cj);
	js_copy(c->cj, -3);
	abs = xasprintf("file://%s", anon);
	js_pushstring(c->cj, abs);
	free(abs);
	abs = xasprintf("file://%s", *dir != '\0' ? dir : "/");
	js_pushstring(c->cj, abs);
	free(abs);
	js_getglobal(c->cj, "JSON");
	js_getproperty(c->cj, -1, "parse");
	js_rot2(c->cj);
	js_pushstring(c->cj, env.data);
	js_call(c->cj, 1);
	js_pushstring(c->cj, cli_get(c->cli, "compatibility-mode") != NULL ?
	    cli_get(c->cli, "compatibility-mode") : "extended");
	js_call(c->cj, 5);
	meta = xstrdup(js_tostring(c->cj, -1));
	js_pop(c->cj, 1);
	free(anon);
	free(dir);
	rc = tarball_write(out, meta, files, nfiles, cause);
out:
	free(meta);
	buf_free(&env);
	for (i = 0; owned != NULL && i < 2 * c->bundle->nunits + 1; i++)
		free(owned[i]);
	free(owned);
	free(files);
	return rc;
}
