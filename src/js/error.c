/* Error objects with k6's own properties; see error.h.
 *
 * In k6's engine (sobek, a goja) an error's own properties are stack,
 * then message (and cause, AggregateError's errors), none enumerable,
 * all writable and configurable; stack is made from the frames when a
 * script first looks at it and listed first whenever it was made.
 * mujs 1.3.2 gives its errors message and stackTrace, the frames in its
 * words, and no stack.  So every error is made here, as mujs makes it
 * but for the frames' key, which scripts do not see (ERROR_FRAMES), and
 * stack is deferred the way a function's length is (js/lazyprop.h): its
 * number in the property order is the first, taken as the error is
 * made, and whatever looks for "stack" on the error makes it from the
 * frames and the error's text (a getter on Error.prototype did that at
 * each read: an own data property it was not).  The error's text is
 * read when stack is made, as sobek reads it.  Only a look at "stack"
 * pays for its text; making an error costs what mujs's did. */
#include "config.h"

#include <mujs.h>
#include <stdio.h>
#include <stdlib.h>

#include "engine/module.h"
#include "js/error.h"
#include "js/lazyprop.h"
#include "js/mujs-layout.h"
#include "js/proporder.h"
#include "js/runtime.h"
#include "util/buf.h"

/* mujs exports these without declaring them in mujs.h */
void	*jsV_newobject(js_State *, int, void *);
void	*js_toobject(js_State *, int);
void	 js_pushobject(js_State *, void *);

/* Push the frames of the call stack but the skip innermost, in mujs's
 * words (jsB_stacktrace: vu_stack_text reads them): 0 when none. */
static int
frames_push(js_State *J, int skip)
{
	struct mj_state *S = (void *)J;
	struct buf b = BUF_INIT;
	const struct mj_trace *t;
	char line[256];
	int n = S->tracetop - skip;

	if (n <= 0)
		return 0;
	for (; n > 0; --n) {
		t = &S->trace[n];
		if (t->line <= 0)
			snprintf(line, sizeof line, "\n\tat %s (%s)", t->name,
			    t->file);
		else if (t->name[0] != '\0')
			snprintf(line, sizeof line, "\n\tat %s (%s:%d)", t->name,
			    t->file, t->line);
		else
			snprintf(line, sizeof line, "\n\tat %s:%d", t->file,
			    t->line);
		buf_puts(&b, line);
	}
	runtime_pushbuf(J, &b);
	return 1;
}

/* The first number of o's property order goes to stack, when o has no
 * properties yet: 1 if taken. */
static int
stack_reserve(struct mj_object *o)
{
	if (proporder_peek(o) != 1)
		return 0;
	proporder_take(o);
	return 1;
}

/* Push the text of stack of the error at idx: its text, then a line
 * "\tat FRAME" for each of the script's frames (vu_stack_text: file
 * URLs, line and column), each line ending in a newline; undefined
 * when it has no frames. */
static void
stack_text(js_State *J, int idx)
{
	struct buf b = BUF_INIT;
	char *clean;

	js_getproperty(J, idx, ERROR_FRAMES);
	if (!js_isstring(J, -1)) {
		js_pop(J, 1);
		js_pushundefined(J);
		return;
	}
	js_copy(J, idx < 0 ? idx - 1 : idx);
	buf_puts(&b, js_trystring(J, -1, "Error"));
	js_pop(J, 1);
	buf_puts(&b, js_tostring(J, -1));
	js_pop(J, 1);
	if ((clean = vu_stack_text(J, b.data)) != NULL) {
		buf_reset(&b);
		buf_puts(&b, clean);
		free(clean);
	}
	buf_putc(&b, '\n');
	runtime_pushbuf(J, &b);
}

/* Define stack on o, with number seq in its order (0: the next). */
static void
stack_make(js_State *J, struct mj_object *o, unsigned seq)
{
	struct mj_property *p;

	js_pushobject(J, o);
	stack_text(J, -1);
	js_defproperty(J, -2, "stack", JS_DONTENUM);
	js_pop(J, 1);
	if (seq != 0 && (p = mj_lookup(o->properties, "stack")) != NULL)
		proporder_setseq(p, seq);
}

/* o's stack waits for a look when it has the first number, or is made
 * now. */
static void
stack_defer(js_State *J, struct mj_object *o, int reserved)
{
	if (reserved)
		o->extensible |= LAZYPROP_STACK;
	else
		stack_make(J, o, 0);
}

void
error_make_stack(js_State *J, void *obj)
{
	struct mj_object *o = obj;

	o->extensible &= ~LAZYPROP_STACK;
	if (js_try(J)) {
		o->extensible |= LAZYPROP_STACK;
		js_throw(J);
	}
	stack_make(J, o, 1);
	js_endtry(J);
}

void
error_new(js_State *J, void *proto, const char *message, int skip)
{
	struct mj_object *o = jsV_newobject(J, MJ_CERROR, proto);
	int reserved;

	js_pushobject(J, o);
	reserved = stack_reserve(o);
	if (message != NULL) {
		js_pushstring(J, message);
		js_defproperty(J, -2, "message", JS_DONTENUM);
	}
	if (frames_push(J, skip))
		js_defproperty(J, -2, ERROR_FRAMES, JS_DONTENUM);
	stack_defer(J, o, reserved);
}

/* Error["@@ly:es"](o, e): o (a class instance before its fields, an
 * AggregateError) gets stack and the own message, frames and cause of
 * the error e a constructor made for it. */
void
error_adopt(js_State *J)
{
	static const char *const names[] = { "message", ERROR_FRAMES, "cause" };
	struct mj_object *o, *e;
	size_t i;
	int reserved;

	if (!js_isobject(J, 1) || !js_isobject(J, 2))
		js_typeerror(J, "not an object");
	o = js_toobject(J, 1);
	e = js_toobject(J, 2);
	reserved = stack_reserve(o);
	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		if (mj_lookup(e->properties, names[i]) != NULL) {
			js_getproperty(J, 2, names[i]);
			js_defproperty(J, 1, names[i], JS_DONTENUM);
		}
	stack_defer(J, o, reserved);
	js_pushundefined(J);
}
