/* A cache in front of mujs's string interning while a VU starts; see
 * intern.h.
 *
 * Why: mujs 1.3.2 interns every identifier and string literal it lexes
 * and every property name it creates in one balanced tree per state,
 * compared with strcmp, rebalanced on every call, found or not.  A new
 * VU interns about 1,800 names (its built-ins, the runtime library, the
 * script), three quarters of them again and again ("length", "prototype",
 * the library's identifiers): a quarter of the instructions of a VU's
 * start.  libmujs.so calls js_intern through its PLT, so the definition
 * below takes its place and answers repeats from a hash table; the first
 * occurrence of a name still goes to mujs's tree, whose string the table
 * keeps.  mujs frees interned strings only with their state, and the
 * table serves one state at a time, only while it starts. */
#include "config.h"

#include <dlfcn.h>
#include <mujs.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "js/intern.h"

#define SLOTS	4096	/* a power of two */
#define FILL	3072	/* then new names bypass the table */

struct slot {
	const char	*s;
	uint32_t	 hash;
	uint32_t	 gen;
};

/* mujs exports it without declaring it in mujs.h */
const char *js_intern(js_State *, const char *);

static const char *(*real_intern)(js_State *, const char *);
static struct slot *slots;
static uint32_t gen;
static unsigned nfill;
static js_State *owner;		/* the state served; NULL: the next one */
static int active;

static uint32_t
hash(const char *s)
{
	uint32_t h = 2166136261u;

	while (*s != '\0')
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h;
}

const char *
js_intern(js_State *J, const char *s)
{
	struct slot *e;
	uint32_t h, i;
	const char *r;

	if (real_intern == NULL) {
		*(void **)&real_intern = dlsym(RTLD_NEXT, "js_intern");
		if (real_intern == NULL) {
			fprintf(stderr, "lyocell: internal error: no js_intern in mujs\n");
			abort();
		}
	}
	if (!active || (owner != NULL && owner != J))
		return real_intern(J, s);
	owner = J;
	h = hash(s);
	for (i = h & (SLOTS - 1);; i = (i + 1) & (SLOTS - 1)) {
		e = &slots[i];
		if (e->gen != gen)
			break;
		if (e->hash == h && strcmp(e->s, s) == 0)
			return e->s;
	}
	r = real_intern(J, s);
	if (nfill < FILL) {
		e->s = r;
		e->hash = h;
		e->gen = gen;
		nfill++;
	}
	return r;
}

void
intern_cache_begin(void)
{
	if (slots == NULL)
		slots = calloc(SLOTS, sizeof *slots);
	if (slots == NULL)
		return;	/* no cache, no harm */
	/* A new generation empties the table without touching it. */
	if (++gen == 0) {
		memset(slots, 0, SLOTS * sizeof *slots);
		gen = 1;
	}
	nfill = 0;
	owner = NULL;
	active = 1;
}

void
intern_cache_end(void)
{
	active = 0;
	owner = NULL;
}
