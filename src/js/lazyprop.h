/* Built-in methods made on first use.
 *
 * A C function defined as a method (js_newcfunctionx followed at once by
 * js_defproperty, or js_defglobal) while a capture is on is not made:
 * its holder notes it as deferred, and the first look at that name
 * makes it, with the place in the holder's property order it would have
 * had.  A C function's own length property is deferred the same way.
 * Every path that reads, tests, lists, changes or deletes properties
 * goes through js/proporder.c and js/lazyprop.c, which make what it
 * needs first; nothing changes for the script but the memory it takes.
 *
 * An error's stack (js/error.c) waits the same way, listed first.
 *
 * A JavaScript function (js_newfunction: every function expression,
 * declaration and closure a script evaluates) gets its length and its
 * prototype property, with the prototype object and its constructor,
 * the same way: both are noted with the numbers they would have had in
 * its property order and made when first looked for.
 *
 * What is deferred is described once per process (every state makes
 * its built-ins in the same order) and shared by all its states; each
 * state keeps only which of its holders still have deferred methods. */
#ifndef LYOCELL_JS_LAZYPROP_H
#define LYOCELL_JS_LAZYPROP_H

#include <mujs.h>
#include <stddef.h>

/* Bits of mj_object.extensible (mujs only tests it for zero and sets
 * it to 0 or 1): the object has deferred methods, a deferred length, or
 * (a JavaScript function) a deferred prototype object. */
#define LAZYPROP_FNS		2
#define LAZYPROP_LENGTH		4
#define LAZYPROP_PROTO		8
/* Some of its deferred methods are enumerable (a native module's): what
 * lists its enumerable properties makes them first. */
#define LAZYPROP_ENUM		16
/* An error's stack, made from its frames (js/error.c). */
#define LAZYPROP_STACK		32
#define LAZYPROP_ANY		(LAZYPROP_FNS | LAZYPROP_LENGTH | LAZYPROP_PROTO | \
				 LAZYPROP_STACK)

/* Non-zero while the functions made are to be deferred when they can. */
extern int lazyprop_capturing;
/* 0 turns deferring off (for the tests that compare with it). */
extern int lazyprop_enabled;

/* In js_newcfunctionx: 1 when the function is deferred; the caller then
 * pushes a placeholder (undefined) instead. */
int	lazyprop_capture(js_State *, js_CFunction, const char *, int, void *,
	    js_Finalize);
/* The end of a capture that may have failed half-way (lazyprop_capturing
 * is decremented, and no function waits any more). */
void	lazyprop_end(void);
/* 1 when a deferred function waits for its holder (the placeholder is
 * on top of the stack). */
int	lazyprop_waiting(void);
/* The waiting function becomes name of the object at idx (the global
 * object when global is set), with attributes atts: 1 when deferred (the
 * placeholder popped), else 0 with the function made now in the
 * placeholder's place, for the caller to define as it would have. */
int	lazyprop_place(js_State *, int, int, const char *, int);

/* Defer, as prop of the object at idx, an accessor whose getter and
 * setter are one C function (fn, name, length, data), on which after
 * (unless NULL) is called with data, the function on top of the stack,
 * before the accessor is defined: 1 if deferred, else 0 and nothing
 * made. */
int	lazyprop_defer_accessor(js_State *, int, const char *, js_CFunction,
	    const char *, int, void *, void (*)(js_State *, void *), int);

/* Defer, as prop of the object at idx, an accessor whose getter is the
 * C function (fn, name, length, data) and that has no setter: 1 if
 * deferred, else 0 and nothing made. */
int	lazyprop_defer_getter(js_State *, int, const char *, js_CFunction,
	    const char *, int, void *, int);

/* Put the C function (fn, name, length) in the place of the built-in
 * method prop of the object at idx while that is still deferred, made
 * on first use as it would have been: the built-in's C function, or
 * NULL when prop is not deferred there (nothing done). */
js_CFunction lazyprop_override(js_State *, int, const char *, js_CFunction,
	    const char *, int);

/* Defer the length of the C function being made: 1 if done. */
int	lazyprop_defer_length(void *);

/* Make name on obj if it is deferred there: its property, or NULL. */
void	*lazyprop_make(js_State *, void *, const char *);
/* Make everything deferred on obj. */
void	lazyprop_make_all(js_State *, void *);
/* Whether name is deferred on obj (a listing's shadowing test). */
int	lazyprop_deferred(js_State *, void *, const char *);

/* A built-in of mujs's that reads all of its argument's properties at
 * once (Object.freeze and its kin), wrapped to make them first. */
js_CFunction lazyprop_builtin(const char *, js_CFunction);

/* Fit state J's list of holders to those it has (at the end of init,
 * when it has made most of them): the bytes given back. */
size_t	lazyprop_trim(js_State *);

/* How many holders of state J still have deferred methods. */
int	lazyprop_holders(js_State *);

#endif
