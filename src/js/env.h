/* __ENV without a property per variable.
 *
 * env_push pushes an object that shows the run's variables and then its
 * scenario's (a later one of a name wins) through a userdata's has hook,
 * their values the callers' own strings: it holds no property and no
 * copy until something lists its properties, asks for its own ones, or
 * changes one; env_own then makes them all own properties, in the order
 * they are given, and the object is an ordinary one from then on.  The
 * arrays and their strings must outlive the state. */
#ifndef LYOCELL_JS_ENV_H
#define LYOCELL_JS_ENV_H

#include <mujs.h>
#include <stddef.h>

struct kv;

void	env_push(js_State *, const struct kv *, size_t, const struct kv *,
	    size_t);
/* Whether the userdata (tag, data) is such an object still unowned. */
int	env_unowned(const char *tag, const void *data);
/* Make the properties of the object at idx own (see above). */
void	env_own(js_State *, int idx);
/* Make the global's name, an accessor whose getter is the function at
 * fn, a plain property (writable, enumerable, configurable) holding the
 * value at idx, as k6 sets __ENV; any other property is left alone. */
void	env_global_plain(js_State *, const char *name, int fn, int idx);

#endif
