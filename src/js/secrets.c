/* k6/secrets' sources and the primitive get(source, key) of
 * src/js/jsmod/secrets.js; see secrets.h. */
#include "config.h"

#include <errno.h>
#include <mujs.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "exitcode.h"
#include "js/jsmod.h"
#include "js/modules.h"
#include "js/secrets.h"
#include "util/buf.h"
#include "util/log.h"
#include "util/xmalloc.h"

struct secret {
	char	*key;
	char	*value;
};

struct source {
	char		*name;
	struct secret	*kv;
	size_t		 nkv;
	int		 isdefault;
};

static struct source *sources;
static size_t nsources;

static void
source_put(struct source *s, const char *k, size_t klen, const char *v)
{
	size_t i;

	for (i = 0; i < s->nkv; i++)
		if (strlen(s->kv[i].key) == klen &&
		    strncmp(s->kv[i].key, k, klen) == 0) {
			free(s->kv[i].value);
			s->kv[i].value = xstrdup(v);
			return;
		}
	s->kv = xreallocarray(s->kv, s->nkv + 1, sizeof *s->kv);
	s->kv[s->nkv].key = xstrndup(k, klen);
	s->kv[s->nkv++].value = xstrdup(v);
}

/* The file source: lines of key=value, as k6's reads them. */
static int
load_file(struct source *s, const char *path, char **cause)
{
	char *line = NULL, *eq;
	size_t cap = 0;
	ssize_t n;
	FILE *f;

	if ((f = fopen(path, "r")) == NULL) {
		*cause = xasprintf("open %s: %s", path, strerror(errno));
		return -1;
	}
	while ((n = getline(&line, &cap, f)) != -1) {
		if (n > 0 && line[n - 1] == '\n')
			line[--n] = '\0';
		if (n > 0 && line[n - 1] == '\r')
			line[--n] = '\0';
		if ((eq = strchr(line, '=')) == NULL) {
			*cause = xasprintf("parsing \"%s\", needs =", line);
			free(line);
			fclose(f);
			return -1;
		}
		source_put(s, line, (size_t)(eq - line), eq + 1);
	}
	free(line);
	fclose(f);
	return 0;
}

/* One --secret-source value: TYPE[=CONFIG], CONFIG a comma list in
 * which name=NAME and default are the manager's, the rest the source's. */
static int
add_source(const char *spec, char **cause)
{
	struct source s;
	const char *eq = strchr(spec, '='), *config = eq != NULL ? eq + 1 : "";
	char *type, *copy, *item, *save = NULL, *filename = NULL;
	struct buf rest = BUF_INIT;
	size_t i;
	int rc = -1;

	memset(&s, 0, sizeof s);
	type = eq != NULL ? xstrndup(spec, (size_t)(eq - spec)) : xstrdup(spec);
	copy = xstrdup(config);
	if (eq == NULL && spec[strspn(spec, " \t")] == '\0') {
		*cause = xasprintf("couldn't parse secret source configuration \"%s\"", spec);
		goto out;
	}
	if (strcmp(type, "file") != 0 && strcmp(type, "mock") != 0) {
		*cause = xasprintf("no secret source for type \"%s\" for configuration \"%s\"",
		    type, spec);
		goto out;
	}
	for (item = strtok_r(copy, ",", &save); item != NULL;
	    item = strtok_r(NULL, ",", &save)) {
		if (strcmp(item, "default") == 0)
			s.isdefault = 1;
		else if (strncmp(item, "name=", 5) == 0) {
			free(s.name);
			s.name = xstrdup(item + 5);
		} else if (strcmp(type, "file") == 0) {
			if (strchr(item, '=') == NULL)
				filename = item;
			else if (strncmp(item, "filename=", 9) == 0)
				filename = item + 9;
			else {
				*cause = xasprintf("unknown configuration key for file "
				    "secret source \"%.*s\"", (int)strcspn(item, "="), item);
				goto out;
			}
		} else {
			const char *e = strchr(item, '=');

			if (e == NULL) {
				*cause = xasprintf("parsing \"%s\", needs =", item);
				goto out;
			}
			source_put(&s, item, (size_t)(e - item), e + 1);
		}
	}
	if (strcmp(type, "file") == 0) {
		if (filename == NULL || *filename == '\0') {
			*cause = xasprintf("open : %s", strerror(ENOENT));
			goto out;
		}
		if (load_file(&s, filename, cause) == -1)
			goto out;
	}
	if (s.name == NULL || *s.name == '\0') {
		free(s.name);
		s.name = xstrdup(type);
	}
	for (i = 0; i < nsources; i++)
		if (strcmp(sources[i].name, s.name) == 0) {
			*cause = xasprintf("secret source for name \"%s\" already "
			    "registered before configuration \"%s\"", type, spec);
			goto out;
		}
	for (i = 0; s.isdefault && i < nsources; i++)
		if (sources[i].isdefault) {
			*cause = xasprintf("can't have two secret sources that are "
			    "default ones, second one was \"%s\"", config);
			goto out;
		}
	sources = xreallocarray(sources, nsources + 1, sizeof *sources);
	sources[nsources++] = s;
	memset(&s, 0, sizeof s);
	rc = 0;
out:
	for (i = 0; i < s.nkv; i++) {
		free(s.kv[i].key);
		free(s.kv[i].value);
	}
	free(s.kv);
	free(s.name);
	free(type);
	free(copy);
	buf_free(&rest);
	return rc;
}

int
secrets_configure(const char *const *specs, size_t n, char **cause)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (add_source(specs[i], cause) == -1)
			return -1;
	if (nsources == 1)
		sources[0].isdefault = 1;
	return 0;
}

int
secret_sources(const struct cli *cli)
{
	const char **specs;
	char *cause = NULL;
	size_t n = cli_all(cli, "secret-source", &specs);
	int rc = 0;

	if (secrets_configure(specs, n, &cause) == -1) {
		log_msg(LOG_ERROR, NULL, "--secret-source: %s", cause);
		free(cause);
		rc = EXIT_USAGE;
	}
	free(specs);
	return rc;
}

/* get(source, key): the value, or an Error with k6's message. */
static void
p_get(js_State *J)
{
	const char *name = js_tostring(J, 1), *key = js_tostring(J, 2);
	const struct source *s = NULL;
	size_t i;

	if (nsources == 0)
		js_error(J, "no secret sources are configured");
	for (i = 0; i < nsources; i++)
		if (strcmp(name, "default") == 0 ? sources[i].isdefault :
		    strcmp(sources[i].name, name) == 0) {
			s = &sources[i];
			break;
		}
	if (s == NULL)
		js_error(J, "no secret source with name \"%s\" is configured", name);
	for (i = 0; i < s->nkv; i++)
		if (strcmp(s->kv[i].key, key) == 0) {
			log_redact(s->kv[i].value);
			js_pushstring(J, s->kv[i].value);
			return;
		}
	js_error(J, "no value");
}

void
secrets_prims(js_State *J)
{
	modules_setfn(J, p_get, "get", 2);
}
