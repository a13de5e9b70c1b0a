/* k6/html: the primitives its JavaScript (src/js/html/html.js) stands on,
 * and the module's opener.  A document is userdata whose finalizer frees
 * the tree, so a parse lives as long as a Selection or Element that
 * refers to it; nodes are numbers in document order. */
#include "config.h"

#include <mujs.h>
#include <stdlib.h>
#include <string.h>

#include "js/html.h"
#include "js/modules.h"
#include "js/runtime.h"
#include "util/buf.h"
#include "util/xmalloc.h"

#define DOC_TAG	"ly.html.doc"

extern const struct runtime_file html_files[];
extern const unsigned html_files_n;

static void
doc_finalize(js_State *J, void *p)
{
	(void)J;
	html_doc_free(p);
}

static struct html_doc *
doc_arg(js_State *J)
{
	if (!js_isuserdata(J, 1, DOC_TAG))
		js_typeerror(J, "not an HTML document");
	return js_touserdata(J, 1, DOC_TAG);
}

static int
node_arg(js_State *J, const struct html_doc *d, int idx)
{
	double v = js_tonumber(J, idx);

	if (!(v >= 0 && v < (double)d->n))
		js_rangeerror(J, "no node %g", v);
	return (int)v;
}

static void
h_parse(js_State *J)
{
	const char *s = js_tostring(J, 1);

	js_newobject(J);
	js_newuserdata(J, DOC_TAG, html_doc_parse(s, strlen(s)), doc_finalize);
}

/* node(doc, i): [type, name, parent, first, last, prev, next, ns, data] */
static void
h_node(js_State *J)
{
	struct html_doc *d = doc_arg(J);
	const struct html_node *n = &d->nodes[node_arg(J, d, 2)];

	js_newarray(J);
	js_pushnumber(J, n->type);
	js_setindex(J, -2, 0);
	js_pushstring(J, n->name != NULL ? n->name : "");
	js_setindex(J, -2, 1);
	js_pushnumber(J, n->parent);
	js_setindex(J, -2, 2);
	js_pushnumber(J, n->first);
	js_setindex(J, -2, 3);
	js_pushnumber(J, n->last);
	js_setindex(J, -2, 4);
	js_pushnumber(J, n->prev);
	js_setindex(J, -2, 5);
	js_pushnumber(J, n->next);
	js_setindex(J, -2, 6);
	js_pushstring(J, n->ns);
	js_setindex(J, -2, 7);
	js_pushstring(J, n->data != NULL ? n->data : "");
	js_setindex(J, -2, 8);
}

/* attrs(doc, i): [ns, name, value, ns, name, value, ...] */
static void
h_attrs(js_State *J)
{
	struct html_doc *d = doc_arg(J);
	const struct html_node *n = &d->nodes[node_arg(J, d, 2)];
	size_t j;
	int k = 0;

	js_newarray(J);
	for (j = 0; j < n->nattrs; j++) {
		js_pushstring(J, n->attrs[j].ns);
		js_setindex(J, -2, k++);
		js_pushstring(J, n->attrs[j].name);
		js_setindex(J, -2, k++);
		js_pushstring(J, n->attrs[j].value);
		js_setindex(J, -2, k++);
	}
}

static void
h_attr(js_State *J)
{
	struct html_doc *d = doc_arg(J);
	const char *v = html_attr(d, node_arg(J, d, 2), js_tostring(J, 3));

	if (v != NULL)
		js_pushstring(J, v);
	else
		js_pushundefined(J);
}

static void
h_text(js_State *J)
{
	struct html_doc *d = doc_arg(J);
	struct buf b = BUF_INIT;

	html_text(d, node_arg(J, d, 2), &b);
	runtime_pushbuf(J, &b);
}

/* inner(doc, i): the children rendered, as goquery's Html(). */
static void
h_inner(js_State *J)
{
	struct html_doc *d = doc_arg(J);
	struct buf b = BUF_INIT;
	int c;

	for (c = d->nodes[node_arg(J, d, 2)].first; c >= 0; c = d->nodes[c].next)
		html_render(d, c, &b);
	runtime_pushbuf(J, &b);
}

static void
h_outer(js_State *J)
{
	struct html_doc *d = doc_arg(J);
	struct buf b = BUF_INIT;

	html_render(d, node_arg(J, d, 2), &b);
	runtime_pushbuf(J, &b);
}

/* The nodes of the array at idx, checked, in an owned array. */
static int *
nodes_arg(js_State *J, const struct html_doc *d, int idx, int *np)
{
	int i, n = js_getlength(J, idx), *v;

	v = xreallocarray(NULL, (size_t)n + 1, sizeof *v);
	for (i = 0; i < n; i++) {
		js_getindex(J, idx, i);
		if (!(js_tonumber(J, -1) >= 0 && js_tonumber(J, -1) < (double)d->n)) {
			free(v);
			js_rangeerror(J, "no node");
		}
		v[i] = (int)js_tonumber(J, -1);
		js_pop(J, 1);
	}
	*np = n;
	return v;
}

static void
push_matches(js_State *J, int *out, int n)
{
	int i;

	if (js_try(J)) {
		free(out);
		js_throw(J);
	}
	js_newarray(J);
	for (i = 0; i < n; i++) {
		js_pushnumber(J, out[i]);
		js_setindex(J, -2, i);
	}
	js_endtry(J);
	free(out);
}

/* goquery compiles a bad selector into one that matches nothing. */
static struct html_sel *
sel_arg(js_State *J, int idx)
{
	char *cause = NULL;
	struct html_sel *s = html_sel_compile(js_tostring(J, idx), &cause);

	free(cause);
	return s;
}

static void
collect(const struct html_doc *d, const struct html_sel *s, int i,
    char *seen, int *out, int *n)
{
	int c;

	if (html_sel_match(s, d, i) && !seen[i]) {
		seen[i] = 1;
		out[(*n)++] = i;
	}
	for (c = d->nodes[i].first; c >= 0; c = d->nodes[c].next)
		collect(d, s, c, seen, out, n);
}

/* find(doc, nodes, selector): goquery's Find, the matches under each of
 * nodes' element children, once each. */
static void
h_find(js_State *J)
{
	struct html_doc *d = doc_arg(J);
	struct html_sel *s;
	int *in, *out, nin, n = 0, i, c;
	char *seen;

	in = nodes_arg(J, d, 2, &nin);
	if ((s = sel_arg(J, 3)) == NULL) {
		free(in);
		js_newarray(J);
		return;
	}
	seen = xcalloc(d->n, 1);
	out = xreallocarray(NULL, d->n + 1, sizeof *out);
	for (i = 0; i < nin; i++)
		for (c = d->nodes[in[i]].first; c >= 0; c = d->nodes[c].next)
			if (d->nodes[c].type == HTML_ELEMENT)
				collect(d, s, c, seen, out, &n);
	free(seen);
	free(in);
	html_sel_free(s);
	push_matches(J, out, n);
}

/* filter(doc, nodes, selector): those of nodes that match. */
static void
h_filter(js_State *J)
{
	struct html_doc *d = doc_arg(J);
	struct html_sel *s;
	int *in, nin, n = 0, i;

	in = nodes_arg(J, d, 2, &nin);
	if ((s = sel_arg(J, 3)) == NULL) {
		free(in);
		js_newarray(J);
		return;
	}
	for (i = 0; i < nin; i++)
		if (html_sel_match(s, d, in[i]))
			in[n++] = in[i];
	html_sel_free(s);
	push_matches(J, in, n);
}

/* check(selector): undefined, or the compiler's message. */
static void
h_check(js_State *J)
{
	char *cause = NULL;
	struct html_sel *s = html_sel_compile(js_tostring(J, 1), &cause);

	html_sel_free(s);
	if (cause == NULL) {
		js_pushundefined(J);
		return;
	}
	if (js_try(J)) {
		free(cause);
		js_throw(J);
	}
	js_pushstring(J, cause);
	js_endtry(J);
	free(cause);
}

/* goerror(message): throw it as k6's Go functions do. */
static void
h_goerror(js_State *J)
{
	modules_goerror(J, "%s", js_tostring(J, 1));
}

void
html_module_open(js_State *J)
{
	const struct runtime_file *f = &html_files[0];

	/* html.js is one function expression: running it gives the
	 * function, called with the primitives. */
	if (js_ploadstring(J, f->name, f->src))
		js_throw(J);
	js_pushundefined(J);
	js_call(J, 0);
	js_pushundefined(J);
	js_newobject(J);
	modules_setfn(J, h_parse, "parse", 1);
	modules_setfn(J, h_node, "node", 2);
	modules_setfn(J, h_attrs, "attrs", 2);
	modules_setfn(J, h_attr, "attr", 3);
	modules_setfn(J, h_text, "text", 2);
	modules_setfn(J, h_inner, "inner", 2);
	modules_setfn(J, h_outer, "outer", 2);
	modules_setfn(J, h_find, "find", 3);
	modules_setfn(J, h_filter, "filter", 3);
	modules_setfn(J, h_check, "check", 1);
	modules_setfn(J, h_goerror, "goerror", 1);
	js_call(J, 1);
	/* html.js returns [module, response methods]. */
	js_getindex(J, -1, 1);
	js_setregistry(J, "ly.html.response");
	js_getindex(J, -1, 0);
	js_rot2(J);
	js_pop(J, 1);
}

/* Response.html, submitForm and clickLink: k6/html's, opened on first
 * use whether or not the script imports it. */
static void
res_method(js_State *J)
{
	const char *name = js_currentfunctiondata(J);
	int i, n = js_gettop(J);

	js_getregistry(J, "ly.html.response");
	if (!js_isobject(J, -1)) {
		js_pop(J, 1);
		js_getglobal(J, "__lymod");
		js_getproperty(J, -1, "require");
		js_rot2(J);
		js_pushliteral(J, "k6/html");
		js_call(J, 1);
		js_pop(J, 1);
		js_getregistry(J, "ly.html.response");
	}
	js_getproperty(J, -1, name);
	js_rot2(J);
	js_pop(J, 1);
	js_copy(J, 0);
	for (i = 1; i < n; i++)
		js_copy(J, i);
	js_call(J, n - 1);
}

void
html_response_methods(js_State *J)
{
	static const char *const names[] = { "html", "submitForm", "clickLink" };
	size_t i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		/* k6's Response is a Go object: its methods' frames
		 * are reflect's */
		js_newcfunctionx(J, res_method, "reflect.methodValueCall", 0,
		    (void *)names[i], NULL);
		js_defproperty(J, -2, names[i], JS_DONTENUM);
	}
}
