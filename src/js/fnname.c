/* Function.prototype.name; see fnname.h.
 *
 * Why: mujs 1.3.2 has no name property on functions, and its functions'
 * names are the ES5 ones: none for an arrow or a method, the compiler's
 * for what it renames.  The compiler spells the JavaScript name in the
 * ES5 name ("__ly$n$get$20x$$7" is "get x", src/compile/fnname.c), and
 * fnname_fix turns it back once per compilation, which the script cache
 * shares with every VU (js/scriptcache.c): mujs's stack traces then name
 * the user's functions too.  A getter on Function.prototype reads the
 * name where mujs keeps it, so that no function pays for a property of
 * its own: scripts rarely read a name.  What JavaScript would differ in:
 * the name is not an own property (getOwnPropertyNames does not list it;
 * defineProperty of one works and shadows the getter). */
#include "config.h"

#include <mujs.h>
#include <stdlib.h>
#include <string.h>

#include "compile/username.h"
#include "js/fnname.h"
#include "js/mujs-layout.h"
#include "util/buf.h"

/* mujs exports these without declaring them in mujs.h */
const char	*js_intern(js_State *, const char *);
void		*js_toobject(js_State *, int);

#define PREFIX		"__ly$n$"
#define PREFIX_LEN	7

static int
hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* The JavaScript name a mujs name spells, or NULL when it is the same. */
static const char *
decode(js_State *J, const char *name)
{
	struct buf b = BUF_INIT;
	const char *s, *r;

	if (strcmp(name, "_default$") == 0)
		return "default";
	if (username_unescape(&b, name, strlen(name))) {
		buf_add(&b, "", 1);
		r = js_intern(J, b.data);
		buf_free(&b);
		return r;
	}
	if (strncmp(name, PREFIX, PREFIX_LEN) != 0)
		return NULL;
	for (s = name + PREFIX_LEN; *s != '\0'; s++) {
		if (s[0] == '$' && s[1] == '$')
			break;
		if (s[0] == '$' && hexval(s[1]) >= 0 && hexval(s[2]) >= 0) {
			char c = (char)(hexval(s[1]) * 16 + hexval(s[2]));

			buf_add(&b, &c, 1);
			s += 2;
		} else
			buf_add(&b, s, 1);
	}
	buf_add(&b, "", 1);
	r = js_intern(J, b.data);
	buf_free(&b);
	return r;
}

/* Whether F is the body of a generator or async function as the
 * compiler lowers it (src/compile/lower-gen.c): "function (_$g, _$s)",
 * run by a helper of the function the user wrote. */
static int
lowered_body(const struct mj_function *F)
{
	return (F->name == NULL || F->name[0] == '\0') && F->numparams == 2 &&
	    F->varlen >= 1 && strcmp(F->vartab[0], "_$g") == 0;
}

void
fnname_fix(js_State *J, void *fun)
{
	struct mj_function *F = fun, *B;
	const char *name;
	int i;

	if (F == NULL)
		return;
	if (F->name != NULL && (name = decode(J, F->name)) != NULL)
		F->name = name;
	for (i = 0; i < F->funlen; i++) {
		B = F->funtab[i];
		/* the body's frames are the function's, as in k6 */
		if (B != NULL && B != F && lowered_body(B))
			B->name = F->name;
		fnname_fix(J, B);
	}
}

void
fnname_anonymous(void *fun)
{
	struct mj_function *F = fun;

	if (F->name == NULL || F->name[0] == '\0')
		F->name = "anonymous";
}

/* Push the name of the function at index idx. */
static void
push_name(js_State *J, int idx, int depth)
{
	struct mj_object *o = js_toobject(J, idx);
	const char *name = "", *dot;

	switch (o->type) {
	case MJ_CFUNCTION:
	case MJ_CSCRIPT:
		name = ((struct mj_function *)o->u.f.function)->name;
		break;
	case MJ_CCFUNCTION:
		name = o->u.c.name;
		if (name != NULL && strcmp(name, "[bind]") == 0 && depth < 100) {
			js_getproperty(J, idx, "__TargetFunction__");
			if (js_iscallable(J, -1)) {
				js_pushliteral(J, "bound ");
				push_name(J, -2, depth + 1);
				js_concat(J);
				js_rot2pop1(J);
				return;
			}
			js_pop(J, 1);
			name = "";
		} else if (name != NULL && strcmp(name, "Function.prototype") == 0)
			name = "";
		/* mujs's "Array.prototype.map" is "map"; k6's Go names
		 * (js/modules.h modules_setgofn) stay whole, as in k6 */
		else if (name != NULL && strncmp(name, "go.k6.io/", 9) != 0 &&
		    strcmp(name, "reflect.methodValueCall") != 0 &&
		    (dot = strrchr(name, '.')) != NULL)
			name = dot + 1;
		break;
	}
	js_pushstring(J, name != NULL ? name : "");
}

void
fnname_push(js_State *J, int idx)
{
	push_name(J, idx, 0);
}

static void
name_get(js_State *J)
{
	if (!js_iscallable(J, 0)) {
		js_pushundefined(J);
		return;
	}
	push_name(J, 0, 0);
}

void
fnname_define(js_State *J)
{
	js_getglobal(J, "Function");
	js_getproperty(J, -1, "prototype");
	js_newcfunction(J, name_get, "get name", 0);
	js_pushundefined(J);
	js_defaccessor(J, -3, "name", JS_DONTENUM);
	js_pop(J, 2);
}
