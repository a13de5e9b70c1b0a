/* Unit tests for src/metrics/ring.c. */
#include "config.h"

#include <sys/wait.h>

#include <poll.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "metrics/ring.h"

static struct ring *
new_ring(size_t size)
{
	struct ring *r;
	char *cause = NULL;

	if ((r = ring_new(size, &cause)) == NULL)
		fail_msg("ring_new: %s", cause);
	return r;
}

/* Deterministic message contents: a sequence number, then bytes from a
 * generator seeded by it. */
static uint64_t
mix(uint64_t x)
{
	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdULL;
	x ^= x >> 33;
	x *= 0xc4ceb9fe1a85ec53ULL;
	x ^= x >> 33;
	return x;
}

static size_t
msg_len(uint64_t seq, size_t maxlen)
{
	return 8 + mix(seq) % (maxlen - 8);
}

static void
msg_fill(unsigned char *p, size_t len, uint64_t seq)
{
	uint64_t x = mix(seq + 1);
	size_t i;

	memcpy(p, &seq, 8);
	for (i = 8; i < len; i++) {
		x = x * 6364136223846793005ULL + 1442695040888963407ULL;
		p[i] = (unsigned char)(x >> 56);
	}
}

static int
msg_check(const unsigned char *p, size_t len, uint64_t seq)
{
	unsigned char want[8192];

	if (len > sizeof want || len < 8)
		return 0;
	msg_fill(want, len, seq);
	return memcmp(p, want, len) == 0;
}

static void
test_sizes(void **state)
{
	struct ring *r;
	char *cause = NULL;

	r = new_ring(0);
	assert_int_equal(ring_size(r), RING_DEFAULT_SIZE);
	ring_free(r);
	r = new_ring(5000);
	assert_int_equal(ring_size(r), 8192);
	assert_int_equal(ring_max_message(r), 8192 - 8);
	ring_free(r);
	r = new_ring(1);
	assert_int_equal(ring_size(r), RING_MIN_SIZE);
	ring_free(r);
	assert_null(ring_new(RING_MAX_SIZE + 1, &cause));
	assert_non_null(cause);
	free(cause);
	ring_free(NULL);
}

static void
test_basic(void **state)
{
	struct ring *r = new_ring(4096);
	char buf[64], *cause = NULL;
	const void *p;
	size_t len;
	struct ring_stats st;

	assert_true(ring_empty(r));
	assert_int_equal(ring_peek(r, &p, &len, &cause), 0);
	assert_int_equal(ring_write(r, "hello", 5), 0);
	assert_int_equal(ring_write(r, "", 0), 0);
	assert_int_equal(ring_write(r, "world!!!", 8), 0);
	assert_false(ring_empty(r));
	assert_int_equal(ring_read(r, buf, sizeof buf, &len, &cause), 1);
	assert_int_equal(len, 5);
	assert_memory_equal(buf, "hello", 5);
	assert_int_equal(ring_peek(r, &p, &len, &cause), 1);
	assert_int_equal(len, 0);
	ring_consume(r);
	/* Too small a buffer leaves the message in place. */
	assert_int_equal(ring_read(r, buf, 4, &len, &cause), -1);
	free(cause);
	cause = NULL;
	assert_int_equal(ring_read(r, buf, sizeof buf, &len, &cause), 1);
	assert_int_equal(len, 8);
	assert_memory_equal(buf, "world!!!", 8);
	assert_int_equal(ring_read(r, buf, sizeof buf, &len, &cause), 0);
	ring_consume(r);	/* without a peek: nothing */
	ring_stats(r, &st);
	assert_int_equal(st.msgs_written, 3);
	assert_int_equal(st.msgs_read, 3);
	assert_int_equal(st.bytes_written, 13);
	assert_int_equal(st.bytes_read, 13);
	assert_int_equal(st.full, 0);
	ring_free(r);
}

static void
test_wrap(void **state)
{
	struct ring *r = new_ring(4096);
	unsigned char m[2048];
	const void *p;
	size_t len, want;
	uint64_t w = 0, rd = 0;
	char *cause = NULL;
	int rc;

	/* Keep the ring part full with odd sizes so messages land at every
	 * alignment and wrap many times. */
	while (rd < 20000) {
		while (w < 20000) {
			want = msg_len(w, 1500);
			msg_fill(m, want, w);
			rc = ring_write(r, m, want);
			if (rc == RING_FULL)
				break;
			assert_int_equal(rc, 0);
			w++;
		}
		assert_int_equal(ring_peek(r, &p, &len, &cause), 1);
		assert_int_equal(len, msg_len(rd, 1500));
		assert_true(msg_check(p, len, rd));
		ring_consume(r);
		rd++;
	}
	assert_int_equal(ring_peek(r, &p, &len, &cause), 0);
	ring_free(r);
}

static void
test_full(void **state)
{
	struct ring *r = new_ring(4096);
	char m[100], buf[100], *cause = NULL;
	struct ring_stats st;
	size_t len;
	int n = 0;

	memset(m, 'x', sizeof m);
	/* 100 bytes take 8 + 104 = 112: 36 fit in 4096. */
	while (ring_write(r, m, sizeof m) == 0)
		n++;
	assert_int_equal(n, 4096 / 112);
	assert_int_equal(ring_write(r, m, sizeof m), RING_FULL);
	ring_stats(r, &st);
	assert_int_equal(st.full, 2);
	/* The message did not fit before the end, so the rest of the ring
	 * went out as padding: nothing fits now. */
	assert_false(ring_writable(r, sizeof m));
	assert_false(ring_writable(r, 0));
	assert_int_equal(ring_wait_space(r, sizeof m, 20), -1);
	assert_int_equal(ring_read(r, buf, sizeof buf, &len, &cause), 1);
	assert_int_equal(ring_wait_space(r, sizeof m, 20), 0);
	assert_int_equal(ring_write(r, m, sizeof m), 0);
	ring_free(r);
}

static void
test_exact_fit(void **state)
{
	struct ring *r = new_ring(4096);
	unsigned char m[4096], buf[4096];
	char *cause = NULL;
	size_t len;
	int i;

	for (i = 0; i < (int)sizeof m; i++)
		m[i] = (unsigned char)i;
	/* The largest message fills an empty ring. */
	assert_int_equal(ring_write(r, m, 4088), 0);
	assert_int_equal(ring_write(r, m, 0), RING_FULL);
	assert_int_equal(ring_read(r, buf, sizeof buf, &len, &cause), 1);
	assert_int_equal(len, 4088);
	assert_memory_equal(buf, m, 4088);
	/* Again from the middle of the ring: padding, then the message. */
	for (i = 0; i < 3; i++) {
		assert_int_equal(ring_write(r, m, 1000 + 8 * i), 0);
		assert_int_equal(ring_read(r, buf, sizeof buf, &len, &cause),
		    1);
		assert_int_equal(ring_write(r, m + i, 4088), RING_FULL);
		/* The padding went out on the first attempt: once the reader
		 * has skipped it, the ring is empty at offset 0. */
		assert_int_equal(ring_read(r, buf, sizeof buf, &len, &cause),
		    0);
		assert_int_equal(ring_write(r, m + i, 4088), 0);
		assert_int_equal(ring_read(r, buf, sizeof buf, &len, &cause),
		    1);
		assert_int_equal(len, 4088);
		assert_memory_equal(buf, m + i, 4088);
	}
	/* A message that ends exactly at the end of the ring: no padding. */
	assert_int_equal(ring_write(r, m, 1000), 0);
	assert_int_equal(ring_read(r, buf, sizeof buf, &len, &cause), 1);
	assert_int_equal(ring_write(r, m, 4096 - 1008 - 8), 0);
	assert_int_equal(ring_write(r, m, 1000), 0);
	assert_int_equal(ring_write(r, m, 0), RING_FULL);
	assert_int_equal(ring_read(r, buf, sizeof buf, &len, &cause), 1);
	assert_int_equal(len, 4096 - 1008 - 8);
	assert_int_equal(ring_read(r, buf, sizeof buf, &len, &cause), 1);
	assert_int_equal(len, 1000);
	assert_int_equal(ring_write(r, m, 4096 - 1008 - 8), 0);
	assert_int_equal(ring_read(r, buf, sizeof buf, &len, &cause), 1);
	/* Two messages that exactly fill the ring. */
	assert_int_equal(ring_write(r, m, 2040), 0);
	assert_int_equal(ring_write(r, m, 2040), 0);
	assert_int_equal(ring_write(r, m, 0), RING_FULL);
	assert_int_equal(ring_read(r, buf, sizeof buf, &len, &cause), 1);
	assert_int_equal(ring_read(r, buf, sizeof buf, &len, &cause), 1);
	assert_int_equal(ring_read(r, buf, sizeof buf, &len, &cause), 0);
	ring_free(r);
}

static void
test_oversize(void **state)
{
	struct ring *r = new_ring(4096);
	unsigned char m[8192];
	void *p;

	memset(m, 0, sizeof m);
	assert_int_equal(ring_write(r, m, 4089), RING_TOOBIG);
	assert_int_equal(ring_write(r, m, 8192), RING_TOOBIG);
	assert_int_equal(ring_reserve(r, 5000, &p), RING_TOOBIG);
	assert_false(ring_writable(r, 4089));
	assert_int_equal(ring_wait_space(r, 4089, -1), -1);
	assert_true(ring_empty(r));
	ring_free(r);
}

static void
test_reserve_commit(void **state)
{
	struct ring *r = new_ring(4096);
	char buf[1000], *cause = NULL;
	size_t len;
	void *p;

	assert_int_equal(ring_reserve(r, 1000, &p), 0);
	memcpy(p, "abc", 3);
	ring_commit(r, 3);
	assert_int_equal(ring_read(r, buf, sizeof buf, &len, &cause), 1);
	assert_int_equal(len, 3);
	assert_memory_equal(buf, "abc", 3);
	/* A reservation that is never committed publishes nothing. */
	assert_int_equal(ring_reserve(r, 10, &p), 0);
	assert_true(ring_empty(r));
	ring_free(r);
}

static void
test_corrupt(void **state)
{
	struct ring *r = new_ring(4096);
	const void *p;
	size_t len;
	char *cause = NULL;

	assert_int_equal(ring_write(r, "abcdefgh", 8), 0);
	assert_int_equal(ring_peek(r, &p, &len, &cause), 1);
	/* Scribble on the header, as a broken producer could. */
	memset((unsigned char *)(uintptr_t)p - 8, 0x7f, 8);
	assert_int_equal(ring_peek(r, &p, &len, &cause), -1);
	assert_non_null(cause);
	free(cause);
	ring_free(r);
}

static int
readable(int fd, int ms)
{
	struct pollfd pfd = { fd, POLLIN, 0 };

	return poll(&pfd, 1, ms) == 1;
}

static void
test_wakeup(void **state)
{
	struct ring *r = new_ring(4096);
	char buf[16], *cause = NULL;
	struct ring_stats st;
	size_t len;

	/* Not sleeping: no wake-up. */
	assert_int_equal(ring_write(r, "a", 1), 0);
	assert_false(readable(ring_fd(r), 0));
	/* Data there: ring_sleep refuses. */
	assert_int_equal(ring_sleep(r), 0);
	assert_int_equal(ring_read(r, buf, sizeof buf, &len, &cause), 1);
	assert_int_equal(ring_sleep(r), 1);
	assert_int_equal(ring_write(r, "b", 1), 0);
	assert_true(readable(ring_fd(r), 0));
	/* One wake-up per sleep, not per message. */
	assert_int_equal(ring_write(r, "c", 1), 0);
	ring_ack(r);
	assert_false(readable(ring_fd(r), 0));
	ring_stats(r, &st);
	assert_int_equal(st.wakeups, 1);
	assert_int_equal(ring_read(r, buf, sizeof buf, &len, &cause), 1);
	assert_int_equal(ring_read(r, buf, sizeof buf, &len, &cause), 1);
	ring_free(r);
}

#define FORK_MSGS	1000000
#define FORK_MAXLEN	1024

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void
child_produce(struct ring *r)
{
	unsigned char m[FORK_MAXLEN];
	uint64_t seq;
	size_t len;
	int rc;

	alarm(120);
	for (seq = 0; seq < FORK_MSGS; seq++) {
		len = msg_len(seq, FORK_MAXLEN);
		msg_fill(m, len, seq);
		while ((rc = ring_write(r, m, len)) == RING_FULL) {
			if (ring_wait_space(r, len, 10000) != 0)
				_exit(3);
		}
		if (rc != 0)
			_exit(2);
	}
	_exit(0);
}

static void
test_fork(void **state)
{
	struct ring *r = new_ring(65536);
	struct ring_stats st;
	const void *p;
	size_t len;
	uint64_t seq = 0;
	char *cause = NULL;
	double start = now();
	pid_t pid;
	int status, rc, sleeps = 0;

	pid = fork();
	assert_true(pid != -1);
	if (pid == 0)
		child_produce(r);

	while (seq < FORK_MSGS) {
		rc = ring_peek(r, &p, &len, &cause);
		if (rc == -1)
			fail_msg("%s", cause);
		if (rc == 1) {
			if (len != msg_len(seq, FORK_MAXLEN) ||
			    !msg_check(p, len, seq))
				fail_msg("message %llu is wrong",
				    (unsigned long long)seq);
			ring_consume(r);
			seq++;
			continue;
		}
		if (now() - start > 120)
			fail_msg("timed out after %llu messages",
			    (unsigned long long)seq);
		/* Sleep as the coordinator would; a lost wake-up shows as
		 * a poll that times out while data is waiting. */
		if (ring_sleep(r)) {
			sleeps++;
			if (!readable(ring_fd(r), 5000) && !ring_empty(r))
				fail_msg("lost wake-up at message %llu",
				    (unsigned long long)seq);
			ring_ack(r);
		}
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
	assert_true(ring_empty(r));
	ring_stats(r, &st);
	assert_int_equal(st.msgs_written, FORK_MSGS);
	assert_int_equal(st.msgs_read, FORK_MSGS);
	assert_int_equal(st.bytes_written, st.bytes_read);
	print_message("fork: %d messages in %.2f s, %llu full, %d sleeps, "
	    "%llu wake-ups\n", FORK_MSGS, now() - start,
	    (unsigned long long)st.full, sleeps,
	    (unsigned long long)st.wakeups);
	ring_free(r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sizes),
		cmocka_unit_test(test_basic),
		cmocka_unit_test(test_wrap),
		cmocka_unit_test(test_full),
		cmocka_unit_test(test_exact_fit),
		cmocka_unit_test(test_oversize),
		cmocka_unit_test(test_reserve_commit),
		cmocka_unit_test(test_corrupt),
		cmocka_unit_test(test_wakeup),
		cmocka_unit_test(test_fork),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
