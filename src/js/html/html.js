/* k6/html in ES5: goquery's Selection and k6's Element over the C
 * primitives of src/js/html.c (H).  Nodes are numbers in document order;
 * a Selection is a document, a list of nodes, the Selection it came from
 * (end()) and the URL of the response it was parsed from.  The function
 * returns [module, Response methods]. */
(function (H) {
	var has = Object.prototype.hasOwnProperty;

	function Selection(doc, nodes, prev, url) {
		this.__doc = doc;
		this.__nodes = nodes;
		this.__prev = prev;
		this.url = url === undefined ? "" : url;
	}

	function hide(o) {
		var k;

		for (k in o)
			if (has.call(o, k) && k.charAt(0) === "_")
				Object.defineProperty(o, k, { enumerable: false });
	}

	function mk(s, nodes) {
		var r = new Selection(s.__doc, nodes, s, s.url);

		hide(r);
		return r;
	}

	function node(d, i) { return H.node(d, i); }
	function parentOf(d, i) { return node(d, i)[2]; }
	function isElem(d, i) { return node(d, i)[0] === 1; }

	function uniq(list) {
		var seen = {}, out = [], i;

		for (i = 0; i < list.length; i++)
			if (!has.call(seen, list[i])) {
				seen[list[i]] = true;
				out.push(list[i]);
			}
		return out;
	}

	/* goquery's mapNodes: f's results for each node, once each. */
	function mapNodes(s, f) {
		var out = [], i;

		for (i = 0; i < s.__nodes.length; i++)
			out = out.concat(f(s.__nodes[i]));
		return uniq(out);
	}

	function contains(d, anc, n) {
		for (n = parentOf(d, n); n >= 0; n = parentOf(d, n))
			if (n === anc)
				return true;
		return false;
	}

	function inList(list, n) { return list.indexOf(n) >= 0; }

	function match(s, n, sel) { return H.filter(s.__doc, [n], sel).length > 0; }

	function typeName(v) {
		if (v === undefined || v === null)
			return "<nil>";
		if (typeof v === "number")
			return v === Math.floor(v) ? "int64" : "float64";
		if (typeof v === "boolean")
			return "bool";
		if (typeof v === "function")
			return "func(sobek.FunctionCall) sobek.Value";
		if (Array.isArray(v))
			return "[]interface {}";
		return "map[string]interface {}";
	}

	function badArg(v) {
		throw new Error("invalid argument, cannot use a '" + typeName(v) + "' as a selector");
	}

	/* varargFnCall: a selector, a Selection or an Element. */
	function vararg(s, arg, str, nodes) {
		if (typeof arg === "string")
			return mk(s, str(arg));
		if (arg instanceof Selection)
			return mk(s, nodes(arg.__nodes));
		if (arg instanceof Element)
			return mk(s, nodes([arg.__n]));
		return badArg(arg);
	}

	function children(d, n, all) {
		var out = [], c;

		for (c = node(d, n)[3]; c >= 0; c = node(d, c)[6])
			if (all || isElem(d, c))
				out.push(c);
		return out;
	}

	/* Sibling walks, as goquery's getChildrenWithSiblingType. */
	function siblings(d, n, dir, one, until) {
		var out = [], c = node(d, n)[dir];

		for (; c >= 0; c = node(d, c)[dir]) {
			if (!isElem(d, c))
				continue;
			if (until && until(c))
				break;
			out.push(c);
			if (one)
				break;
		}
		return out;
	}

	function parents(d, n, until) {
		var out = [], p;

		for (p = parentOf(d, n); p >= 0; p = parentOf(d, p)) {
			if (until && until(p))
				break;
			if (isElem(d, p))
				out.push(p);
		}
		return out;
	}

	function filterSel(s, nodes, sel) {
		return sel === undefined ? nodes : H.filter(s.__doc, nodes, String(sel));
	}

	function adjacent(walk) {
		return function (sel) {
			var s = this, d = s.__doc;

			return mk(s, filterSel(s, mapNodes(s, function (n) { return walk(d, n); }), sel));
		};
	}

	/* nextUntil and friends: (until), (until, filter); until a selector,
	 * a Selection or null. */
	function untilFn(s, u) {
		var d = s.__doc;

		if (u === undefined || u === null)
			return function () { return false; };
		if (typeof u === "string")
			return function (n) { return H.filter(d, [n], u).length > 0; };
		if (u instanceof Selection)
			return function (n) { return inList(u.__nodes, n); };
		return badArg(u);
	}

	function adjacentUntil(walk) {
		return function (u, f) {
			var s = this, d = s.__doc, stop = untilFn(s, u);
			var nodes = mapNodes(s, function (n) { return walk(d, n, stop); });

			return mk(s, f === undefined ? nodes : H.filter(d, nodes, String(f)));
		};
	}

	function fn(v, what) {
		if (typeof v !== "function")
			throw new Error("the argument to " + what + "() must be a function");
		return v;
	}

	function textOf(d, n) { return H.text(d, n); }

	function valueOrHTML(s) {
		var v = s.attr("value");

		if (v !== undefined)
			return v;
		return s.__nodes.length ? H.inner(s.__doc, s.__nodes[0]) : "";
	}

	var P = Selection.prototype;

	P.find = function (arg) {
		var s = this, d = s.__doc;

		return vararg(s, arg, function (sel) { return H.find(d, s.__nodes, sel); },
		    function (nodes) {
			return uniq(nodes.filter(function (n) {
				return s.__nodes.some(function (a) { return contains(d, a, n); });
			}));
		});
	};
	/* goquery's Single matcher under FindMatcher, cut to one node as k6
	 * does: the first descendant that matches, of the first node of the
	 * selection that has one. */
	P.single = function (sel) {
		var s = this, i, m;

		for (i = 0; i < s.__nodes.length; i++) {
			m = H.find(s.__doc, [s.__nodes[i]], String(sel));
			if (m.length)
				return mk(s, [m[0]]);
		}
		return mk(s, []);
	};
	P.add = function (arg) {
		var s = this, d = s.__doc;

		return vararg(s, arg, function (sel) { return uniq(s.__nodes.concat(H.find(d, [0], sel))); },
		    function (nodes) { return uniq(s.__nodes.concat(nodes)); });
	};
	P.closest = function (arg) {
		var s = this, d = s.__doc;

		function walk(ok) {
			return mapNodes(s, function (n) {
				for (; n >= 0; n = parentOf(d, n))
					if (ok(n))
						return [n];
				return [];
			});
		}
		return vararg(s, arg, function (sel) { return walk(function (n) { return H.filter(d, [n], sel).length > 0; }); },
		    function (nodes) { return walk(function (n) { return inList(nodes, n); }); });
	};
	P.has = function (arg) {
		var s = this, d = s.__doc;

		function keep(nodes) {
			return s.__nodes.filter(function (n) {
				return nodes.some(function (m) { return contains(d, n, m); });
			});
		}
		return vararg(s, arg, function (sel) { return keep(H.find(d, [0], sel)); }, keep);
	};
	P.not = function (arg) {
		var s = this, d = s.__doc;

		if (typeof arg === "function")
			return mk(s, s.__nodes.filter(function (n, i) { return !arg.call(arg, i, mk(s, [n])); }));
		return vararg(s, arg, function (sel) {
			var m = H.filter(d, s.__nodes, sel);

			return s.__nodes.filter(function (n) { return !inList(m, n); });
		}, function (nodes) { return s.__nodes.filter(function (n) { return !inList(nodes, n); }); });
	};
	P.filter = function (arg) {
		var s = this;

		if (typeof arg === "string")
			return mk(s, H.filter(s.__doc, s.__nodes, arg));
		if (arg instanceof Selection)
			return mk(s, s.__nodes.filter(function (n) { return inList(arg.__nodes, n); }));
		if (typeof arg !== "function")
			throw new Error("the argument to filter() must be a function, a selector or a selection");
		return mk(s, s.__nodes.filter(function (n, i) { return !!arg.call(arg, i, mk(s, [n])); }));
	};
	P.is = function (arg) {
		var s = this;

		if (typeof arg === "string")
			return H.filter(s.__doc, s.__nodes, arg).length > 0;
		if (arg instanceof Selection)
			return s.__nodes.some(function (n) { return inList(arg.__nodes, n); });
		if (typeof arg !== "function")
			throw new Error("the argument to is() must be a function, a selector or a selection");
		return s.__nodes.some(function (n, i) { return !!arg.call(arg, i, mk(s, [n])); });
	};

	P.next = adjacent(function (d, n) { return siblings(d, n, 6, true); });
	P.nextAll = adjacent(function (d, n) { return siblings(d, n, 6, false); });
	P.prev = adjacent(function (d, n) { return siblings(d, n, 5, true); });
	P.prevAll = adjacent(function (d, n) { return siblings(d, n, 5, false); });
	P.parent = adjacent(function (d, n) {
		var p = parentOf(d, n);

		return p >= 0 && isElem(d, p) ? [p] : [];
	});
	P.parents = adjacent(function (d, n) { return parents(d, n); });
	P.siblings = adjacent(function (d, n) {
		var p = parentOf(d, n);

		return p < 0 ? [] : children(d, p, false).filter(function (c) { return c !== n; });
	});
	P.nextUntil = adjacentUntil(function (d, n, stop) { return siblings(d, n, 6, false, stop); });
	P.prevUntil = adjacentUntil(function (d, n, stop) { return siblings(d, n, 5, false, stop); });
	P.parentsUntil = adjacentUntil(function (d, n, stop) { return parents(d, n, stop); });
	P.children = function (sel) {
		var s = this, d = s.__doc;

		return mk(s, filterSel(s, mapNodes(s, function (n) { return children(d, n, false); }), sel));
	};
	P.contents = function () {
		var s = this, d = s.__doc;

		return mk(s, mapNodes(s, function (n) { return children(d, n, true); }));
	};

	P.size = function () { return this.__nodes.length; };
	P.end = function () { return this.__prev || mk(this, []); };
	P.eq = function (i) {
		var n = this.__nodes.length;

		i = Math.trunc ? Math.trunc(Number(i)) : Number(i) | 0;
		if (i < 0)
			i += n;
		return mk(this, i >= 0 && i < n ? [this.__nodes[i]] : []);
	};
	P.first = function () { return this.eq(0); };
	P.last = function () { return this.eq(-1); };
	P.slice = function (start, end) {
		var n = this.__nodes.length;

		start = Number(start) | 0;
		if (end === undefined || !(Number(end) < n))
			end = n;
		end = Number(end) | 0;
		if (start < 0)
			start += n;
		if (end < 0)
			end += n;
		if (start < 0 || start > end || end > n)
			throw new RangeError("slice bounds out of range [" + start + ":" + end + "]");
		return mk(this, this.__nodes.slice(start, end));
	};
	P.text = function () {
		var d = this.__doc;

		return this.__nodes.map(function (n) { return textOf(d, n); }).join("");
	};
	P.html = function () {
		return this.__nodes.length ? H.inner(this.__doc, this.__nodes[0]) : undefined;
	};
	P.attr = function (name, def) {
		var v = this.__nodes.length ? H.attr(this.__doc, this.__nodes[0], String(name)) : undefined;

		if (v === undefined)
			return arguments.length > 1 ? def : undefined;
		return v;
	};
	P.val = function () {
		var s = this, name = s.__nodes.length ? node(s.__doc, s.__nodes[0])[1] : "";
		var v, t, sel;

		switch (name) {
		case "input":
			v = s.attr("value");
			if (v === undefined) {
				t = s.attr("type");
				v = t === "radio" || t === "checkbox" ? "on" : "";
			}
			return v;
		case "button":
			v = s.attr("value");
			return v === undefined ? "" : v;
		case "textarea":
			return s.html();
		case "option":
			return valueOrHTML(s);
		case "select":
			sel = s.first().find("option[selected]");
			if (s.attr("multiple") !== undefined)
				return sel.map(function (i, o) { return valueOrHTML(o); });
			return valueOrHTML(sel);
		}
		return undefined;
	};
	P.each = function (f) {
		var s = this, i;

		fn(f, "each");
		for (i = 0; i < s.__nodes.length; i++) {
			try {
				f.call(f, i, toElement(s.eq(i)));
			} catch (e) {
				throw new Error("the function passed to each() failed: " + (e && e.message !== undefined ? e.message : e));
			}
		}
		return s;
	};
	P.map = function (f) {
		var s = this, out = [], i, v, ok;

		fn(f, "map");
		for (i = 0; i < s.__nodes.length; i++) {
			ok = true;
			try {
				v = f.call(f, i, mk(s, [s.__nodes[i]]));
			} catch (e) {
				ok = false;	/* k6 leaves out the values whose call threw */
			}
			if (ok)
				out.push(v);
		}
		return out;
	};
	P.get = function (i) {
		var s = this, n = s.__nodes.length, out = [], k;

		if (arguments.length === 0) {
			for (k = 0; k < n; k++)
				out.push(toElement(s.eq(k)));
			return out;
		}
		i = Number(i) | 0;
		return i < n && i > -n ? toElement(s.eq(i)) : undefined;
	};
	P.toArray = function () {
		var s = this;

		return s.__nodes.map(function (n) { return mk(s, [n]); });
	};
	P.index = function (arg) {
		var s = this, d = s.__doc, all;

		if (arguments.length === 0)
			return s.__nodes.length ? siblings(d, s.__nodes[0], 5, false).length : -1;
		if (arg instanceof Selection)
			return arg.__nodes.length ? s.__nodes.indexOf(arg.__nodes[0]) : -1;
		if (typeof arg === "string") {
			if (!s.__nodes.length)
				return -1;
			all = H.find(d, [0], arg);
			return all.indexOf(s.__nodes[0]);
		}
		if (arg instanceof Element)
			return s.__nodes.indexOf(arg.__n);
		return -1;
	};

	/* data(): the data-* attributes, named and converted as k6 does. */
	var initialisms = ("ACL API ASCII CPU CSS DNS EOF GUID HTML HTTP HTTPS ID IP JSON LHS " +
	    "QPS RAM RHS RPC SLA SMTP SQL SSH TCP TLS TTL UDP UI UID UUID URI URL UTF8 VM " +
	    "XML XMPP XSRF XSS").split(" ");

	function snakeToCamel(s) {
		return s.split("_").map(function (w) {
			var u = w.toUpperCase();

			if (initialisms.indexOf(u) >= 0)
				return u;
			return w.charAt(0).toUpperCase() + w.slice(1);
		}).join("");
	}

	function attrToProperty(s) {
		var i = s.indexOf("-");

		if (i < 0)
			return s;
		return s.slice(0, i) + snakeToCamel(s.slice(i + 1).replace(/-/g, "_"));
	}

	function propertyToAttr(s) {
		return s.replace(/([a-z0-9])([A-Z])/g, "$1_$2").replace(/([A-Z])([A-Z][a-z])/g, "$1_$2")
		    .toLowerCase().replace(/_/g, "-");
	}

	function dataValue(v) {
		var n;

		if (v.length === 0)
			return undefined;
		if (v.charAt(0) === "{" || v.charAt(0) === "[") {
			try {
				return JSON.parse(v);
			} catch (e) {
				return v;
			}
		}
		switch (v) {
		case "true": return true;
		case "false": return false;
		case "null": case "undefined": return undefined;
		}
		if (/^[-+]?(\d+\.?\d*|\.\d+)$/.test(v)) {
			n = Number(v);
			if (String(n) === v && !/e/.test(String(n)))
				return n;
		}
		return v;
	}

	P.data = function (key) {
		var s = this, a, out = {}, i, v;

		if (!s.__nodes.length)
			return undefined;
		a = H.attrs(s.__doc, s.__nodes[0]);
		if (a.length === 0)
			return undefined;
		if (arguments.length > 0) {
			v = s.attr("data-" + propertyToAttr(String(key)));
			return v === undefined ? undefined : dataValue(v);
		}
		for (i = 0; i < a.length; i += 3)
			if (a[i + 1].indexOf("data-") === 0 && a[i + 1].length > 5)
				out[attrToProperty(a[i + 1].slice(5))] = dataValue(a[i + 2]);
		return out;
	};

	/* Forms, as k6's serialize.go. */
	P.serializeArray = function () {
		var s = this, els;
		var submittable = "input,select,textarea,keygen";

		els = s.is("form") ? s.find(submittable) : s.filter(submittable);
		return els.__nodes.filter(function (n) {
			var e = mk(s, [n]);
			var name = e.attr("name", ""), type = e.attr("type", "");
			var disabled = e.attr("disabled", ""), checked = e.attr("checked", "");

			return name !== "" && disabled !== "disabled" && type !== "submit" &&
			    type !== "button" && type !== "reset" && type !== "image" &&
			    type !== "file" && (checked === "checked" ||
			    (type !== "checkbox" && type !== "radio"));
		}).map(function (n) {
			var e = mk(s, [n]);

			return { name: e.attr("name"), value: e.val() };
		});
	};
	P.serializeObject = function () {
		var out = {};

		this.serializeArray().forEach(function (f) { out[f.name] = f.value; });
		return out;
	};
	P.serialize = function () {
		var vals = {};

		this.serializeArray().forEach(function (f) {
			if (typeof f.value === "string")
				vals[f.name] = [f.value];
			else if (Array.isArray(f.value))
				vals[f.name] = f.value;
		});
		return encodeValues(vals);
	};

	/* Go's url.Values.Encode: keys sorted, QueryEscape'd. */
	function queryEscape(s) {
		return encodeURIComponent(s).replace(/[!'()*]/g, function (c) {
			return "%" + c.charCodeAt(0).toString(16).toUpperCase();
		}).replace(/%20/g, "+");
	}

	function encodeValues(vals) {
		var out = [];

		Object.keys(vals).sort().forEach(function (k) {
			vals[k].forEach(function (v) { out.push(queryEscape(k) + "=" + queryEscape(v)); });
		});
		return out.join("&");
	}

	/* URLs as Go's net/url: parse, resolve (RFC 3986), print. */
	function parseURL(s) {
		var u = { scheme: "", user: null, host: "", path: "", query: "", hasQuery: false, frag: "", hasAuth: false };
		var m = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(s), i, at;

		i = s.indexOf("#");
		if (i >= 0) {
			u.frag = s.slice(i + 1);
			s = s.slice(0, i);
		}
		if (m !== null) {
			u.scheme = m[1].toLowerCase();
			s = s.slice(m[0].length);
		}
		i = s.indexOf("?");
		if (i >= 0) {
			u.query = s.slice(i + 1);
			u.hasQuery = true;
			s = s.slice(0, i);
		}
		if (s.slice(0, 2) === "//") {
			u.hasAuth = true;
			s = s.slice(2);
			i = s.indexOf("/");
			u.host = i < 0 ? s : s.slice(0, i);
			s = i < 0 ? "" : s.slice(i);
			at = u.host.lastIndexOf("@");
			if (at >= 0) {
				u.user = u.host.slice(0, at);
				u.host = u.host.slice(at + 1);
			}
		}
		u.path = s;
		return u;
	}

	function removeDots(path) {
		var out = [], segs = path.split("/"), i, s;

		for (i = 0; i < segs.length; i++) {
			s = segs[i];
			if (s === ".")
				continue;
			if (s === "..") {
				if (out.length > 1)
					out.pop();
				continue;
			}
			out.push(s);
		}
		if (segs.length > 1 && (segs[segs.length - 1] === "." || segs[segs.length - 1] === ".."))
			out.push("");
		return out.join("/");
	}

	function resolveURL(base, ref) {
		var b = parseURL(base), r = parseURL(ref), t;

		if (b === null || r === null)
			return null;
		if (r.scheme !== "") {
			t = r;
			t.path = removeDots(t.path);
			return t;
		}
		t = { scheme: b.scheme, user: b.user, host: b.host, hasAuth: b.hasAuth, query: r.query,
		    hasQuery: r.hasQuery, frag: r.frag, path: "" };
		if (r.hasAuth) {
			t.user = r.user;
			t.host = r.host;
			t.path = removeDots(r.path);
		} else if (r.path === "") {
			t.path = b.path;
			if (!r.hasQuery) {
				t.query = b.query;
				t.hasQuery = b.hasQuery;
			}
		} else if (r.path.charAt(0) === "/")
			t.path = removeDots(r.path);
		else
			t.path = removeDots(b.path.slice(0, b.path.lastIndexOf("/") + 1) + r.path);
		if (t.hasAuth && t.path !== "" && t.path.charAt(0) !== "/")
			t.path = "/" + t.path;
		return t;
	}

	function urlString(u) {
		var s = "";

		if (u.scheme !== "")
			s += u.scheme + ":";
		if (u.hasAuth || u.host !== "")
			s += "//" + (u.user !== null ? u.user + "@" : "") + u.host;
		s += u.path;
		if (u.hasQuery)
			s += "?" + u.query;
		if (u.frag !== "")
			s += "#" + u.frag;
		return s;
	}

	/* Elements, as k6's element.go, elements.go and elements_gen.go. */
	function Element(sel) {
		this.__n = sel.__nodes[0];
		this.__s = sel;
		hide(this);
	}

	function single(e, n) { return mk(e.__s, [n]); }
	function elem(e, n) { return n >= 0 ? toElement(single(e, n)) : undefined; }
	function elemList(s) { return s.__nodes.map(function (n) { return toElement(mk(s, [n])); }); }

	var E = Element.prototype;

	function attrStr(e, name) {
		var v = e.__s.attr(name);

		return v === undefined ? "" : v;
	}

	function attrURL(e, name, dflt) {
		var v, u;

		if (e.__s.url === "")
			return attrStr(e, name);
		v = e.__s.attr(name);
		if (v === undefined)
			return dflt;
		u = resolveURL(e.__s.url, v);
		return u === null ? dflt : urlString(u);
	}

	function attrInt(e, name, dflt) {
		var v = e.__s.attr(name);

		if (v === undefined || !/^[-+]?\d+$/.test(v))
			return dflt;
		return parseInt(v, 10);
	}

	function present(e, name) { return e.__s.attr(name) !== undefined; }

	function root(e) { return mk(e.__s, [0]); }

	function ownerForm(e) {
		var f = e.__s.closest("form"), id;

		if (f.size() > 0)
			return f;
		id = attrStr(e, "form");
		if (id === "")
			return null;
		f = root(e).find("#" + id);
		return f.size() > 0 ? f : null;
	}

	function ownerFormVal(e) {
		var f = ownerForm(e);

		return f === null ? undefined : toElement(f.eq(0));
	}

	function labels(e) {
		var wrap = e.__s.closest("label"), id = attrStr(e, "id"), byId;

		if (id === "")
			return elemList(wrap);
		byId = root(e).find("label[for=\"" + id + "\"]");
		if (byId.size() === 0)
			return elemList(wrap);
		return elemList(wrap.add(byId));
	}

	function splitAttr(e, name) {
		var v = attrStr(e, name);

		return v === "" ? [] : v.split(" ");
	}

	function nsURI(p) {
		return p === "svg" ? "http://www.w3.org/2000/svg" :
		    p === "math" ? "http://www.w3.org/1998/Math/MathML" : "http://www.w3.org/1999/xhtml";
	}

	function Attribute(owner, ns, name, value) {
		this.owner_element = owner;
		this.name = name;
		this.value = value;
		Object.defineProperty(this, "__ns", { value: ns });
	}
	Attribute.prototype.prefix = function () { return this.__ns; };
	Attribute.prototype.namespaceURI = function () { return nsURI(this.__ns); };
	Attribute.prototype.localName = function () { return this.name; };

	function nodeName(e) {
		var n = node(e.__s.__doc, e.__n);

		switch (n[0]) {
		case 1: case 10: return n[1];
		case 3: return "#text";
		case 8: return "#comment";
		case 9: return "#document";
		}
		return "";
	}

	E.getAttribute = function (name) { return this.__s.attr(name); };
	E.getAttributeNode = function (name) {
		var a = H.attrs(this.__s.__doc, this.__n), i;

		for (i = 0; i < a.length; i += 3)
			if (a[i + 1] === name)
				return new Attribute(this, a[i], a[i + 1], a[i + 2]);
		return undefined;
	};
	E.hasAttribute = function (name) { return present(this, name); };
	E.hasAttributes = function () { return H.attrs(this.__s.__doc, this.__n).length > 0; };
	E.attributes = function () {
		var a = H.attrs(this.__s.__doc, this.__n), out = {}, i;

		for (i = 0; i < a.length; i += 3)
			out[a[i + 1]] = new Attribute(this, a[i], a[i + 1], a[i + 2]);
		return out;
	};
	E.toString = function () {
		return node(this.__s.__doc, this.__n)[0] === 1 ? "[object html.Node]" : "[object " + nodeName(this) + "]";
	};
	E.hasChildNodes = function () { return node(this.__s.__doc, this.__n)[3] >= 0; };
	E.textContent = function () { return this.__s.text(); };
	E.id = function () { return attrStr(this, "id"); };
	E.isEqualNode = function (o) {
		return o instanceof Element && this.__s.html() === o.__s.html();
	};
	E.isSameNode = function (o) {
		return o instanceof Element && o.__s.__doc === this.__s.__doc && o.__n === this.__n;
	};
	E.selection = function () { return this.__s; };
	E.getElementsByClassName = function (name) { return elemList(this.__s.find("." + name)); };
	E.getElementsByTagName = function (name) { return elemList(this.__s.find(name)); };
	E.querySelector = function (sel) { return toElement(this.__s.find(sel)); };
	E.querySelectorAll = function (sel) { return elemList(this.__s.find(sel)); };
	E.nodeName = function () { return nodeName(this); };
	E.firstChild = function () { return elem(this, node(this.__s.__doc, this.__n)[3]); };
	E.lastChild = function () { return elem(this, node(this.__s.__doc, this.__n)[4]); };
	E.firstElementChild = function () { return toElement(this.__s.children().first()); };
	E.lastElementChild = function () { return toElement(this.__s.children().last()); };
	E.previousSibling = function () { return elem(this, node(this.__s.__doc, this.__n)[5]); };
	E.nextSibling = function () { return elem(this, node(this.__s.__doc, this.__n)[6]); };
	E.previousElementSibling = function () { return toElement(this.__s.prev()); };
	E.nextElementSibling = function () { return toElement(this.__s.next()); };
	E.parentNode = function () { return elem(this, node(this.__s.__doc, this.__n)[2]); };
	E.parentElement = function () { return toElement(this.__s.parent()); };
	E.childNodes = function () { return elemList(this.__s.contents()); };
	E.children = function () { return elemList(this.__s.children()); };
	E.childElementCount = function () { return this.__s.children().size(); };
	E.classList = function () {
		var c = this.__s.attr("class");

		return c === undefined ? null : c.split(/[ \t\r\n\f\v]+/).filter(function (w) { return w !== ""; });
	};
	E.className = function () { return this.__s.attr("class"); };
	E.lang = function () {
		var a = H.attrs(this.__s.__doc, this.__n), i;

		for (i = 0; i < a.length; i += 3)
			if (a[i + 1] === "lang")
				return a[i] === "" ? a[i + 2] : undefined;
		return undefined;
	};
	E.ownerDocument = function () { return elem(this, 0); };
	E.namespaceURI = function () { return nsURI(node(this.__s.__doc, this.__n)[7]); };
	E.isDefaultNamespace = function () { return node(this.__s.__doc, this.__n)[7] === ""; };
	E.innerHTML = function () { return this.__s.html(); };
	E.nodeType = function () {
		var t = node(this.__s.__doc, this.__n)[0];

		return t === 1 || t === 3 || t === 8 || t === 9 || t === 10 ? t : undefined;
	};
	E.nodeValue = function () {
		var t = node(this.__s.__doc, this.__n)[0];

		return t === 3 || t === 8 ? this.__s.text() : undefined;
	};
	E.contains = function (o) {
		return o instanceof Element && o.__n !== this.__n && contains(this.__s.__doc, this.__n, o.__n);
	};
	E.matches = function (sel) { return this.__s.is(sel); };

	/* The typed elements: a prototype chain per kind, as k6's struct
	 * embedding. */
	function kind(parent, methods) {
		var p = Object.create(parent), k;

		for (k in methods)
			if (has.call(methods, k))
				p[k] = methods[k];
		return p;
	}

	function hrefURL(e) {
		var v = e.__s.attr("href"), u;

		if (v === undefined)
			return parseURL("");
		u = e.__s.url === "" ? parseURL(v) : resolveURL(e.__s.url, v);
		return u === null ? parseURL("") : u;
	}

	function splitHostPort(h) {
		var m = /^(\[[^\]]*\]|[^:]*):(\d*)$/.exec(h);

		return m === null ? null : [m[1].replace(/^\[|\]$/g, ""), m[2]];
	}

	var defaultPorts = { http: "80", https: "443", ftp: "21" };

	var Href = kind(E, {
		hash: function () { var f = hrefURL(this).frag; return f === "" ? "" : "#" + f; },
		host: function () {
			var u = hrefURL(this), hp;

			if (u.host === "")
				return "";
			hp = splitHostPort(u.host);
			if (hp === null)
				return u.host;
			if (defaultPorts[u.scheme] && hp[1] === defaultPorts[u.scheme])
				return u.host.slice(0, u.host.length - hp[1].length - 1);
			return u.host;
		},
		hostname: function () {
			var u = hrefURL(this), hp = splitHostPort(u.host);

			return hp === null ? u.host : hp[0];
		},
		port: function () {
			var hp = splitHostPort(hrefURL(this).host);

			return hp === null ? "" : hp[1];
		},
		username: function () {
			var u = hrefURL(this).user;

			return u === null ? "" : decodeURIComponent(u.split(":")[0]);
		},
		password: function () {
			var u = hrefURL(this).user, i;

			if (u === null || (i = u.indexOf(":")) < 0)
				return "";
			return decodeURIComponent(u.slice(i + 1));
		},
		origin: function () {
			var u = hrefURL(this);

			if (u.scheme === "")
				return "";
			if (u.scheme === "file")
				return this.href();
			return u.scheme + "://" + u.host;
		},
		pathname: function () {
			var p = hrefURL(this).path;

			try {
				return decodeURIComponent(p);
			} catch (e) {
				return p;
			}
		},
		protocol: function () { var s = hrefURL(this).scheme; return s === "" ? ":" : s; },
		relList: function () { return splitAttr(this, "rel"); },
		search: function () { var u = hrefURL(this); return u.query === "" ? "" : "?" + u.query; },
		text: function () { return this.textContent(); }
	});

	function formOrElemAttr(e, name) {
		var v = e.__s.attr("form" + name), f;

		if (v !== undefined)
			return v;
		f = ownerForm(e);
		return f === null ? undefined : f.attr(name);
	}

	var FormField = kind(E, {
		form: function () { return ownerFormVal(this); },
		formAction: function () {
			var a = formOrElemAttr(this, "action"), u;

			if (this.__s.url === "")
				return a === undefined ? "" : a;
			if (a === undefined || a === "")
				return this.__s.url;
			u = resolveURL(this.__s.url, a);
			return u === null ? a : urlString(u);
		},
		formEnctype: function () {
			var v = formOrElemAttr(this, "enctype");

			return v === "multipart/form-data" || v === "text/plain" ? v : "application/x-www-form-urlencoded";
		},
		formMethod: function () {
			var v = formOrElemAttr(this, "method");

			return v !== undefined && v.toLowerCase() === "post" ? "post" : "get";
		},
		formNoValidate: function () { return formOrElemAttr(this, "novalidate") !== undefined; },
		formTarget: function () { var v = formOrElemAttr(this, "target"); return v === undefined ? "" : v; },
		labels: function () { return labels(this); },
		name: function () { return attrStr(this, "name"); }
	});

	var Media = kind(E, {
		textTracks: function () { return elemList(this.__s.find("track")); }
	});
	var Mod = kind(E, {});
	var TableSection = kind(E, {
		rows: function () { return elemList(this.__s.find("tr")); }
	});
	var TableCell = kind(E, {
		cellIndex: function () {
			var row = this.__s.parents("tr");

			return row.size() === 0 ? -1 : row.find("th,td").index(this.__s);
		}
	});

	function formOf() { return ownerFormVal(this); }
	function labelsOf() { return labels(this); }
	function textOfElem() { return this.textContent(); }

	var kinds = {
		a: kind(Href, {}), area: kind(Href, {}), audio: kind(Media, {}), video: kind(Media, {}),
		base: kind(E, {}),
		button: kind(FormField, { value: function () { return valueOrHTML(this.__s); } }),
		canvas: kind(E, {
			width: function () { return attrInt(this, "width", 150); },
			height: function () { return attrInt(this, "height", 150); }
		}),
		data: kind(E, {}),
		datalist: kind(E, { options: function () { return elemList(this.__s.find("option")); } }),
		del: kind(Mod, {}), ins: kind(Mod, {}), embed: kind(E, {}),
		fieldset: kind(E, {
			form: function () { var f = ownerForm(this); return f === null ? undefined : toElement(f); },
			type: function () { return "fieldset"; },
			elements: function () { return elemList(this.__s.find("input,select,button,textarea")); },
			validity: function () { return undefined; }
		}),
		form: kind(E, {
			elements: function () { return elemList(this.__s.find("input,select,button,textarea,fieldset")); },
			length: function () { return this.__s.find("input,select,button,textarea,fieldset").size(); },
			method: function () { return attrStr(this, "method") === "post" ? "post" : "get"; }
		}),
		iframe: kind(E, {}), img: kind(E, {}),
		input: kind(FormField, {
			list: function () {
				var id = attrStr(this, "list"), dl;

				if (id === "" || /^(hidden|checkbox|radio|file|button)$/.test(attrStr(this, "type")))
					return undefined;
				dl = root(this).find("datalist[id=\"" + id + "\"]");
				return dl.size() === 0 ? undefined : toElement(dl.eq(0));
			}
		}),
		keygen: kind(E, { form: formOf, labels: labelsOf }),
		label: kind(E, {
			control: function () {
				var f = this.__s.attr("for"), c;

				if (f === undefined)
					return undefined;
				c = root(this).find("#" + f);
				return c.size() === 0 ? undefined : toElement(c.eq(0));
			},
			form: formOf
		}),
		legend: kind(E, { form: formOf }),
		li: kind(E, {}),
		link: kind(E, { relList: function () { return splitAttr(this, "rel"); } }),
		map: kind(E, {
			areas: function () { return elemList(this.__s.find("area")); },
			images: function () {
				var name = this.__s.attr("id");

				if (name === undefined)
					return [];
				return elemList(root(this).find("img[usemap=\"#" + name + "\"],object[usemap=\"#" + name + "\"]"));
			}
		}),
		meta: kind(E, {}),
		meter: kind(E, { labels: labelsOf }),
		object: kind(E, { form: formOf }),
		ol: kind(E, {}), optgroup: kind(E, {}),
		option: kind(E, {
			disabled: function () {
				var g;

				if (present(this, "disabled"))
					return true;
				g = this.__s.parents("optgroup");
				return g.size() > 0 && g.attr("disabled") !== undefined;
			},
			form: function () {
				var f = this.__s.parents("form"), sel, id;

				if (f.size() !== 0)
					return toElement(f.first());
				sel = this.__s.parents("select");
				id = sel.attr("form");
				if (id === undefined)
					return undefined;
				f = sel.parents().last().find("form#" + id);
				return f.size() === 0 ? undefined : toElement(f.first());
			},
			index: function () {
				var h = this.__s.parents("select,datalist");

				return h.size() === 0 ? 0 : h.find("option").index(this.__s);
			},
			label: function () { var l = this.__s.attr("label"); return l !== undefined ? l : this.textContent(); },
			text: textOfElem,
			value: function () { return valueOrHTML(this.__s); }
		}),
		output: kind(E, {
			form: formOf, labels: labelsOf, value: textOfElem, defaultValue: textOfElem
		}),
		param: kind(E, {}), pre: kind(E, {}),
		progress: kind(E, {
			max: function () {
				var v = this.__s.attr("max"), n = v === undefined ? NaN : goFloat(v);

				return isNaN(n) || n < 0 ? 1 : n;
			},
			value: function () { return progress(this, 0); },
			position: function () { return progress(this, -1); },
			labels: labelsOf
		}),
		quote: kind(E, {}),
		script: kind(E, { text: textOfElem }),
		select: kind(E, {
			form: formOf, labels: labelsOf,
			length: function () { return this.__s.find("option").size(); },
			options: function () { return elemList(this.__s.find("option")); },
			selectedIndex: function () {
				var o = this.__s.find("option[selected]");

				return o.size() === 0 ? -1 : this.__s.find("option").index(o);
			},
			selectedOptions: function () { return elemList(this.__s.find("option[selected]")); },
			size: function () { return present(this, "multiple") ? 4 : 1; },
			type: function () { return present(this, "multiple") ? "select-multiple" : "select"; },
			value: function () {
				var o = this.__s.find("option[selected]");

				return o.size() === 0 ? "" : valueOrHTML(o.first());
			}
		}),
		source: kind(E, {}),
		style: kind(E, { type: function () { var t = attrStr(this, "type"); return t === "" ? "text/css" : t; } }),
		table: kind(E, {
			caption: function () { return tableChild(this, "caption"); },
			tHead: function () { return tableChild(this, "thead"); },
			tFoot: function () { return tableChild(this, "tfoot"); },
			rows: function () { return elemList(this.__s.find("tr")); },
			tBodies: function () { return elemList(this.__s.find("tbody")); }
		}),
		thead: kind(TableSection, {}), tfoot: kind(TableSection, {}), tbody: kind(TableSection, {}),
		tr: kind(E, {
			cells: function () { return elemList(this.__s.find("th,td")); },
			rowIndex: function () {
				var t = this.__s.parents("table");

				return t.size() === 0 ? -1 : t.find("tr").index(this.__s);
			},
			sectionRowIndex: function () {
				var t = this.__s.parents("thead,tbody,tfoot");

				return t.size() === 0 ? -1 : t.find("tr").index(this.__s);
			}
		}),
		col: kind(E, { span: function () { var s = attrInt(this, "span", 1); return s < 1 ? 1 : s; } }),
		td: kind(TableCell, {}), th: kind(TableCell, {}),
		textarea: kind(E, {
			form: formOf, labels: labelsOf,
			length: function () { return attrStr(this, "value").length; }
		}),
		time: kind(E, {}),
		title: kind(E, { text: textOfElem }),
		track: kind(E, {}), ul: kind(E, {})
	};

	function goFloat(v) {
		return /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$|^[-+]?(inf|infinity|nan)$/i.test(v) ? Number(v) : NaN;
	}

	function progress(e, dflt) {
		var v = e.__s.attr("value"), n;

		if (v === undefined)
			return dflt;
		n = goFloat(v);
		if (isNaN(n) || n < 0)
			return dflt;
		return n / kinds.progress.max.call(e);
	}

	function tableChild(e, name) {
		var c = e.__s.children(name);

		return c.size() === 0 ? undefined : toElement(c);
	}

	/* The attribute accessors k6 generates (gen/gen_elements.go):
	 * [kind, method, attribute, type, argument]; s string, u URL, b
	 * present, i integer with a default, c constant, e enumeration (the
	 * first value when absent or unknown), n enumeration or undefined. */
	var referrer = ["", "no-referrer", "no-referrer-when-downgrade", "origin", "origin-when-cross-origin", "unsafe-url"];
	var onoff = ["on", "off"], cross = ["anonymous", "use-credentials"];
	var enc = ["application/x-www-form-urlencoded", "multipart/form-data", "text/plain"];
	var generated = [
		[Href, "download", "download", "s"], [Href, "referrerPolicy", "referrerpolicy", "e", referrer],
		[Href, "rel", "rel", "s"], [Href, "href", "href", "u"], [Href, "target", "target", "s"],
		[Href, "type", "type", "s"], [Href, "accessKey", "accesskey", "s"], [Href, "hrefLang", "hreflang", "s"],
		[Href, "toString", "href", "u"],
		[Media, "autoplay", "autoplay", "b"], [Media, "controls", "controls", "b"], [Media, "loop", "loop", "b"],
		[Media, "muted", "muted", "b"], [Media, "preload", "preload", "e", ["auto", "metadata", "none"]],
		[Media, "src", "src", "u"], [Media, "crossOrigin", "crossorigin", "n", cross],
		[Media, "currentSrc", "src", "s"], [Media, "defaultMuted", "muted", "b"], [Media, "mediaGroup", "mediagroup", "s"],
		[kinds.base, "href", "href", "ub"], [kinds.base, "target", "target", "s"],
		[kinds.button, "accessKey", "accesskey", "s"], [kinds.button, "autofocus", "autofocus", "b"],
		[kinds.button, "disabled", "disabled", "b"], [kinds.button, "tabIndex", "tabindex", "i", 0],
		[kinds.button, "type", "type", "e", ["submit", "button", "menu", "reset"]],
		[kinds.data, "value", "value", "s"],
		[kinds.embed, "height", "height", "s"], [kinds.embed, "width", "width", "s"],
		[kinds.embed, "src", "src", "s"], [kinds.embed, "type", "type", "s"],
		[kinds.fieldset, "disabled", "disabled", "b"], [kinds.fieldset, "name", "name", "s"],
		[kinds.form, "action", "action", "u"], [kinds.form, "name", "name", "s"], [kinds.form, "target", "target", "s"],
		[kinds.form, "enctype", "enctype", "e", enc], [kinds.form, "encoding", "enctype", "e", enc],
		[kinds.form, "acceptCharset", "accept-charset", "s"], [kinds.form, "autocomplete", "autocomplete", "e", onoff],
		[kinds.form, "noValidate", "novalidate", "b"],
		[kinds.iframe, "allowfullscreen", "allowfullscreen", "b"], [kinds.iframe, "referrerPolicy", "referrerpolicy", "e", referrer],
		[kinds.iframe, "height", "height", "s"], [kinds.iframe, "width", "width", "s"],
		[kinds.iframe, "name", "name", "s"], [kinds.iframe, "src", "src", "u"],
		[kinds.img, "currentSrc", "src", "u"], [kinds.img, "sizes", "sizes", "s"], [kinds.img, "srcset", "srcset", "s"],
		[kinds.img, "alt", "alt", "s"], [kinds.img, "crossOrigin", "crossorigin", "n", cross],
		[kinds.img, "height", "height", "i", 0], [kinds.img, "width", "width", "i", 0], [kinds.img, "isMap", "ismap", "b"],
		[kinds.img, "name", "name", "s"], [kinds.img, "src", "src", "u"], [kinds.img, "useMap", "usemap", "s"],
		[kinds.img, "referrerPolicy", "referrerpolicy", "e", referrer],
		[kinds.input, "name", "name", "s"], [kinds.input, "tabIndex", "tabindex", "i", 0],
		[kinds.input, "type", "type", "e", ["text", "button", "checkbox", "color", "date", "datetime-local", "email",
		    "file", "hidden", "image", "month", "number", "password", "radio", "range", "reset", "search", "submit",
		    "tel", "time", "url", "week"]],
		[kinds.input, "disabled", "disabled", "b"], [kinds.input, "autofocus", "autofocus", "b"],
		[kinds.input, "required", "required", "b"], [kinds.input, "value", "value", "s"],
		[kinds.input, "checked", "checked", "b"], [kinds.input, "defaultChecked", "checked", "b"],
		[kinds.input, "alt", "alt", "s"], [kinds.input, "src", "src", "u"], [kinds.input, "height", "height", "s"],
		[kinds.input, "width", "width", "s"], [kinds.input, "accept", "accept", "s"],
		[kinds.input, "autocomplete", "autocomplete", "e", onoff], [kinds.input, "maxLength", "maxlength", "i", -1],
		[kinds.input, "size", "size", "i", 0], [kinds.input, "pattern", "pattern", "s"],
		[kinds.input, "placeholder", "placeholder", "s"], [kinds.input, "readonly", "readonly", "b"],
		[kinds.input, "min", "min", "s"], [kinds.input, "max", "max", "s"], [kinds.input, "defaultValue", "value", "s"],
		[kinds.input, "dirName", "dirname", "s"], [kinds.input, "accessKey", "accesskey", "s"],
		[kinds.input, "multiple", "multiple", "b"], [kinds.input, "step", "step", "s"],
		[kinds.keygen, "autofocus", "autofocus", "b"], [kinds.keygen, "challenge", "challenge", "s"],
		[kinds.keygen, "disabled", "disabled", "b"], [kinds.keygen, "keytype", "keytype", "e", ["RSA", "DSA", "EC"]],
		[kinds.keygen, "name", "name", "s"], [kinds.keygen, "type", "type", "c", "keygen"],
		[kinds.label, "htmlFor", "for", "s"], [kinds.legend, "accessKey", "accesskey", "s"],
		[kinds.li, "value", "value", "i", 0],
		[kinds.li, "type", "type", "e", ["", "1", "a", "A", "i", "I", "disc", "square", "circle"]],
		[kinds.link, "crossOrigin", "crossorigin", "n", cross], [kinds.link, "referrerPolicy", "referrerpolicy", "e", referrer],
		[kinds.link, "href", "href", "u"], [kinds.link, "hreflang", "hreflang", "s"], [kinds.link, "media", "media", "s"],
		[kinds.link, "rel", "rel", "s"], [kinds.link, "target", "target", "s"], [kinds.link, "type", "type", "s"],
		[kinds.map, "name", "name", "s"], [kinds.meta, "content", "content", "s"], [kinds.meta, "name", "name", "s"],
		[kinds.meta, "httpEquiv", "http-equiv", "e", ["content-type", "default-style", "refresh"]],
		[kinds.meter, "min", "min", "i", 0], [kinds.meter, "max", "max", "i", 0], [kinds.meter, "high", "high", "i", 0],
		[kinds.meter, "low", "low", "i", 0], [kinds.meter, "optimum", "optimum", "i", 0],
		[Mod, "cite", "cite", "s"], [Mod, "datetime", "datetime", "s"],
		[kinds.object, "data", "data", "u"], [kinds.object, "height", "height", "s"], [kinds.object, "name", "name", "s"],
		[kinds.object, "type", "type", "s"], [kinds.object, "tabIndex", "tabindex", "i", 0],
		[kinds.object, "typeMustMatch", "typemustmatch", "b"], [kinds.object, "useMap", "usemap", "s"],
		[kinds.object, "width", "width", "s"],
		[kinds.ol, "reversed", "reversed", "b"], [kinds.ol, "start", "start", "i", 0],
		[kinds.ol, "type", "type", "e", ["1", "a", "A", "i", "I"]],
		[kinds.optgroup, "disabled", "disabled", "b"], [kinds.optgroup, "label", "label", "s"],
		[kinds.option, "defaultSelected", "selected", "b"], [kinds.option, "selected", "selected", "b"],
		[kinds.output, "htmlFor", "for", "s"], [kinds.output, "name", "name", "s"], [kinds.output, "type", "type", "c", "output"],
		[kinds.param, "name", "name", "s"], [kinds.param, "value", "value", "s"],
		[kinds.pre, "name", "name", "s"], [kinds.pre, "value", "value", "s"], [kinds.quote, "cite", "cite", "s"],
		[kinds.script, "crossOrigin", "crossorigin", "s"], [kinds.script, "type", "type", "s"],
		[kinds.script, "src", "src", "u"], [kinds.script, "charset", "charset", "s"], [kinds.script, "async", "async", "b"],
		[kinds.script, "defer", "defer", "b"], [kinds.script, "noModule", "nomodule", "b"],
		[kinds.select, "autofocus", "autofocus", "b"], [kinds.select, "disabled", "disabled", "b"],
		[kinds.select, "multiple", "multiple", "b"], [kinds.select, "name", "name", "s"],
		[kinds.select, "required", "required", "b"], [kinds.select, "tabIndex", "tabindex", "i", 0],
		[kinds.source, "keySystem", "keysystem", "s"], [kinds.source, "media", "media", "s"],
		[kinds.source, "sizes", "sizes", "s"], [kinds.source, "src", "src", "u"], [kinds.source, "srcset", "srcset", "s"],
		[kinds.source, "type", "type", "s"], [kinds.style, "media", "media", "s"], [kinds.table, "sortable", "sortable", "b"],
		[TableCell, "colSpan", "colspan", "i", 1], [TableCell, "rowSpan", "rowspan", "i", 1],
		[TableCell, "headers", "headers", "s"], [kinds.th, "abbr", "abbr", "s"],
		[kinds.th, "scope", "scope", "e", ["", "row", "col", "colgroup", "rowgroup"]], [kinds.th, "sorted", "sorted", "b"],
		[kinds.textarea, "type", "type", "c", "textarea"], [kinds.textarea, "value", "value", "s"],
		[kinds.textarea, "defaultValue", "value", "s"], [kinds.textarea, "placeholder", "placeholder", "s"],
		[kinds.textarea, "rows", "rows", "i", 0], [kinds.textarea, "cols", "cols", "i", 0],
		[kinds.textarea, "maxLength", "maxlength", "i", 0], [kinds.textarea, "tabIndex", "tabindex", "i", 0],
		[kinds.textarea, "accessKey", "accesskey", "s"], [kinds.textarea, "readOnly", "readonly", "b"],
		[kinds.textarea, "required", "required", "b"], [kinds.textarea, "autocomplete", "autocomplete", "e", onoff],
		[kinds.textarea, "autocapitalize", "autocapitalize", "e", ["sentences", "none", "off", "characters", "words"]],
		[kinds.textarea, "wrap", "wrap", "e", ["soft", "hard", "off"]],
		[kinds.time, "datetime", "datetime", "s"],
		[kinds.track, "kind", "kind", "e", ["subtitle", "captions", "descriptions", "chapters", "metadata"]],
		[kinds.track, "src", "src", "u"], [kinds.track, "srclang", "srclang", "s"], [kinds.track, "label", "label", "s"],
		[kinds.track, "default", "default", "b"], [kinds.ul, "type", "type", "s"]
	];

	function accessor(attr, type, arg) {
		switch (type) {
		case "s": return function () { return attrStr(this, attr); };
		case "u": return function () { return attrURL(this, attr, ""); };
		case "ub": return function () { return attrURL(this, attr, this.__s.url); };
		case "b": return function () { return present(this, attr); };
		case "i": return function () { return attrInt(this, attr, arg); };
		case "c": return function () { return arg; };
		case "e": return function () { var v = attrStr(this, attr); return arg.indexOf(v) >= 0 ? v : arg[0]; };
		}
		return function () {
			var v = this.__s.attr(attr);

			return v !== undefined && arg.indexOf(v) >= 0 ? v : undefined;
		};
	}

	generated.forEach(function (g) {
		/* Methods written out by hand win, as in k6 where the
		 * generated file never defines those. */
		if (!has.call(g[0], g[1]))
			g[0][g[1]] = accessor(g[2], g[3], g[4]);
	});

	function toElement(sel) {
		var e, n, key;

		if (sel.__nodes.length === 0)
			return undefined;
		n = node(sel.__doc, sel.__nodes[0]);
		/* k6 picks the kind by the node's Data: the tag name of an
		 * element, the text of a text node. */
		key = n[0] === 1 ? n[1] : n[8];
		e = Object.create(has.call(kinds, key) ? kinds[key] : E);
		Element.call(e, mk(sel, [sel.__nodes[0]]));
		return e;
	}

	function parseHTML(src) {
		var s = new Selection(H.parse(String(src)), [0], null, "");

		hide(s);
		return s;
	}

	/* Response.html, submitForm and clickLink, as k6's response.go. */
	function http() { return __lymod.require("k6/http"); }

	function resHTML(selector) {
		var body = this.body, s;

		if (body === null || body === undefined)
			H.goerror("the body is null so we can't transform it to HTML - this likely " +
			    "was because of a request error getting the response");
		if (typeof body !== "string")
			body = String.fromCharCode.apply(null, new Uint8Array(body));
		s = parseHTML(body);
		s.url = this.url;
		if (arguments.length > 0)
			s = s.find(selector);
		return s;
	}

	function submitForm(args) {
		var formSelector = "form", submitSelector = "[type=\"submit\"]", fields = null;
		var params = null, form, method, action, url, values, submit, sn, sv, q, k;

		if (args !== undefined && args !== null) {
			if (has.call(args, "formSelector"))
				formSelector = String(args.formSelector);
			if (has.call(args, "submitSelector"))
				submitSelector = String(args.submitSelector);
			if (has.call(args, "fields") && args.fields !== null && typeof args.fields === "object")
				fields = args.fields;
			if (has.call(args, "params"))
				params = args.params;
		}
		form = resHTML.call(this, formSelector);
		if (form.size() === 0)
			throw new Error("no form found for selector '" + formSelector + "' in response '" + this.url + "'");
		method = form.attr("method");
		method = method === undefined ? "GET" : String(method).toUpperCase();
		action = form.attr("action");
		url = action === undefined ? this.url : resolveURL(this.url, action);
		if (url === null)
			throw new Error("parse \"" + action + "\": invalid URL");
		if (typeof url !== "string")
			url = urlString(url);
		values = form.serializeObject();
		submit = form.find(submitSelector);
		sn = submit.attr("name");
		sv = submit.val();
		if (sn !== undefined && sv !== undefined)
			values[sn] = sv;
		if (fields !== null)
			for (k in fields)
				if (has.call(fields, k))
					values[k] = fields[k];
		if (method === "GET") {
			q = {};
			for (k in values)
				if (has.call(values, k))
					q[k] = [String(values[k])];
			url = urlString((function (u) { u.query = encodeValues(q); u.hasQuery = u.query !== ""; u.frag = u.frag; return u; })(parseURL(url)));
			return http().request(method, url, null, params);
		}
		return http().request(method, url, values, params);
	}

	function clickLink(args) {
		var selector = "a[href]", params = null, link, href, url;

		if (args !== undefined && args !== null) {
			if (has.call(args, "selector"))
				selector = String(args.selector);
			if (has.call(args, "params"))
				params = args.params;
		}
		link = resHTML.call(this, selector);
		if (link.size() === 0)
			throw new Error("no element found for selector '" + selector + "' in response '" + this.url + "'");
		href = link.attr("href");
		if (href === undefined)
			throw new Error("no valid href attribute value found on element '" + selector +
			    "' in response '" + this.url + "'");
		url = resolveURL(this.url, href);
		if (url === null)
			throw new Error("parse \"" + href + "\": invalid URL");
		return http().request("GET", urlString(url), undefined, params);
	}

	return [{ parseHTML: parseHTML }, { html: resHTML, submitForm: submitForm, clickLink: clickLink }];
})
