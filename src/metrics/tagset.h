/* Interned tag sets.
 *
 * A tag set is a list of (key, value) string pairs sorted by key, keys
 * unique.  A tagset table interns each distinct set once and names it by a
 * small id, dense from 1 (0 is never a valid id); an interned set is
 * immutable and lives as long as the table.  The table grows up to a cap
 * on the number of distinct sets, after which interning a new set fails
 * and is counted: an unbounded tag (a URL with ids in it) must not eat the
 * memory of a soak test.
 *
 * tagset_table_new returns an owned table; tagset_table_free(NULL) is a
 * no-op.  Functions taking strings or tag arrays borrow them; pointers
 * returned by tagset_get and tagset_value point into the table and stay
 * valid until it is freed.  A table is for one thread. */
#ifndef LYOCELL_TAGSET_H
#define LYOCELL_TAGSET_H

#include <stddef.h>
#include <stdint.h>

struct tag {
	const char	*key;
	const char	*value;
};

struct tagset_table;

#define TAGSET_DEFAULT_MAX	(1U << 20)	/* distinct sets per table */
#define TAGSET_MAX_TAGS		256		/* tags in one set */
#define TAGSET_MAX_BYTES	65536		/* key and value bytes in one set */

/* max 0 means TAGSET_DEFAULT_MAX. */
struct tagset_table	*tagset_table_new(uint32_t max);
void			 tagset_table_free(struct tagset_table *);

/* Intern the n tags and store the set's id in *id.  The tags need not be
 * sorted; when a key appears more than once the last value wins.  Fails
 * with -1 and *cause when a set is too large or the table is full. */
int		 tagset_intern(struct tagset_table *, const struct tag *,
		     size_t n, uint32_t *id, char **cause);
/* The id of a set already interned, or 0; never adds. */
uint32_t	 tagset_find(struct tagset_table *, const struct tag *, size_t);
/* The id of set `base` with key set to value (added, or replaced when the
 * key is there), through a cache of derived ids so a VU adding check=name
 * or group=x to its current set costs a hash lookup, not a rebuild. */
int		 tagset_with(struct tagset_table *, uint32_t base,
		     const char *key, const char *value, uint32_t *id,
		     char **cause);

/* The sorted tags of set id and their number in *n, or NULL for an
 * unknown id. */
const struct tag *tagset_get(const struct tagset_table *, uint32_t id,
		     size_t *n);
/* The value of key in set id, or NULL. */
const char	*tagset_value(const struct tagset_table *, uint32_t id,
		     const char *key);
/* Whether every tag of set sub is in set id (sub-metric selection). */
int		 tagset_contains(const struct tagset_table *, uint32_t id,
		     uint32_t sub);

/* Number of distinct sets interned (the highest id). */
uint32_t	 tagset_count(const struct tagset_table *);
/* Number of interning attempts refused because the table was full. */
uint64_t	 tagset_refused(const struct tagset_table *);

#endif
