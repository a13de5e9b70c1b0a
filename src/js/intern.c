/* One table of interned strings for every JavaScript state of the
 * process; see intern.h.
 *
 * Why: mujs 1.3.2 interns every identifier and string literal it lexes
 * and every property name it creates, in one balanced tree per state,
 * compared with strcmp and rebalanced on every call, found or not.  A
 * VU's state interned about 420 distinct names (its built-ins, the
 * runtime library, the script), each a tree node of its own in every VU,
 * and looking them up was a quarter of the instructions of a VU's start.
 * libmujs.so calls js_intern through its PLT, so the definition below
 * takes its place for every state: one hash table, whose strings live as
 * long as the process.  That is safe because mujs only ever reads an
 * interned string, compares names with strcmp, never frees one before
 * its state (jsS_freestrings frees the state's own tree, which stays
 * empty) and keeps nothing else beside it (its 1.3.2 tree nodes are
 * left, right, level, then the characters).  Names a state interns stay
 * until the process ends, as they stayed until the state ended; with one
 * table, every VU shares them. */
#include "config.h"

#include <mujs.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "js/intern.h"
#include "js/surrogate.h"
#include "util/xmalloc.h"

/* mujs exports it without declaring it in mujs.h */
const char *js_intern(js_State *, const char *);

struct slot {
	const char	*s;
	uint32_t	 hash;
};

static struct slot *slots;
static size_t nslots, nused;

/* Strings interned lately, by their address: mujs interns the name of
 * every property it makes, and most such names are the code's
 * constants, interned when it was compiled (an object literal's keys,
 * made again each time it runs).  An interned string lives as long as
 * the process, so a string at its address is that string. */
#define RECENT	256
static const char *recent[RECENT];

static inline size_t
recent_slot(const char *s)
{
	return (size_t)((uintptr_t)s >> 4) & (RECENT - 1);
}

static uint32_t
hash(const char *s, int *ed)
{
	uint32_t h = 2166136261u;
	unsigned char c;

	*ed = 0;
	while ((c = (unsigned char)*s++) != '\0') {
		h = (h ^ c) * 16777619u;
		*ed |= c == 0xed;
	}
	return h;
}

static struct slot *
find(const char *s, uint32_t h)
{
	size_t i;

	for (i = h & (nslots - 1);; i = (i + 1) & (nslots - 1))
		if (slots[i].s == NULL ||
		    (slots[i].hash == h && strcmp(slots[i].s, s) == 0))
			return &slots[i];
}

static void
grow(void)
{
	struct slot *old = slots;
	size_t i, n = nslots;

	nslots = n == 0 ? 4096 : n * 2;
	slots = xcalloc(nslots, sizeof *slots);
	for (i = 0; i < n; i++)
		if (old[i].s != NULL)
			*find(old[i].s, old[i].hash) = old[i];
	free(old);
}

const char *
js_intern(js_State *J, const char *s)
{
	struct slot *e;
	uint32_t h;
	char *joined;
	const char *r;
	int ed;

	if (recent[recent_slot(s)] == s)
		return s;
	h = hash(s, &ed);
	/* a literal's or name's surrogate pairs, as js/surrogate.c */
	if (ed && (surrogate_join(s, strlen(s), &joined), joined != NULL)) {
		r = js_intern(J, joined);
		free(joined);
		return r;
	}
	if (nused >= nslots / 4 * 3)
		grow();
	e = find(s, h);
	if (e->s == NULL) {
		e->s = xstrdup(s);
		e->hash = h;
		nused++;
	}
	recent[recent_slot(e->s)] = e->s;
	return e->s;
}

size_t
intern_count(void)
{
	return nused;
}
