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

struct coro;
typedef void (*coro_fn)(void *);

#define CORO_STACK_DEFAULT	(512 * 1024)

struct coro	*coro_new(coro_fn fn, void *arg, size_t stack_size, char **cause);
void		 coro_free(struct coro *);
/* Switch into co until it yields or fn returns. */
void		 coro_resume(struct coro *co);
/* Switch from the running coroutine back to the scheduler. */
void		 coro_yield(void);
/* The running coroutine, or NULL in the scheduler. */
struct coro	*coro_current(void);
int		 coro_done(const struct coro *);

#endif
