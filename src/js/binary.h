/* Binary data for mujs, which is ES5 and has none: ArrayBuffer, the typed
 * arrays (Int8Array ... Float64Array) and DataView, as userdata objects
 * whose elements are C property hooks.
 *
 * A VU pays nothing for them until it uses them: the runtime library
 * (js/runtime.c) installs their names as lazy globals that call
 * binary_load() on first access, and the C API below loads them too.
 * binary_push_arraybuffer copies its input; binary_get borrows: the
 * pointer stays valid while the object at idx stays on the stack (a
 * buffer never changes size). */
#ifndef LYOCELL_BINARY_H
#define LYOCELL_BINARY_H

#include <stddef.h>

#include <mujs.h>

/* Create the constructors and prototypes, once per state, and give the
 * lazy globals their values. */
void	binary_load(js_State *);
/* If a user-data object's tag and data are a typed array's, its length
 * (its index properties are 0 to length - 1); a DataView's 0; else -1. */
long	binary_typed_length(const char *tag, const void *data);
/* The constructor's name of the typed array at idx, or NULL. */
const char *binary_typed_name(js_State *, int idx);
/* Push a new ArrayBuffer holding a copy of len bytes at data. */
void	binary_push_arraybuffer(js_State *, const void *data, size_t len);
/* Push a new zero-filled ArrayBuffer of len bytes and return its bytes,
 * to be filled while it stays on the stack. */
unsigned char *binary_push_new(js_State *, size_t len);
/* The bytes of the ArrayBuffer, typed array or DataView at idx: 0, or -1
 * (and nothing set) for any other value.  Never throws. */
int	binary_get(js_State *, int idx, const unsigned char **data, size_t *len);

#endif
