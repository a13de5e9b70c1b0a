/* Names to small integers; see nametab.h.  Open addressing, at most half
 * full; a table that grows leaves its old slots in the arena. */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "compile/ast.h"
#include "compile/nametab.h"

struct slot {
	const char	*name;	/* NULL: empty */
	size_t		 n;
	int		 value;
};

struct nametab {
	struct arena	*arena;
	struct slot	*slots;
	size_t		 cap, used;	/* cap: a power of two */
};

static uint32_t
hash(const char *s, size_t n)
{
	uint32_t h = 2166136261u;

	while (n-- > 0)
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h;
}

static struct slot *
find(const struct nametab *t, const char *name, size_t n)
{
	size_t i = hash(name, n) & (t->cap - 1);

	while (t->slots[i].name != NULL && (t->slots[i].n != n ||
	    memcmp(t->slots[i].name, name, n) != 0))
		i = (i + 1) & (t->cap - 1);
	return &t->slots[i];
}

static void
resize(struct nametab *t, size_t cap)
{
	struct slot *old = t->slots;
	size_t i, ocap = t->cap;

	t->slots = arena_alloc(t->arena, cap * sizeof *t->slots);
	memset(t->slots, 0, cap * sizeof *t->slots);
	t->cap = cap;
	for (i = 0; i < ocap; i++)
		if (old[i].name != NULL)
			*find(t, old[i].name, old[i].n) = old[i];
}

struct nametab *
nametab_new(struct arena *a)
{
	struct nametab *t = arena_alloc(a, sizeof *t);

	memset(t, 0, sizeof *t);
	t->arena = a;
	resize(t, 16);
	return t;
}

int
nametab_get(const struct nametab *t, const char *name, size_t n)
{
	const struct slot *s = find(t, name, n);

	return s->name != NULL ? s->value : -1;
}

void
nametab_put(struct nametab *t, const char *name, size_t n, int value)
{
	struct slot *s = find(t, name, n);

	if (s->name == NULL) {
		if (2 * (t->used + 1) > t->cap) {
			resize(t, 2 * t->cap);
			s = find(t, name, n);
		}
		s->name = name;
		s->n = n;
		t->used++;
	}
	s->value = value;
}
