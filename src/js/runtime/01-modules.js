/* The module table the compiled bundle registers into (src/compile/).
 * __lymod(id, factory, esm) registers a module; __lymod.require(id) runs
 * the graph from id and returns its namespace.  A module's exports object
 * exists before its body runs, so import cycles see each other's getters.
 * Imported names are read as properties (_m.name), so bindings are live.
 *
 * A module whose body awaits at its top level (flag 2) returns its
 * body's promise.  Once a bundle has one, a module's static imports
 * (deps) are evaluated before it, and a module waits for those that are
 * still evaluating before its body runs, as ES modules do; the engine
 * runs the event loop after the entry's require and then asks
 * __lymod.wait whether the entry's evaluation completed. */
var __lymod = (function () {
	var factories = {}, records = {}, natives = {}, awaits = false;
	/* The native modules (lymod.natives): open(name) makes one, and
	 * known(name) says whether one has that name; natives keeps those
	 * opened, and any lymod.native gives. */
	var opener = null, known = null;
	var has = Object.prototype.hasOwnProperty;
	/* What the compiled code calls at loop back-edges, function entries
	 * and catch clauses: a VU's lets it be interrupted (runtime.h). */
	var tick = __ly_tick;

	function lymod(id, factory, flags, deps) {
		factories[id] = { f: factory, esm: !!(flags & 1), deps: deps };
		if (flags & 2)
			awaits = true;
	}

	/* Run r's body: what it returns (its promise, if it awaits). */
	function run(r, fac) {
		var prev = lymod.current, v;

		lymod.current = r.module.id;
		/* __lymod.current is the running module, for open(). */
		try {
			v = fac.f.call(fac.esm ? undefined : r.module.exports,
			    r.module.exports, r.module, req, imp, tick);
		} catch (e) {
			lymod.current = prev;
			throw e;
		}
		lymod.current = prev;
		return v;
	}

	function ignore() {
	}

	function load(id) {
		var r, fac, deps, waits = [], d, i;

		if (has.call(records, id))
			return records[id];
		if (!has.call(factories, id))
			throw new Error("module not found: " + id);
		fac = factories[id];
		r = records[id] = { esm: fac.esm, ns: null, p: null,
		    module: { exports: {}, id: id } };
		if (!awaits) {
			run(r, fac);
			return r;
		}
		deps = fac.deps || [];
		for (i = 0; i < deps.length; i++)
			if (!isnative(deps[i])) {
				d = load(deps[i]);
				if (d.p !== null)
					waits.push(d.p);
			}
		if (waits.length === 0)
			d = run(r, fac);
		else
			d = Promise.all(waits).then(function () {
				return run(r, fac);
			});
		if (d !== null && typeof d === "object" &&
		    typeof d.then === "function") {
			r.p = d;
			/* its failure is the entry's, reported by wait() */
			d.then(undefined, ignore);
		}
		return r;
	}

	function isnative(id) {
		return has.call(natives, id) || (known !== null && known(id));
	}

	/* A native module is opened the first time it is imported: until
	 * then natives[id] is the function that opens it, or not there. */
	function native(id) {
		var n = has.call(natives, id) ? natives[id] : opener;

		if (typeof n === "function")
			n = natives[id] = n(id);
		return n;
	}

	/* CommonJS require: an ES module gives its namespace. */
	function req(id) {
		if (isnative(id))
			return native(id);
		return load(id).module.exports;
	}

	/* import: a CommonJS module's module.exports is its default export
	 * (unless it says __esModule), and its properties the named ones. */
	function imp(id) {
		var r, e;

		if (isnative(id))
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

	/* After the event loop ran: throw what the evaluation of id (and
	 * of the modules it waited for) threw, or that it never ended. */
	lymod.wait = function (id) {
		var r = records[id], st;

		if (r === undefined || r.p === null)
			return;
		st = __ly_rt.state(r.p);
		if (st[0] === 2)
			throw st[1];
		if (st[0] === 0)
			throw new Error("the top-level await of " + id +
			    " never settled: the event loop ended first");
	};
	/* Whether id's evaluation awaited at some top level. */
	lymod.awaited = function (id) {
		return has.call(records, id) && records[id].p !== null;
	};
	/* For import(): the promise of id's evaluation, or null. */
	imp.evaluating = function (id) {
		return has.call(records, id) ? records[id].p : null;
	};
	lymod.current = undefined;
	/* obj is the module, or a function that makes it from its name. */
	lymod.native = function (name, obj) {
		natives[name] = obj;
	};
	lymod.natives = function (open, isknown) {
		opener = open;
		known = isknown;
	};
	/* The entry: a CommonJS script's module.exports is what the
	 * engine reads options, default and the rest from, as in k6. */
	lymod.require = function (id) {
		var r;

		if (isnative(id))
			return native(id);
		r = load(id);
		return r.module.exports;
	};
	return lymod;
})();
