/* The descriptor pool: what the parser and the set decoder add, and the
 * resolution of type names by protobuf's scoping rules. */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "proto/proto.h"
#include "util/xmalloc.h"

struct proto_pool {
	struct proto_message	**msgs;
	size_t			  nmsgs, resolved_msgs;
	struct proto_enum	**enums;
	size_t			  nenums;
	struct proto_method	**methods;
	size_t			  nmethods, resolved_methods;
	char			**files;
	size_t			  nfiles;
};

struct proto_pool *
proto_pool_new(void)
{
	return xcalloc(1, sizeof(struct proto_pool));
}

void
proto_pool_free(struct proto_pool *p)
{
	size_t i, j;

	if (p == NULL)
		return;
	for (i = 0; i < p->nmsgs; i++) {
		struct proto_message *m = p->msgs[i];

		for (j = 0; j < m->nfields; j++) {
			free(m->fields[j].name);
			free(m->fields[j].json_name);
			free(m->fields[j].type_name);
			free(m->fields[j].scope);
		}
		free(m->fields);
		free(m->name);
		free(m);
	}
	for (i = 0; i < p->nenums; i++) {
		for (j = 0; j < p->enums[i]->nvalues; j++)
			free(p->enums[i]->values[j].name);
		free(p->enums[i]->values);
		free(p->enums[i]->name);
		free(p->enums[i]);
	}
	for (i = 0; i < p->nmethods; i++) {
		struct proto_method *m = p->methods[i];

		free(m->path);
		free(m->package);
		free(m->service);
		free(m->name);
		free(m->in_name);
		free(m->out_name);
		free(m);
	}
	for (i = 0; i < p->nfiles; i++)
		free(p->files[i]);
	free(p->msgs);
	free(p->enums);
	free(p->methods);
	free(p->files);
	free(p);
}

struct proto_message *
proto_pool_add_message(struct proto_pool *p, const char *name)
{
	struct proto_message *m = xcalloc(1, sizeof *m);

	m->name = xstrdup(name);
	p->msgs = xreallocarray(p->msgs, p->nmsgs + 1, sizeof *p->msgs);
	p->msgs[p->nmsgs++] = m;
	return m;
}

struct proto_field *
proto_message_add_field(struct proto_message *m)
{
	struct proto_field *f;

	m->fields = xreallocarray(m->fields, m->nfields + 1, sizeof *m->fields);
	f = &m->fields[m->nfields++];
	memset(f, 0, sizeof *f);
	return f;
}

struct proto_enum *
proto_pool_add_enum(struct proto_pool *p, const char *name)
{
	struct proto_enum *e = xcalloc(1, sizeof *e);

	e->name = xstrdup(name);
	p->enums = xreallocarray(p->enums, p->nenums + 1, sizeof *p->enums);
	p->enums[p->nenums++] = e;
	return e;
}

void
proto_enum_add_value(struct proto_enum *e, const char *name, int32_t number)
{
	e->values = xreallocarray(e->values, e->nvalues + 1, sizeof *e->values);
	e->values[e->nvalues].name = xstrdup(name);
	e->values[e->nvalues++].number = number;
}

struct proto_method *
proto_pool_add_method(struct proto_pool *p, const char *package,
    const char *service, const char *name)
{
	struct proto_method *m = xcalloc(1, sizeof *m);

	m->package = xstrdup(package);
	m->service = *package != '\0' ? xasprintf("%s.%s", package, service) :
	    xstrdup(service);
	m->name = xstrdup(name);
	m->path = xasprintf("/%s/%s", m->service, name);
	p->methods = xreallocarray(p->methods, p->nmethods + 1, sizeof *p->methods);
	p->methods[p->nmethods++] = m;
	return m;
}

void
proto_pool_add_file(struct proto_pool *p, const char *name)
{
	p->files = xreallocarray(p->files, p->nfiles + 1, sizeof *p->files);
	p->files[p->nfiles++] = xstrdup(name);
}

int
proto_pool_has_file(const struct proto_pool *p, const char *name)
{
	size_t i;

	for (i = 0; i < p->nfiles; i++)
		if (strcmp(p->files[i], name) == 0)
			return 1;
	return 0;
}

const struct proto_message *
proto_pool_message(const struct proto_pool *p, const char *name)
{
	size_t i;

	if (*name == '.')
		name++;
	for (i = 0; i < p->nmsgs; i++)
		if (strcmp(p->msgs[i]->name, name) == 0)
			return p->msgs[i];
	return NULL;
}

static struct proto_enum *
pool_enum(const struct proto_pool *p, const char *name)
{
	size_t i;

	for (i = 0; i < p->nenums; i++)
		if (strcmp(p->enums[i]->name, name) == 0)
			return p->enums[i];
	return NULL;
}

const struct proto_method *
proto_pool_method(const struct proto_pool *p, const char *path)
{
	size_t i;

	/* The last one loaded wins, as k6's map of methods does. */
	for (i = p->nmethods; i-- > 0;)
		if (strcmp(p->methods[i]->path, path) == 0)
			return p->methods[i];
	return NULL;
}

size_t
proto_pool_nmethods(const struct proto_pool *p)
{
	return p->nmethods;
}

const struct proto_method *
proto_pool_method_at(const struct proto_pool *p, size_t i)
{
	return i < p->nmethods ? p->methods[i] : NULL;
}

/* Find name as written in scope ("pkg.Outer"): innermost scope first, as
 * protobuf resolves names.  Sets *m or *e; the full name, owned, or NULL. */
static char *
lookup(const struct proto_pool *p, const char *scope, const char *name,
    struct proto_message **m, struct proto_enum **e)
{
	char *cand, *s;
	size_t len;

	*m = NULL;
	*e = NULL;
	if (*name == '.') {
		*m = (struct proto_message *)proto_pool_message(p, name + 1);
		*e = *m == NULL ? pool_enum(p, name + 1) : NULL;
		return *m != NULL || *e != NULL ? xstrdup(name + 1) : NULL;
	}
	s = xstrdup(scope);
	for (;;) {
		cand = *s != '\0' ? xasprintf("%s.%s", s, name) : xstrdup(name);
		*m = (struct proto_message *)proto_pool_message(p, cand);
		if (*m == NULL)
			*e = pool_enum(p, cand);
		if (*m != NULL || *e != NULL) {
			free(s);
			return cand;
		}
		free(cand);
		if (*s == '\0')
			break;
		len = strlen(s);
		while (len > 0 && s[len - 1] != '.')
			len--;
		s[len > 0 ? len - 1 : 0] = '\0';
	}
	free(s);
	return NULL;
}

int
proto_pool_resolve(struct proto_pool *p, char **cause)
{
	struct proto_message *m;
	struct proto_enum *e;
	size_t i, j;
	char *full;

	for (i = p->resolved_msgs; i < p->nmsgs; i++)
		for (j = 0; j < p->msgs[i]->nfields; j++) {
			struct proto_field *f = &p->msgs[i]->fields[j];

			if (f->type_name == NULL || f->msg != NULL || f->en != NULL)
				continue;
			full = lookup(p, f->scope != NULL ? f->scope : "", f->type_name,
			    &m, &e);
			if (full == NULL) {
				*cause = xasprintf("%s: field %s: unknown type %s",
				    p->msgs[i]->name, f->name, f->type_name);
				return -1;
			}
			free(f->type_name);
			f->type_name = full;
			free(f->scope);
			f->scope = NULL;
			f->msg = m;
			f->en = e;
			if (e != NULL)
				f->type = PROTO_ENUM;
			else if (f->type != PROTO_GROUP)
				f->type = PROTO_MESSAGE;
			if (e != NULL && f->packed < 0)
				f->packed = 1;
			if (f->packed < 0)
				f->packed = 0;
		}
	for (i = p->resolved_methods; i < p->nmethods; i++) {
		struct proto_method *pm = p->methods[i];
		char *names[2] = { pm->in_name, pm->out_name };
		struct proto_message *res[2];

		for (j = 0; j < 2; j++) {
			full = lookup(p, pm->package, names[j], &res[j], &e);
			if (full == NULL || res[j] == NULL) {
				*cause = xasprintf("%s: unknown message type %s",
				    pm->path, names[j]);
				free(full);
				return -1;
			}
			free(full);
		}
		pm->in = res[0];
		pm->out = res[1];
	}
	p->resolved_msgs = p->nmsgs;
	p->resolved_methods = p->nmethods;
	return 0;
}

const struct proto_field *
proto_message_field(const struct proto_message *m, int32_t number)
{
	size_t i;

	for (i = 0; i < m->nfields; i++)
		if (m->fields[i].number == number)
			return &m->fields[i];
	return NULL;
}

const struct proto_field *
proto_message_field_named(const struct proto_message *m, const char *name)
{
	size_t i;

	for (i = 0; i < m->nfields; i++)
		if (strcmp(m->fields[i].json_name, name) == 0 ||
		    strcmp(m->fields[i].name, name) == 0)
			return &m->fields[i];
	return NULL;
}

const struct proto_enum_value *
proto_enum_by_number(const struct proto_enum *e, int32_t n)
{
	size_t i;

	for (i = 0; i < e->nvalues; i++)
		if (e->values[i].number == n)
			return &e->values[i];
	return NULL;
}

const struct proto_enum_value *
proto_enum_by_name(const struct proto_enum *e, const char *name)
{
	size_t i;

	for (i = 0; i < e->nvalues; i++)
		if (strcmp(e->values[i].name, name) == 0)
			return &e->values[i];
	return NULL;
}

char *
proto_json_name(const char *name)
{
	char *s = xmalloc(strlen(name) + 1), *o = s;
	int up = 0;

	for (; *name != '\0'; name++) {
		if (*name == '_') {
			up = 1;
			continue;
		}
		*o++ = up ? (char)toupper((unsigned char)*name) : *name;
		up = 0;
	}
	*o = '\0';
	return s;
}

int
proto_type_packable(enum proto_type t)
{
	return t != PROTO_STRING && t != PROTO_BYTES && t != PROTO_MESSAGE &&
	    t != PROTO_GROUP;
}
