/* Compiled scripts shared by every JavaScript state of the process; see
 * scriptcache.h.
 *
 * Why: every VU is a mujs state of its own, and mujs lexes, parses and
 * compiles each script a state loads: the runtime library, the compiler's
 * helpers and every module of the user's bundle, the same texts in every
 * VU.  That was about 60% of the instructions of a VU's start and a share
 * of its memory (the compiled functions: code, constants, names).  A
 * compiled mujs function (js_Function) refers to nothing of the state
 * that compiled it: its constants are numbers and interned strings (one
 * table per process, src/js/intern.c), its inner functions are compiled
 * functions, and running it only reads it.  So one state of our own
 * compiles each text once, and every other state runs that compilation.
 *
 * How: libmujs.so's loader (js_loadstring and the Function constructor)
 * calls jsP_parse, jsC_compilescript, jsP_parsefunction and
 * jsC_compilefunction through its PLT, so the definitions below take
 * their place.  jsP_parse only notes the text and returns a marker;
 * jsC_compilescript then returns the compilation of that text from the
 * cache, compiling it in the cache's own state on first use.  The loader
 * turns the function into a script object of the calling state as usual.
 * A text the cache's state cannot compile (a syntax error) is compiled
 * again in the calling state, which throws the error there, with its
 * message and line, as before.
 *
 * Why it is safe: mujs frees a function when the state whose list holds
 * it (the one that compiled it) collects it or ends.  The cache's state
 * never ends and never collects: mujs collects only while it runs
 * bytecode, and the cache's state runs none.  Other states' collections
 * write a mark into shared functions and read it only for their own
 * functions.  Strings given to eval() are compiled by the calling state
 * as before (each may be new), and of the texts given to the Function
 * constructor only the runtime library's groups and the WebCrypto glue
 * are shared: they are static C strings (runtime_groups[],
 * webcrypto_files[], jsmod_files[]) compiled by states made without
 * JS_STRICT, as are all of the program's. */
#include "config.h"

#include <dlfcn.h>
#include <mujs.h>
#include <stdlib.h>
#include <string.h>

#include "compile/bundle.h"
#include "engine/coro.h"
#include "js/errmsg.h"
#include "js/fnname.h"
#include "js/fnsource.h"
#include "js/jsmod.h"
#include "js/lightfn.h"
#include "js/runtime.h"
#include "js/scriptcache.h"
#include "util/xmalloc.h"

/* mujs 1.3.2's parser and compiler, exported without a header. */
typedef struct js_Ast js_Ast;
typedef struct js_Function js_Function;
js_Ast		*jsP_parse(js_State *, const char *, const char *);
js_Ast		*jsP_parsefunction(js_State *, const char *, const char *,
		    const char *);
void		 jsP_freeparse(js_State *);
js_Function	*jsC_compilescript(js_State *, js_Ast *, int);
js_Function	*jsC_compilefunction(js_State *, js_Ast *);

/* Past these, texts are compiled by the calling state alone. */
#define MAX_ENTRIES	1024
#define MAX_BYTES	(64u << 20)

struct entry {
	char		*filename;
	char		*params;	/* NULL: a script, or no parameters */
	char		*src;
	size_t		 len;
	int		 strict;	/* -1: a function body */
	js_Function	*F;
};

static struct {
	js_Ast		*(*parse)(js_State *, const char *, const char *);
	js_Ast		*(*parsefunction)(js_State *, const char *,
			    const char *, const char *);
	js_Function	*(*compilescript)(js_State *, js_Ast *, int);
	js_Function	*(*compilefunction)(js_State *, js_Ast *);
} real;

static js_State *T;			/* compiles; never runs code */
static struct entry *entries;
static size_t nentries, nbytes;

/* What jsP_parse or jsP_parsefunction was given, for the compile that
 * follows it at once. */
static struct {
	js_State	*J;
	const char	*filename, *params, *src;
} pending;
static char marker;			/* the "tree" of a noted text */
#define MARKER	((js_Ast *)&marker)

static void
find_real(void)
{
	if (real.parse != NULL)
		return;
	*(void **)&real.parse = dlsym(RTLD_NEXT, "jsP_parse");
	*(void **)&real.parsefunction = dlsym(RTLD_NEXT, "jsP_parsefunction");
	*(void **)&real.compilescript = dlsym(RTLD_NEXT, "jsC_compilescript");
	*(void **)&real.compilefunction = dlsym(RTLD_NEXT,
	    "jsC_compilefunction");
	if (real.parse == NULL || real.parsefunction == NULL ||
	    real.compilescript == NULL || real.compilefunction == NULL)
		abort();	/* libmujs.so without its parser: cannot be */
}

static int
same(const char *a, const char *b)
{
	return a == b || (a != NULL && b != NULL && strcmp(a, b) == 0);
}

static struct entry *
find(const char *filename, const char *params, const char *src,
    size_t len, int strict)
{
	size_t i;

	for (i = 0; i < nentries; i++) {
		struct entry *e = &entries[i];

		if (e->len == len && e->strict == strict &&
		    strcmp(e->filename, filename) == 0 &&
		    same(e->params, params) && memcmp(e->src, src, len) == 0)
			return e;
	}
	return NULL;
}

/* A compilation with the JavaScript names of its functions (js/fnname.c). */
static js_Function *
named(js_State *J, js_Function *F)
{
	fnname_fix(J, F);
	errmsg_mark(F);
	lightfn_promote(F);
	return F;
}

/* A function the Function constructor made: JavaScript names it
 * "anonymous". */
static js_Function *
anonymous(js_State *J, js_Function *F)
{
	fnname_fix(J, F);
	if (F != NULL)
		fnname_anonymous(F);
	return F;
}

/* Compile the pending text in T; NULL if T cannot. */
static js_Function *
compile(int strict)
{
	js_Function *F;
	js_Ast *P;

	if (T == NULL && (T = js_newstate(NULL, NULL, 0)) == NULL)
		return NULL;
	if (js_try(T)) {
		js_pop(T, 1);
		jsP_freeparse(T);
		return NULL;
	}
	if (strict == -1) {
		P = real.parsefunction(T, pending.filename, pending.params,
		    pending.src);
		F = real.compilefunction(T, P);
		fnsource_mark(F);
		F = anonymous(T, F);
	} else {
		P = real.parse(T, pending.filename, pending.src);
		F = real.compilescript(T, P, strict);
		/* shared, the compilation lives as long as the process */
		fnsource_mark(F);
		F = named(T, F);
	}
	js_endtry(T);
	jsP_freeparse(T);
	return F;
}

/* The shared compilation of the pending text, or NULL. */
static js_Function *
lookup(int strict)
{
	struct entry *e;
	js_Function *F;
	size_t len = strlen(pending.src);

	if ((e = find(pending.filename, pending.params, pending.src, len,
	    strict)) != NULL)
		return e->F;
	if (nentries == MAX_ENTRIES || nbytes + len > MAX_BYTES ||
	    (F = compile(strict)) == NULL)
		return NULL;
	entries = xreallocarray(entries, nentries + 1, sizeof *entries);
	e = &entries[nentries++];
	e->filename = xstrdup(pending.filename);
	e->params = pending.params != NULL ? xstrdup(pending.params) : NULL;
	e->src = xmalloc(len + 1);
	memcpy(e->src, pending.src, len + 1);
	e->len = len;
	e->strict = strict;
	e->F = F;
	nbytes += len;
	return F;
}

/* Note the text J is loading; its compile comes next. */
static js_Ast *
note(js_State *J, const char *filename, const char *params, const char *src)
{
	pending.J = J;
	pending.filename = filename;
	pending.params = params;
	pending.src = src;
	return MARKER;
}

/* Whether P stands for J's noted text; it is taken then. */
static int
noted(js_State *J, js_Ast *P)
{
	if (P != MARKER)
		return 0;
	if (pending.J != J)
		abort();	/* mujs compiles what it has just parsed */
	pending.J = NULL;
	return 1;
}

/* Whether mujs's own jsP_parsefunction is running: it parses the body
 * with jsP_parse, through the PLT, and needs a real tree back. */
static int parsing_function;

js_Ast *
jsP_parse(js_State *J, const char *filename, const char *source)
{
	find_real();
	if (J == T || filename == NULL || strcmp(filename, "(eval)") == 0 ||
	    parsing_function)
		return real.parse(J, filename, source);
	return note(J, filename, NULL, source);
}

js_Function *
jsC_compilescript(js_State *J, js_Ast *P, int strict)
{
	js_Function *F;

	find_real();
	if (!noted(J, P))
		return named(J, real.compilescript(J, P, strict));
	if ((F = lookup(strict)) != NULL)
		return F;
	/* Not shared: compile it here, which throws any error here. */
	return named(J, real.compilescript(J, real.parse(J, pending.filename,
	    pending.src), strict));
}

/* The WebCrypto glue (js/webcrypto.js) is a static function body too. */
extern const struct runtime_file webcrypto_files[];

static int
runtime_group(const char *body)
{
	unsigned i;

	for (i = 0; i < runtime_groups_n; i++)
		if (body == runtime_groups[i].src)
			return 1;
	return body == webcrypto_files[0].src || jsmod_is_file(body);
}

/* __ly_fnlow(i): the i-th function the program compiled for the
 * Function constructor (see lowered). */
static void
fnlow(js_State *J)
{
	js_getregistry(J, "ly.fnlow");
	js_getindex(J, -1, js_toint32(J, 1));
}

struct lowering {
	const char	*id, *args, *body;
	char		*es5, *helpers, *cause;
};

static void
lower_run(void *arg)
{
	struct lowering *l = arg;

	l->es5 = bundle_lower_function(l->id, l->args, l->body, &l->helpers,
	    &l->cause);
}

/*
 * A Function constructor text mujs cannot parse (modern syntax, or
 * statements nested deeper than its parser's limit): the program's
 * compiler lowers it to a CommonJS module whose module.exports is the
 * function, run here with the helpers it needs.  The state keeps the
 * function in its registry for its whole life, and mujs is given a
 * function that calls it: "return __ly_fnlow(i).apply(this, arguments)".
 * A text the compiler rejects throws its SyntaxError.
 */
static js_Ast *
lowered(js_State *J, const char *filename, const char *params,
    const char *body)
{
	static unsigned seq;
	char *id, *args, *es5, *helpers, *cause, *tramp;
	struct lowering l;
	js_Ast *P;
	int i;

	id = xasprintf(SCRIPTCACHE_FUNCTION "%u]", ++seq);
	/* mujs ends the parameters it joined with their ")" */
	args = xstrndup(params != NULL ? params : "",
	    params != NULL && *params != '\0' ? strlen(params) - 1 : 0);
	/* The compiler recurses 1 to 2 KiB a level of nesting, which it
	 * takes up to 1,000 deep: more than a VU's stack holds. */
	l.id = id;
	l.args = args;
	l.body = body;
	l.es5 = l.helpers = l.cause = NULL;
	coro_call_deep(lower_run, &l);
	es5 = l.es5;
	helpers = l.helpers;
	cause = l.cause;
	free(args);
	if (es5 == NULL) {
		free(id);
		js_pushstring(J, cause);
		free(cause);
		js_syntaxerror(J, "%s", js_tostring(J, -1));
	}
	if ((helpers != NULL && (js_ploadstring(J, "[helpers]", helpers) ||
	    (js_pushundefined(J), js_pcall(J, 0)) || (js_pop(J, 1), 0))) ||
	    js_ploadstring(J, id, es5) || (js_pushundefined(J), js_pcall(J, 0))) {
		free(id);
		free(es5);
		free(helpers);
		js_throw(J);
	}
	free(es5);
	free(helpers);
	js_pop(J, 1);
	js_getglobal(J, "__lymod");
	js_getproperty(J, -1, "require");
	js_rot2(J);
	js_pushstring(J, id);
	free(id);
	js_call(J, 1);
	js_getregistry(J, "ly.fnlow");
	if (!js_isarray(J, -1)) {
		js_pop(J, 1);
		js_newarray(J);
		js_copy(J, -1);
		js_setregistry(J, "ly.fnlow");
		js_newcfunction(J, fnlow, "__ly_fnlow", 1);
		js_defglobal(J, "__ly_fnlow", JS_DONTENUM);
	}
	i = js_getlength(J, -1);
	js_rot2(J);
	js_setindex(J, -2, i);
	js_pop(J, 1);
	tramp = xasprintf("return __ly_fnlow(%d).apply(this, arguments);", i);
	if (js_try(J)) {
		parsing_function = 0;
		free(tramp);
		js_throw(J);
	}
	parsing_function = 1;
	P = real.parsefunction(J, filename, NULL, tramp);
	parsing_function = 0;
	js_endtry(J);
	free(tramp);
	return P;
}

/* Parameters mujs parses as JavaScript does: names and commas (it reads
 * the names of "a = 5, {b}" as "a" and drops the rest). */
static int
plain_params(const char *params)
{
	return params == NULL ||
	    params[strspn(params, "abcdefghijklmnopqrstuvwxyz"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_$, \t\n")] == ')';
}

js_Ast *
jsP_parsefunction(js_State *J, const char *filename, const char *params,
    const char *body)
{
	js_Ast *P;

	find_real();
	if (J != T && filename != NULL && body != NULL && !plain_params(params))
		return lowered(J, filename, params, body);
	if (J == T || filename == NULL || body == NULL || !runtime_group(body)) {
		/* A parse error longjmps out: clear the flag on the way. */
		if (js_try(J)) {
			parsing_function = 0;
			if (J == T || filename == NULL || body == NULL)
				js_throw(J);
			js_pop(J, 1);
			return lowered(J, filename, params, body);
		}
		parsing_function = 1;
		P = real.parsefunction(J, filename, params, body);
		parsing_function = 0;
		js_endtry(J);
		return P;
	}
	return note(J, filename, params, body);
}

js_Function *
jsC_compilefunction(js_State *J, js_Ast *P)
{
	js_Function *F;

	find_real();
	if (!noted(J, P))
		return anonymous(J, real.compilefunction(J, P));
	if ((F = lookup(-1)) != NULL)
		return F;
	return anonymous(J, real.compilefunction(J, real.parsefunction(J,
	    pending.filename, pending.params, pending.src)));
}

int
scriptcache_shared(const void *F)
{
	size_t i;

	for (i = 0; i < nentries; i++)
		if (entries[i].F == F)
			return 1;
	return 0;
}

size_t
scriptcache_count(void)
{
	return nentries;
}
