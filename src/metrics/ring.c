/* A single-producer, single-consumer ring in shared memory; see ring.h. */
#include "config.h"

#include <sys/eventfd.h>
#include <sys/mman.h>

#include <errno.h>
#include <stdalign.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "metrics/ring.h"
#include "util/xmalloc.h"

/* Each message is an 8-byte header (length, kind) then the payload padded
 * to 8 bytes, so headers are aligned and a skip marker always fits in the
 * space left at the end of the ring. */
#define RING_HDR	8
#define RING_MSG	0x4c594d31U	/* "LYM1" */
#define RING_SKIP	0x4c59534bU	/* "LYSK": nothing until the end */
#define RING_ALIGN(n)	(((n) + 7) & ~(size_t)7)
#define RING_SHARED	4096		/* bytes of header before the data */

/* The shared header.  Each side writes only its own cache line. */
struct ring_shared {
	alignas(64) _Atomic uint64_t	head;	/* producer position */
	_Atomic uint64_t		msgs_written;
	_Atomic uint64_t		bytes_written;
	_Atomic uint64_t		full;
	_Atomic uint64_t		wakeups;

	alignas(64) _Atomic uint64_t	tail;	/* consumer position */
	_Atomic uint64_t		msgs_read;
	_Atomic uint64_t		bytes_read;

	alignas(64) _Atomic int		sleeping; /* consumer waits on fd */
};

struct ring {
	struct ring_shared	*sh;
	unsigned char		*data;
	size_t			 size;
	size_t			 mask;
	int			 fd;

	/* Producer's private state: its position, the last tail it saw,
	 * and the position of a reserved message. */
	uint64_t		 head;
	uint64_t		 tail_seen;
	uint64_t		 reserved;
	size_t			 reserved_len;
	int			 reserving;

	/* Consumer's private state. */
	uint64_t		 tail;
	uint64_t		 head_seen;
	size_t			 peeked;	/* bytes ring_consume skips */
	size_t			 peeked_len;
};

_Static_assert(sizeof(struct ring_shared) <= RING_SHARED,
    "ring header too large");

static void
ring_put_hdr(struct ring *r, uint64_t pos, uint32_t len, uint32_t kind)
{
	uint32_t hdr[2] = { len, kind };

	memcpy(r->data + (pos & r->mask), hdr, sizeof hdr);
}

/* A single writer needs no read-modify-write to bump its counters. */
static void
ring_bump(_Atomic uint64_t *c, uint64_t n)
{
	atomic_store_explicit(c, atomic_load_explicit(c, memory_order_relaxed) +
	    n, memory_order_relaxed);
}

struct ring *
ring_new(size_t size, char **cause)
{
	struct ring *r;
	size_t n;
	void *map;
	int fd;

	if (size == 0)
		size = RING_DEFAULT_SIZE;
	if (size > RING_MAX_SIZE) {
		*cause = xasprintf("ring size %zu is larger than %zu", size,
		    RING_MAX_SIZE);
		return NULL;
	}
	for (n = RING_MIN_SIZE; n < size; n *= 2)
		;
	size = n;

	map = mmap(NULL, RING_SHARED + size, PROT_READ | PROT_WRITE,
	    MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (map == MAP_FAILED) {
		*cause = xasprintf("mmap of a %zu byte ring: %s", size,
		    strerror(errno));
		return NULL;
	}
	fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
	if (fd == -1) {
		*cause = xasprintf("eventfd: %s", strerror(errno));
		munmap(map, RING_SHARED + size);
		return NULL;
	}

	r = xcalloc(1, sizeof *r);
	r->sh = map;
	r->data = (unsigned char *)map + RING_SHARED;
	r->size = size;
	r->mask = size - 1;
	r->fd = fd;
	/* Fresh anonymous memory is zero: positions 0, nobody sleeping. */
	return r;
}

void
ring_free(struct ring *r)
{
	if (r == NULL)
		return;
	munmap(r->sh, RING_SHARED + r->size);
	close(r->fd);
	free(r);
}

size_t
ring_size(const struct ring *r)
{
	return r->size;
}

size_t
ring_max_message(const struct ring *r)
{
	return r->size - RING_HDR;
}

/* Wake the consumer if it said it sleeps.  The fence orders our head
 * store before the flag load, pairing with the one in ring_sleep: either
 * the consumer sees the new head or we see its flag. */
static void
ring_wake(struct ring *r)
{
	uint64_t one = 1;
	ssize_t n;

	atomic_thread_fence(memory_order_seq_cst);
	if (!atomic_load_explicit(&r->sh->sleeping, memory_order_relaxed))
		return;
	if (!atomic_exchange(&r->sh->sleeping, 0))
		return;
	do
		n = write(r->fd, &one, sizeof one);
	while (n == -1 && errno == EINTR);
	/* EAGAIN means the counter is already non-zero: awake enough. */
	ring_bump(&r->sh->wakeups, 1);
}

static void
ring_publish(struct ring *r, uint64_t head)
{
	r->head = head;
	atomic_store_explicit(&r->sh->head, head, memory_order_release);
	ring_wake(r);
}

/* Whether total bytes fit at the producer's position now.  When the
 * message must wrap and the padding alone fits, publish the padding: an
 * empty ring must always accept a message eventually. */
static int
ring_room(struct ring *r, size_t total)
{
	uint64_t pos = r->head;
	size_t off = pos & r->mask, contig = r->size - off;
	size_t skip = contig < total ? contig : 0;

	if (pos + skip + total - r->tail_seen <= r->size)
		return 1;
	r->tail_seen = atomic_load_explicit(&r->sh->tail, memory_order_acquire);
	if (pos + skip + total - r->tail_seen <= r->size)
		return 1;
	if (skip != 0 && pos + skip - r->tail_seen <= r->size) {
		ring_put_hdr(r, pos, (uint32_t)skip, RING_SKIP);
		ring_publish(r, pos + skip);
		return pos + skip + total - r->tail_seen <= r->size;
	}
	return 0;
}

int
ring_reserve(struct ring *r, size_t len, void **p)
{
	size_t total, off;

	if (len > ring_max_message(r))
		return RING_TOOBIG;
	total = RING_HDR + RING_ALIGN(len);
	if (!ring_room(r, total)) {
		ring_bump(&r->sh->full, 1);
		return RING_FULL;
	}
	off = r->head & r->mask;
	if (r->size - off < total) {
		/* Padding up to the end, published with the message. */
		ring_put_hdr(r, r->head, (uint32_t)(r->size - off), RING_SKIP);
		r->reserved = r->head + (r->size - off);
	} else
		r->reserved = r->head;
	r->reserved_len = len;
	r->reserving = 1;
	*p = r->data + (r->reserved & r->mask) + RING_HDR;
	return 0;
}

void
ring_commit(struct ring *r, size_t len)
{
	if (!r->reserving || len > r->reserved_len)
		fatalx(255, "ring_commit of %zu bytes, %zu reserved", len,
		    r->reserving ? r->reserved_len : 0);
	ring_put_hdr(r, r->reserved, (uint32_t)len, RING_MSG);
	ring_bump(&r->sh->msgs_written, 1);
	ring_bump(&r->sh->bytes_written, len);
	r->reserved_len = 0;
	r->reserving = 0;
	ring_publish(r, r->reserved + RING_HDR + RING_ALIGN(len));
}

int
ring_write(struct ring *r, const void *data, size_t len)
{
	void *p;
	int rc;

	if ((rc = ring_reserve(r, len, &p)) != 0)
		return rc;
	if (len != 0)
		memcpy(p, data, len);
	ring_commit(r, len);
	return 0;
}

int
ring_writable(struct ring *r, size_t len)
{
	if (len > ring_max_message(r))
		return 0;
	return ring_room(r, RING_HDR + RING_ALIGN(len));
}

int
ring_wait_space(struct ring *r, size_t len, int timeout_ms)
{
	struct timespec start, now, nap = { 0, 50000 };
	long ms;

	if (len > ring_max_message(r))
		return -1;
	clock_gettime(CLOCK_MONOTONIC, &start);
	while (!ring_writable(r, len)) {
		if (timeout_ms >= 0) {
			clock_gettime(CLOCK_MONOTONIC, &now);
			ms = (now.tv_sec - start.tv_sec) * 1000 +
			    (now.tv_nsec - start.tv_nsec) / 1000000;
			if (ms >= timeout_ms)
				return -1;
		}
		nanosleep(&nap, NULL);
	}
	return 0;
}

int
ring_peek(struct ring *r, const void **p, size_t *lenp, char **cause)
{
	uint64_t pos = r->tail, avail;
	uint32_t hdr[2];
	size_t off, total;

	for (;;) {
		if (pos == r->head_seen) {
			r->head_seen = atomic_load_explicit(&r->sh->head,
			    memory_order_acquire);
			if (pos == r->head_seen)
				return 0;
		}
		avail = r->head_seen - pos;
		if (avail > r->size || avail % 8 != 0)
			goto corrupt;
		off = pos & r->mask;
		memcpy(hdr, r->data + off, sizeof hdr);
		if (hdr[1] == RING_SKIP) {
			if (hdr[0] != r->size - off || hdr[0] > avail)
				goto corrupt;
			pos += hdr[0];
			r->tail = pos;
			atomic_store_explicit(&r->sh->tail, pos,
			    memory_order_release);
			continue;
		}
		if (hdr[1] != RING_MSG || hdr[0] > r->size - RING_HDR)
			goto corrupt;
		total = RING_HDR + RING_ALIGN((size_t)hdr[0]);
		if (total > avail || off + total > r->size)
			goto corrupt;
		r->peeked = total;
		r->peeked_len = hdr[0];
		*p = r->data + off + RING_HDR;
		*lenp = hdr[0];
		return 1;
	}

corrupt:
	*cause = xasprintf("ring corrupted at byte %llu (head %llu)",
	    (unsigned long long)pos, (unsigned long long)r->head_seen);
	return -1;
}

void
ring_consume(struct ring *r)
{
	if (r->peeked == 0)
		return;
	r->tail += r->peeked;
	ring_bump(&r->sh->msgs_read, 1);
	ring_bump(&r->sh->bytes_read, r->peeked_len);
	r->peeked = 0;
	atomic_store_explicit(&r->sh->tail, r->tail, memory_order_release);
}

int
ring_read(struct ring *r, void *buf, size_t size, size_t *len, char **cause)
{
	const void *p;
	int rc;

	if ((rc = ring_peek(r, &p, len, cause)) != 1)
		return rc;
	if (*len > size) {
		*cause = xasprintf("message of %zu bytes in a %zu byte buffer",
		    *len, size);
		return -1;
	}
	if (*len != 0)
		memcpy(buf, p, *len);
	ring_consume(r);
	return 1;
}

int
ring_empty(struct ring *r)
{
	r->head_seen = atomic_load_explicit(&r->sh->head, memory_order_acquire);
	return r->head_seen == r->tail;
}

int
ring_fd(const struct ring *r)
{
	return r->fd;
}

int
ring_sleep(struct ring *r)
{
	atomic_store_explicit(&r->sh->sleeping, 1, memory_order_seq_cst);
	atomic_thread_fence(memory_order_seq_cst);
	if (!ring_empty(r)) {
		atomic_store_explicit(&r->sh->sleeping, 0,
		    memory_order_relaxed);
		return 0;
	}
	return 1;
}

void
ring_ack(struct ring *r)
{
	uint64_t v;
	ssize_t n;

	do
		n = read(r->fd, &v, sizeof v);
	while (n == -1 && errno == EINTR);
}

void
ring_stats(const struct ring *r, struct ring_stats *st)
{
	const struct ring_shared *sh = r->sh;

	st->msgs_written = atomic_load_explicit(&sh->msgs_written,
	    memory_order_relaxed);
	st->bytes_written = atomic_load_explicit(&sh->bytes_written,
	    memory_order_relaxed);
	st->full = atomic_load_explicit(&sh->full, memory_order_relaxed);
	st->wakeups = atomic_load_explicit(&sh->wakeups, memory_order_relaxed);
	st->msgs_read = atomic_load_explicit(&sh->msgs_read,
	    memory_order_relaxed);
	st->bytes_read = atomic_load_explicit(&sh->bytes_read,
	    memory_order_relaxed);
}
