/* Proxy; see proxy.c. */
#ifndef LYOCELL_JS_PROXY_H
#define LYOCELL_JS_PROXY_H

#include <mujs.h>

/* Define the global Proxy (its lazy global calls this). */
void	proxy_load(js_State *);
/* For an object proxy (a js_Object), its holder object, else NULL. */
void	*proxy_holder(js_State *, void *proxy);
/* Push the array of the proxy's own keys (the ownKeys trap's or the
 * target's) and return 1; 0 with nothing pushed if not a proxy. */
int	proxy_keys(js_State *, void *proxy);
/* The own property name of a proxy: 1 with its value pushed and *atts
 * set (MJ_DONTENUM...), 0 if it has none, -1 if not a proxy. */
int	proxy_own(js_State *, void *proxy, const char *name, int *atts);

#endif
