/* Interned tag sets; see tagset.h. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "metrics/tagset.h"
#include "util/xmalloc.h"

/* One interned set: a header, the tags, then their strings, in one
 * allocation. */
struct tset {
	uint32_t	 hash;
	uint32_t	 n;
	struct tag	 tags[];
};

/* A derived-id cache entry: (base, key, value) -> id.  key and value
 * point into the derived set's own strings. */
struct derived {
	uint32_t	 base;
	uint32_t	 id;
	uint32_t	 hash;
	const char	*key;
	const char	*value;
};

#define DERIVED_SIZE	4096	/* direct mapped: a collision overwrites */

struct tagset_table {
	struct tset	**sets;		/* by id; sets[0] unused */
	uint32_t	  count;
	uint32_t	  alloc;
	uint32_t	  max;

	uint32_t	 *slots;	/* open addressing, ids, 0 empty */
	uint32_t	  mask;

	struct derived	 *derived;	/* allocated on first tagset_with */
	struct derived	 *last;		/* ... the entry it last gave */
	uint64_t	  refused;
};

/* A word at a time: interning runs once per request in every worker.
 * The length goes into the last word so "ab","c" and "a","bc" differ. */
static uint32_t
tagset_hash_str(uint32_t seed, const char *s)
{
	const uint64_t k = 0x9e3779b97f4a7c15ULL;
	uint64_t h = seed, w;
	size_t n = strlen(s), len = n;

	for (; n >= 8; n -= 8, s += 8) {
		memcpy(&w, s, 8);
		h = (h ^ w) * k;
		h ^= h >> 32;
	}
	/* Bytes into a register: a short memcpy to the stack then a word
	 * load would stall on store forwarding. */
	for (w = 0; n > 0; n--)
		w = w << 8 | (unsigned char)s[n - 1];
	h = (h ^ w ^ (uint64_t)len << 56) * k;
	h ^= h >> 29;
	return (uint32_t)(h ^ h >> 32);
}

static uint32_t
tagset_hash(const struct tag *t, size_t n)
{
	uint32_t h = 2166136261U;
	size_t i;

	for (i = 0; i < n; i++) {
		h = tagset_hash_str(h, t[i].key);
		h = tagset_hash_str(h, t[i].value);
	}
	return h;
}

struct tagset_table *
tagset_table_new(uint32_t max)
{
	struct tagset_table *t;

	t = xcalloc(1, sizeof *t);
	t->max = max ? max : TAGSET_DEFAULT_MAX;
	t->alloc = 64;
	t->sets = xcalloc(t->alloc, sizeof *t->sets);
	t->mask = 127;
	t->slots = xcalloc(t->mask + 1, sizeof *t->slots);
	return t;
}

void
tagset_table_free(struct tagset_table *t)
{
	uint32_t i;

	if (t == NULL)
		return;
	for (i = 1; i <= t->count; i++)
		free(t->sets[i]);
	free(t->sets);
	free(t->slots);
	free(t->derived);
	free(t);
}

/* Sort (stable) and drop repeated keys, the last one winning.  Returns
 * the tags to use: the caller's when they are already canonical. */
static const struct tag *
tagset_canon(const struct tag *in, size_t n, struct tag *tmp, size_t *np)
{
	size_t i, j, k;

	for (i = 1; i < n; i++) {
		if (strcmp(in[i - 1].key, in[i].key) >= 0)
			break;
	}
	if (i >= n) {
		*np = n;
		return in;
	}
	for (i = 0; i < n; i++) {
		struct tag x = in[i];

		for (j = i; j > 0 && strcmp(tmp[j - 1].key, x.key) > 0; j--)
			tmp[j] = tmp[j - 1];
		tmp[j] = x;
	}
	for (i = 0, k = 0; i < n; i++) {
		if (i + 1 < n && strcmp(tmp[i].key, tmp[i + 1].key) == 0)
			continue;
		tmp[k++] = tmp[i];
	}
	*np = k;
	return tmp;
}

static int
tagset_equal(const struct tset *s, uint32_t hash, const struct tag *t,
    size_t n)
{
	size_t i;

	if (s->hash != hash || s->n != n)
		return 0;
	for (i = 0; i < n; i++) {
		if (strcmp(s->tags[i].key, t[i].key) != 0 ||
		    strcmp(s->tags[i].value, t[i].value) != 0)
			return 0;
	}
	return 1;
}

/* Room for n tags while a set is made canonical: on the stack when they
 * are few (a VU's check() and requests come here on its coroutine stack,
 * which stays in the pages it has), else allocated. */
#define TAGSET_SMALL	16

static struct tag *
tag_room(struct tag *small, size_t n)
{
	return n <= TAGSET_SMALL ? small : xreallocarray(NULL, n, sizeof *small);
}

static void
tag_room_free(struct tag *small, struct tag *room)
{
	if (room != small)
		free(room);
}

/* The slot holding the set, or the empty slot where it would go. */
static uint32_t *
tagset_slot(struct tagset_table *t, uint32_t hash, const struct tag *tags,
    size_t n)
{
	uint32_t i = hash & t->mask, *slot;

	for (;;) {
		slot = &t->slots[i];
		if (*slot == 0 || tagset_equal(t->sets[*slot], hash, tags, n))
			return slot;
		i = (i + 1) & t->mask;
	}
}

static void
tagset_grow(struct tagset_table *t)
{
	uint32_t *old = t->slots, oldsize = t->mask + 1, i, j;

	t->mask = oldsize * 2 - 1;
	t->slots = xcalloc(t->mask + 1, sizeof *t->slots);
	for (i = 0; i < oldsize; i++) {
		if (old[i] == 0)
			continue;
		j = t->sets[old[i]]->hash & t->mask;
		while (t->slots[j] != 0)
			j = (j + 1) & t->mask;
		t->slots[j] = old[i];
	}
	free(old);
}

static int
tagset_check(const struct tag *tags, size_t n, size_t *bytes, char **cause)
{
	size_t i, total = 0;

	if (n > TAGSET_MAX_TAGS) {
		*cause = xasprintf("tag set has %zu tags (at most %d)", n,
		    TAGSET_MAX_TAGS);
		return -1;
	}
	for (i = 0; i < n; i++) {
		if (tags[i].key == NULL || tags[i].value == NULL) {
			*cause = xstrdup("tag with a NULL key or value");
			return -1;
		}
		total += strlen(tags[i].key) + strlen(tags[i].value) + 2;
	}
	if (total > TAGSET_MAX_BYTES) {
		*cause = xasprintf("tag set is %zu bytes long (at most %d)",
		    total, TAGSET_MAX_BYTES);
		return -1;
	}
	*bytes = total;
	return 0;
}

int
tagset_intern(struct tagset_table *t, const struct tag *in, size_t nin,
    uint32_t *id, char **cause)
{
	struct tag small[TAGSET_SMALL], *tmp;
	const struct tag *tags;
	struct tset *s;
	uint32_t hash, *slot;
	size_t n, i, bytes, len;
	char *p;

	if (tagset_check(in, nin, &bytes, cause) != 0)
		return -1;
	tmp = tag_room(small, nin);
	tags = tagset_canon(in, nin, tmp, &n);
	hash = tagset_hash(tags, n);
	slot = tagset_slot(t, hash, tags, n);
	if (*slot != 0) {
		*id = *slot;
		tag_room_free(small, tmp);
		return 0;
	}
	if (t->count >= t->max) {
		t->refused++;
		*cause = xasprintf("too many distinct tag sets (%u): a tag has "
		    "unbounded values, such as a url with ids in it; group "
		    "them with the name tag", t->max);
		tag_room_free(small, tmp);
		return -1;
	}

	s = xmalloc(sizeof *s + n * sizeof s->tags[0] + bytes);
	s->hash = hash;
	s->n = n;
	p = (char *)&s->tags[n];
	for (i = 0; i < n; i++) {
		len = strlen(tags[i].key) + 1;
		memcpy(p, tags[i].key, len);
		s->tags[i].key = p;
		p += len;
		len = strlen(tags[i].value) + 1;
		memcpy(p, tags[i].value, len);
		s->tags[i].value = p;
		p += len;
	}
	tag_room_free(small, tmp);

	if (t->count + 1 >= t->alloc) {
		t->sets = xreallocarray(t->sets, t->alloc, 2 * sizeof *t->sets);
		memset(t->sets + t->alloc, 0, t->alloc * sizeof *t->sets);
		t->alloc *= 2;
	}
	t->sets[++t->count] = s;
	*slot = t->count;
	*id = t->count;
	/* Keep the load under one half so probes stay short. */
	if (t->count * 2 > t->mask)
		tagset_grow(t);
	return 0;
}

uint32_t
tagset_find(struct tagset_table *t, const struct tag *in, size_t nin)
{
	struct tag small[TAGSET_SMALL], *tmp;
	const struct tag *tags;
	uint32_t id;
	size_t n;

	if (nin > TAGSET_MAX_TAGS)
		return 0;
	tmp = tag_room(small, nin);
	tags = tagset_canon(in, nin, tmp, &n);
	id = *tagset_slot(t, tagset_hash(tags, n), tags, n);
	tag_room_free(small, tmp);
	return id;
}

int
tagset_with(struct tagset_table *t, uint32_t base, const char *key,
    const char *value, uint32_t *id, char **cause)
{
	struct tag small[TAGSET_SMALL], *tmp;
	struct derived *d;
	int rc;
	const struct tset *b;
	uint32_t hash;
	size_t i, n;

	if (base == 0 || base > t->count) {
		*cause = xasprintf("unknown tag set %u", base);
		return -1;
	}
	/* A check's tag set, asked for again at every call of the check:
	 * two short compares where hashing both strings cost twice as much.
	 * The strings are compared, not their addresses, which a caller's
	 * buffer may reuse for other names. */
	if ((d = t->last) != NULL && d->base == base && d->key != NULL &&
	    strcmp(d->key, key) == 0 && strcmp(d->value, value) == 0) {
		*id = d->id;
		return 0;
	}
	hash = tagset_hash_str(tagset_hash_str(base * 2654435761U, key),
	    value);
	if (t->derived == NULL)
		t->derived = xcalloc(DERIVED_SIZE, sizeof *t->derived);
	d = &t->derived[hash & (DERIVED_SIZE - 1)];
	if (d->id != 0 && d->base == base && d->hash == hash &&
	    strcmp(d->key, key) == 0 && strcmp(d->value, value) == 0) {
		*id = d->id;
		t->last = d;
		return 0;
	}

	b = t->sets[base];
	tmp = tag_room(small, b->n + 1);
	for (i = 0, n = 0; i < b->n; i++) {
		if (strcmp(b->tags[i].key, key) != 0)
			tmp[n++] = b->tags[i];
	}
	tmp[n].key = key;
	tmp[n].value = value;
	n++;
	rc = tagset_intern(t, tmp, n, id, cause);
	tag_room_free(small, tmp);
	if (rc != 0)
		return -1;

	d->base = base;
	d->id = *id;
	d->hash = hash;
	d->key = d->value = NULL;
	b = t->sets[*id];
	for (i = 0; i < b->n; i++) {
		if (strcmp(b->tags[i].key, key) == 0) {
			d->key = b->tags[i].key;
			d->value = b->tags[i].value;
			break;
		}
	}
	t->last = d;
	return 0;
}

const struct tag *
tagset_get(const struct tagset_table *t, uint32_t id, size_t *n)
{
	if (id == 0 || id > t->count) {
		*n = 0;
		return NULL;
	}
	*n = t->sets[id]->n;
	return t->sets[id]->tags;
}

const char *
tagset_value(const struct tagset_table *t, uint32_t id, const char *key)
{
	const struct tset *s;
	size_t lo, hi, mid;
	int c;

	if (id == 0 || id > t->count)
		return NULL;
	s = t->sets[id];
	lo = 0;
	hi = s->n;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		c = strcmp(key, s->tags[mid].key);
		if (c == 0)
			return s->tags[mid].value;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

int
tagset_contains(const struct tagset_table *t, uint32_t id, uint32_t sub)
{
	const struct tset *a, *b;
	size_t i, j;
	int c;

	if (id == 0 || id > t->count || sub == 0 || sub > t->count)
		return 0;
	if (id == sub)
		return 1;
	a = t->sets[id];
	b = t->sets[sub];
	for (i = 0, j = 0; j < b->n; j++) {
		for (;;) {
			if (i >= a->n)
				return 0;
			c = strcmp(a->tags[i].key, b->tags[j].key);
			if (c == 0)
				break;
			if (c > 0)
				return 0;
			i++;
		}
		if (strcmp(a->tags[i].value, b->tags[j].value) != 0)
			return 0;
		i++;
	}
	return 1;
}

uint32_t
tagset_count(const struct tagset_table *t)
{
	return t->count;
}

uint64_t
tagset_refused(const struct tagset_table *t)
{
	return t->refused;
}
