/*
 * lyocell merge: check that summary exports are the parts of one test and
 * put together what is not a sink (checks, groups, options, duration).
 * The sinks are merged and the thresholds judged in C (src/app/merge.c),
 * with the run's own code.
 *
 * __ly_merge(texts, names) returns { options, durationMs, setupData,
 * metrics: { name: { type, contains, thresholds, sinks, files } },
 * checks, groups } (files[i] wrote sinks[i]) or throws an Error whose
 * message names the file.
 */
var __ly_merge = (function () {
	function fail(msg) {
		throw new Error(msg);
	}

	function parse(text, name) {
		var d, l;

		try {
			d = JSON.parse(text);
		} catch (e) {
			fail(name + ": not valid JSON (" + String(e.message || e) +
			    "); a truncated or damaged summary export?");
		}
		if (d === null || typeof d !== "object" || typeof d.metrics !== "object")
			fail(name + ": not a summary export (no \"metrics\")");
		if (typeof d.lyocell !== "object" || d.lyocell === null)
			fail(name + ": a summary export without Lyocell's merge data " +
			    "(written by k6 or by handleSummary?); run the parts with " +
			    "'lyocell run --summary-export'");
		if (d.lyocell.version !== 1)
			fail(name + ": merge data of an unknown version " +
			    JSON.stringify(d.lyocell.version));
		l = d.lyocell;
		if (typeof l.script !== "string" || typeof l.metrics !== "object" ||
		    l.metrics === null || !Array.isArray(l.checks) ||
		    !Array.isArray(l.groups) || typeof l.instance !== "object" ||
		    l.instance === null || typeof l.options !== "object" ||
		    typeof l.durationMs !== "number")
			fail(name + ": damaged merge data");
		Object.keys(l.metrics).forEach(function (k) {
			var m = l.metrics[k];

			if (m === null || typeof m !== "object" || typeof m.sink !== "object" ||
			    !Array.isArray(m.thresholds))
				fail(name + ": damaged merge data for metric " + k);
		});
		d.lyocell.setupData = d.setup_data;
		return d.lyocell;
	}

	/* "a/d:b/d" as integers; NaN parts make the caller fail. */
	function segment(s, name) {
		var m = /^(\d+)\/(\d+):(\d+)\/(\d+)$/.exec(String(s));

		if (m === null || +m[2] === 0 || m[2] !== m[4])
			fail(name + ": bad execution segment " + JSON.stringify(s) +
			    " in the merge data");
		return { a: +m[1], b: +m[3], d: +m[2], name: name,
			text: fraction(+m[1], +m[2]) + ":" + fraction(+m[3], +m[2]) };
	}

	function gcd(a, b) {
		return b === 0 ? a : gcd(b, a % b);
	}

	function fraction(n, d) {
		var g = gcd(n, d);

		return n === 0 ? "0" : n === d ? "1" : n / g + "/" + d / g;
	}

	function thresholds(l) {
		var out = {};

		Object.keys(l.metrics).sort().forEach(function (k) {
			if (l.metrics[k].thresholds.length > 0)
				out[k] = l.metrics[k].thresholds;
		});
		return JSON.stringify(out);
	}

	function firstDifference(a, b) {
		var keys = Object.keys(a).concat(Object.keys(b)), i;

		for (i = 0; i < keys.length; i++)
			if (JSON.stringify(a[keys[i]]) !== JSON.stringify(b[keys[i]]))
				return keys[i];
		return "?";
	}

	/* Every segment once, together covering the whole test. */
	function cover(segs) {
		var i, p, q;

		segs.sort(function (x, y) { return x.a * y.d - y.a * x.d; });
		for (i = 0; i < segs.length; i++) {
			p = i > 0 ? segs[i - 1] : { b: 0, d: 1 };
			q = segs[i];
			if (i > 0 && p.a * q.d === q.a * p.d && p.b * q.d === q.b * p.d)
				fail(q.name + ": the same execution segment " + q.text + " as " +
				    p.name);
			if (p.b * q.d > q.a * p.d)
				fail(q.name + ": execution segment " + q.text + " overlaps " +
				    p.name + "'s");
			if (p.b * q.d < q.a * p.d)
				fail("no export covers the execution segment " +
				    fraction(p.b, p.d) + ":" + fraction(q.a, q.d) +
				    " of the test (a part is missing)");
		}
		q = segs[segs.length - 1];
		if (q.b !== q.d)
			fail("no export covers the execution segment " + fraction(q.b, q.d) +
			    ":1 of the test (a part is missing)");
	}

	return function (texts, names) {
		var parts = [], segs = [], ids = {}, out, checks = {}, groups = {};
		var first, th;

		texts.forEach(function (t, i) { parts.push(parse(t, names[i])); });
		first = parts[0];
		th = thresholds(first);
		parts.forEach(function (l, i) {
			var id = l.instance.instance_id;

			if (l.script !== first.script)
				fail(names[i] + ": a different script than " + names[0] +
				    " (" + l.script + " against " + first.script + ")");
			if (thresholds(l) !== th)
				fail(names[i] + ": different thresholds than " + names[0]);
			if (JSON.stringify(l.options) !== JSON.stringify(first.options))
				fail(names[i] + ": different options than " + names[0] +
				    " (" + firstDifference(l.options, first.options) + ")");
			if (l.instance.testrun_name !== first.instance.testrun_name)
				fail(names[i] + ": another test run (testrun_name " +
				    (l.instance.testrun_name || "none") + ") than " + names[0] +
				    " (" + (first.instance.testrun_name || "none") + ")");
			if (id !== undefined) {
				if (ids.hasOwnProperty(id))
					fail(names[i] + ": the same instance_id " + id + " as " +
					    ids[id]);
				ids[id] = names[i];
			}
			segs.push(segment(l.segment, names[i]));
		});
		cover(segs);
		/* Without a sequence each machine deals VUs and iterations over
		 * 0, its bounds and 1: the same dealing for two parts, not for
		 * more, whose shares then overlap or leave some out. */
		if (parts.length > 2 && first.sequence === null)
			fail(names[0] + ": the parts ran without --execution-segment-sequence, " +
			    "so their shares of the test are not disjoint; run every part " +
			    "with the same sequence, such as " +
			    ["0"].concat(segs.map(function (g) { return fraction(g.b, g.d); })).join(","));

		out = { options: first.options, durationMs: 0, metrics: {}, checks: [],
			groups: [], setupData: first.setupData };
		parts.forEach(function (l, i) {
			out.durationMs = Math.max(out.durationMs, l.durationMs);
			Object.keys(l.metrics).forEach(function (k) {
				var m = l.metrics[k], o = out.metrics[k];

				if (o === undefined)
					o = out.metrics[k] = { type: m.type, contains: m.contains,
						thresholds: m.thresholds, sinks: [], files: [] };
				else if (o.type !== m.type)
					fail(names[i] + ": metric " + k + " is a " + m.type +
					    ", a " + o.type + " elsewhere");
				o.sinks.push(m.sink);
				o.files.push(names[i]);
			});
			l.checks.forEach(function (c) {
				var key = c.group + "::" + c.name;

				if (!checks.hasOwnProperty(key)) {
					checks[key] = { group: c.group, name: c.name, passes: 0, fails: 0 };
					out.checks.push(checks[key]);
				}
				checks[key].passes += c.passes;
				checks[key].fails += c.fails;
			});
			l.groups.forEach(function (g) {
				if (!groups.hasOwnProperty(g)) {
					groups[g] = true;
					out.groups.push(g);
				}
			});
		});
		return out;
	};
})();
