/* libcurl's multi interface driven by a libevent loop.
 *
 * One CURLM per event base (a worker's engine, the coordinator's outputs).  net_start adds an easy handle; when its transfer
 * ends, the done callback runs from the loop after curl_multi_socket_action
 * has returned (never inside a libcurl callback), with the handle already
 * removed from the multi.  Callbacks only record results and wake VUs.
 *
 * net_new returns an owned object; net_free(NULL) is a no-op and must run
 * before the event base is freed (libcurl may still close sockets). */
#ifndef LYOCELL_NET_H
#define LYOCELL_NET_H

#include <curl/curl.h>

struct event_base;
struct net;

typedef void (*net_done_fn)(CURL *, CURLcode, void *arg);

struct net	*net_new(struct event_base *, char **cause);
void		 net_free(struct net *);
/* Start a transfer; 0, or -1 when libcurl refuses the handle. */
int		 net_start(struct net *, CURL *, net_done_fn, void *arg);
/* Abandon a transfer in flight; its done callback will not run. */
void		 net_cancel(struct net *, CURL *);
CURLM		*net_multi(struct net *);
/* Transfers in flight. */
int		 net_running(const struct net *);
/* How many times the loop has called into libcurl: two events with the
 * same count happened in one call, with no wait on the loop between. */
unsigned long	 net_calls(const struct net *);

#endif
