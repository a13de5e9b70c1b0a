/* The module table the compiled bundle registers into (src/compile/).
 * __lymod(id, factory, esm) registers a module; __lymod.require(id) runs
 * the graph from id and returns its namespace.  A module's exports object
 * exists before its body runs, so import cycles see each other's getters.
 * Imported names are read as properties (_m.name), so bindings are live. */
var __lymod = (function () {
	var factories = {}, records = {}, natives = {};
	var has = Object.prototype.hasOwnProperty;
	/* What the compiled code calls at loop back-edges, function entries
	 * and catch clauses: a VU's lets it be interrupted (runtime.h). */
	var tick = __ly_tick;

	function lymod(id, factory, esm) {
		factories[id] = { f: factory, esm: !!esm };
	}

	function load(id) {
		var r, fac, prev;

		if (has.call(records, id))
			return records[id];
		if (!has.call(factories, id))
			throw new Error("module not found: " + id);
		fac = factories[id];
		r = records[id] = { esm: fac.esm, ns: null,
		    module: { exports: {}, id: id } };
		prev = lymod.current;
		lymod.current = id;
		/* __lymod.current is the running module, for open(). */
		try {
			fac.f.call(fac.esm ? undefined : r.module.exports,
			    r.module.exports, r.module, req, imp, tick);
		} catch (e) {
			lymod.current = prev;
			throw e;
		}
		lymod.current = prev;
		return r;
	}

	/* A native module is opened the first time it is imported: until
	 * then natives[id] is the function that opens it. */
	function native(id) {
		var n = natives[id];

		if (typeof n === "function")
			n = natives[id] = n(id);
		return n;
	}

	/* CommonJS require: an ES module gives its namespace. */
	function req(id) {
		if (has.call(natives, id))
			return native(id);
		return load(id).module.exports;
	}

	/* import: a CommonJS module's module.exports is its default export
	 * (unless it says __esModule), and its properties the named ones. */
	function imp(id) {
		var r, e;

		if (has.call(natives, id))
			return native(id);
		r = load(id);
		if (r.esm)
			return r.module.exports;
		if (r.ns !== null)
			return r.ns;
		e = r.module.exports;
		if (e !== null && (typeof e === "object" || typeof e === "function")) {
			if (e.__esModule)
				return e;
			r.ns = Object.create(e);
			Object.defineProperty(r.ns, "default", { value: e });
			return r.ns;
		}
		return (r.ns = { "default": e });
	}

	lymod.current = undefined;
	/* obj is the module, or a function that makes it from its name. */
	lymod.native = function (name, obj) {
		natives[name] = obj;
	};
	/* The entry: a CommonJS script's module.exports is what the
	 * engine reads options, default and the rest from, as in k6. */
	lymod.require = function (id) {
		var r;

		if (has.call(natives, id))
			return native(id);
		r = load(id);
		return r.module.exports;
	};
	return lymod;
})();
