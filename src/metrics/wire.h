/* The msgpack stream of messages from a worker to the coordinator.
 *
 * Every message is a msgpack array [type, worker, seq, ...]; seq counts
 * the messages of one stream from 0, so the reader notices a lost or
 * repeated message.  Types:
 *
 *   1 batch  [1, worker, seq, base_ns, tagdefs, metricdefs, samples]
 *            tagdefs    [[id, key, value, key, value, ...], ...]
 *            metricdefs [[id, name, type, contains], ...]
 *            samples    [[metric, tags, dt_ns, value], ...] or
 *                       [[metric, tags, dt_ns, value, vu, iter], ...],
 *                       either with the metadata string last; a record
 *                       of samples sharing tags, time and metadata has
 *                       [metric, ...] and [value, ...] (two or more,
 *                       as many of each) for metric and value
 *            A sample's time is base_ns + dt_ns (ns since the Unix epoch);
 *            value is a float or, when integral, an integer.  Tag set and
 *            metric ids are the sender's; each is defined in the first
 *            batch of the stream that uses it, never again.
 *   2 done   [2, worker, seq]                     the worker has finished
 *   3 log    [3, worker, seq, level, text]
 *   4 vus    [4, worker, seq, time_ns, vus, vus_max]
 *   5 progress [5, worker, seq, [counts per scenario (engine.h), ..., emitted]]
 *            cumulative iteration counts, one pair per scenario
 *
 * A new type takes the next number and a wire_handler member.
 *
 * The writer encodes with msgpack-c's packer.  The reader is a bounds-
 * checked decoder of just this subset of msgpack: faster than building
 * msgpack_object trees, and it never allocates on a length read from the
 * input before checking the input is long enough to hold it.
 *
 * wire_writer_new and wire_reader_new return owned objects; *_free(NULL)
 * is a no-op.  Both borrow the tagset table, which must outlive them.
 * Strings passed in are borrowed; strings passed to handlers are valid
 * only during the call. */
#ifndef LYOCELL_WIRE_H
#define LYOCELL_WIRE_H

#include <stddef.h>
#include <stdint.h>

#include "metrics/tagset.h"
#include "util/buf.h"

enum wire_type {
	WIRE_BATCH = 1,
	WIRE_DONE = 2,
	WIRE_LOG = 3,
	WIRE_VUS = 4,
	WIRE_PROGRESS = 5,
};

#define WIRE_MAX_PROGRESS	4096	/* counts in a progress message */

/* k6's numbering of metric types and value kinds. */
#define WIRE_COUNTER	0
#define WIRE_GAUGE	1
#define WIRE_TREND	2
#define WIRE_RATE	3
#define WIRE_DEFAULT	0
#define WIRE_TIME	1
#define WIRE_DATA	2

#define WIRE_MAX_METRICS	65536		/* metric ids per stream */
#define WIRE_MAX_TAGSETS	(1U << 24)	/* tag set ids per stream */
#define WIRE_MAX_LOG		65536		/* bytes of a log line */

#define WIRE_FULL	(-2)	/* the batch is at its byte cap: finish it */

struct wire_metric {
	uint32_t	 id;
	const char	*name;
	int		 type;		/* WIRE_COUNTER ... */
	int		 contains;	/* WIRE_DEFAULT ... */
};

#define WIRE_SAMPLE_META	0x1	/* vu and iter are set */
#define WIRE_SAMPLE_UMETA	0x2	/* meta is set */

struct wire_sample {
	uint32_t	 metric;
	uint32_t	 tags;
	int64_t		 time;		/* ns since the Unix epoch */
	double		 value;
	uint32_t	 flags;
	uint32_t	 vu;
	uint64_t	 iter;
	/* The script's metadata (exec.vu.metrics.metadata): "key\0value\0"
	 * pairs, meta_len bytes, borrowed (from the writer's caller, or
	 * from the message being read). */
	const char	*meta;
	uint32_t	 meta_len;
};

struct wire_batch {
	uint32_t		 worker;
	uint64_t		 seq;
	const struct wire_sample *samples;
	size_t			 n;
};

/* Writer.  metric() describes metric id the first time the stream uses
 * it: fill *m (the name is copied before the next call) and return 0, or
 * -1 for an unknown metric. */
typedef int (*wire_metric_fn)(void *arg, uint32_t id, struct wire_metric *m);

struct wire_writer;

/* max_bytes caps an encoded batch (0: 16 MiB); make it no more than the
 * ring's largest message. */
struct wire_writer *wire_writer_new(uint32_t worker, struct tagset_table *,
		    wire_metric_fn, void *arg, size_t max_bytes);
void		 wire_writer_free(struct wire_writer *);
/* Add a sample to the batch being built: 0; WIRE_FULL when the batch has
 * reached max_bytes (finish it and add again); -1 and *cause for an
 * unknown tag set or metric. */
int		 wire_writer_add(struct wire_writer *, const struct wire_sample *,
		     char **cause);
/* The same for n samples (at most WIRE_ADD_MAX) that share s's tags,
 * time and metadata, as one record: metric[i] with value[i]; all are
 * added or none. */
#define WIRE_ADD_MAX	16
int		 wire_writer_add_n(struct wire_writer *, const struct wire_sample *,
		     const uint32_t *metric, const double *value, size_t n,
		     char **cause);
/* Samples and encoded bytes in the batch being built. */
size_t		 wire_writer_count(const struct wire_writer *);
size_t		 wire_writer_bytes(const struct wire_writer *);
/* Encode the batch into out (replacing its contents) and start a new
 * one.  An empty batch encodes to nothing (out->len 0) and uses no
 * sequence number.  The bytes must reach the reader: the definitions
 * they carry are not sent again. */
int		 wire_writer_finish(struct wire_writer *, struct buf *out,
		     char **cause);
/* Control messages, each into out (replacing its contents).  Finish the
 * pending batch first when its samples must arrive before. */
int		 wire_writer_done(struct wire_writer *, struct buf *out);
int		 wire_writer_log(struct wire_writer *, struct buf *out,
		     int level, const char *text, size_t len);
int		 wire_writer_vus(struct wire_writer *, struct buf *out,
		     int64_t time, uint32_t vus, uint32_t vus_max);
int		 wire_writer_progress(struct wire_writer *, struct buf *out,
		     const uint64_t *counts, size_t n);

/* Reader: one per stream.  Handlers return 0, or -1 with *cause to stop
 * wire_reader_feed with that cause.  A NULL metric handler maps every
 * metric to its sender id; other NULL handlers ignore their messages.
 * Batch samples carry the receiver's ids: tags is the id in the reader's
 * tagset table, or 0 when that table refused the set (full; counted by
 * wire_reader_overflow). */
struct wire_handler {
	int	(*metric)(void *arg, uint32_t worker, const struct wire_metric *,
		    uint32_t *id, char **cause);
	int	(*batch)(void *arg, const struct wire_batch *, char **cause);
	int	(*done)(void *arg, uint32_t worker, char **cause);
	int	(*log)(void *arg, uint32_t worker, int level, const char *text,
		    size_t len, char **cause);
	int	(*vus)(void *arg, uint32_t worker, int64_t time, uint32_t vus,
		    uint32_t vus_max, char **cause);
	int	(*progress)(void *arg, uint32_t worker, const uint64_t *counts,
		    size_t n, char **cause);
};

struct wire_reader;

struct wire_reader *wire_reader_new(struct tagset_table *,
		    const struct wire_handler *, void *arg);
void		 wire_reader_free(struct wire_reader *);
/* Decode one message.  Malformed input fails with -1 and *cause naming
 * the byte offset; a batch is delivered whole or not at all.  After a
 * failure the stream is broken and every later feed fails. */
int		 wire_reader_feed(struct wire_reader *, const void *, size_t,
		     char **cause);
/* Messages and samples decoded so far. */
uint64_t	 wire_reader_messages(const struct wire_reader *);
uint64_t	 wire_reader_samples(const struct wire_reader *);
uint64_t	 wire_reader_overflow(const struct wire_reader *);

#endif
