/* The parts of libmujs 1.3.2's private data layout (jsvalue.h) that the
 * program reads or writes: objects, their properties and their property
 * iterators.  Only code that takes the place of a mujs function through
 * the PLT includes this; the layouts are those of the mujs release that
 * configure accepts, and nothing here is mujs's own API. */
#ifndef LYOCELL_JS_MUJS_LAYOUT_H
#define LYOCELL_JS_MUJS_LAYOUT_H

#include <mujs.h>
#include <setjmp.h>
#include <string.h>

/* enum js_Class */
enum {
	MJ_COBJECT, MJ_CARRAY, MJ_CFUNCTION, MJ_CSCRIPT, MJ_CCFUNCTION,
	MJ_CERROR, MJ_CBOOLEAN, MJ_CNUMBER, MJ_CSTRING, MJ_CREGEXP, MJ_CDATE,
	MJ_CMATH, MJ_CJSON, MJ_CARGUMENTS, MJ_CITERATOR, MJ_CUSERDATA
};

/* enum js_Type: the type of a value.  A string is short (held in the
 * value, whose type byte 0 ends it), a literal or a js_String. */
#define MJ_TSHRSTR	0
#define MJ_TUNDEFINED	1
#define MJ_TNULL	2
#define MJ_TBOOLEAN	3
#define MJ_TNUMBER	4
#define MJ_TLITSTR	5
#define MJ_TMEMSTR	6
#define MJ_TOBJECT	7

/* Property attributes: the low three bits of mj_property.atts. */
#define MJ_READONLY	1
#define MJ_DONTENUM	2
#define MJ_DONTCONF	4

struct mj_value {
	union {
		double		 number;
		void		*ptr;
		char		 shrstr[8];
	} u;
	char		 pad[7];
	char		 type;
};

/* js_String: a string of the heap */
struct mj_string {
	void		*gcnext;
	char		 gcmark;
	char		 p[1];
};

/* The text of a string value, or NULL for a value of another type. */
static inline const char *
mj_value_string(const struct mj_value *v)
{
	switch (v->type) {
	case MJ_TSHRSTR:
		return v->u.shrstr;
	case MJ_TLITSTR:
		return v->u.ptr;
	case MJ_TMEMSTR:
		return ((const struct mj_string *)v->u.ptr)->p;
	default:
		return NULL;
	}
}

/* A node of an object's AA tree of properties, ordered by strcmp of the
 * names; the tree's shared sentinel is the one node of level 0. */
struct mj_property {
	const char		*name;
	struct mj_property	*left, *right;
	int			 level;
	int			 atts;
	struct mj_value		 value;
	void			*getter, *setter;
};

/* A compiled function (js_Function).  Its code
 * is a sequence of instructions, each its line, its opcode and the
 * opcode's operands (js/errmsg.c reads them). */
struct mj_function {
	const char		 *name;
	int			  script, lightweight, strict, arguments;
	int			  numparams;
	unsigned short		 *code;
	int			  codecap, codelen;
	struct mj_function	**funtab;
	int			  funcap, funlen;
	const char		**vartab;
	int			  varcap, varlen;
	const char		 *filename;
	int			  line, lastline;
	struct mj_function	 *gcnext;	/* J's gcfun list */
	int			  gcmark;
};

/* enum js_OpCode of mujs 1.3.2, the ones read here */
enum {
	OP_DUP = 1, OP_ROT2 = 3, OP_INTEGER = 6, OP_NUMBER = 7,
	OP_STRING = 8, OP_CLOSURE = 9, OP_NEWREGEXP = 12, OP_UNDEF = 13,
	OP_THIS = 17,
	OP_GETLOCAL = 19, OP_SETLOCAL = 20, OP_DELLOCAL = 21, OP_HASVAR = 22,
	OP_GETVAR = 23, OP_SETVAR = 24, OP_DELVAR = 25, OP_GETPROP = 31,
	OP_GETPROP_S = 32, OP_SETPROP = 33, OP_SETPROP_S = 34,
	OP_DELPROP = 35, OP_DELPROP_S = 36, OP_NEXTITER = 38, OP_EVAL = 39,
	OP_CALL = 40, OP_NEW = 41, OP_JCASE = 67, OP_TRY = 73,
	OP_CATCH = 75, OP_WITH = 77, OP_JUMP = 80,
	OP_JTRUE = 81, OP_JFALSE = 82
};

#define PTR_SLOTS	((int)(sizeof(void *) / sizeof(unsigned short)))
#define NUM_SLOTS	((int)(sizeof(double) / sizeof(unsigned short)))

/* The slots an instruction takes: its line, its opcode, its operands. */
static inline int
mj_insn_len(const unsigned short *p)
{
	switch (p[1]) {
	case OP_INTEGER: case OP_GETLOCAL: case OP_SETLOCAL:
	case OP_DELLOCAL: case OP_CLOSURE: case OP_CALL: case OP_NEW:
	case OP_JUMP: case OP_JTRUE: case OP_JFALSE: case OP_JCASE:
	case OP_TRY:
		return 3;
	case OP_NUMBER:
		return 2 + NUM_SLOTS;
	case OP_NEWREGEXP:
		return 3 + PTR_SLOTS;
	case OP_STRING: case OP_GETVAR: case OP_HASVAR: case OP_SETVAR:
	case OP_DELVAR: case OP_GETPROP_S: case OP_SETPROP_S:
	case OP_DELPROP_S: case OP_CATCH:
		return 2 + PTR_SLOTS;
	default:
		return 2;
	}
}

/* The string operand of an instruction that has one. */
static inline const char *
mj_insn_str(const unsigned short *p)
{
	const char *s;

	memcpy(&s, p + 2, sizeof s);
	return s;
}

/* js_StackTrace: a frame of the call stack; line is that of the
 * instruction the frame runs. */
struct mj_trace {
	const char	*name;
	const char	*file;
	int		 line;
};

#define MJ_ENVLIMIT	128
#define MJ_TRYLIMIT	64

/* js_Environment: a scope, its variables and the scope around it. */
struct mj_environment {
	struct mj_environment	*outer;
	void			*variables;	/* struct mj_object */
	struct mj_environment	*gcnext;
	int			 gcmark;
};

/* js_Jumpbuf: a try, and the depths of the stacks it goes back to. */
struct mj_jumpbuf {
	jmp_buf		 buf;
	void		*E;
	int		 envtop;
	int		 tracetop;
	int		 top, bot;
	int		 strict;
	void		*pc;
};

/* js_State (jsi.h), to the end: its call stack and try stack
 * (js/errmsg.c, js/deepcall.c); the fields before are here for their
 * offsets. */
struct mj_state {
	void		*actx, *uctx;
	js_Alloc	 alloc;
	js_Report	 report;
	js_Panic	 panic;
	void		*strings;
	int		 default_strict, strict;
	const char	*filename, *source;
	int		 line;
	struct {
		char	*text;
		int	 len, cap;
	} lexbuf;
	int		 lexline, lexchar, lasttoken, newline;
	int		 astdepth, lookahead;
	const char	*text;
	double		 number;
	void		*gcast;
	void		*prototypes[15];	/* Object_, Array_, Function_prototype ... */
	unsigned int	 seed;
	char		 scratch[12];
	int		 nextref;
	void		*R, *G, *E, *GE;
	int		 top, bot;
	struct mj_value	*stack;
	int		 gcpause, gcmark;
	unsigned int	 gccounter, gcthresh;
	void		*gcenv, *gcfun, *gcobj, *gcstr, *gcroot;
	int		 envtop;
	void		*envstack[MJ_ENVLIMIT];
	int		 tracetop;
	struct mj_trace	 trace[MJ_ENVLIMIT];
	int		 trytop;
	struct mj_jumpbuf trybuf[MJ_TRYLIMIT];
};
#define MJ_STACKSIZE	256	/* JS_STACKSIZE: values a stack holds */

/* The value at idx of the stack, as mujs's stackidx finds it, or NULL
 * past its ends (where mujs reads undefined). */
static inline struct mj_value *
mj_slot(js_State *J, int idx)
{
	struct mj_state *S = (void *)J;
	int i = idx < 0 ? S->top + idx : S->bot + idx;

	return i < 0 || i >= S->top ? NULL : &S->stack[i];
}

/* The object at idx of the stack, or NULL for a value of another type
 * (js_isobject and js_toobject in one, without their calls). */
static inline void *
mj_object_at(js_State *J, int idx)
{
	struct mj_value *v = mj_slot(J, idx);

	return v != NULL && v->type == MJ_TOBJECT ? v->u.ptr : NULL;
}

struct mj_iterator {
	const char		*name;
	struct mj_iterator	*next;
};

struct mj_object {
	int			 type;	/* MJ_C... */
	int			 extensible;
	struct mj_property	*properties;
	int			 count;
	struct mj_object	*prototype;
	union {
		struct {
			const char	*string;
			int		 length;
		} s;
		struct {
			int		 length;
			int		 simple;
			int		 capacity;
			void		*array;
		} a;
		struct {
			void		*function;	/* js_Function */
			void		*scope;
		} f;
		struct {
			const char	*name;
			void		*function;
			void		*constructor;
			int		 length;
			/* 4 bytes of padding in mujs's layout */
			void		*data;
			void		*finalize;
		} c;
		struct {
			struct mj_object	*target;
			int			 i, n;
			struct mj_iterator	*head;
		} iter;
		struct {
			const char	*tag;
			void		*data;
			void		*has, *put, *delete, *finalize;
		} user;
		unsigned char	 bytes[48];
	} u;
	struct mj_object	*gcnext;
	struct mj_object	*gcroot;
	int			 gcmark;
};

/* The property name of an object's tree, or NULL: mujs's lookup, but a
 * name interned as the node's (js/intern.c) matches without strcmp. */
static inline struct mj_property *
mj_lookup(struct mj_property *p, const char *name)
{
	int c;

	while (p->level != 0) {
		if (p->name == name)
			return p;
		/* most nodes on the way differ in the first byte: no call */
		c = (unsigned char)name[0] - (unsigned char)p->name[0];
		if (c == 0 && (c = strcmp(name, p->name)) == 0)
			return p;
		p = c < 0 ? p->left : p->right;
	}
	return NULL;
}

/* js_Regexp, the part of a RegExp object that js_toregexp returns. */
struct mj_regexp {
	void		*prog;
	char		*source;
	unsigned short	 flags;
	unsigned short	 last;
};

/* Functions of libmujs.so that the program's own take the place of (it
 * calls them through its PLT); mujs exports them without declaring them
 * in mujs.h.  js/number.c and js/proporder.c define these. */
double	 js_strtod(const char *, char **);
double	 js_stringtofloat(const char *, char **);
int	 js_grisu2(double, char *, int *);
double	 jsV_stringtonumber(js_State *, const char *);
void	*jsV_setproperty(js_State *, void *, const char *);
void	 jsV_delproperty(js_State *, void *, const char *);
void	*jsV_getproperty(js_State *, void *, const char *);
void	*jsV_getpropertyx(js_State *, void *, const char *, int *);
void	*jsV_newiterator(js_State *, void *, int);
void	*js_regcompx(void *(*)(void *, void *, int), void *, const char *, int,
	    const char **);
void	 js_regfreex(void *(*)(void *, void *, int), void *, void *);
int	 js_regexec(void *, const char *, void *, int);
int	 jsU_utflen(const char *);	/* js/utf16.c */
int	 js_runeat(js_State *, const char *, int);
int	 js_utfptrtoidx(const char *, const char *);
const char *js_utfidxtoptr(const char *, int);
int	 js_compare(js_State *, int *);
/* js/errmsg.c */
void	*js_toobject(js_State *, int);
/* Exported by libmujs and used as they are. */
enum { JS_HNONE, JS_HNUMBER, JS_HSTRING };	/* ToPrimitive's hints */
void	 js_toprimitive(js_State *, int, int);
void	*js_tovalue(js_State *, int);
void	*js_toregexp(js_State *, int);
void	*js_malloc(js_State *, int);
void	 js_free(js_State *, void *);
const char *jsV_nextiterator(js_State *, void *);
void	*jsV_getownproperty(js_State *, void *, const char *);
/* js/scriptcache.c; it also gives functions their names (js/fnname.c). */
struct js_Ast;
struct js_Function;
struct js_Function *jsC_compilescript(js_State *, struct js_Ast *, int);


/* Their addresses, so that a program linking the library takes their
 * object files (nothing else refers to them by name). */
extern void *const mujs_replacements[];

/* 0 when libmujs.so behaves as these layouts say, else -1 with an owned
 * *cause for the user: run once before any script. */
int	mujs_layout_check(char **);

#endif
