/* A single-producer, single-consumer ring of messages in shared memory.
 *
 * ring_new maps the ring MAP_SHARED|MAP_ANONYMOUS and opens its wake-up
 * eventfd; call it before fork() so the worker (the producer) and the
 * coordinator (the consumer) share both.  Messages are length-prefixed
 * byte strings, each stored contiguously (a skip marker fills the end of
 * the ring when the next message does not fit there), so the consumer can
 * decode in place.  Positions are 64-bit byte counts published with
 * release stores and read with acquire loads; the producer and consumer
 * halves live on separate cache lines.
 *
 * Back-pressure, never loss: ring_write returns RING_FULL when there is
 * no room and the producer retries later.  A producer blocked on a full
 * ring polls (a short timer on its event loop, or ring_wait_space): the
 * consumer then never makes a system call for the producer's sake, and a
 * full ring is the rare case the coordinator is overloaded anyway.
 *
 * Wake-up of the consumer: before sleeping on ring_fd(), the consumer
 * calls ring_sleep(), which sets a flag and re-checks for data.  The
 * producer writes to the eventfd only when it finds that flag set (and
 * clears it), so a busy ring costs no system call per message.
 *
 * ring_new returns an owned ring; ring_free(NULL) is a no-op; each
 * process that holds the mapping calls ring_free once.  Data passed to
 * ring_write is borrowed. */
#ifndef LYOCELL_RING_H
#define LYOCELL_RING_H

#include <stddef.h>
#include <stdint.h>

struct ring;

#define RING_DEFAULT_SIZE	((size_t)4 << 20)
#define RING_MIN_SIZE		((size_t)4096)
#define RING_MAX_SIZE		((size_t)1 << 30)

#define RING_FULL	(-1)	/* no room now: retry later */
#define RING_TOOBIG	(-2)	/* the message can never fit */

struct ring_stats {
	uint64_t	msgs_written;
	uint64_t	bytes_written;	/* payload bytes */
	uint64_t	full;		/* writes refused for lack of room */
	uint64_t	msgs_read;
	uint64_t	bytes_read;
	uint64_t	wakeups;	/* eventfd writes by the producer */
};

/* size is rounded up to a power of two within [RING_MIN_SIZE,
 * RING_MAX_SIZE]; 0 means RING_DEFAULT_SIZE. */
struct ring	*ring_new(size_t size, char **cause);
void		 ring_free(struct ring *);
size_t		 ring_size(const struct ring *);
/* The largest message ring_write accepts. */
size_t		 ring_max_message(const struct ring *);

/* Producer. */
int		 ring_write(struct ring *, const void *, size_t);
/* Reserve room for a message of at most len bytes and point *p at it;
 * RING_FULL or RING_TOOBIG as ring_write.  ring_commit publishes the
 * first len bytes (len no more than reserved).  Between the two, call
 * no other producer function. */
int		 ring_reserve(struct ring *, size_t len, void **p);
void		 ring_commit(struct ring *, size_t len);
/* Whether a message of len bytes fits now. */
int		 ring_writable(struct ring *, size_t len);
/* Poll (sleeping about 50 us between looks) until a message of len bytes
 * fits: 0, or -1 after timeout_ms (negative: no timeout). */
int		 ring_wait_space(struct ring *, size_t len, int timeout_ms);

/* Consumer.  ring_peek points *p at the next message and stores its
 * length: 1, or 0 when the ring is empty, or -1 with *cause when the
 * shared memory does not hold a valid message (a corrupt producer).  The
 * message stays valid until ring_consume. */
int		 ring_peek(struct ring *, const void **p, size_t *len,
		     char **cause);
void		 ring_consume(struct ring *);
/* Copy the next message into buf (size bytes); 1, 0 when empty, -1 with
 * *cause when corrupt or larger than size (the message stays). */
int		 ring_read(struct ring *, void *buf, size_t size, size_t *len,
		     char **cause);
int		 ring_empty(struct ring *);

/* Wake-up.  The fd is readable after the producer has signalled. */
int		 ring_fd(const struct ring *);
/* Consumer: announce sleep.  Returns 1 when the ring is empty and the
 * caller may wait for ring_fd, 0 when data arrived meanwhile. */
int		 ring_sleep(struct ring *);
/* Consumer: clear the fd after it was readable (before draining). */
void		 ring_ack(struct ring *);

void		 ring_stats(const struct ring *, struct ring_stats *);

#endif
