/* The proxy a WebSocket goes through, from the environment as Go's
 * http.ProxyFromEnvironment decides it for k6's WebSockets: HTTP_PROXY
 * (http_proxy) for ws://, HTTPS_PROXY (https_proxy) for wss://, none for
 * localhost, a loopback address or what NO_PROXY (no_proxy) names. */
#ifndef LYOCELL_WSPROXY_H
#define LYOCELL_WSPROXY_H

/* The environment's settings, read by the caller (getenv). */
struct wsproxy_env {
	const char	*http_proxy;
	const char	*https_proxy;
	const char	*no_proxy;
	int		 cgi;		/* REQUEST_METHOD is set */
};

/* The proxy URL (owned, "http://" added if it has no scheme) for a
 * socket to host (no brackets) and port, tls for wss://; NULL for none.
 * In a CGI environment HTTP_PROXY is refused: NULL with an owned *cause. */
char	*wsproxy_for(const struct wsproxy_env *, int tls, const char *host,
	    const char *port, char **cause);
/* wsproxy_env from getenv. */
void	 wsproxy_getenv(struct wsproxy_env *);

#endif
