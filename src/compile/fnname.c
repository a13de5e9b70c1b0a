/* The names of anonymous functions and classes (Function.prototype.name).
 *
 * JavaScript names a function or class without a name of its own after
 * where it stands: var f = () => 1 is "f", { m() {} } and class methods
 * are "m", getters "get x", export default function () {} is "default".
 * fnname_infer notes that name on the N_FUNC or N_CLASS node (its s and
 * n, which these nodes do not use otherwise); the printer then gives the
 * ES5 function a name of its own that spells it, fnname_ident's
 * "__ly$n$" + the name with every byte but [A-Za-z0-9_] written $XX, +
 * "$$" + a number that keeps it unique.  The binding mujs makes of a
 * function expression's own name is thus one no code can see, and
 * src/js/fnname.c turns the name back once, when mujs compiles the
 * bundle, so that .name and stack traces read the JavaScript name at no
 * cost to a VU.  Computed keys are named at run time (helpers.js). */
#include "config.h"

#include <setjmp.h>
#include <stdio.h>
#include <string.h>

#include "compile/ast.h"
#include "compile/lexer.h"
#include "compile/lower-int.h"
#include "compile/username.h"

/* Marks (in raw) a function named after a computed key at run time. */
static const char computed[] = "computed";

static int
anonymous(const struct node *v)
{
	while (v != NULL && v->type == N_PAREN)
		v = v->a;
	return v != NULL && ((v->type == N_FUNC && !(v->flags & NF_DECL) &&
	    (v->a == NULL || (v->flags & NF_ARROW))) ||
	    (v->type == N_CLASS && v->a == NULL));
}

static void
set_name(struct arena *a, struct node *v, const char *prefix,
    const char *s, size_t n)
{
	size_t pn = strlen(prefix);
	char *name;

	while (v->type == N_PAREN)
		v = v->a;
	if (v->s != NULL)
		return;
	name = arena_alloc(a, pn + n + 1);
	memcpy(name, prefix, pn);
	memcpy(name + pn, s, n);
	name[pn + n] = '\0';
	v->s = name;
	v->n = pn + n;
}

/* The name of a binding the user wrote, in the user's spelling. */
static void
set_binding_name(struct arena *a, struct node *v, const struct node *id)
{
	struct buf b = BUF_INIT;

	if (username_unescape(&b, id->s, id->n))
		set_name(a, v, "", b.data, b.len);
	else
		set_name(a, v, "", id->s, id->n);
	buf_free(&b);
}

/* The name a literal key gives, or 0 for a computed or odd one. */
static int
key_name(const struct node *k, unsigned flags, const char **s, size_t *n,
    char *buf, size_t size)
{
	if (flags & NF_COMPUTED)
		return 0;
	switch (k->type) {
	case N_IDENT:
	case N_STR:
	case N_PRIVNAME:
		*s = k->s;
		*n = k->n;
		return *s != NULL;
	case N_NUM:
		if (k->num < 0 || k->num > 9007199254740991.0 ||
		    k->num != (double)(long long)k->num)
			return 0;
		*n = (size_t)snprintf(buf, size, "%lld", (long long)k->num);
		*s = buf;
		return 1;
	default:
		return 0;
	}
}

static void
name_member(struct arena *a, struct node *key, struct node *v,
    unsigned flags)
{
	char buf[32];
	const char *s;
	size_t n;

	if (v == NULL)
		return;
	while (v->type == N_PAREN)
		v = v->a;
	if ((flags & NF_COMPUTED) && v->type == N_FUNC && v->s == NULL &&
	    ((flags & (NF_GET | NF_SET | NF_METHOD)) || anonymous(v))) {
		v->raw = computed;
		v->s = flags & NF_GET ? "get " : flags & NF_SET ? "set " : "";
		v->n = strlen(v->s);
		return;
	}
	if (!key_name(key, flags, &s, &n, buf, sizeof buf))
		return;
	if (key->type == N_PRIVNAME) {
		char *p = arena_alloc(a, n + 2);

		p[0] = '#';
		memcpy(p + 1, s, n);
		s = p;
		n++;
	}
	if (flags & (NF_GET | NF_SET)) {
		if (v->type == N_FUNC)
			set_name(a, v, flags & NF_GET ? "get " : "set ", s, n);
	} else if ((flags & NF_METHOD) || anonymous(v))
		set_name(a, v, "", s, n);
}

static void
infer(struct arena *a, struct node *n)
{
	for (; n != NULL; n = n->next) {
		switch (n->type) {
		case N_DECL:
		case N_ASSIGNPAT:
			if (n->a != NULL && n->a->type == N_IDENT &&
			    anonymous(n->b))
				set_binding_name(a, n->b, n->a);
			break;
		case N_ASSIGN:
			if ((n->op == '=' || n->op == T_LAND_AS ||
			    n->op == T_LOR_AS || n->op == T_NULLISH_AS) &&
			    n->a->type == N_IDENT && anonymous(n->b))
				set_binding_name(a, n->b, n->a);
			break;
		case N_PROP:
			if (n->b != NULL && n->b->type != N_ASSIGNPAT)
				name_member(a, n->a, n->b, n->flags);
			break;
		case N_METHOD:
			if (!(n->flags & NF_CTOR))
				name_member(a, n->a, n->b,
				    n->flags | NF_METHOD);
			break;
		case N_FIELD:
			name_member(a, n->a, n->b, n->flags);
			break;
		case N_EXPORT:
			if ((n->flags & NF_DEFAULT) && anonymous(n->a))
				set_name(a, n->a, "", "default", 7);
			break;
		default:
			break;
		}
		if (n->a != NULL)
			infer(a, n->a);
		if (n->b != NULL)
			infer(a, n->b);
		if (n->c != NULL)
			infer(a, n->c);
		if (n->d != NULL)
			infer(a, n->d);
	}
}

int
fnname_computed(const struct node *v)
{
	while (v != NULL && v->type == N_PAREN)
		v = v->a;
	return v != NULL && v->type == N_FUNC && v->raw == computed;
}

void
fnname_infer(struct arena *a, struct node *prog)
{
	infer(a, prog);
}

const char *
fnname_ident(struct gen *g, const struct node *f)
{
	struct buf b = BUF_INIT;
	const char *id;
	size_t i;

	if (f->s == NULL || f->raw == computed || (f->type == N_FUNC && f->a != NULL &&
	    !(f->flags & NF_ARROW)))
		return NULL;
	buf_puts(&b, "__ly$n$");
	for (i = 0; i < f->n; i++) {
		unsigned char c = (unsigned char)f->s[i];

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == '_')
			buf_add(&b, f->s + i, 1);
		else
			buf_printf(&b, "$%02X", c);
	}
	buf_printf(&b, "$$%d", ++g->uid);
	id = gstrdup(g, b.data);
	buf_free(&b);
	return id;
}
