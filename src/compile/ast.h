/* The syntax tree of an ES2022 script or module, and the arena it lives in.
 *
 * Every node, string and list of one parse lives in one arena owned by the
 * caller; arena_free releases all of it at once.  Nodes point into the
 * source text they were parsed from, which must outlive the tree. */
#ifndef LYOCELL_AST_H
#define LYOCELL_AST_H

#include <stddef.h>

struct arena {
	struct arena_chunk *head;
};

void	*arena_alloc(struct arena *, size_t);
char	*arena_strndup(struct arena *, const char *, size_t);
void	 arena_free(struct arena *);

enum node_type {
	/* Expressions. */
	N_NUM = 1, N_STR, N_TEMPLATE, N_TAGGED, N_REGEX, N_IDENT, N_THIS,
	N_SUPER, N_NEWTARGET, N_IMPORTMETA, N_ARRAY, N_HOLE, N_OBJECT, N_PROP,
	N_FUNC, N_CLASS, N_MEMBER, N_CALL, N_NEW, N_CHAIN, N_UNARY, N_UPDATE,
	N_BINARY, N_LOGICAL, N_ASSIGN, N_COND, N_SEQ, N_SPREAD, N_PRIVNAME,
	N_PAREN, N_IMPORTCALL, N_YIELD, N_AWAIT,
	/* Patterns. */
	N_ARRPAT, N_OBJPAT, N_ASSIGNPAT, N_REST,
	/* Statements. */
	N_VAR, N_DECL, N_EXPRSTMT, N_BLOCK, N_EMPTY, N_IF, N_FOR, N_FORIN,
	N_FOROF, N_WHILE, N_DOWHILE, N_RETURN, N_BREAK, N_CONTINUE, N_THROW,
	N_TRY, N_SWITCH, N_CASE, N_LABEL, N_DEBUGGER, N_WITH,
	N_IMPORT, N_IMPORTSPEC, N_EXPORT, N_EXPORTSPEC, N_PROGRAM,
	/* Class members. */
	N_METHOD, N_FIELD, N_STATICBLOCK,
	N_TYPE_MAX
};

/* Flags; which apply depends on the node type. */
#define NF_ARROW	0x0001	/* N_FUNC: arrow function */
#define NF_EXPRBODY	0x0002	/* N_FUNC: arrow with expression body (b) */
#define NF_ASYNC	0x0004
#define NF_GEN		0x0008
#define NF_COMPUTED	0x0010	/* N_PROP/N_MEMBER/N_METHOD/N_FIELD: key is an expression */
#define NF_OPTIONAL	0x0020	/* N_MEMBER/N_CALL: ?. link */
#define NF_STATIC	0x0040	/* class member */
#define NF_SHORTHAND	0x0080	/* N_PROP: { a } */
#define NF_METHOD	0x0100	/* N_PROP: { m() {} } */
#define NF_GET		0x0200	/* N_PROP/N_METHOD: getter */
#define NF_SET		0x0400	/* N_PROP/N_METHOD: setter */
#define NF_PREFIX	0x0800	/* N_UPDATE: ++x */
#define NF_DECL		0x1000	/* N_FUNC/N_CLASS: declaration */
#define NF_TAIL		0x2000	/* template piece: last one */
#define NF_PRIVATE	0x4000	/* N_MEMBER/N_METHOD/N_FIELD: #name */
#define NF_DEFAULT	0x8000	/* N_EXPORT: export default */
#define NF_BADESC	0x10000	/* template piece with an invalid escape */
#define NF_LET		0x20000	/* N_VAR: let */
#define NF_CONST	0x40000	/* N_VAR: const */
#define NF_NS		0x80000	/* N_IMPORTSPEC/N_EXPORT: namespace (* as) */
#define NF_STAR		0x100000 /* N_EXPORT: export * from; N_YIELD: yield* */
#define NF_CTOR		0x200000 /* N_METHOD: constructor */
#define NF_TDZ		0x400000 /* N_IDENT: always before its let/const */
#define NF_TDZCHECK	0x800000 /* N_IDENT: maybe before it (lower.c) */
#define NF_TOPRETURN	0x1000000 /* N_RETURN: outside any function */
#define NF_FORKEY	0x2000000 /* N_IDENT: a for-in's key its pattern takes */
#define NF_BOXED	0x8000000 /* N_IDENT: a let/const of a loop body of a
				     state machine, captured and assigned:
				     a property of a box made each turn */
#define NF_STANDIN	0x4000000 /* N_IDENT: the compiler's, for an expression
				     (lower-gen.c; tok: its pos_last) */

/*
 * Children by type (lists are chained through next):
 * N_NUM num; N_STR s,n; N_REGEX s,n (whole literal); N_IDENT s,n
 * N_TEMPLATE a = list of N_STR pieces (s = cooked or NULL, raw,rawn),
 *   b = list of expressions;  N_TAGGED a = tag, b = N_TEMPLATE
 * N_ARRAY a = elements (N_HOLE, N_SPREAD, expr)
 * N_OBJECT a = N_PROP list; N_PROP a = key, b = value (N_SPREAD: a = arg)
 * N_FUNC a = name ident or NULL, b = params list, c = body (N_BLOCK, or an
 *   expression with NF_EXPRBODY)
 * N_CLASS a = name, b = superclass, c = member list
 * N_METHOD a = key, b = N_FUNC;  N_FIELD a = key, b = value or NULL;
 * N_STATICBLOCK a = body list
 * N_MEMBER a = object, b = property (N_IDENT name, N_PRIVNAME, or expr)
 * N_CALL/N_NEW a = callee, b = args;  N_CHAIN a = chain
 * N_UNARY/N_UPDATE op, a;  N_BINARY/N_LOGICAL/N_ASSIGN op, a, b
 * N_COND a ? b : c;  N_SEQ a = list;  N_SPREAD/N_REST a;  N_PAREN a
 * N_YIELD a = argument or NULL (NF_STAR: yield*);  N_AWAIT a
 * N_ARRPAT a = elements (N_HOLE, N_REST, pattern, N_ASSIGNPAT)
 * N_OBJPAT a = N_PROP list (b = pattern) and N_REST
 * N_ASSIGNPAT a = target, b = default
 * N_VAR a = N_DECL list; N_DECL a = pattern, b = init
 * N_EXPRSTMT a;  N_BLOCK a = list;  N_IF a, b, c;  N_FOR a (init), b, c, d
 * N_FORIN/N_FOROF a = left (N_VAR or pattern), b = right, c = body
 *   (N_FOROF with NF_ASYNC: for await)
 * N_WHILE a, b;  N_DOWHILE a = body, b = test;  N_RETURN/N_THROW a
 * N_BREAK/N_CONTINUE a = label;  N_TRY a = block, b = param, c = handler,
 *   d = finalizer;  N_SWITCH a = discriminant, b = N_CASE list;
 * N_CASE a = test or NULL, b = statement list;  N_LABEL a = label, b = body
 * N_IMPORT a = source N_STR, b = N_IMPORTSPEC list (a = imported or NULL
 *   for default, b = local; NF_NS for * as)
 * N_EXPORT: NF_DEFAULT a = declaration or expression;
 *   a = declaration; or b = N_EXPORTSPEC list (a = local, b = exported),
 *   c = source; NF_STAR with c = source (b = N_IDENT for * as ns)
 * N_PROGRAM a = statement list
 */
struct node {
	unsigned short	 type;
	unsigned short	 op;
	unsigned	 flags;
	int		 line;
	unsigned	 pos;		/* byte offset in the source */
	unsigned	 end;		/* byte offset past the node (functions) */
	unsigned	 tok;		/* N_CALL: its "(", N_MEMBER computed:
					   its "[", N_FUNC of a method: where
					   it starts, or 0 (byte offsets) */
	unsigned	 from;		/* N_FUNC of "async (...) =>": one
					   past where its text starts, or 0 */
	struct node	*a, *b, *c, *d;
	struct node	*next;
	const char	*s;
	size_t		 n;
	const char	*raw;
	size_t		 rawn;
	double		 num;
};

struct node *ast_new(struct arena *, int type, int line, unsigned pos);
/* The number of nodes in a list. */
size_t	ast_count(const struct node *);
/* A node type's name, for tests and debugging. */
const char *ast_type_name(int);
/* Append a one-line S-expression view of the tree, for unit tests. */
struct buf;
void	ast_dump(struct buf *, const struct node *);

#endif
