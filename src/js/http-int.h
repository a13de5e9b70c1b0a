/* Internals shared by the k6/http files (http*.c, listed in http.am).
 *
 * Every request of one JavaScript call lives in the VU's struct http_vu
 * (vu->http) from the moment its arguments are read until the next call
 * resets it, so a JavaScript exception thrown halfway leaks nothing. */
#ifndef LYOCELL_HTTP_INT_H
#define LYOCELL_HTTP_INT_H

#include <curl/curl.h>
#include <stdint.h>

#include "js/http-cookie.h"
#include "js/http-url.h"
#include "util/buf.h"

typedef struct js_State js_State;
struct event;
struct http_share;
struct resolver_query;
struct vu;

#define HTTP_BODY_CAP	((size_t)64 << 20)	/* response bytes kept */

enum http_rtype { RT_TEXT, RT_BINARY, RT_NONE };
enum http_cb { CB_VU, CB_NONE, CB_RANGES };

struct http_range {
	int	min, max;
};

struct http_hdr {
	char	*name;
	char	*value;
};

struct http_pcookie {
	char	*name;
	char	*value;
	int	 replace;
};

/* The strings of a slot's last request, kept by req_recycle for its
 * next one, which mostly has the same (http_reuse). */
struct http_spare {
	char	*method, *url, *host, *path, *orig_url, *remote_ip;
};

/* One request of a call (http.get, or one entry of http.batch). */
struct http_req {
	struct http_vu		*hv;
	CURL			*easy;
	size_t			 slot;		/* in http_vu.pool */
	int			 state;		/* enum in http.c */
	char			*method;
	char			*url;		/* this hop's URL */
	char			*name;		/* the name tag, NULL: the URL */
	char			*host;		/* lower case, for batchPerHost */
	char			*path;
	int			 https;
	long			 port;
	char			*orig_url;	/* as the script gave it, cleaned */
	struct buf		 body;
	int			 has_body;
	int			 form;		/* body is form-urlencoded */
	struct http_hdr		*hdrs;
	size_t			 nhdrs;
	struct http_pcookie	*pcookies;
	size_t			 npcookies;
	struct http_cookie_jar	*jar;
	uint32_t		 tags;
	int			 has_name_tag;
	int			 url_is_name;	/* http.url or a name tag: url tag = name */
	int64_t			 deadline;	/* monotonic ns */
	long			 max_redirects;
	long			 nredirects;
	enum http_rtype		 rtype;
	int			 auth;		/* CURLAUTH_* or 0 */
	char			*authz;		/* digest: this hop's answer */
	int			 challenged;	/* digest, ntlm: this URL sent its 401 */
	int			 throw_errors;
	int			 params_fault;	/* params_fail threw */
	char			*hdr_fault;	/* Go's transport refuses a header */
	enum http_cb		 cb;
	struct http_range	*ranges;
	size_t			 nranges;
	struct curl_slist	*slist;
	char			*cookie_hdr;	/* what was sent, for res.request */
	/* the last hop's response */
	struct buf		 rbody;
	struct buf		 rhead;
	int			 set_cookie;	/* rhead has a Set-Cookie line */
	uint64_t		 rbytes;
	int			 too_big;
	int			 not_http;	/* the reply has no status line */
	int			 sock_errno;	/* socket() failed so (EMFILE) */
	int64_t			 rps_at;	/* options.rps: may start then (monotonic ns) */
	int			 blocked;	/* k6's 1110 or 1111: blacklistIPs, blockHostnames */
	char			*block_text;	/* the dialer's words for it */
	char			*log_error;	/* Go's fuller text, for the log */
	long			 status;
	CURLcode		 result;
	int			 error_code;
	char			*error;
	char			 errbuf[CURL_ERROR_SIZE];
	int64_t			 t_prereq;	/* monotonic ns: request begun, */
	int64_t			 t_sent;	/* its last byte written, */
	int64_t			 t_first;	/* the response's first byte, */
	int64_t			 t_done;	/* its end */
	int64_t			 cpu_prereq;	/* thread CPU ns at t_prereq */
	unsigned long		 call_prereq;	/* net_calls() at t_prereq */
	uint64_t		 out_bytes;	/* body bytes libcurl wrote */
	int			 verbose;	/* CURLOPT_VERBOSE is on */
	struct http_debug	*debug;		/* --http-debug, or NULL */
	long			 hop_status;	/* of the last status line */
	struct http_inner {
		long	 status;
		double	 sending, waiting, receiving;
	}			 inner[2];	/* 401s libcurl answered (NTLM) */
	int			 ninner;
	double			 t_blocked, t_connecting, t_tls, t_sending;
	double			 t_waiting, t_receiving, t_duration;
	const char		*proto;
	char			*tls_version;
	char			*tls_cipher;
	char			*remote_ip;
	long			 remote_port;
	int			 expected;
	int			 url_fault;	/* enum http_url_fault */
	int			 async;		/* http.asyncRequest's (http-async.c) */
	char			*meta;		/* an async request's: the VU's */
	size_t			 meta_len;	/* metadata when it was made */
	/* options.dns (http-transfer.c's dns_start) */
	struct resolver_query	*lookup;	/* the hop's lookup in flight */
	struct event		*lookup_ev;	/* its deadline: the request's */
	int64_t			 t_lookup;	/* its start, then its time (ns) */
	int			 dns_error;	/* EVUTIL_EAI_* it failed with */
	struct curl_slist	*resolve;	/* CURLOPT_RESOLVE: its address */
	struct http_spare	 spare;
};

/* One entry of options.tlsAuth (http.c keeps them for the process). */
struct http_tlsauth {
	char	**domains;
	size_t	  ndomains;
	char	 *cert, *key, *password;
};

#define HTTP_TAGCACHE	8

/* The inputs and the result of one derivation of a hop's tag set. */
struct http_tagcache {
	uint32_t	 id;		/* 0: empty */
	uint32_t	 base;
	long		 status;
	int		 error_code;
	int		 expected;
	int		 cb;
	int		 has_name_tag;
	char		*method, *url, *name, *tls, *error;
	const char	*proto;		/* static */
};

struct http_vu {
	struct vu		*vu;
	struct http_share	*group;		/* hv_share's: its group's, */
	unsigned		 scope;		/* ... with this address scope, */
	CURLSH			*own;		/* ... or its own */
	int			 renewed;	/* ... renewed by an iteration */
	CURL			**pool;		/* easy handles by slot */
	char			**pool_key;	/* what each was set up for */
	CURLU			**pool_url;	/* its URL, parsed once */
	struct curl_slist	**pool_slist;	/* the headers it points at */
	struct http_for {
		const struct http_req	*r;	/* the callbacks' argument */
		int			 auth;
	}			*pool_for;	/* ... and what else, beyond the key */
	size_t			 npool;
	struct buf		 key;
	struct buf		 meta;		/* http-response.c's scratch */
	struct http_tagcache	*tagcache;	/* grown to HTTP_TAGCACHE */
	unsigned		 ntagcache;
	unsigned		 tagnext;
	struct http_cookie_jar	*jar;
	void			*proto;		/* "ly.http.Response" once made */
	struct http_req		*reqs;
	size_t			 nreqs, creqs;
	int			 batch_fault;	/* batch_fail threw */
	int			 running;
	struct http_async	*async;		/* http.asyncRequest's, in flight */
	struct http_async	*afree;		/* ... kept for the next ones */
	int			 arunning;	/* of which transfers running */
	void			*apromises;	/* their promises' array (http-async.c) */
	int			 astale;	/* it holds dropped ones' promises */
	unsigned		 aslots;	/* its slots, one per struct made */
	int			 busy;		/* reading a call's arguments */
	enum http_cb		 cb;
	struct http_range	*ranges;
	size_t			 nranges;
	unsigned		 systags;	/* bit per system tag */
	const char		*cainfo;
	char			*certdirs;	/* hashed CA directories, ':' */
	int			 no_proxy_env;
	struct curl_slist	*connect_to;	/* options.hosts */
	char			*interface;	/* "host!ADDRESS", options.localIPs */
	long			 sslversion;	/* options.tlsVersion */
	char			*ciphers;	/* options.tlsCipherSuites, */
	char			*ciphers13;	/* as OpenSSL names them */
	/* the last URL parsed, and its parts */
	char			*last_url, *last_host, *last_path, *last_clean;
	long			 last_port;
	int			 last_https;
	char			*warned_big;
	struct event		*rps_ev;	/* wakes a request options.rps held */
	int64_t			 rps_wake;	/* when it is armed for */
	int			 rps_sync;	/* a synchronous call waits on it */
};

/* Push res (a Response object) for a finished request. */
void	http_response_push(js_State *, struct http_req *);
/* Push the VU's Response prototype, made on first use. */
void	http_js(js_State *);
/* http.url`...`: the URL object that sets the name tag. */
void	http_response_url(js_State *);
/* Canonical MIME header key, as Go's net/textproto writes it, in place. */
void	http_canonical_key(char *);

/* What the k6/http files share beyond the structs. */
enum { RQ_QUEUED, RQ_RUNNING, RQ_HOP_DONE, RQ_COMPLETE };

#define DEFAULT_TIMEOUT_MS	60000
#define INIT_MSG	"Making http requests in the init context is not supported"

/* System tags, as bits of http_vu.systags. */
enum {
	ST_METHOD = 1 << 0, ST_STATUS = 1 << 1, ST_URL = 1 << 2, ST_NAME = 1 << 3,
	ST_PROTO = 1 << 4, ST_TLS = 1 << 5, ST_EXPECTED = 1 << 6,
	ST_ERROR = 1 << 7, ST_ERROR_CODE = 1 << 8,
};

/* http-options.c */
extern size_t ntlsauth;
const struct http_tlsauth *	tlsauth_for(const char *host);
void	hv_options(js_State *J, struct http_vu *hv);
/* Whether options.hosts maps host (on port): libcurl connects there. */
int	hv_hosts_match(const struct http_vu *hv, const char *host, long port);
/* http-params.c */
void	url_fault(struct http_req *r, const char *url, enum http_url_fault fault,
    char *msg);
void	read_url(js_State *J, struct http_req *r, int idx);
void	read_body(js_State *J, struct http_req *r, int idx);
void	read_ranges(js_State *J, int idx, struct http_range **out, size_t *n);
void	read_params(js_State *J, struct http_req *r, int idx);
/* http.c */
struct http_vu *	hv_get(js_State *J, const char *what);
void	req_init(struct http_vu *hv, struct http_req *r);
void	req_reset(struct http_req *r);
/* req_reset, but r keeps its buffers' storage and its strings as spares
 * for the next request made in it. */
void	req_recycle(struct http_req *r);
void	req_finish_hop(struct http_req *r);
void	read_request(js_State *J, struct http_req *r, int iurl, int ibody,
    int iparams);
char *	http_upper(struct http_req *r, const char *s);
/* A copy of s: *spare (taken) when it holds the same, else a new one. */
char *	http_reuse(char **spare, const char *s);
/* http-async.c: http.asyncRequest, on the VU's event loop */
void	http_async_request(js_State *J);
void	http_async_make_room(struct http_vu *hv, size_t n);
void	http_async_cancel(struct http_vu *hv);
void	http_async_free(struct http_vu *hv);
int	http_async_run_ready(struct vu *vu);
int	http_async_pending(struct vu *vu);
void	http_async_iteration_end(struct vu *vu);
/* The share for a request: the VU's group's (the request then takes
 * the VU's address scope), or with own or under noVUConnectionReuse
 * the VU's own. */
CURLSH *hv_share(struct http_vu *hv, int own);
/* http-transfer.c */
CURL *	hv_easy(struct http_vu *hv, size_t i);
/* Swap slots i and j with everything set up on their handles. */
void	hv_pool_swap(struct http_vu *hv, size_t i, size_t j);
/* The User-Agent a request sends unless its headers name one. */
const char *http_user_agent(struct http_vu *hv);
int	req_start(struct http_req *r);
/* Abandon r's running hop: its lookup or its transfer. */
void	req_cancel(struct http_req *r);
/* options.rps: whether r must wait before req_start (a timer then
 * wakes the VU); its slot is taken on the first call. */
int	rps_hold(struct http_req *r);
/* http-error.c */
void	tls_info(struct http_req *r);
void	set_error(struct http_req *r);
/* http-metrics.c */
void	timings(struct http_req *r);
int	is_expected(struct http_req *r);
void	emit_metrics(struct http_req *r);
void	store_cookies(struct http_req *r);
const char *	proto_of(struct http_req *r);
void	log_failure(struct http_req *r);
/* A warning with k6's error field: what, error="...". */
void	log_error_field(const char *what, const char *error);
/* What k6 says of r's failure, which it logs and throws (Go's url.Error:
 * "Get \"URL\": ..."): an owned string. */
char	*http_failure(const struct http_req *r);
void	emit_inner(struct http_req *r);
/* http-jar.c */
void	http_cookie_jar_ctor(js_State *J);
void	http_cookie_jar_fn(js_State *J);
void	jar_cookies_for_url(js_State *J);
void	jar_set(js_State *J);
void	jar_clear(js_State *J);
void	jar_delete(js_State *J);

#endif
