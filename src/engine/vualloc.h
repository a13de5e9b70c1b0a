/* The VUs' JavaScript memory: an allocator for mujs's many small blocks.
 *
 * Blocks of up to VUALLOC_SMALL bytes come in size classes (multiples of
 * 8 to 128, then 160, 192, 224, 256) carved from 4 KiB runs of one class
 * each, with no header per block and a free list per run; larger blocks
 * go to malloc with a 16-byte header.  The runs are shared by every VU of
 * the process: what one VU freed (the parse trees of its init code, its
 * garbage) serves the next, so the memory follows the live heap.  A run
 * whose last block is freed returns to a pool for any class; js_freestate
 * frees every block of a state, so a freed VU leaves nothing behind.
 *
 * Blocks are 8-byte aligned (16 for large ones).  Not thread-safe: one
 * thread per process allocates JavaScript memory. */
#ifndef LYOCELL_VUALLOC_H
#define LYOCELL_VUALLOC_H

#include <stddef.h>

#define VUALLOC_SMALL	256

/* realloc semantics: size 0 frees ptr and returns NULL; NULL when memory
 * runs out (ptr is then left as it was). */
void	*vualloc_realloc(void *ptr, size_t size);
/* The bytes block p takes: its class's size, or its size if large. */
size_t	 vualloc_size(const void *p);
/* Give the system back the pages within [p, p + size), a block of
 * anonymous memory, that hold only zeros (they read as zeros again, and
 * take memory again once written).  Returns the bytes given back; a
 * small block has no page of its own. */
size_t	 vualloc_trim(void *p, size_t size);
/* Give the system back the pages of the runs no block uses (and what
 * malloc keeps free): before the coordinator forks its workers, so that
 * they do not inherit the garbage of its init pass.  Returns the bytes of
 * runs given back; the runs serve again later. */
size_t	 vualloc_release(void);

#endif
