/* Coroutines with their own stacks; see coro.h.
 *
 * On x86-64 the switch is a dozen instructions saving the callee-saved
 * registers, which is what a VU pays twice per blocking call; elsewhere
 * ucontext does the job (with a signal-mask system call per switch). */
#include "config.h"

#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "engine/coro.h"
#include "util/xmalloc.h"

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/asan_interface.h>
#define CORO_ASAN 1
#endif

#if defined(__x86_64__) && !defined(LY_CORO_UCONTEXT)
#define CORO_ASM 1
/* ly_coro_switch(&from_sp, to_sp): save the callee-saved state on the
 * current stack, store the stack pointer, load the other one, restore. */
void ly_coro_switch(void **, void *);
void ly_coro_start(void);
__asm__(
	".text\n"
	".globl ly_coro_switch\n"
	".type ly_coro_switch,@function\n"
	"ly_coro_switch:\n"
	"	pushq %rbp\n"
	"	pushq %rbx\n"
	"	pushq %r12\n"
	"	pushq %r13\n"
	"	pushq %r14\n"
	"	pushq %r15\n"
	"	subq $8, %rsp\n"
	"	stmxcsr (%rsp)\n"
	"	fnstcw 4(%rsp)\n"
	"	movq %rsp, (%rdi)\n"
	"	movq %rsi, %rsp\n"
	"	ldmxcsr (%rsp)\n"
	"	fldcw 4(%rsp)\n"
	"	addq $8, %rsp\n"
	"	popq %r15\n"
	"	popq %r14\n"
	"	popq %r13\n"
	"	popq %r12\n"
	"	popq %rbx\n"
	"	popq %rbp\n"
	"	ret\n"
	".size ly_coro_switch,.-ly_coro_switch\n"
	/* First entry: r12 holds the function, r13 its argument. */
	".globl ly_coro_start\n"
	".type ly_coro_start,@function\n"
	"ly_coro_start:\n"
	"	movq %r13, %rdi\n"
	"	callq *%r12\n"
	"	ud2\n"
	".size ly_coro_start,.-ly_coro_start\n"
	".section .note.GNU-stack,\"\",@progbits\n"
	".text\n");
#else
#include <ucontext.h>
#endif

struct coro {
	coro_fn	 fn;
	void	*arg;
	char	*map;		/* guard page + stack + above */
	size_t	 mapsize;
	size_t	 stack;		/* bytes of stack above the guard page */
	char	*above;		/* coro_above, or NULL */
	int	 done;
	struct deep *deep;	/* lent for a coro_call_deep, or NULL */
#ifdef CORO_ASM
	void	*sp;
#else
	ucontext_t ctx;
#endif
#ifdef CORO_ASAN
	void	*fake_stack;
#endif
};

static struct coro *current;
__thread uintptr_t coro_stack_low;
/* A stack coro_call_deep lends a coroutine for one call.  A coroutine
 * that yields in the call keeps it until the call returns. */
struct deep {
	struct deep	*next;	/* in the free list */
	char		*map;
	size_t		 mapsize;
	void		(*fn)(void *);
	void		*arg;
#ifdef CORO_ASM
	void		*sp, *ret_sp;
#else
	ucontext_t	 ctx, ret_ctx;
#endif
};
#ifndef CORO_ASAN	/* ASan builds lend no deep stack */
static struct deep *deep_free;
static int deep_nfree;
#define DEEP_KEEP	2	/* free deep stacks kept mapped */
#define LEND_KEEP	(16 * 1024)	/* bytes at a lent stack's top kept */
#endif
#ifdef CORO_ASM
static void *sched_sp;
#else
static ucontext_t sched_ctx;
#endif
#ifdef CORO_ASAN
static const void *sched_stack_bottom;
static size_t sched_stack_size;
#endif

/* The main thread's stack, where the scheduler runs; other threads
 * run no JavaScript and keep 0. */
static void __attribute__((constructor))
main_stack_low(void)
{
	pthread_attr_t a;
	void *addr;
	size_t size;

	if (pthread_getattr_np(pthread_self(), &a) != 0)
		return;
	if (pthread_attr_getstack(&a, &addr, &size) == 0)
		coro_stack_low = (uintptr_t)addr;
	pthread_attr_destroy(&a);
}

/* Where a stack mapped by stack_map starts, above its guard page. */
static uintptr_t
map_low(const char *map)
{
	return (uintptr_t)map + (uintptr_t)sysconf(_SC_PAGESIZE);
}

struct coro *
coro_current(void)
{
	return current;
}

int
coro_done(const struct coro *co)
{
	return co->done;
}

static void
to_scheduler(struct coro *co)
{
#ifdef CORO_ASAN
	void *fake = NULL;

	__sanitizer_start_switch_fiber(co->done ? NULL : &co->fake_stack,
	    sched_stack_bottom, sched_stack_size);
	(void)fake;
#endif
	current = NULL;
#ifdef CORO_ASM
	ly_coro_switch(&co->sp, sched_sp);
#else
	swapcontext(&co->ctx, &sched_ctx);
#endif
#ifdef CORO_ASAN
	__sanitizer_finish_switch_fiber(co->fake_stack, NULL, NULL);
#endif
}

static void
trampoline(void *arg)
{
	struct coro *co = arg;

#ifdef CORO_ASAN
	__sanitizer_finish_switch_fiber(NULL, &sched_stack_bottom, &sched_stack_size);
#endif
	co->fn(co->arg);
	co->done = 1;
	to_scheduler(co);
	abort();	/* a finished coroutine is never resumed */
}

#ifndef CORO_ASM
static void
uc_entry(unsigned hi, unsigned lo)
{
	trampoline((void *)(((uintptr_t)hi << 32) | (uintptr_t)lo));
}
#endif

/* A guard page and size bytes above it: the mapping and its size, or
 * NULL with *cause. */
static char *
stack_map(size_t size, size_t *mapsize, char **cause)
{
	size_t page = (size_t)sysconf(_SC_PAGESIZE);
	char *map;

	*mapsize = ((size + page - 1) & ~(page - 1)) + page;
	/* Untouched stack pages cost nothing until a VU goes deep. */
	map = mmap(NULL, *mapsize, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_STACK, -1, 0);
	if (map == MAP_FAILED) {
		*cause = xasprintf("cannot map a %zu KiB coroutine stack: %s",
		    *mapsize >> 10, strerror(errno));
		return NULL;
	}
	if (mprotect(map, page, PROT_NONE) == -1) {
		*cause = xasprintf("cannot protect a coroutine stack guard page: %s",
		    strerror(errno));
		munmap(map, *mapsize);
		return NULL;
	}
	return map;
}

#ifdef CORO_ASM
/* The first frame of the stack [low, low + size): ly_coro_switch to it
 * calls fn(arg). */
static void *
first_frame(char *low, size_t size, void (*fn)(void *), void *arg)
{
	uintptr_t top = ((uintptr_t)low + size) & ~(uintptr_t)15;
	uint64_t *sp = (uint64_t *)top;

	/* After the pops and the ret, rsp is 16-aligned in ly_coro_start,
	 * so its call gives fn the frame the ABI requires (rsp + 8 aligned
	 * at entry). */
	*--sp = (uint64_t)(uintptr_t)ly_coro_start;	/* ret */
	*--sp = 0;				/* rbp */
	*--sp = 0;				/* rbx */
	*--sp = (uint64_t)(uintptr_t)fn;	/* r12 */
	*--sp = (uint64_t)(uintptr_t)arg;	/* r13 */
	*--sp = 0;				/* r14 */
	*--sp = 0;				/* r15 */
	*--sp = 0x037f00001f80ULL;		/* fpu cw << 32 | mxcsr */
	return sp;
}
#endif

#ifndef CORO_ASM
/* The context of the new stack [low, low + size): swapcontext to it
 * calls entry with arg's two halves. */
static void
first_context(ucontext_t *ctx, char *low, size_t size,
    void (*entry)(unsigned, unsigned), void *arg)
{
	getcontext(ctx);
	ctx->uc_stack.ss_sp = low;
	ctx->uc_stack.ss_size = size;
	ctx->uc_link = NULL;
	makecontext(ctx, (void (*)(void))entry, 2, (unsigned)((uintptr_t)arg >> 32),
	    (unsigned)(uintptr_t)arg);
}
#endif

struct coro *
coro_new(coro_fn fn, void *arg, size_t stack_size, size_t above, char **cause)
{
	size_t page = (size_t)sysconf(_SC_PAGESIZE);
	struct coro *co;

	co = xcalloc(1, sizeof *co);
	co->fn = fn;
	co->arg = arg;
	co->stack = (stack_size + page - 1) & ~(page - 1);
	if (above > 0)
		co->stack += CORO_ABOVE_AT;
	if ((co->map = stack_map(co->stack + above, &co->mapsize, cause)) == NULL) {
		free(co);
		return NULL;
	}
	if (above > 0)
		co->above = co->map + page + co->stack;
#ifdef CORO_ASM
	co->sp = first_frame(co->map + page, co->stack, trampoline, co);
#else
	first_context(&co->ctx, co->map + page, co->stack, uc_entry, co);
#endif
	return co;
}

void *
coro_above(const struct coro *co)
{
	return co->above;
}

void
coro_free(struct coro *co)
{
	if (co == NULL)
		return;
	if (co->deep != NULL) {
		/* Abandoned in a deep call: its stack goes too. */
		munmap(co->deep->map, co->deep->mapsize);
		free(co->deep);
	}
	munmap(co->map, co->mapsize);
	free(co);
}

void
coro_resume(struct coro *co)
{
	uintptr_t low = coro_stack_low;

	if (co->done || current != NULL)
		abort();
	current = co;
	coro_stack_low = map_low(co->deep != NULL ? co->deep->map : co->map);
#ifdef CORO_ASAN
	{
		void *fake = NULL;
		size_t page = (size_t)sysconf(_SC_PAGESIZE);

		__sanitizer_start_switch_fiber(&fake, co->map + page, co->stack);
#endif
#ifdef CORO_ASM
	ly_coro_switch(&sched_sp, co->sp);
#else
	swapcontext(&sched_ctx, &co->ctx);
#endif
#ifdef CORO_ASAN
		__sanitizer_finish_switch_fiber(fake, NULL, NULL);
	}
#endif
	coro_stack_low = low;
}

void
coro_trim(void)
{
#ifndef CORO_ASAN
	struct coro *co = current;
	volatile char here = 0;
	uintptr_t page = (uintptr_t)sysconf(_SC_PAGESIZE), low, cut;

	if (co == NULL)
		return;
	low = (uintptr_t)co->map + page;	/* above the guard page */
	/* below this frame only madvise's own runs: a margin for it */
	cut = ((uintptr_t)&here - CORO_TRIM_MARGIN) & ~(page - 1);
	if (cut > low)
		(void)madvise((void *)low, cut - low, MADV_DONTNEED);
	(void)here;
#endif
}

void
coro_yield(void)
{
	struct coro *co = current;

	if (co == NULL)
		abort();
	to_scheduler(co);
}

/*
 * Deep stacks: each runs deep_main, which calls the lent function and
 * switches back to the borrower, again for every loan.
 */
#ifndef CORO_ASAN
static void
deep_main(void *arg)
{
	struct deep *d = arg;

	for (;;) {
		d->fn(d->arg);
#ifdef CORO_ASM
		ly_coro_switch(&d->sp, d->ret_sp);
#else
		swapcontext(&d->ctx, &d->ret_ctx);
#endif
	}
}

#ifndef CORO_ASM
static void
deep_entry(unsigned hi, unsigned lo)
{
	deep_main((void *)(((uintptr_t)hi << 32) | (uintptr_t)lo));
}
#endif

static struct deep *
deep_get(void)
{
	size_t page = (size_t)sysconf(_SC_PAGESIZE);
	struct deep *d;
	char *cause = NULL;

	if ((d = deep_free) != NULL) {
		deep_free = d->next;
		deep_nfree--;
		return d;
	}
	d = xcalloc(1, sizeof *d);
	if ((d->map = stack_map(CORO_STACK_DEEP, &d->mapsize, &cause)) == NULL) {
		free(cause);
		free(d);
		return NULL;
	}
#ifdef CORO_ASM
	d->sp = first_frame(d->map + page, d->mapsize - page, deep_main, d);
#else
	first_context(&d->ctx, d->map + page, d->mapsize - page, deep_entry, d);
#endif
	return d;
}

static void
deep_put(struct deep *d)
{
	if (deep_nfree >= DEEP_KEEP) {
		munmap(d->map, d->mapsize);
		free(d);
		return;
	}
	d->next = deep_free;
	deep_free = d;
	deep_nfree++;
}
#endif

/* Lend co a deep stack for fn(arg): 0 once it has returned, -1 when none
 * can be lent.  trim: give back the pages the call touched. */
static int
lend(void (*fn)(void *), void *arg, int trim)
{
#ifndef CORO_ASAN
	struct coro *co = current;
	struct deep *d;

	if (co == NULL || co->deep != NULL || (d = deep_get()) == NULL)
		return -1;
	d->fn = fn;
	d->arg = arg;
	co->deep = d;
	coro_stack_low = map_low(d->map);
#ifdef CORO_ASM
	ly_coro_switch(&d->ret_sp, d->sp);
#else
	swapcontext(&d->ret_ctx, &d->ctx);
#endif
	coro_stack_low = map_low(co->map);
	co->deep = NULL;
	/* all but the top, where deep_main waits for the next loan */
	if (trim)
		(void)madvise(d->map, d->mapsize - LEND_KEEP, MADV_DONTNEED);
	deep_put(d);
	return 0;
#else
	(void)fn, (void)arg, (void)trim;
	return -1;
#endif
}

void
coro_call_deep(void (*fn)(void *), void *arg)
{
	if (lend(fn, arg, 0) != 0)
		fn(arg);
}

int
coro_call_stack(void (*fn)(void *), void *arg)
{
	return lend(fn, arg, 1);
}
