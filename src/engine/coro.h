/* Coroutines with their own C stacks, for the VUs.
 *
 * A coroutine runs fn(arg) on a stack of its own (lazily committed memory
 * with a guard page below it).  Only the scheduler (the code outside every
 * coroutine) resumes one; only the coroutine itself yields.  coro_new
 * returns an owned coroutine; coro_free(NULL) is a no-op, and freeing a
 * suspended coroutine simply drops its stack (nothing on it is unwound). */
#ifndef LYOCELL_CORO_H
#define LYOCELL_CORO_H

#include <stddef.h>
#include <stdint.h>

struct coro;
typedef void (*coro_fn)(void *);

/* A VU's stack.  mujs's deepest C recursions short of calls (JSON, 19
 * KiB) fit well in 256 KiB; regular expressions run on PCRE2, which
 * backtracks on the heap (its JIT on 32 KiB of the stack); calls nested
 * deeper go on on a lent stack (js/deepcall.c). */
#define CORO_STACK_DEFAULT	(256 * 1024)
/* A stack lent for a call (coro_call_deep, coro_call_stack): the
 * deepest JavaScript recursion runs on one (js/deepcall.c). */
#define CORO_STACK_DEEP		(8 * 1024 * 1024)

/* With above > 0, the mapping also holds above bytes right over the
 * stack's top for the caller, coro_above(co) (NULL without); the top is
 * CORO_ABOVE_AT bytes into a page, so that a sleeping coroutine's
 * frames, near the top, and what it keeps first above share a page (a
 * VU keeps its mujs state there, vu.c). */
#define CORO_ABOVE_AT	2048
struct coro	*coro_new(coro_fn fn, void *arg, size_t stack_size, size_t above,
		    char **cause);
void		*coro_above(const struct coro *);
void		 coro_free(struct coro *);
/* Switch into co until it yields or fn returns. */
void		 coro_resume(struct coro *co);
/* Give back to the system the pages of the running coroutine's stack
 * below those its callers use (those its deepest calls touched so far):
 * they read as zeros, and are touched again only by as deep a call.  A
 * VU calls it once its init code has run, whose compiling and loading
 * reach deeper than its iterations. */
#define CORO_TRIM_MARGIN	1024	/* bytes below the caller kept */
void		 coro_trim(void);
/* Switch from the running coroutine back to the scheduler. */
void		 coro_yield(void);
/* The running coroutine, or NULL in the scheduler. */
struct coro	*coro_current(void);
int		 coro_done(const struct coro *);
/* Run fn(arg) on a large stack lent for the call, for a call whose C
 * recursion is deep but bounded: a coroutine's own stack can then stay
 * small (no caller needs it since regular expressions left mujs's
 * matcher; tests/unit/test-coro keeps it working).  fn may yield; the stack
 * stays with the coroutine until fn returns.  From the scheduler, inside
 * another such call, or when no stack can be had, fn runs where it is. */
void		 coro_call_deep(void (*fn)(void *), void *arg);
/* Run fn(arg) on a lent stack for a call whose recursion goes on until
 * it meets a limit: 0 once fn has returned, -1 when no stack can be
 * lent (from the scheduler, inside another loan, or none to be had) and
 * fn did not run.  fn must return, never longjmp out.  The pages it
 * touched are given back after the call. */
int		 coro_call_stack(void (*fn)(void *), void *arg);
/* The lowest address the running code's stack may use (above its guard
 * page): the coroutine's, the one lent to it, or the thread's own when
 * it is known; 0 when it is not.  For checks of the room left. */
extern __thread uintptr_t coro_stack_low;

#endif
