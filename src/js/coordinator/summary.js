/* The end of the test: k6's summary data object (what handleSummary
 * receives), the text summary in k6 v1's compact and full layouts and in
 * the legacy layout of k6 v0.4x, and the --summary-export JSON.  Runs
 * once, in the coordinator.
 *
 * The layouts follow k6's own rules, learnt from its summary.js and
 * summary-legacy.js, down to their quirks: the v1 dot padding counts a
 * metric's name twice, a failing check's details line is indented by
 * twice the depth, and colour codes are ordered differently in the two
 * layouts.  mujs enumerates keys in sorted order, so every order that
 * matters (checks, groups, thresholds) travels in arrays. */
var __ly_summary = (function () {
	var OK = "\u2713", FAIL = "\u2717", BLOCK = "\u2588", ARROW = "\u21b3";
	var MICRO = "\u00b5";
	var UNITS = { s: { unit: "s", coef: 0.001 }, ms: { unit: "ms", coef: 1 },
		us: { unit: MICRO + "s", coef: 1000 } };

	function trunc(x) {
		return x < 0 ? Math.ceil(x) : Math.floor(x);
	}

	function spaces(n) {
		var s = "";

		while (n-- > 0)
			s += " ";
		return s;
	}

	function dots(n) {
		var s = "";

		while (n-- > 0)
			s += ".";
		return s;
	}

	/* Terminal width of plain text: one column per code point. */
	function width(s) {
		var n = 0, i, c;

		for (i = 0; i < s.length; i++) {
			c = s.charCodeAt(i);
			if (c < 0xdc00 || c > 0xdfff)
				n++;
		}
		return n;
	}

	/* ---- numbers ---- */

	/* Number.prototype.toFixed as JavaScript defines it: the decimal
	 * nearest to the exact binary value, ties up.  mujs's own rounds
	 * 1.00499999... to 1.01 and ties to even, so x * 10^prec is taken
	 * exactly as a sum hi + lo (Dekker's product) and rounded from that. */
	function split(a) {
		var c = 134217729 * a, hi = c - (c - a);

		return [hi, a - hi];
	}

	function toFixed(v, prec) {
		var scale = Math.pow(10, prec), hi, lo, a, b, n, frac, digits;

		if (v < 0)
			return "-" + toFixed(-v, prec);
		hi = v * scale;
		if (!(hi < 9007199254740992))
			return v.toFixed(prec);
		a = split(v);
		b = split(scale);
		lo = ((a[0] * b[0] - hi) + a[0] * b[1] + a[1] * b[0]) + a[1] * b[1];
		n = Math.floor(hi);
		frac = hi - n;
		if (frac > 0.5 || (frac === 0.5 && lo >= 0))
			n++;
		digits = String(n);
		while (digits.length <= prec)
			digits = "0" + digits;
		if (prec === 0)
			return digits;
		return digits.slice(0, digits.length - prec) + "." + digits.slice(digits.length - prec);
	}

	function fixedNoZeros(v, prec) {
		return String(parseFloat(toFixed(v, prec)));
	}

	function fixedNoZerosTrunc(v, prec) {
		var mult = Math.pow(10, prec);

		return fixedNoZeros(trunc(mult * v) / mult, prec);
	}

	function humanizeBytes(bytes) {
		var units = ["B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"], e, v;

		if (bytes < 10)
			return bytes + " B";
		e = Math.floor(Math.log(bytes) / Math.log(1000));
		v = Math.floor((bytes / Math.pow(1000, e)) * 10 + 0.5) / 10;
		return toFixed(v, v < 10 ? 1 : 0) + " " + units[e | 0];
	}

	function humanizeDuration(ms, timeUnit) {
		var out, rem;

		if (timeUnit && UNITS.hasOwnProperty(timeUnit))
			return toFixed(ms * UNITS[timeUnit].coef, 2) + UNITS[timeUnit].unit;
		if (ms === 0)
			return "0s";
		if (ms < 0.001)
			return trunc(ms * 1000000) + "ns";
		if (ms < 1)
			return fixedNoZerosTrunc(ms * 1000, 2) + MICRO + "s";
		if (ms < 1000)
			return fixedNoZerosTrunc(ms, 2) + "ms";
		out = fixedNoZerosTrunc((ms % 60000) / 1000, ms > 60000 ? 0 : 2) + "s";
		rem = trunc(ms / 60000);
		if (rem < 1)
			return out;
		out = (rem % 60) + "m" + out;
		rem = trunc(rem / 60);
		if (rem < 1)
			return out;
		return rem + "h" + out;
	}

	function humanize(v, metric, timeUnit) {
		if (metric.type === "rate")
			return toFixed(trunc(v * 100 * 100) / 100, 2) + "%";
		if (metric.contains === "data")
			return humanizeBytes(v);
		if (metric.contains === "time")
			return humanizeDuration(v, timeUnit);
		return fixedNoZeros(v, 6);
	}

	function trendValue(v, stat, metric, timeUnit) {
		if (stat === "count")
			return String(v);
		return humanize(v, metric, timeUnit);
	}

	/* Counter, gauge and rate columns; legacy rates show ✓/✗ counts. */
	function plainValues(metric, timeUnit, legacy) {
		var v = metric.values;

		switch (metric.type) {
		case "counter":
			return [humanize(v.count, metric, timeUnit),
				humanize(v.rate, metric, timeUnit) + "/s"];
		case "gauge":
			return [humanize(v.value, metric, timeUnit),
				"min=" + humanize(v.min, metric, timeUnit),
				"max=" + humanize(v.max, metric, timeUnit)];
		case "rate":
			if (legacy)
				return [humanize(v.rate, metric, timeUnit), OK + " " + v.passes,
					FAIL + " " + v.fails];
			return [humanize(v.rate, metric, timeUnit),
				v.passes + " out of " + (v.passes + v.fails)];
		default:
			return ["[no data]"];
		}
	}

	/* ---- order ---- */

	/* k6 sorts with String.prototype.localeCompare, which its JavaScript
	 * engine implements with the root collation: case is ignored but for
	 * ties (lower before upper), punctuation sorts before digits and
	 * digits before letters.  This covers ASCII; anything else sorts
	 * after the letters by code point. */
	var PUNCT = " _-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$";

	function collationKeys(s) {
		var prim = [], tert = [], i, c, p;

		for (i = 0; i < s.length; i++) {
			c = s.charCodeAt(i);
			if (c >= 97 && c <= 122) {
				prim.push(1000 + c - 97);
				tert.push(0);
			} else if (c >= 65 && c <= 90) {
				prim.push(1000 + c - 65);
				tert.push(1);
			} else if (c >= 48 && c <= 57) {
				prim.push(500 + c - 48);
				tert.push(0);
			} else if ((p = PUNCT.indexOf(s.charAt(i))) >= 0) {
				prim.push(100 + p);
				tert.push(0);
			} else if (c >= 32) {
				prim.push(2000 + c);
				tert.push(0);
			}
		}
		return [prim, tert];
	}

	function compareArrays(a, b) {
		var i;

		for (i = 0; i < a.length && i < b.length; i++)
			if (a[i] !== b[i])
				return a[i] < b[i] ? -1 : 1;
		return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
	}

	function localeCompare(a, b) {
		var ka = collationKeys(a), kb = collationKeys(b);

		return compareArrays(ka[0], kb[0]) || compareArrays(ka[1], kb[1]) ||
		    (a < b ? -1 : a > b ? 1 : 0);
	}

	/* By name, each sub-metric right after its parent. */
	function sortMetricNames(names) {
		return names.sort(function (a, b) {
			var pa = a.split("{")[0], pb = b.split("{")[0];

			return localeCompare(pa, pb) ||
			    localeCompare(a.slice(pa.length), b.slice(pb.length));
		});
	}

	/* ---- colours ---- */

	/* paint(text, "36;2") wraps text in an SGR sequence when colours are
	 * on; callers spell the codes in the order the layout uses them. */
	function painter(on) {
		if (!on)
			return function (text) { return text; };
		return function (text, codes) {
			return "\u001b[" + codes + "m" + text + "\u001b[0m";
		};
	}

	/* ---- the data object ---- */

	/* Groups and checks as the tree k6 hands to handleSummary. */
	function rootGroup(raw) {
		var root = { name: "", path: "", id: raw.rootId, groups: [], checks: [] };
		var byPath = { "": root }, ids = {};

		(raw.groups || []).forEach(function (g) { ids[g.path] = g.id; });

		function group(path) {
			var cut, parent, g;

			if (byPath.hasOwnProperty(path))
				return byPath[path];
			cut = path.lastIndexOf("::");
			parent = group(cut > 0 ? path.slice(0, cut) : "");
			g = { name: path.slice(cut + 2), path: path,
				id: ids.hasOwnProperty(path) ? ids[path] : "", groups: [], checks: [] };
			parent.groups.push(g);
			byPath[path] = g;
			return g;
		}
		(raw.groups || []).forEach(function (g) { group(g.path); });
		(raw.checks || []).forEach(function (c) {
			group(c.group).checks.push({ name: c.name, path: c.path, id: c.id,
				passes: c.passes, fails: c.fails });
		});
		return root;
	}

	/* handleSummary's data.  color says whether colours are allowed at
	 * all (options.noColor is its negation); the text summary is coloured
	 * only when stdout is a terminal besides (state.isStdOutTTY).
	 *
	 * Orders the text layouts need but JSON objects cannot keep ride
	 * along in a property JSON.stringify skips: the checks in the order they were first seen, each metric's
	 * thresholds in the order they were defined (raw.metrics[name].
	 * thresholdOrder, when the C side sends it) and the values of
	 * threshold aggregations that summaryTrendStats lacks, such as a
	 * p(99) (raw.metrics[name].thresholdValues, likewise). */
	function data(raw, options, color) {
		var metrics = {}, order = {}, extra = {}, d;

		Object.keys(raw.metrics).sort().forEach(function (name) {
			var m = raw.metrics[name], out;
			out = { type: m.type, contains: m.contains, values: m.values };
			if (m.thresholds) {
				out.thresholds = m.thresholds;
				order[name] = m.thresholdOrder || Object.keys(m.thresholds);
				if (m.thresholdValues)
					extra[name] = m.thresholdValues;
			}
			metrics[name] = out;
		});
		/* k6's order, where its own is not a Go map's */
		d = {
			metrics: metrics,
			root_group: rootGroup(raw),
			options: {
				summaryTrendStats: options.summaryTrendStats,
				summaryTimeUnit: options.summaryTimeUnit || "",
				noColor: !color
			},
			state: {
				isStdOutTTY: raw.isStdOutTTY,
				isStdErrTTY: raw.isStdErrTTY,
				testRunDurationMs: raw.testRunDurationMs
			}
		};
		if (raw.setupData !== null && raw.setupData !== undefined)
			d.setup_data = raw.setupData;
		/* What `lyocell merge` needs; k6's tools ignore the key. */
		if (raw.lyocell)
			d.lyocell = raw.lyocell;
		Object.defineProperty(d, "__ly", { enumerable: false, value: {
			checks: (raw.checks || []).map(function (c) {
				return { name: c.name, passes: c.passes, fails: c.fails };
			}),
			thresholdOrder: order,
			thresholdValues: extra
		} });
		return d;
	}

	function thresholdSources(d, name) {
		var m = d.metrics[name];

		if (d.__ly && d.__ly.thresholdOrder[name])
			return d.__ly.thresholdOrder[name];
		return Object.keys(m.thresholds || {});
	}

	/* Every check in first-seen order (depth first without the side
	 * data). */
	function allChecks(d) {
		var out = [];

		function walk(g) {
			g.checks.forEach(function (c) { out.push(c); });
			g.groups.forEach(walk);
		}
		if (d.__ly)
			return d.__ly.checks;
		walk(d.root_group);
		return out;
	}

	/* ---- legacy layout (k6 v0.4x) ---- */

	function legacyCheck(indent, c, paint) {
		var pct;

		if (c.fails === 0)
			return paint(indent + OK + " " + c.name, "32");
		pct = Math.floor(100 * c.passes / (c.passes + c.fails));
		return paint(indent + FAIL + " " + c.name + "\n" + indent + " " + ARROW + "  " +
		    pct + "% \u2014 " + OK + " " + c.passes + " / " + FAIL + " " + c.fails, "31");
	}

	function legacyGroup(indent, g, paint) {
		var lines = [], i;

		if (g.name !== "") {
			lines.push(indent + BLOCK + " " + g.name + "\n");
			indent += "  ";
		}
		for (i = 0; i < g.checks.length; i++)
			lines.push(legacyCheck(indent, g.checks[i], paint));
		if (g.checks.length > 0)
			lines.push("");
		for (i = 0; i < g.groups.length; i++)
			lines = lines.concat(legacyGroup(indent, g.groups[i], paint));
		return lines;
	}

	function subIndent(name) {
		return name.indexOf("{") >= 0 ? "  " : "";
	}

	function legacyName(name) {
		var brace = name.indexOf("{");

		if (brace < 0)
			return name;
		return "{ " + name.slice(brace + 1, name.length - 1) + " }";
	}

	function legacyMetrics(d, paint) {
		var stats = d.options.summaryTrendStats, unit = d.options.summaryTimeUnit;
		var names = Object.keys(d.metrics), nameMax = 0, valMax = 0, extraMax = [0, 0];
		var colMax = [], cols = {}, vals = {}, extras = {}, lines = [];

		stats.forEach(function () { colMax.push(0); });
		names.forEach(function (name) {
			var m = d.metrics[name], v, i;

			nameMax = Math.max(nameMax, width(subIndent(name) + legacyName(name)));
			if (m.type === "trend") {
				cols[name] = stats.map(function (s, j) {
					var t = trendValue(m.values[s], s, m, unit);

					colMax[j] = Math.max(colMax[j], width(t));
					return t;
				});
				return;
			}
			v = plainValues(m, unit, true);
			vals[name] = v[0];
			valMax = Math.max(valMax, width(v[0]));
			extras[name] = v.slice(1);
			for (i = 1; i < v.length; i++)
				if (!(width(v[i]) <= extraMax[i - 1]))
					extraMax[i - 1] = width(v[i]);
		});

		function values(name) {
			var out, ex;

			if (cols.hasOwnProperty(name))
				return cols[name].map(function (t, j) {
					return stats[j] + "=" + paint(t, "36") + spaces(colMax[j] - width(t));
				}).join(" ");
			out = paint(vals[name], "36") + spaces(valMax - width(vals[name]));
			ex = extras[name];
			if (ex.length === 1)
				return out + " " + paint(ex[0], "36;2");
			if (ex.length > 1)
				out += " " + ex.map(function (t, j) {
					return paint(t, "36;2") + spaces(extraMax[j] - width(t));
				}).join(" ");
			return out;
		}

		sortMetricNames(names).forEach(function (name) {
			var m = d.metrics[name], mark = " ", code = null, shown = legacyName(name);
			var ind = subIndent(name);

			if (m.thresholds) {
				mark = OK;
				code = "32";
				thresholdSources(d, name).forEach(function (src) {
					if (!m.thresholds[src].ok) {
						mark = FAIL;
						code = "31";
					}
				});
			}
			lines.push("   " + ind + (code ? paint(mark, code) : mark) + " " + shown +
			    paint(dots(nameMax - width(shown) - width(ind) + 3) + ":", "2") + " " +
			    values(name));
		});
		return lines;
	}

	function legacyText(d, paint) {
		var lines = legacyGroup("     ", d.root_group, paint);

		return "\n" + lines.concat(legacyMetrics(d, paint)).join("\n") + "\n\n";
	}

	/* ---- k6 v1 layout (compact and full) ---- */

	/* Indentation of a render depth: two spaces per level, the first
	 * level included. */
	function ind(depth, level) {
		return spaces((depth + (level === undefined ? 1 : level)) * 2);
	}

	function v1Name(name) {
		var brace = name.indexOf("{");

		if (brace < 0)
			return name;
		return "  { " + name.slice(brace + 1, name.length - 1) + " }";
	}

	var SECTIONS = ["custom", "http", "execution", "network", "browser", "web_vitals",
		"grpc", "websocket"];
	var HTTP = ["http_reqs", "http_req_failed", "http_req_duration", "http_req_blocked",
		"http_req_connecting", "http_req_tls_handshaking", "http_req_sending",
		"http_req_waiting", "http_req_receiving"];
	var EXECUTION = ["vus", "vus_max", "iterations", "iteration_duration",
		"dropped_iterations"];
	var NETWORK = ["data_sent", "data_received"];
	var SKIP_FULL = ["checks", "group_duration"];
	var SKIP_COMPACT = SKIP_FULL.concat(["http_req_blocked", "http_req_connecting",
		"http_req_receiving", "http_req_sending", "http_req_tls_handshaking",
		"http_req_waiting"]);

	/* k6 classifies by name prefix, sub-metrics with their parents. */
	function startsWithAny(name, list) {
		var i;

		for (i = 0; i < list.length; i++)
			if (name.slice(0, list[i].length) === list[i])
				return true;
		return false;
	}

	function sectionOf(name, full) {
		if (startsWithAny(name, full ? SKIP_FULL : SKIP_COMPACT))
			return null;
		if (startsWithAny(name, HTTP))
			return "http";
		if (startsWithAny(name, EXECUTION))
			return "execution";
		if (startsWithAny(name, NETWORK))
			return "network";
		if (startsWithAny(name, ["browser_web_vital_"]))
			return "web_vitals";
		if (startsWithAny(name, ["browser_"]))
			return "browser";
		if (startsWithAny(name, ["grpc_"]))
			return "grpc";
		if (startsWithAny(name, ["ws_"]))
			return "websocket";
		return "custom";
	}

	/* Column widths and formatted values of a set of metrics rendered
	 * together at one depth. */
	function layoutInfo(metrics, names, depth, opts) {
		var stats = opts.summaryTrendStats, unit = opts.summaryTimeUnit;
		var info = { nameMax: 0, cols: {}, keys: {}, vals: {}, extras: {}, valMax: 0,
			extraMax: [], colMax: [] };

		stats.forEach(function () { info.colMax.push(0); });
		names.forEach(function (name) {
			var m = metrics[name], v, k;

			info.nameMax = Math.max(info.nameMax,
			    width(ind(depth) + name + v1Name(name)));
			if (m.type === "trend") {
				info.keys[name] = {};
				for (k in m.values)
					if (stats.indexOf(k) < 0)
						info.keys[name][k] = trendValue(m.values[k], k, m, unit);
				info.cols[name] = stats.map(function (s, j) {
					var t = trendValue(m.values[s], s, m, unit);

					info.colMax[j] = Math.max(info.colMax[j], width(t));
					return t;
				});
				return;
			}
			v = plainValues(m, unit, false);
			info.vals[name] = v[0];
			info.valMax = Math.max(info.valMax, width(v[0]));
			info.extras[name] = v.slice(1);
			v.slice(1).forEach(function (t, j) {
				if (info.extraMax[j] === undefined || width(t) > info.extraMax[j])
					info.extraMax[j] = width(t);
			});
		});
		return info;
	}

	function v1Values(name, m, info, opts, paint) {
		var out, ex;

		if (m.type === "trend")
			return info.cols[name].map(function (t, j) {
				return opts.summaryTrendStats[j] + "=" + paint(t, "36") +
				    spaces(info.colMax[j] - width(t));
			}).join(" ");
		out = paint(info.vals[name], "36") + spaces(info.valMax - width(info.vals[name]));
		ex = info.extras[name];
		if (ex.length === 1)
			return out + " " + paint(ex[0], "2;36");
		if (ex.length > 1)
			out += " " + ex.map(function (t, j) {
				return paint(t, "2;36") + spaces(info.extraMax[j] - width(t));
			}).join(" ");
		return out;
	}

	function v1MetricLine(name, m, info, depth, opts, paint) {
		var shown = v1Name(name);
		var n = info.nameMax - width(shown) - width(ind(depth)) + 3;

		return ind(depth) + shown + paint(dots(n) + ":", "2;37") + " " +
		    v1Values(name, m, info, opts, paint);
	}

	function v1Check(c, depth, paint) {
		var pct;

		if (c.fails === 0)
			return ind(depth) + paint(OK + " " + c.name, "32");
		pct = Math.floor(100 * c.passes / (c.passes + c.fails));
		return ind(depth) + paint(FAIL + " " + c.name, "31") + "\n" +
		    ind(depth, depth + 1) + paint(ARROW + "  " + pct + "% \u2014 " + OK + " " +
		    c.passes + " / " + FAIL + " " + c.fails, "31");
	}

	/* The three derived check metrics and the list of checks, or nothing
	 * when no check ran.  The totals come from the checks metric's values
	 * when given (as k6 takes them), else from the checks themselves. */
	function v1Checks(checks, checksValues, d, depth, paint) {
		var total = 0, passes = 0, secs = d.state.testRunDurationMs / 1000, metrics, info;
		var names = ["checks_total", "checks_succeeded", "checks_failed"], items = [];

		if (checks.length === 0)
			return [];
		depth++;
		checks.forEach(function (c) {
			total += c.passes + c.fails;
			passes += c.passes;
		});
		if (checksValues) {
			passes = checksValues.passes;
			total = checksValues.passes + checksValues.fails;
		}
		metrics = {
			checks_total: { type: "counter", contains: "default",
				values: { count: total, rate: secs === 0 ? 0 : total / secs } },
			checks_succeeded: { type: "rate", contains: "default",
				values: { rate: passes / total, passes: passes, fails: total - passes } },
			checks_failed: { type: "rate", contains: "default",
				values: { rate: (total - passes) / total, passes: total - passes,
					fails: passes } }
		};
		info = layoutInfo(metrics, names, depth, d.options);
		names.forEach(function (n) {
			items.push(v1MetricLine(n, metrics[n], info, depth, d.options, paint));
		});
		items.push("\n");
		checks.forEach(function (c) { items.push(v1Check(c, depth, paint)); });
		items.push("\n");
		return items;
	}

	/* Metric blocks by section, custom first, aligned all together. */
	function v1Metrics(metrics, names, depth, opts, paint, full) {
		var bySection = {}, info, items = [];

		depth++;
		names.forEach(function (n) {
			var s = sectionOf(n, full);

			if (s !== null)
				(bySection[s] = bySection[s] || []).push(n);
		});
		info = layoutInfo(metrics, names.filter(function (n) {
			return sectionOf(n, full) !== null;
		}), depth, opts);
		SECTIONS.forEach(function (s) {
			if (!bySection[s])
				return;
			items.push(ind(depth) + paint(s.toUpperCase(), "1"));
			sortMetricNames(bySection[s]).forEach(function (n) {
				items.push(v1MetricLine(n, metrics[n], info, depth, opts, paint));
			});
			items.push("\n");
		});
		return items;
	}

	function v1Thresholds(d, names, paint) {
		var depth = 1, info = layoutInfo(d.metrics, names, depth, d.options), items = [];
		var has = {};

		names.forEach(function (n) { has[n] = true; });
		sortMetricNames(names.slice()).forEach(function (name) {
			var m = d.metrics[name], parent = name.split("{")[0];
			var nested = name.length > parent.length && has[parent] === true;
			var depthHere = nested ? depth + 1 : depth;

			items.push(ind(depthHere) + (nested ? name.slice(parent.length) : name));
			thresholdSources(d, name).forEach(function (src) {
				var ok = m.thresholds[src].ok, agg = src.split(/[=><]/)[0].trim(), v, i;

				if (m.type === "trend") {
					i = d.options.summaryTrendStats.indexOf(agg);
					v = i >= 0 ? info.cols[name][i] : info.keys[name][agg];
					if (v === undefined && d.__ly && d.__ly.thresholdValues[name] &&
					    d.__ly.thresholdValues[name][agg] !== undefined)
						v = trendValue(d.__ly.thresholdValues[name][agg], agg, m,
						    d.options.summaryTimeUnit);
				} else if (m.type === "counter") {
					v = agg === "count" ? info.vals[name] : info.extras[name][0];
				} else {
					v = info.vals[name];
				}
				items.push(ind(depthHere) + [ok ? paint(OK, "32") : paint(FAIL, "31"),
					paint("'" + src.trim() + "'", "37"),
					[paint(agg, "37"), paint(v, "36")].join("=")].join(" "));
			});
			items.push("\n");
		});
		return items;
	}

	function v1Title(text, depth, prefix, paint) {
		return ind(depth) + prefix + " " + paint(text, "1") + " \n";
	}

	/* A group of the full layout: its own checks, then its sub-groups.
	 * Per-group metrics are not collected yet, so none are shown. */
	function v1Group(g, d, depth, paint) {
		var items = v1Checks(g.checks, null, d, depth, paint);

		g.groups.forEach(function (sub) {
			items.push(v1Title("GROUP: " + sub.name, depth + 1, ARROW, paint));
			items = items.concat(v1Group(sub, d, depth + 1, paint));
		});
		return items;
	}

	/* Merge checks of the same name from every group, as k6's totals do. */
	function mergedChecks(d) {
		var byName = {}, out = [];

		allChecks(d).forEach(function (c) {
			if (!byName.hasOwnProperty(c.name)) {
				byName[c.name] = { name: c.name, passes: 0, fails: 0 };
				out.push(byName[c.name]);
			}
			byName[c.name].passes += c.passes;
			byName[c.name].fails += c.fails;
		});
		return out;
	}

	function v1Text(d, paint, full) {
		var names = Object.keys(d.metrics), sections = [], text = "";
		var withThresholds = names.filter(function (n) {
			return d.metrics[n].thresholds && Object.keys(d.metrics[n].thresholds).length > 0;
		});
		var checksMetric = d.metrics.checks ? d.metrics.checks.values : null;

		if (withThresholds.length > 0)
			sections.push({ title: "THRESHOLDS", items: v1Thresholds(d, withThresholds, paint) });
		sections.push({ title: "TOTAL RESULTS",
			items: v1Checks(mergedChecks(d), checksMetric, d, 0, paint).concat(
			    v1Metrics(d.metrics, names, 0, d.options, paint, full)) });
		if (full)
			d.root_group.groups.forEach(function (g) {
				sections.push({ title: "GROUP: " + g.name, items: v1Group(g, d, 0, paint) });
			});
		/* A "\n" item ends a block; any other item starts a new line. */
		sections.forEach(function (s) {
			[v1Title(s.title, 0, BLOCK, paint)].concat(s.items, ["\n"]).forEach(function (it) {
				text += it === "\n" ? "\n" : "\n" + it;
			});
		});
		return "\n" + text + "\n\n";
	}

	/* mode: "compact" (the default), "full" or "legacy". */
	function text(d, mode) {
		var paint = painter(!d.options.noColor && d.state.isStdOutTTY === true);

		if (mode === "legacy")
			return legacyText(d, paint);
		return v1Text(d, paint, mode === "full");
	}

	/* ---- --summary-export: k6's older JSON shape, 4-space indented ---- */

	function exportGroup(g) {
		var out = { name: g.name, path: g.path, id: g.id, groups: {}, checks: {} };

		g.groups.forEach(function (sub) { out.groups[sub.name] = exportGroup(sub); });
		g.checks.forEach(function (c) {
			out.checks[c.name] = { name: c.name, path: c.path, id: c.id,
				passes: c.passes, fails: c.fails };
		});
		return out;
	}

	function exportJSON(d) {
		var metrics = {}, out;

		Object.keys(d.metrics).sort().forEach(function (name) {
			var m = d.metrics[name], v = {}, k;

			for (k in m.values)
				if (m.type !== "rate" || k !== "rate")
					v[k] = m.values[k];
			if (m.type === "rate")
				v.value = m.values.rate;	/* last, as k6 */
			if (m.thresholds && Object.keys(m.thresholds).length > 0) {
				v.thresholds = {};
				/* true means the threshold failed (k6's inversion). */
				for (k in m.thresholds)
					v.thresholds[k] = !m.thresholds[k].ok;
			}
			metrics[name] = v;
		});
		out = { metrics: metrics, root_group: exportGroup(d.root_group) };
		if (d.setup_data !== undefined)
			out.setup_data = d.setup_data;
		out = JSON.stringify(out, null, 4);
		/* Unindented: a Trend's exact values are many. */
		if (d.lyocell)
			out = out.slice(0, -2) + ",\n    \"lyocell\": " +
			    JSON.stringify(d.lyocell) + "\n}";
		return out;
	}

	/* The "instance" and "options" members of the merge data: the
	 * consolidated options less what differs between the instances of
	 * one test (their tags and segments), and the instance's tags. */
	function mergeOptions(json) {
		var o = JSON.parse(json), tags = o.tags || {}, inst = {};

		["instance_id", "testrun_name"].forEach(function (k) {
			if (tags.hasOwnProperty(k))
				inst[k] = String(tags[k]);
		});
		delete o.tags;
		delete o.executionSegment;
		return "\"instance\":" + JSON.stringify(inst) + ",\"options\":" +
		    JSON.stringify(o);
	}

	return { data: data, text: text, exportJSON: exportJSON, humanize: humanize,
		mergeOptions: mergeOptions };
})();
