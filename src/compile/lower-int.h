/* What the files of the lowering share (lower.c: output, scopes, the
 * temporal dead zone, destructuring, modules; lower-expr.c, lower-func.c,
 * lower-stmt.c; lower-gen.c, the generator transform): the printer's
 * state and the functions one calls in another.  Internal to
 * src/compile; the names get a lower_ prefix in the library. */
#ifndef LYOCELL_LOWER_INT_H
#define LYOCELL_LOWER_INT_H

#include <setjmp.h>
#include <stddef.h>

#include "util/buf.h"

struct nametab;
struct posmap;

struct node;
struct arena;
struct lgen;
struct names;

enum bkind { B_VAR, B_LET, B_CONST, B_IMPORT };

/* Chains of + longer than this are lowered to one call (gen_long_sum). */
#define LONG_CHAIN	32

/* The interrupt check every loop, function and catch starts with (see
 * lower.c). */
#define TICK		"__ly_tick"

struct binding {
	const char	*name;
	size_t		 n;
	const char	*emit;		/* name in the output, or an expression */
	int		 kind;
	unsigned	 end;		/* let/const/class: initialised here */
	unsigned	 istart, iend;	/* ... by a destructuring of this */
	struct node	*init;		/* its initialiser, if a function,
					   object or class (see tdz_walk) */
	int		 tdz;		/* its uses were classified (tdz_scope) */
	const char	*flag;		/* "x$tdz", set once initialised, if
					   some use needs a check at run time */
	const char	*box;		/* NF_BOXED: the variable of the box
					   whose property v it is (emit) */
};

struct scope {
	struct scope	*up;
	struct binding	*b;
	size_t		 nb, cap;
	struct nametab	*tab;	/* name to index in b, once b is long */
};

struct fnctx {
	struct fnctx	*up;
	int		 arrow;
	int		 top;		/* the module body */
	int		 uses_this, uses_args;
	int		 wrapper;	/* a loop body function */
	int		 strict;	/* strict mode code */
	const char	*fname;		/* its name in the output, if any */
	size_t		 mark;		/* where declarations get inserted */
	struct buf	 temps;
	const char	**names;	/* names declared in this var scope */
	size_t		 nnames, capnames;
	struct nametab	*ntab;		/* the names, once there are many */
	struct lgen	*gen;		/* a generator's state machine (lower-gen.c) */
	unsigned	 id;		/* which function, for positions */
};

struct clsctx {
	struct clsctx	*up;
	const char	*home;		/* object literal: super's object */
	const char	*name;		/* constructor's name in the output */
	const char	*super;		/* superclass variable, or NULL */
	const char	**fields;	/* instance field initialisers */
	size_t		 nfields;
	int		 is_static;
};

struct modimport {
	char		*id;
	const char	*var;
};

/* Labels declared in, and labelled jumps leaving, one loop body run as
 * a function; more is a compile error naming the limit. */
#define LOWER_MAX_LABELS	16

/* A loop body run as a function of its own, so that closures in it
 * capture a fresh copy of the loop's let/const bindings per iteration.
 * break, continue and return in it become returns (see gen_wrapped). */
struct loopwrap {
	struct loopwrap	*up;
	int		 loops;		/* loops entered inside the body */
	int		 breaks;	/* loops and switches entered */
	const char	*label;		/* the wrapped loop's label */
	const char	*labels[LOWER_MAX_LABELS]; /* labels declared inside */
	int		 nlabels;
	const char	*jumps[LOWER_MAX_LABELS]; /* "b:label"/"c:label" leaving it */
	int		 njumps;
};

/* The statements a jump can leave, innermost first, so that a jump out
 * of a for...of marks its iterator to be closed (see gen_forof). */
enum { J_LOOP, J_FOROF, J_SWITCH, J_LABEL };

struct jscope {
	struct jscope	*up;
	int		 kind;
	struct fnctx	*fn;
	const char	*op;		/* J_FOROF: its state variable */
	const char	*label;		/* J_LABEL */
	size_t		 labeln;
};

struct gen {
	struct buf	 out;
	/* for the next lowergen_body only: said at each step of its state
	 * machine (a module body with top-level await sets its module as
	 * the running one, for open()) */
	const char	*step_pro;
	int		 line;
	const char	*name, *src, *id;
	size_t		 len;
	struct arena	*arena;
	jmp_buf		 jmp;
	char		*err;
	unsigned	 errpos;
	int		 errline;
	struct scope	*scope;
	struct fnctx	*fn;
	struct clsctx	*cls;
	int		 uid;
	int		 esm;
	int		 first;		/* no comma before the next piece */
	const struct lower_options *opt;
	struct modimport *imps;
	size_t		 nimps;
	struct buf	 exports;	/* getter table entries */
	struct buf	 stars;		/* export * statements */
	struct loopwrap	*wrap;		/* innermost loop body function */
	struct names	*capture;	/* copied into closures: gen_capture_push */
	struct lower_info *info;	/* to fill, or NULL */
	const char	*last_id;	/* id of the last module_var */
	const char	*loop_label;	/* label of the loop about to start */
	const char	*forof_labels;	/* "a: b: " for the for...of to start */
	struct jscope	*jumps;		/* innermost statement a jump can leave */
	/* Positions (posmap.h): the output's line, the output line mujs's
	 * compiler noted last (as far as modelled: see lower.c), the
	 * function whose positions the output line holds (0: none) */
	int		 pline, ll;
	unsigned	 lowner, nfn;
	struct posmap	*map;		/* being made, or NULL */
	size_t		 lines_cap, pos_cap;
	unsigned	*starts;	/* offset of each source line */
	size_t		 nstarts;
	struct node	*as_callee;	/* the member read next as a method */
	struct node	*as_target;	/* the member assigned next */
	struct node	*no_var;	/* the name typeof asks of next */
	int		 target_op;	/* its operator */
	int		 target_key;	/* its output line, 0: none */
	/* In a destructuring (dtrack): k6's last position so far, as
	 * pos_last gives it; keylast: the source's of the for-in whose key
	 * the body's first statement destructures (NF_FORKEY) */
	int		 dtrack;
	unsigned	 dlast, keylast;
	/* Functions (posmap.h fns): the output line that holds the last
	 * "function" recorded, the node whose source the next function
	 * gen_function prints stands for (a class, for its constructor),
	 * whether the next one is recorded already (an object literal's
	 * accessor), the export getters' count */
	int		 fline;
	const struct node *fn_span;
	int		 fn_begun;
	size_t		 nexport_fns;
	size_t		 fns_cap;
};

struct names {
	struct node	*v[32];
	int		 n;
};

struct lexarg {
	int		kind;
	int		fntop;
	unsigned	end;
	unsigned	istart, iend;
	struct node	*init;
};

/* Destructuring modes (destr). */
#define D_DECL		0
#define D_ASSIGN	1

#define insert_at(...)	lower_insert_at(__VA_ARGS__)
#define emit_quoted(...)	lower_emit_quoted(__VA_ARGS__)
#define gstrdup(...)	lower_gstrdup(__VA_ARGS__)
#define emit_number(...)	lower_emit_number(__VA_ARGS__)
#define is_word(...)	lower_is_word(__VA_ARGS__)
#define has_use_strict(...)	lower_has_use_strict(__VA_ARGS__)
#define strict_name(...)	lower_strict_name(__VA_ARGS__)
#define scope_find(...)	lower_scope_find(__VA_ARGS__)
#define declare_var(...)	lower_declare_var(__VA_ARGS__)
#define cb_var	lower_cb_var
#define collect_vars(...)	lower_collect_vars(__VA_ARGS__)
#define tdz_kind(...)	lower_tdz_kind(__VA_ARGS__)
#define emit_tdz_throw(...)	lower_emit_tdz_throw(__VA_ARGS__)
#define emit_tdz_test(...)	lower_emit_tdz_test(__VA_ARGS__)
#define cb_tdz_set	lower_cb_tdz_set
#define nonarrow(...)	lower_nonarrow(__VA_ARGS__)
#define emit_this(...)	lower_emit_this(__VA_ARGS__)
#define const_binding(...)	lower_const_binding(__VA_ARGS__)
#define emit_key_literal(...)	lower_emit_key_literal(__VA_ARGS__)
#define emit_key(...)	lower_emit_key(__VA_ARGS__)
#define cls_home(...)	lower_cls_home(__VA_ARGS__)
#define super_strict(...)	lower_super_strict(__VA_ARGS__)
#define super_key(...)	lower_super_key(__VA_ARGS__)
#define cb_collect	lower_cb_collect
#define gen_function(...)	lower_gen_function(__VA_ARGS__)
#define gen_class(...)	lower_gen_class(__VA_ARGS__)
#define emit(...)	lower_emit(__VA_ARGS__)
#define emitf(...)	lower_emitf(__VA_ARGS__)
#define sync(...)	lower_sync(__VA_ARGS__)
#define pos_add(...)	lower_pos_add(__VA_ARGS__)
#define fn_begin(...)	lower_fn_begin(__VA_ARGS__)
#define pos_fresh(...)	lower_pos_fresh(__VA_ARGS__)
#define pos_claim(...)	lower_pos_claim(__VA_ARGS__)
#define pos_end(...)	lower_pos_end(__VA_ARGS__)
#define pos_dollar(...)	lower_pos_dollar(__VA_ARGS__)
#define pos_last(...)	lower_pos_last(__VA_ARGS__)
#define pos_next(...)	lower_pos_next(__VA_ARGS__)
#define gfail(...)	lower_gfail(__VA_ARGS__)
#define gprintf(...)	lower_gprintf(__VA_ARGS__)
#define temp(...)	lower_temp(__VA_ARGS__)
#define gen_expr(...)	lower_gen_expr(__VA_ARGS__)
#define gen_deep(...)	lower_gen_deep(__VA_ARGS__)
#define gen_stmt(...)	lower_gen_stmt(__VA_ARGS__)
#define gen_stmts(...)	lower_gen_stmts(__VA_ARGS__)
#define gen_var(...)	lower_gen_var(__VA_ARGS__)
#define scope_push(...)	lower_scope_push(__VA_ARGS__)
#define scope_pop(...)	lower_scope_pop(__VA_ARGS__)
#define declare_block(...)	lower_declare_block(__VA_ARGS__)
#define tdz_scope(...)	lower_tdz_scope(__VA_ARGS__)
#define tdz_resets(...)	lower_tdz_resets(__VA_ARGS__)
#define tdz_set_names(...)	lower_tdz_set_names(__VA_ARGS__)
#define fn_push(...)	lower_fn_push(__VA_ARGS__)
#define fn_pop(...)	lower_fn_pop(__VA_ARGS__)
#define destr(...)	lower_destr(__VA_ARGS__)
#define destr_from(...)	lower_destr_from(__VA_ARGS__)
#define init_last(...)	lower_init_last(__VA_ARGS__)
#define stmts_last(...)	lower_stmts_last(__VA_ARGS__)
#define quote(...)	lower_quote(__VA_ARGS__)
#define access(...)	lower_access(__VA_ARGS__)
#define bind(...)	lower_bind(__VA_ARGS__)
#define lookup(...)	lower_lookup(__VA_ARGS__)
#define hoist_vars(...)	lower_hoist_vars(__VA_ARGS__)
#define pattern_names(...)	lower_pattern_names(__VA_ARGS__)
#define cb_lexical	lower_cb_lexical
#define piece(...)	lower_piece(__VA_ARGS__)
#define emit_ident_ref(...)	lower_emit_ident_ref(__VA_ARGS__)
#define emit_ident_read(...)	lower_emit_ident_read(__VA_ARGS__)

void	 emit(struct gen *, const char *);
void	 emitf(struct gen *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
void	 sync(struct gen *, int line);
void	 pos_add(struct gen *, int kind, int key, unsigned pos);
/* A "function" of the output comes next, standing for the source of
 * span (a function, method or class) or, NULL, the compiler's own, whose
 * ES5 name is name: on an output line of its own where it can, it is
 * recorded (posmap.h fns). */
void	 fn_begin(struct gen *, const struct node *span, const char *name);
void	 pos_fresh(struct gen *, int stmt);
void	 pos_claim(struct gen *, int key);
unsigned pos_end(const struct node *);
int	 pos_dollar(const struct gen *, size_t off);
/* pos_last: none, or not modelled */
#define POS_NONE	0u
#define POS_UNKNOWN	(~0u)
unsigned pos_last(const struct node *);
/* "it.next()", a for-of's step, where k6 iterates: at last, the
 * iterable's pos_last, where that is known (lower-stmt.c). */
void	 pos_next(struct gen *, const char *it, unsigned last);
void	 gfail(struct gen *, const struct node *, const char *, ...)
	    __attribute__((noreturn, format(printf, 3, 4)));
char	*gprintf(struct gen *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
const char *temp(struct gen *);
void	 gen_expr(struct gen *, struct node *, int top);
/* A chain too long for mujs's parser, generated shallow (lower-deep.c):
 * 1 when it did, 0 when n is not such a chain. */
int	 gen_deep(struct gen *, struct node *);
void	 gen_stmt(struct gen *, struct node *);
void	 gen_stmts(struct gen *, struct node *);
void	 gen_var(struct gen *, struct node *, int in_for);
void	 scope_push(struct gen *);
void	 scope_pop(struct gen *);
void	 declare_block(struct gen *, struct node *, int fntop);
void	 tdz_scope(struct gen *, struct node *, int single, int sw);
void	 tdz_resets(struct gen *);
/* Pieces that mark the names a pattern declared as initialised. */
void	 tdz_set_names(struct gen *, struct node *pattern);
struct fnctx *fn_push(struct gen *, int arrow);
void	 fn_pop(struct gen *);
void	 destr(struct gen *, struct node *, const char *val, int mode);
/* destr of a value whose code k6 noted last at last (pos_last, or
 * init_last of its expression) */
void	 destr_from(struct gen *, struct node *, const char *val, int mode,
	    unsigned last);
unsigned init_last(const struct gen *, const struct node *);
/* pos_last of the code of a list of statements (the last one that
 * notes a position: an expression, return, throw, declaration of names,
 * if or block) */
unsigned stmts_last(const struct node *);
/* A JavaScript string literal for s, safe for ES5 and mujs. */
void	 quote(struct buf *, const char *s, size_t n);
/* obj ".name" or obj "[key]" for an access with a literal key. */
char	*access(struct gen *, const char *obj, struct node *key);
void	 bind(struct gen *, struct scope *, const char *, size_t,
	    const char *emitname, int kind);
struct binding *lookup(struct gen *, const char *, size_t);
void	 hoist_vars(struct gen *, struct node *, struct fnctx *);
void	 pattern_names(struct gen *, struct node *,
	    void (*)(struct gen *, struct node *, void *), void *);
void	 cb_lexical(struct gen *, struct node *, void *);
void	 piece(struct gen *);
void	 emit_ident_ref(struct gen *, struct node *);
void	 emit_ident_read(struct gen *, struct node *);

/* lower-gen.c: a generator's or async function's body as a state
 * machine, the jumps and returns inside one, and the wrapper's return. */
void	 lowergen_body(struct gen *, struct node *f);
/* How deep statements nest in n, as mujs's parser counts them (its
 * limit is 100, expressions included).  A plain function whose body
 * nests deeper than LOWER_FLAT_DEPTH is lowered as a state machine run
 * at once ("flat"), whose states nest little. */
#define LOWER_FLAT_DEPTH	36
int	 lowergen_depth(const struct node *n);
/* Does the statement list await (or yield) outside nested functions? */
int	 lowergen_awaits(const struct node *list);
int	 lowergen_jump(struct gen *, struct node *);
void	 lowergen_return(struct gen *, struct node *, const char *marks);
/* A loop of a state machine (with a yield or await) cannot wrap its
 * body in a function for fresh let/const bindings per iteration: from
 * push to pop, function expressions made in it copy the bindings of the
 * loop head and body that functions there use and the body never
 * assigns.  push returns what pop restores. */
#define gen_capture_push(...)	lower_gen_capture_push(__VA_ARGS__)
#define gen_capture_pop(...)	lower_gen_capture_pop(__VA_ARGS__)
struct names *gen_capture_push(struct gen *, struct node *decl, struct node *body);
void	 gen_capture_pop(struct gen *, struct names *saved);
/* Free what a state machine left when an error cut it short. */
void	 lowergen_abandon(struct lgen *);

/* lower.c */
void	insert_at(struct gen *g, size_t off, const char *s);
void	emit_quoted(struct gen *g, const char *s, size_t n);
char *	gstrdup(struct gen *g, const char *s);
void	emit_number(struct gen *g, const struct node *n);
int	is_word(const char *s, size_t n, const char *w);
int	has_use_strict(struct gen *g, struct node *n);
void	strict_name(struct gen *g, struct node *id);
struct binding *	scope_find(struct scope *s, const char *name, size_t n);
void	declare_var(struct gen *g, const char *name, size_t n);
void	cb_var(struct gen *g, struct node *id, void *arg);
void	collect_vars(struct gen *g, struct node *n, int top);
int	tdz_kind(struct gen *g, struct node *n, struct binding **bp);
void	emit_tdz_throw(struct gen *g, struct binding *b);
void	emit_tdz_test(struct gen *g, struct binding *b);
void	cb_tdz_set(struct gen *g, struct node *id, void *arg);
struct fnctx *	nonarrow(struct gen *g);
void	emit_this(struct gen *g);
struct binding *	const_binding(struct gen *g, struct node *n);
void	emit_key_literal(struct gen *g, struct node *k);
void	emit_key(struct gen *g, struct node *k, unsigned flags,
	    const struct node *value);
/* lower-expr.c */
const char *	cls_home(struct gen *g, const struct node *at);
int	super_strict(struct gen *g);
const char *	super_key(struct gen *g, struct node *m, int twice);
/* lower-func.c */
void	cb_collect(struct gen *g, struct node *id, void *arg);
void	gen_function(struct gen *g, struct node *f, const char *name,
    const char *prologue);
void	gen_class(struct gen *g, struct node *c, const char *bindname);
/* fnname.c */
void	fnname_infer(struct arena *, struct node *prog);
const char *	fnname_ident(struct gen *, const struct node *f);
int	fnname_computed(const struct node *);

#endif
