/* A cache in front of mujs's string interning, for the start of a VU.
 *
 * Between intern_cache_begin and intern_cache_end, the first JavaScript
 * state that interns a string (the one js_newstate makes next) has its
 * repeated names answered from a process-wide table instead of mujs's
 * tree; other states and other times go to mujs as before.  The table
 * (64 KiB, made on first use) belongs to the process; nothing is owned
 * by the caller.  Not thread-safe: one thread per process runs
 * JavaScript. */
#ifndef LYOCELL_INTERN_H
#define LYOCELL_INTERN_H

void	intern_cache_begin(void);
void	intern_cache_end(void);

#endif
