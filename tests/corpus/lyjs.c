/* Corpus runner: compile a program with src/compile, run it in mujs with
 * the runtime library, print console.log lines to stdout.  Errors go to
 * stderr and exit 1; compile errors exit 107 like lyocell run. */
#include "config.h"

#include <mujs.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compile/bundle.h"
#include "engine/engine.h"
#include "js/errmsg.h"
#include "js/error.h"
#include "js/runtime.h"
#include "js/surrogate.h"
#include "js/symbol.h"
#include "util/buf.h"

static void
console_log(js_State *J)
{
	int i, n = js_gettop(J);
	struct buf b = BUF_INIT;

	for (i = 1; i < n; i++) {
		char *sym = NULL;

		if (i > 1)
			buf_putc(&b, ' ');
		/* a symbol as node prints it: Symbol(desc) */
		if (symbol_at(J, i))
			sym = runtime_symbol_text(js_tostring(J, i));
		buf_puts(&b, sym != NULL ? sym : js_tostring(J, i));
		free(sym);
	}
	buf_putc(&b, '\n');
	surrogate_fffd(b.data, b.len);	/* as node writes them */
	fwrite(b.data, 1, b.len, stdout);
	buf_free(&b);
	js_pushundefined(J);
}

static void
report(js_State *J, const char *msg)
{
	/* mujs warnings (e.g. about function statements) go to stderr. */
	fprintf(stderr, "warning: %s\n", msg);
}

static int
fail(js_State *J, const char *what)
{
	char *trace = NULL;

	/* Read the trace first: js_trystring converts the slot in place. */
	if (js_isobject(J, -1)) {
		js_getproperty(J, -1, ERROR_FRAMES);
		if (js_isstring(J, -1)) {
			char *cut;

			if ((trace = vu_stack_text(J, js_tostring(J, -1))) == NULL)
				trace = strdup(js_tostring(J, -1));
			/* Stop where the module loader's frames begin. */
			if ((cut = strstr(trace, "\n\tat Function.prototype.call")) != NULL)
				*cut = '\0';
		}
		js_pop(J, 1);
	}
	fprintf(stderr, "%s: %s%s\n", what, js_trystring(J, -1, "Error"),
	    trace != NULL ? trace : "");
	free(trace);
	return 1;
}

int
main(int argc, char **argv)
{
	static const char *const natives[] = { "k6", "k6/http", "k6/metrics",
	    "k6/crypto", "k6/encoding", "k6/data", "k6/execution", "k6/html",
	    "k6/ws", "k6/timers", "k6/net/grpc", "k6/experimental/browser",
	    "k6/websockets", "k6/experimental/websockets", NULL };
	struct bundle *b;
	char *cause = NULL;
	js_State *J;
	size_t i;
	int rc = 1;

	if (argc == 4 && strcmp(argv[1], "-c") == 0) {
		/* lyjs -c NAME SOURCE: print the compiled unit. */
		char *es5 = bundle_compile_source(argv[2], argv[3],
		    strlen(argv[3]), &cause);

		if (es5 == NULL) {
			fprintf(stderr, "%s\n", cause);
			free(cause);
			return 107;
		}
		fputs(es5, stdout);
		free(es5);
		return 0;
	}
	if (argc == 3 && strcmp(argv[1], "-b") == 0) {
		if ((b = bundle_build(argv[2], natives, &cause)) == NULL) {
			fprintf(stderr, "%s\n", cause);
			free(cause);
			return 107;
		}
		for (i = 0; i < b->nunits; i++)
			printf("// %s (%s)\n%s", b->units[i].name, b->units[i].id,
			    b->units[i].es5);
		bundle_free(b);
		return 0;
	}
	if (argc != 2) {
		fprintf(stderr, "usage: lyjs [-b] script.js | -c name source\n");
		return 2;
	}
	if ((b = bundle_build(argv[1], natives, &cause)) == NULL) {
		fprintf(stderr, "%s\n", cause);
		free(cause);
		return 107;
	}
	/* frames with the source's lines, as the bundle's maps give them */
	stack_lines_of(b);
	J = js_newstate(NULL, NULL, 0);
	js_setreport(J, report);
	if (runtime_load(J, &cause) == -1) {
		fprintf(stderr, "%s\n", cause);
		free(cause);
		goto out;
	}
	js_newobject(J);
	js_newcfunction(J, console_log, "log", 1);
	js_setproperty(J, -2, "log");
	js_newcfunction(J, console_log, "error", 0);
	js_setproperty(J, -2, "error");
	js_setglobal(J, "console");
	/* The k6 module: the stubs tests/corpus/cases/node_modules/k6 has. */
	if (js_ploadstring(J, "k6-stub", "(function () { var k6 = {"
	    " check: function (v, sets) { for (var k in sets)"
	    " if (!sets[k](v)) return false; return true; },"
	    " sleep: function () {} }; k6['default'] = k6;"
	    " __lymod.native('k6', k6); })()")) {
		fail(J, "native");
		goto out;
	}
	js_pushundefined(J);
	if (js_pcall(J, 0)) {
		fail(J, "native");
		goto out;
	}
	js_pop(J, 1);
	/* Timers on a virtual clock, run after the program as node's event
	 * loop would: by due time then creation, the microtasks drained
	 * before each. */
	if (js_ploadstring(J, "timers-stub", "(function (G) {"
	    " var q = [], seq = 0, now = 0;"
	    " function add(f, ms, args, rep) { ms = +ms; if (!(ms >= 1)) ms = 1;"
	    " q.push({ id: ++seq, f: f, ms: ms, at: now + ms, args: args, rep: rep });"
	    " return seq; }"
	    " function clear(id) { for (var i = 0; i < q.length; i++)"
	    " if (q[i].id === id) { q.splice(i, 1); return; } }"
	    " G.setTimeout = function (f, ms) { return add(f, ms,"
	    " [].slice.call(arguments, 2), false); };"
	    " G.setInterval = function (f, ms) { return add(f, ms,"
	    " [].slice.call(arguments, 2), true); };"
	    " G.clearTimeout = G.clearInterval = clear;"
	    " G.__lyjs_loop = function () { for (;;) { __ly_runMicrotasks();"
	    " var b = -1, i, t; for (i = 0; i < q.length; i++)"
	    " if (b < 0 || q[i].at < q[b].at) b = i;"
	    " if (b < 0) return; t = q[b]; now = t.at;"
	    " if (t.rep) t.at = now + t.ms; else q.splice(b, 1);"
	    " t.f.apply(null, t.args); } }; })(this)")) {
		fail(J, "timers");
		goto out;
	}
	js_pushundefined(J);
	if (js_pcall(J, 0)) {
		fail(J, "timers");
		goto out;
	}
	js_pop(J, 1);
	for (i = 0; i < b->nunits; i++) {
		if (b->units[i].map != NULL)
			errmsg_posmap(b->units[i].name, b->units[i].map);
		if (js_ploadstring(J, b->units[i].name, b->units[i].es5)) {
			fail(J, "load");
			goto out;
		}
		js_pushundefined(J);
		if (js_pcall(J, 0)) {
			fail(J, "load");
			goto out;
		}
		js_pop(J, 1);
	}
	js_pushstring(J, b->entry_id);
	js_setglobal(J, "__lyjs_entry");
	js_getglobal(J, "__lymod");
	js_getproperty(J, -1, "require");
	js_rot2(J);
	js_pushstring(J, b->entry_id);
	if (js_pcall(J, 1)) {
		fail(J, "Uncaught");
		goto out;
	}
	/* A module graph with top-level await completes its evaluation on
	 * the event loop first, as k6's init does. */
	if (js_ploadstring(J, "[tla]", "if (__lymod.awaited(__lyjs_entry)) {"
	    " __lyjs_loop(); __lymod.wait(__lyjs_entry); }")) {
		fail(J, "load");
		goto out;
	}
	js_pushundefined(J);
	if (js_pcall(J, 0)) {
		fail(J, "Uncaught");
		goto out;
	}
	js_pop(J, 1);
	/* Run an exported default function, as k6 would for one iteration. */
	js_getproperty(J, -1, "default");
	if (js_iscallable(J, -1)) {
		js_pushundefined(J);
		if (js_pcall(J, 0)) {
			fail(J, "Uncaught");
			goto out;
		}
	}
	js_pop(J, 2);
	js_getglobal(J, "__lyjs_loop");
	js_pushundefined(J);
	if (js_pcall(J, 0)) {
		fail(J, "Uncaught");
		goto out;
	}
	js_pop(J, 1);
	rc = 0;
out:
	fflush(stdout);
	js_freestate(J);
	bundle_free(b);
	return rc;
}
