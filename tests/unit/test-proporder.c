/* js/proporder.c and js/mujs-layout.c: properties listed in insertion
 * order through every path, including the rare ones (a user-data object,
 * an object whose count of sequence numbers runs out). */
#include "config.h"

#include <mujs.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "js/mujs-layout.h"
#include "js/proporder.h"

void	*js_toobject(js_State *, int);

/* The names of the object on top of the stack, as for-in lists them. */
static char *
keys(js_State *J)
{
	static char out[512];
	const char *k;

	out[0] = '\0';
	js_pushiterator(J, -1, 1);
	while ((k = js_nextiterator(J, -1)) != NULL) {
		if (out[0] != '\0')
			strcat(out, ",");
		strcat(out, k);
	}
	js_pop(J, 1);
	return out;
}

static void
set(js_State *J, const char *name)
{
	js_pushnumber(J, 1);
	js_setproperty(J, -2, name);
}

static void
test_layout(void **state)
{
	char *cause = NULL;

	(void)state;
	assert_int_equal(mujs_layout_check(&cause), 0);
	assert_null(cause);
}

static void
test_order(void **state)
{
	js_State *J = js_newstate(NULL, NULL, 0);

	(void)state;
	js_newobject(J);
	set(J, "zeta");
	set(J, "alpha");
	set(J, "10");
	set(J, "2");
	set(J, "mid");
	set(J, "zeta");		/* an existing name keeps its place */
	assert_string_equal(keys(J), "2,10,zeta,alpha,mid");
	js_delproperty(J, -1, "zeta");
	set(J, "zeta");
	assert_string_equal(keys(J), "2,10,alpha,mid,zeta");
	js_freestate(J);
}

/* An object whose counter is about to run out is renumbered in order. */
static void
test_renumber(void **state)
{
	js_State *J = js_newstate(NULL, NULL, 0);
	struct mj_object *o;
	unsigned near = (1u << 28) - 3;

	(void)state;
	js_newobject(J);
	set(J, "c");
	set(J, "b");
	o = js_toobject(J, -1);
	memcpy(o->u.bytes + 44, &near, sizeof near);
	set(J, "a");
	set(J, "e");
	set(J, "d");	/* past the limit: renumbered */
	set(J, "f");
	assert_string_equal(keys(J), "c,b,a,e,d,f");
	js_freestate(J);
}

/* User data has no room for a counter: one more than the highest. */
static void
test_userdata(void **state)
{
	js_State *J = js_newstate(NULL, NULL, 0);

	(void)state;
	js_newobject(J);
	js_newuserdata(J, "probe", NULL, NULL);
	set(J, "y");
	set(J, "x");
	set(J, "w");
	js_delproperty(J, -1, "y");
	set(J, "y");
	assert_string_equal(keys(J), "x,w,y");
	js_freestate(J);
}

static void
test_names(void **state)
{
	js_State *J = js_newstate(NULL, NULL, 0);

	(void)state;
	js_newcfunction(J, proporder_names, "names", 1);
	js_setglobal(J, "names");
	js_dostring(J, "var a = [5, 6]; a.q = 1; a.b = 2;"
	    "var r = names(a).join() + ';' + names(new String('hi')).join();");
	js_getglobal(J, "r");
	assert_string_equal(js_tostring(J, -1), "0,1,length,q,b;0,1,length");
	js_freestate(J);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_layout),
		cmocka_unit_test(test_order),
		cmocka_unit_test(test_renumber),
		cmocka_unit_test(test_userdata),
		cmocka_unit_test(test_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
