/* The VUs' JavaScript memory; see vualloc.h.
 *
 * Why: a VU is mostly thousands of mujs properties (64 bytes), objects
 * (104) and short strings, plus the parse trees of its init code (96-byte
 * nodes, freed once compiled).  Through malloc with a size header each
 * such block cost 16 to 24 bytes more than asked, and malloc and free a
 * fifth of a VU's start-up time.  Runs owned by one VU each were tried
 * and measured worse: the garbage a VU leaves after its init code (about
 * a third of its runs' blocks) only that VU could reuse.
 *
 * Runs are 4 KiB, 4 KiB-aligned, so a block's run is its address rounded
 * down; they come from one address range reserved at first use (committed
 * as it fills), so "is this block small?" is a range check.  Without that
 * range (mmap refused) every block takes the large path. */
#include "config.h"

#include <sys/mman.h>
#include <sys/resource.h>

#include <stdint.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <stdlib.h>
#include <string.h>

#include "engine/vualloc.h"
#include "util/xmalloc.h"

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/asan_interface.h>
#define POISON(p, n)	ASAN_POISON_MEMORY_REGION((p), (n))
#define UNPOISON(p, n)	ASAN_UNPOISON_MEMORY_REGION((p), (n))
#else
#define POISON(p, n)	((void)(p), (void)(n))
#define UNPOISON(p, n)	((void)(p), (void)(n))
#endif

#define RUN		4096
#define NCLASS		20
#define RESERVE		((size_t)64 << 30)	/* address space, not memory */
#define COMMIT_STEP	((size_t)1 << 20)

struct run {
	struct run	*next, *prev;	/* in partial[cls], or the pool */
	void		*free;		/* freed blocks, linked by first word */
	uint16_t	 size;		/* of its blocks */
	uint16_t	 live;		/* blocks handed out */
	uint16_t	 bump;		/* first block never handed out */
	uint8_t		 cls;
	uint8_t		 full;		/* no room: on no list */
};

#define RUN_HDR		((sizeof(struct run) + 7) & ~(size_t)7)
#define RUN_OF(p)	((struct run *)((uintptr_t)(p) & ~(uintptr_t)(RUN - 1)))

/* A large block's header; malloc's alignment keeps the block 16-aligned. */
struct big {
	size_t		 size;
	size_t		 pad;
};

static const uint16_t class_size[NCLASS] = {
	8, 16, 24, 32, 40, 48, 56, 64, 72, 80, 88, 96, 104, 112, 120, 128,
	160, 192, 224, 256
};

/* The class of a small size, indexed by (size + 7) / 8. */
static const uint8_t class_of[VUALLOC_SMALL / 8 + 1] = {
	0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
	16, 16, 16, 16, 17, 17, 17, 17, 18, 18, 18, 18, 19, 19, 19, 19
};

static struct {
	char		*base, *end;	/* the reserved range, or NULL */
	char		*bump, *committed;
	struct run	*free;		/* empty runs */
	struct run	*partial[NCLASS];	/* runs with room */
	int		 tried;
} pool;

/* Runs vualloc_release gave back to the system: their pages read as
 * zeros, so they cannot stay linked through themselves. */
static struct run **released;
static size_t nreleased;

static void
pool_init(void)
{
	size_t	 size = RESERVE;
	void	*p;
	struct rlimit rl;

	pool.tried = 1;
	/* Under ulimit -v, a quarter of what the process may map: the VUs'
	 * stacks and malloc need the rest. */
	if (getrlimit(RLIMIT_AS, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY &&
	    rl.rlim_cur / 4 < size)
		size = (rl.rlim_cur / 4) & ~(COMMIT_STEP - 1);
	for (;;) {
		p = mmap(NULL, size, PROT_NONE,
		    MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
		if (p != MAP_FAILED) {
			pool.base = pool.bump = pool.committed = p;
			pool.end = pool.base + size;
			return;
		}
		if (size <= ((size_t)1 << 30))
			return;
		size /= 4;
	}
}

static int
is_small(const void *p)
{
	return (uintptr_t)p - (uintptr_t)pool.base <
	    (uintptr_t)(pool.end - pool.base);
}

static void
link_run(struct run *r)
{
	struct run **head = &pool.partial[r->cls];

	r->prev = NULL;
	r->next = *head;
	if (*head != NULL)
		(*head)->prev = r;
	*head = r;
}

static void
unlink_run(struct run *r)
{
	if (r->prev != NULL)
		r->prev->next = r->next;
	else
		pool.partial[r->cls] = r->next;
	if (r->next != NULL)
		r->next->prev = r->prev;
}

/* A fresh run of class c, first in its partial list; NULL when the range
 * is missing or full. */
static struct run *
run_get(unsigned c)
{
	struct run *r;

	if ((r = pool.free) != NULL)
		pool.free = r->next;
	else if (nreleased > 0)
		r = released[--nreleased];
	else {
		if (!pool.tried)
			pool_init();
		if (pool.base == NULL || (size_t)(pool.end - pool.bump) < RUN)
			return NULL;
		if (pool.bump == pool.committed) {
			size_t n = (size_t)(pool.end - pool.committed);

			if (n > COMMIT_STEP)
				n = COMMIT_STEP;
			if (mprotect(pool.committed, n, PROT_READ | PROT_WRITE))
				return NULL;
			pool.committed += n;
		}
		r = (struct run *)pool.bump;
		pool.bump += RUN;
		POISON((char *)r + RUN_HDR, RUN - RUN_HDR);
	}
	r->free = NULL;
	r->size = class_size[c];
	r->live = 0;
	r->bump = RUN_HDR;
	r->cls = (uint8_t)c;
	r->full = 0;
	link_run(r);
	return r;
}

static void *
small_alloc(unsigned c)
{
	struct run	*r = pool.partial[c];
	void		*b;

	if (r == NULL && (r = run_get(c)) == NULL)
		return NULL;
	if ((b = r->free) != NULL) {
		UNPOISON(b, r->size);
		memcpy(&r->free, b, sizeof r->free);
	} else {
		b = (char *)r + r->bump;
		r->bump += r->size;
		UNPOISON(b, r->size);
	}
	r->live++;
	if (r->free == NULL && r->bump + r->size > RUN) {
		unlink_run(r);
		r->full = 1;
	}
	return b;
}

static void
small_free(void *b)
{
	struct run *r = RUN_OF(b);

	memcpy(b, &r->free, sizeof r->free);
	r->free = b;
	POISON(b, r->size);
	if (--r->live == 0) {
		/* Empty runs serve any class. */
		if (!r->full)
			unlink_run(r);
		r->next = pool.free;
		pool.free = r;
	} else if (r->full) {
		r->full = 0;
		link_run(r);
	}
}

static void *
big_alloc(size_t size)
{
	struct big *h;

	if (size > SIZE_MAX - sizeof *h || (h = malloc(sizeof *h + size)) == NULL)
		return NULL;
	h->size = size;
	return h + 1;
}

static void *
alloc(size_t size)
{
	void *b;

	if (size <= VUALLOC_SMALL &&
	    (b = small_alloc(class_of[(size + 7) / 8])) != NULL)
		return b;
	return big_alloc(size);
}

static void
release(void *p)
{
	if (is_small(p))
		small_free(p);
	else
		free((struct big *)p - 1);
}

size_t
vualloc_size(const void *p)
{
	if (is_small(p))
		return RUN_OF(p)->size;
	return ((const struct big *)p - 1)->size;
}

void *
vualloc_realloc(void *ptr, size_t size)
{
	struct big	*h;
	size_t		 old;
	void		*n;

	if (size == 0) {
		if (ptr != NULL)
			release(ptr);
		return NULL;
	}
	if (ptr == NULL)
		return alloc(size);
	if (is_small(ptr)) {
		if (size <= VUALLOC_SMALL &&
		    class_of[(size + 7) / 8] == RUN_OF(ptr)->cls)
			return ptr;
	} else if (size > VUALLOC_SMALL) {
		h = (struct big *)ptr - 1;
		if (size > SIZE_MAX - sizeof *h ||
		    (h = realloc(h, sizeof *h + size)) == NULL)
			return NULL;
		h->size = size;
		return h + 1;
	}
	old = vualloc_size(ptr);
	if ((n = alloc(size)) == NULL)
		return NULL;
	memcpy(n, ptr, old < size ? old : size);
	release(ptr);
	return n;
}

/*
 * mujs's js_State is a 19,872-byte block, zeroed by js_newstate, of which
 * most (its exception stack of 64 jmp_bufs, its trace) stays zero while
 * a VU runs: 12 KiB of every VU that nothing reads.  Pages are 4 KiB;
 * a page of the block that is all zeros can go back to the system,
 * since an anonymous page reads as zeros again.  (A VU's state is not
 * malloc's but lies above its coroutine's stack, vu.c; the same holds.)
 */
size_t
vualloc_trim(void *p, size_t size)
{
	static const char zero[RUN];
	uintptr_t first, end;
	size_t back = 0;

	if (p == NULL)
		return 0;
	first = ((uintptr_t)p + RUN - 1) & ~(uintptr_t)(RUN - 1);
	end = ((uintptr_t)p + size) & ~(uintptr_t)(RUN - 1);
	for (; first < end; first += RUN)
		if (memcmp((void *)first, zero, RUN) == 0 &&
		    madvise((void *)first, RUN, MADV_DONTNEED) == 0)
			back += RUN;
	return back;
}

size_t
vualloc_release(void)
{
	struct run *r, *next;
	size_t n = 0, back = 0;

	for (r = pool.free; r != NULL; r = r->next)
		n++;
	released = xreallocarray(released, nreleased + n + 1, sizeof *released);
	for (r = pool.free; r != NULL; r = next) {
		next = r->next;
		if (madvise(r, RUN, MADV_DONTNEED) == 0)
			back += RUN;
		released[nreleased++] = r;
	}
	pool.free = NULL;
#ifdef __GLIBC__
	malloc_trim(0);
#endif
	return back;
}
