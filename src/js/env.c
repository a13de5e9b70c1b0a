/* __ENV without a property per variable; see env.h.  A VU's __ENV with
 * the usual 40-odd variables of a system environment took about 3 KiB
 * (a 64-byte property each and a copy of each value longer than 15
 * bytes), the largest single part of a sleeping VU's own objects that is
 * not code. */
#include "config.h"

#include <mujs.h>
#include <string.h>

#include "engine/plan.h"
#include "js/env.h"
#include "js/mujs-layout.h"

/* mujs exports these without declaring them in mujs.h */
void	js_pushobject(js_State *, void *);
void	*js_toobject(js_State *, int);
void	*jsV_getproperty(js_State *, void *, const char *);

static const char TAG[] = "Object";

struct env {
	const struct kv	*run, *sc;
	size_t		 nrun, nsc;
	void		*self;
	int		 owned;
};

static const struct kv *
find(const struct kv *kv, size_t n, const char *name)
{
	while (n-- > 0)
		if (kv[n].key[0] == name[0] && strcmp(kv[n].key, name) == 0)
			return &kv[n];
	return NULL;
}

static void
own(js_State *J, struct env *e, int idx)
{
	size_t i;

	if (e->owned)
		return;
	e->owned = 1;	/* the hooks step aside from now on */
	if (idx < 0)
		idx += js_gettop(J);
	for (i = 0; i < e->nrun; i++) {
		js_pushliteral(J, e->run[i].value);
		js_setproperty(J, idx, e->run[i].key);
	}
	for (i = 0; i < e->nsc; i++) {
		js_pushliteral(J, e->sc[i].value);
		js_setproperty(J, idx, e->sc[i].key);
	}
}

static int
env_has(js_State *J, void *p, const char *name)
{
	struct env *e = p;
	const struct kv *kv;

	if (e->owned)
		return 0;
	if ((kv = find(e->sc, e->nsc, name)) == NULL &&
	    (kv = find(e->run, e->nrun, name)) == NULL)
		return 0;
	js_pushliteral(J, kv->value);
	return 1;
}

/* An assignment or a delete: the variables become own properties first,
 * then mujs goes on as for any object. */
static int
env_change(js_State *J, void *p, const char *name)
{
	struct env *e = p;

	(void)name;
	if (!e->owned) {
		js_pushobject(J, e->self);
		own(J, e, -1);
		js_pop(J, 1);
	}
	return 0;
}

static void
env_free(js_State *J, void *p)
{
	js_free(J, p);
}

void
env_push(js_State *J, const struct kv *run, size_t nrun, const struct kv *sc,
    size_t nsc)
{
	struct env *e = js_malloc(J, sizeof *e);

	e->run = run;
	e->nrun = nrun;
	e->sc = sc;
	e->nsc = nsc;
	e->owned = 0;
	js_pushobject(J, ((struct mj_state *)(void *)J)->prototypes[0]);
	js_newuserdatax(J, TAG, e, env_has, env_change, env_change, env_free);
	e->self = js_toobject(J, -1);
}

int
env_unowned(const char *tag, const void *data)
{
	return tag == TAG && !((const struct env *)data)->owned;
}

void
env_own(js_State *J, int idx)
{
	own(J, js_touserdata(J, idx, TAG), idx);
}

void
env_global_plain(js_State *J, const char *name, int fn, int idx)
{
	struct mj_state *S = (void *)J;
	struct mj_property *ref;
	void *f = js_toobject(J, fn);

	if (idx < 0)
		idx += js_gettop(J);
	ref = jsV_getproperty(J, S->G, name);
	if (ref == NULL || ref->getter != f)
		return;
	ref->value = S->stack[S->bot + idx];
	ref->getter = ref->setter = NULL;
	ref->atts &= ~(MJ_READONLY | MJ_DONTENUM | MJ_DONTCONF);
}
