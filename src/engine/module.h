/* The engine's module interface: what a module (k6/http, timers, and
 * whatever comes next) may know of the engine and its VUs.
 *
 * A module that keeps state per VU or must act around iterations fills a
 * struct engine_module with the hooks it needs (NULL for the others) and
 * its line in src/js/modules.c's table hands it to each engine
 * (engine_module_add) before the engine makes VUs.  The engine calls the
 * hooks in the order the modules were added and never names a module; a
 * synchronous module (k6/html, k6/crypto) needs no hooks at all.
 *
 * Modules reach the VU only through the vu_* functions below, never
 * through struct vu or struct engine, which are private to src/engine.
 * Every function here runs on the worker's thread; those marked "on the
 * VU" run only on the VU's own coroutine (inside JavaScript it called).
 *
 * Asynchronous modules (timers, http.asyncRequest, WebSockets, gRPC
 * streams) share one event loop per VU (src/engine/loop.c), as k6's
 * event loop: once the iteration's function (or init code, setup(),
 * teardown(), handleSummary()) has returned, the loop runs the Promise
 * jobs (ending with "Uncaught (in promise) ..." if one was left rejected
 * unhandled), then turns until every module is idle, each turn calling
 * each module's run_ready hook, with the Promise jobs after each call
 * that ran something, or else, when a module still has pending
 * operations, blocking until one of them wakes the VU.
 *
 * So a module keeps its per-VU state in vu_module_data, arms its
 * libevent or libcurl callbacks on vu_event_base / vu_net, and from those
 * callbacks only records the result ("ready") and calls vu_loop_wake;
 * the JavaScript callback (a promise's resolution, an onmessage handler)
 * runs later on the VU's coroutine, from run_ready.  vu_loop_wake wakes
 * the VU only when it waits in the loop: a VU blocked in a synchronous
 * call (http.get, sleep) is not disturbed, and the loop finds the
 * recorded result when it turns next.  A synchronous call that blocks
 * (vu_block) is woken by vu_wake instead. */
#ifndef LYOCELL_ENGINE_MODULE_H
#define LYOCELL_ENGINE_MODULE_H

#include <stddef.h>
#include <stdint.h>

#include "net/resolver.h"

struct engine;
struct event_base;
struct ippool;
struct kv;
struct metric_registry;
struct tag;
struct net;
struct vu;
typedef struct js_State js_State;

/* The built-in metrics every engine emits, by their registry ids. */
struct builtin_metrics {
	uint32_t	vus, vus_max, iterations, iteration_duration;
	uint32_t	dropped_iterations, checks, group_duration;
	uint32_t	data_sent, data_received;
	uint32_t	http_reqs, http_req_duration, http_req_blocked;
	uint32_t	http_req_connecting, http_req_tls_handshaking;
	uint32_t	http_req_sending, http_req_waiting, http_req_receiving;
	uint32_t	http_req_failed;
};

/* Options the VUs need at run time, read once from the consolidated
 * options. */
struct runopts {
	int	 include_system_env;
	int	 no_cookies_reset;
	int	 discard_response_bodies;
	int	 insecure_skip_tls_verify;
	int	 no_connection_reuse;
	int	 no_vu_connection_reuse;
	int	 throw_errors;
	int64_t	 max_redirects;
	int64_t	 batch;
	int64_t	 batch_per_host;
	double	 rps;		/* options.rps, this process's share; 0: none */
	struct ippool *local_ips;	/* options.localIPs, or NULL */
	int	 dns_set;	/* options.dns given: connections use the resolver */
	struct resolver_conf dns;
	double	 min_iteration_duration;
	char	*user_agent;
	char	*http_debug;
	struct kv *env;		/* -e NAME=VALUE and the system environment */
	size_t	 nenv;
	struct kv *tags;	/* options.tags / --tag */
	size_t	 ntags;
	char	**system_tags;	/* NULL-terminated; NULL means k6's default set */
};

/* What each worker of this machine publishes for exec.instance, one
 * slot per worker in memory shared across fork(): k6's instance is the
 * whole machine. */
struct instance_slot {
	uint64_t	vus_active, vus_max, complete, interrupted;
};

/* The most modules with hooks one engine takes; engine_module_add exits
 * with a message beyond it. */
#define ENGINE_MODULES_MAX	16

struct engine_module {
	const char	*name;
	/* On the VU, once the init code and its event loop ran, still in
	 * the init context. */
	void		(*init_end)(struct vu *);
	/* After the VU's init code ran: make what the iterations need.
	 * 0, or -1 with an owned *cause (the VU is then dead). */
	int		(*vu_init)(struct vu *, char **cause);
	/* On the VU, before the iteration's function is called. */
	void		(*iteration_start)(struct vu *);
	/* On the VU, in the event loop: run the JavaScript callbacks that
	 * are ready (a fired timer, a finished request's promise), ideally
	 * one per call, since the loop runs the Promise jobs after each call
	 * that ran something and calls again.  How many ran.  This and
	 * pending run in the init code's loop too, before vu_init, when
	 * the module's data may still be NULL. */
	int		(*run_ready)(struct vu *);
	/* How many operations are still outstanding (armed timers, requests
	 * in flight, open sockets): the loop ends only when no module has
	 * any and nothing is ready. */
	int		(*pending)(struct vu *);
	/* On the VU, once the loop ended or the function failed: drop what
	 * is still pending, which never runs. */
	void		(*iteration_end)(struct vu *);
	/* The iteration is being cut short: cancel what the VU is blocked
	 * on (its timers, its requests).  Not on the VU; it is woken after. */
	void		(*interrupt)(struct vu *);
	/* Free the VU's state (vu_module_data). */
	void		(*vu_free)(struct vu *);
};

void	 engine_module_add(struct engine *, const struct engine_module *);

/* The JavaScript runtime a VU's state is made with, which src/js gives
 * each engine (modules_attach) so that the engine names none of its
 * files. */
struct engine_script {
	/* The runtime library, before anything else runs in the state. */
	int		(*load_runtime)(js_State *, char **cause);
	/* The globals and the native modules, before the init code. */
	int		(*register_modules)(js_State *, char **cause);
	/* "Symbol(DESC)" if s is a symbol's key, owned; else NULL. */
	char		*(*symbol_text)(const char *s);
	/* Whether the state loaded Promise: no Promise, no pending jobs. */
	int		(*promises_loaded)(js_State *);
	/* Run the Promise jobs until none is left: NULL, or an owned
	 * "Uncaught (in promise) ..." when one left a promise rejected with
	 * no handler. */
	char		*(*run_microtasks)(js_State *);
	/* After a full collection, when the VU is about to idle: give back
	 * what the state keeps for later work and remakes on demand. */
	void		(*trim)(js_State *);
};

void	 engine_script_set(struct engine *, const struct engine_script *);

/* The module's state for this VU, NULL until set; the module owns it and
 * frees it in its vu_free hook. */
void	*vu_module_data(struct vu *, const struct engine_module *);
void	 vu_module_set(struct vu *, const struct engine_module *, void *);

int64_t	 engine_now(void);	/* monotonic ns */

/* The VU of a mujs state, and the state of a VU. */
struct vu *vu_of(js_State *);
js_State *vu_js(struct vu *);
uint32_t vu_id(const struct vu *);
/* Whether the VU runs its init code: no network, no metrics. */
int	 vu_in_init(const struct vu *);
/* Whether the current iteration was interrupted (the caller throws with
 * vu_throw_interrupted). */
int	 vu_interrupted(const struct vu *);

/* On the VU, in a synchronous call: yield until vu_wake.  Returns -1
 * when the iteration was interrupted meanwhile (the caller throws). */
int	 vu_block(struct vu *);
/* Mark the VU runnable; safe from any callback.  For a synchronous call
 * waiting in vu_block. */
void	 vu_wake(struct vu *);
/* From a module's callback: something is ready for run_ready.  Wakes the
 * VU only if it waits in its event loop. */
void	 vu_loop_wake(struct vu *);
/* From run_ready: the callback it ran threw the value on top of the
 * stack (popped).  As in k6, the event loop ends there, and with it the
 * iteration (or init, setup(), ...), which logs the exception with its
 * stack; what was still pending never runs. */
void	 vu_loop_throw(struct vu *);
/* An error's text and its "\n\tat ..." frames as k6 prints them: the
 * script's own frames only, as URL:LINE:COL; owned, or NULL when J is no
 * VU's. */
char	*vu_stack_text(js_State *, const char *text);
/* On the VU: block for ms milliseconds; -1 if it was interrupted. */
int	 vu_sleep(struct vu *, double ms);
/* Throw the error that ends an interrupted iteration. */
void	 vu_throw_interrupted(js_State *) __attribute__((noreturn));

/* The worker's event loop and its libcurl multi. */
struct event_base *vu_event_base(struct vu *);
struct net *vu_net(struct vu *);
/* The resolver of options.dns (src/net/resolver.h), or NULL when no
 * option set it: then libcurl and libevent look names up as before. */
struct resolver *vu_resolver(struct vu *);
/* The consolidated options as JSON, and those read once for the VUs
 * (struct runopts, engine.h); the latter NULL in the coordinator's
 * init pass. */
const char *vu_options_json(const struct vu *);
const struct runopts *vu_opts(const struct vu *);

/* Samples.  vu_tags is the VU's current tag set (run, scenario, group,
 * exec.vu.tags); vu_tags_with adds key=value to a tag set; the builtin
 * metrics' ids are in vu_metrics (engine.h's struct builtin_metrics). */
uint32_t vu_tags(const struct vu *);
uint32_t vu_tags_with(struct vu *, uint32_t base, const char *key, const char *value);
int	 vu_system_tag(const struct vu *, const char *tag);
const struct builtin_metrics *vu_metrics(const struct vu *);
/* Queue one sample of the VU; time is taken now. */
void	 vu_emit(struct vu *, uint32_t metric, uint32_t tags, double value);
/* Queue n samples of one moment and tag set: metric[i] with value[i]
 * (n at most 16). */
void	 vu_emit_n(struct vu *, uint32_t tags, const uint32_t *metric,
	    const double *value, size_t n);
/* vu_emit_n with the metadata given (sorted "key\0value\0" pairs, as
 * vu_meta's; NULL: none), not the running VU's. */
void	 vu_emit_meta(struct vu *, uint32_t tags, const uint32_t *metric,
	    const double *value, size_t n, const char *meta, size_t meta_len);
/* Bytes the VU sent and received: data_sent and data_received. */
void	 vu_add_traffic(struct vu *, uint64_t sent, uint64_t received);
/* The registry custom metrics are declared in (k6/metrics). */
struct metric_registry *vu_metric_registry(struct vu *);

/* What k6 and k6/execution change of the VU: its tag set (vu_tag: the
 * value of key in it, or NULL; vu_tag_list: all of them, borrowed), its
 * group ("" at the root, "::a::b" inside groups: group() sets its own
 * path and puts the outer one back before it frees its own), and its
 * metadata (exec.vu.metrics.metadata, sorted "key\0value\0" pairs;
 * a NULL value removes key), which the samples it emits afterwards
 * carry. */
void	 vu_set_tags(struct vu *, uint32_t tags);
uint32_t vu_tags_without(struct vu *, uint32_t base, const char *key);
const char *vu_tag(const struct vu *, const char *key);
const struct tag *vu_tag_list(const struct vu *, size_t *n);
char	*vu_group(const struct vu *);
void	 vu_set_group(struct vu *, char *group);
void	 engine_vu_meta_set(struct vu *, const char *key, const char *value);
const char *vu_meta(const struct vu *, size_t *len);

/* What k6/execution shows of the VU, its scenario, this machine and the
 * test, computed now. */
struct vu_exec {
	uint32_t		 id_in_test;	/* exec.vu.idInTest */
	uint64_t		 iter, iter_in_scenario;
	uint64_t		 iter_in_instance, iter_in_test;
	/* the scenario's name and executor; NULL in setup() and teardown() */
	const char		*sc_name, *sc_executor;
	int64_t			 sc_elapsed;	/* ns since the scenario started */
	double			 sc_progress;
	int64_t			 test_elapsed;	/* ns since the test started, or 0 */
	struct instance_slot	 instance;
};
void	 vu_exec(struct vu *, struct vu_exec *);
/* exec.test.abort(): stop the test and cut the VU's iteration short (the
 * caller throws with vu_throw_interrupted); exec.test.fail(): mark the
 * test failed and go on. */
void	 vu_abort_test(struct vu *, const char *reason);
void	 vu_fail_test(struct vu *, const char *reason);

#endif
