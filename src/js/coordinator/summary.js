/* The end of the test: k6's summary data object (what handleSummary
 * receives), the text summary in its compact and legacy layouts, and the
 * --summary-export JSON.  Runs once, in the coordinator. */
var __ly_summary = (function () {
	var OK = "\u2713", FAIL = "\u2717", GROUP = "\u2588";
	var unitMap = { s: { unit: "s", coef: 0.001 }, ms: { unit: "ms", coef: 1 },
		us: { unit: "\u00b5s", coef: 1000 } };

	function repeat(s, n) {
		var out = "";

		while (n-- > 0)
			out += s;
		return out;
	}

	/* Display width: every code point counts one. */
	function width(s) {
		return s.replace(/[\udc00-\udfff]/g, "").length;
	}

	function noTrailingZeros(v, prec) {
		return parseFloat(v.toFixed(prec)).toString();
	}

	function humanizeBytes(bytes) {
		var units = ["B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"], e, val;

		if (bytes < 10)
			return bytes + " B";
		e = Math.floor(Math.log(bytes) / Math.log(1000));
		val = Math.floor((bytes / Math.pow(1000, e)) * 10 + 0.5) / 10;
		return val.toFixed(val < 10 ? 1 : 0) + " " + units[e | 0];
	}

	function humanizeDuration(dur, timeUnit) {
		var result, rem;

		if (timeUnit && unitMap.hasOwnProperty(timeUnit))
			return (dur * unitMap[timeUnit].coef).toFixed(2) + unitMap[timeUnit].unit;
		if (dur === 0)
			return "0s";
		if (dur < 0.001)
			return Math.trunc(dur * 1000000) + "ns";
		if (dur < 1)
			return noTrailingZeros(dur * 1000, 2) + "\u00b5s";
		if (dur < 1000)
			return noTrailingZeros(dur, 2) + "ms";
		result = noTrailingZeros((dur % 60000) / 1000, dur > 60000 ? 0 : 2) + "s";
		rem = Math.trunc(dur / 60000);
		if (rem < 1)
			return result;
		result = (rem % 60) + "m" + result;
		rem = Math.trunc(rem / 60);
		if (rem < 1)
			return result;
		return rem + "h" + result;
	}

	function humanize(val, metric, timeUnit) {
		if (metric.type === "rate")
			return (Math.trunc(val * 100 * 100) / 100).toFixed(2) + "%";
		switch (metric.contains) {
		case "data":
			return humanizeBytes(val);
		case "time":
			return humanizeDuration(val, timeUnit);
		default:
			return noTrailingZeros(val, 6);
		}
	}

	/* Groups and checks as the tree k6 hands to handleSummary. */
	function rootGroup(raw) {
		var root = { name: "", path: "", id: raw.rootId, groups: [], checks: [] };
		var byPath = { "": root };

		function group(path) {
			var cut, parent, g;

			if (byPath.hasOwnProperty(path))
				return byPath[path];
			cut = path.lastIndexOf("::");
			parent = group(cut > 0 ? path.slice(0, cut) : "");
			g = { name: path.slice(cut + 2), path: path, id: "", groups: [], checks: [] };
			parent.groups.push(g);
			byPath[path] = g;
			return g;
		}
		raw.groups.forEach(function (g) {
			group(g.path).id = g.id;
		});
		raw.checks.forEach(function (c) {
			group(c.group).checks.push({ name: c.name, path: c.path, id: c.id,
				passes: c.passes, fails: c.fails });
		});
		/* Groups only seen through checks get their ids too. */
		raw.groups.forEach(function (g) {
			byPath[g.path].id = g.id;
		});
		return root;
	}

	function data(raw, options, color) {
		var d = {
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
			},
			metrics: raw.metrics
		};
		if (raw.setupData !== null && raw.setupData !== undefined)
			d.setup_data = raw.setupData;
		return d;
	}

	/* Sorted names, each sub-metric right after its parent. */
	function sortedNames(metrics) {
		var names = Object.keys(metrics);

		names.sort(function (a, b) {
			var pa = a.split("{")[0], pb = b.split("{")[0];

			if (pa !== pb)
				return pa < pb ? -1 : 1;
			if (a.indexOf("{") < 0)
				return -1;
			if (b.indexOf("{") < 0)
				return 1;
			return a < b ? -1 : a > b ? 1 : 0;
		});
		return names;
	}

	function displayName(name, indent) {
		var brace = name.indexOf("{");

		if (brace < 0)
			return name;
		return indent + "{ " + name.slice(brace + 1, -1) + " }";
	}

	function decorator(color) {
		if (!color)
			return function (text) { return text; };
		return function (text) {
			var codes = Array.prototype.slice.call(arguments, 1);

			return "\u001b[" + codes.join(";") + "m" + text + "\u001b[0m";
		};
	}

	var GREEN = 32, RED = 31, CYAN = 36, FAINT = 2;

	function nonTrend(metric, timeUnit, legacy) {
		var v = metric.values;

		switch (metric.type) {
		case "counter":
			return [humanize(v.count, metric, timeUnit), humanize(v.rate, metric, timeUnit) + "/s"];
		case "gauge":
			return [humanize(v.value, metric, timeUnit), "min=" + humanize(v.min, metric, timeUnit),
				"max=" + humanize(v.max, metric, timeUnit)];
		case "rate":
			if (legacy)
				return [humanize(v.rate, metric, timeUnit), OK + " " + v.passes, FAIL + " " + v.fails];
			return [humanize(v.rate, metric, timeUnit), v.passes + " out of " + (v.passes + v.fails)];
		default:
			return ["[no data]"];
		}
	}

	/* Metric lines with dot padding and aligned columns (k6's rules). */
	function metricLines(d, names, indent, legacy, deco, maxName) {
		var stats = d.options.summaryTrendStats, timeUnit = d.options.summaryTimeUnit;
		var trendCols = {}, trendMax = [], vals = {}, extras = {}, valMax = 0, extraMax = [];
		var lines = [];

		stats.forEach(function () { trendMax.push(0); });
		names.forEach(function (name) {
			var m = d.metrics[name], cols, v, i, w;

			if (m.type === "trend") {
				cols = [];
				for (i = 0; i < stats.length; i++) {
					v = m.values[stats[i]];
					v = stats[i] === "count" ? String(v) : humanize(v === undefined ? 0 : v, m, timeUnit);
					trendMax[i] = Math.max(trendMax[i], width(v));
					cols.push(v);
				}
				trendCols[name] = cols;
				return;
			}
			v = nonTrend(m, timeUnit, legacy);
			vals[name] = v[0];
			valMax = Math.max(valMax, width(v[0]));
			extras[name] = v.slice(1);
			for (i = 1; i < v.length; i++) {
				w = width(v[i]);
				if (extraMax[i - 1] === undefined || w > extraMax[i - 1])
					extraMax[i - 1] = w;
			}
		});

		function values(name) {
			var out, ex, parts, i;

			if (trendCols.hasOwnProperty(name)) {
				parts = [];
				for (i = 0; i < stats.length; i++)
					parts.push(stats[i] + "=" + deco(trendCols[name][i], CYAN) +
					    repeat(" ", trendMax[i] - width(trendCols[name][i])));
				return parts.join(" ");
			}
			out = deco(vals[name], CYAN) + repeat(" ", valMax - width(vals[name]));
			ex = extras[name];
			if (ex.length === 1)
				return out + " " + deco(ex[0], CYAN, FAINT);
			if (ex.length > 1) {
				parts = [];
				for (i = 0; i < ex.length; i++)
					parts.push(deco(ex[i], CYAN, FAINT) + repeat(" ", extraMax[i] - width(ex[i])));
				out += " " + parts.join(" ");
			}
			return out;
		}

		names.forEach(function (name) {
			var m = d.metrics[name], mark = " ", markColor = function (t) { return t; };
			var shown = displayName(name, "  ");

			if (m.thresholds) {
				mark = OK;
				markColor = function (t) { return deco(t, GREEN); };
				Object.keys(m.thresholds).forEach(function (k) {
					if (!m.thresholds[k].ok) {
						mark = FAIL;
						markColor = function (t) { return deco(t, RED); };
					}
				});
			}
			lines.push(indent + markColor(mark) + " " + shown +
			    deco(repeat(".", maxName - width(shown) + 3), FAINT) + ": " + values(name));
		});
		return lines;
	}

	function checkLines(indent, check, deco) {
		var pct;

		if (check.fails === 0)
			return [deco(indent + OK + " " + check.name, GREEN)];
		pct = Math.floor(100 * check.passes / (check.passes + check.fails));
		return [deco(indent + FAIL + " " + check.name, RED),
			deco(indent + " \u21b3  " + pct + "% \u2014 " + OK + " " + check.passes + " / " +
			    FAIL + " " + check.fails, RED)];
	}

	function groupLines(indent, group, deco) {
		var lines = [], i;

		if (group.name !== "") {
			lines.push(indent + GROUP + " " + group.name + "\n");
			indent += "  ";
		}
		for (i = 0; i < group.checks.length; i++)
			lines = lines.concat(checkLines(indent, group.checks[i], deco));
		if (group.checks.length > 0)
			lines.push("");
		for (i = 0; i < group.groups.length; i++)
			lines = lines.concat(groupLines(indent, group.groups[i], deco));
		return lines;
	}

	function maxNameWidth(names) {
		var m = 0;

		names.forEach(function (n) {
			m = Math.max(m, width(displayName(n, "  ")));
		});
		return m;
	}

	function legacyText(d, deco) {
		var names = sortedNames(d.metrics);
		var lines = groupLines("     ", d.root_group, deco);

		lines = lines.concat(metricLines(d, names, "   ", true, deco, maxNameWidth(names)));
		return "\n" + lines.join("\n") + "\n\n";
	}

	/* k6 v1's compact layout: thresholds, totals, then sections. */
	var HIDDEN = { http_req_blocked: 1, http_req_connecting: 1, http_req_tls_handshaking: 1,
		http_req_sending: 1, http_req_waiting: 1, http_req_receiving: 1, group_duration: 1 };
	var EXECUTION = { iteration_duration: 1, iterations: 1, vus: 1, vus_max: 1,
		dropped_iterations: 1 };
	var NETWORK = { data_received: 1, data_sent: 1 };

	function section(name) {
		var base = name.split("{")[0];

		if (base === "checks")
			return null;
		if (EXECUTION[base])
			return "EXECUTION";
		if (NETWORK[base])
			return "NETWORK";
		if (/^browser_web_vital_/.test(base))
			return "WEB_VITALS";
		if (/^browser_/.test(base))
			return "BROWSER";
		if (/^http_/.test(base))
			return "HTTP";
		if (/^grpc_/.test(base))
			return "GRPC";
		if (/^ws_/.test(base))
			return "WEBSOCKET";
		return "CUSTOM";
	}

	function allChecks(group, out) {
		group.checks.forEach(function (c) { out.push(c); });
		group.groups.forEach(function (g) { allChecks(g, out); });
		return out;
	}

	function compactText(d, deco, full) {
		var names = sortedNames(d.metrics), lines = [], order = ["CUSTOM", "HTTP",
			"EXECUTION", "NETWORK", "BROWSER", "WEB_VITALS", "GRPC", "WEBSOCKET"];
		var bySection = {}, checks = allChecks(d.root_group, []), passes = 0, fails = 0;
		var dur = d.state.testRunDurationMs / 1000, derived = {}, shownNames, maxName;
		var thresholds = names.filter(function (n) { return d.metrics[n].thresholds; });

		if (thresholds.length > 0) {
			lines.push("  " + GROUP + " THRESHOLDS ");
			lines.push("");
			thresholds.forEach(function (name) {
				var m = d.metrics[name];

				lines.push("    " + displayName(name, ""));
				Object.keys(m.thresholds).forEach(function (expr) {
					var ok = m.thresholds[expr].ok, stat = expr.replace(/\s*[<>=!].*$/, "");
					var v = m.values[stat === "med" ? "med" : stat];

					if (v === undefined && stat === "count")
						v = m.values.count;
					lines.push("    " + (ok ? deco(OK, GREEN) : deco(FAIL, RED)) + " '" + expr +
					    "' " + stat + "=" + (v === undefined ? "" : humanize(v, m,
					    d.options.summaryTimeUnit)));
				});
				lines.push("");
			});
			lines.push("");
		}
		lines.push("  " + GROUP + " TOTAL RESULTS ");
		lines.push("");
		checks.forEach(function (c) {
			passes += c.passes;
			fails += c.fails;
		});
		if (checks.length > 0) {
			derived.checks_total = { type: "counter", contains: "default",
				values: { count: passes + fails, rate: dur > 0 ? (passes + fails) / dur : 0 } };
			derived.checks_succeeded = { type: "rate", contains: "default",
				values: { rate: passes / (passes + fails), passes: passes, fails: fails } };
			derived.checks_failed = { type: "rate", contains: "default",
				values: { rate: fails / (passes + fails), passes: fails, fails: passes } };
		}
		names.forEach(function (n) {
			var s = section(n);

			if (s === null || (!full && HIDDEN[n.split("{")[0]]))
				return;
			(bySection[s] = bySection[s] || []).push(n);
		});
		shownNames = Object.keys(derived);
		order.forEach(function (s) {
			if (bySection[s])
				shownNames = shownNames.concat(bySection[s]);
		});
		maxName = maxNameWidth(shownNames);
		var all = { metrics: {}, options: d.options, state: d.state };
		names.forEach(function (n) { all.metrics[n] = d.metrics[n]; });
		Object.keys(derived).forEach(function (n) { all.metrics[n] = derived[n]; });
		if (checks.length > 0) {
			lines = lines.concat(metricLines(all, ["checks_total", "checks_succeeded",
				"checks_failed"], "   ", false, deco, maxName).map(function (l) {
				return l.replace(/^   . /, "    ");
			}));
			lines.push("");
			checks.forEach(function (c) {
				lines = lines.concat(checkLines("    ", c, deco));
			});
			lines.push("");
		}
		order.forEach(function (s) {
			if (!bySection[s])
				return;
			lines.push("    " + s);
			lines = lines.concat(metricLines(all, bySection[s], "   ", false, deco, maxName).map(
			    function (l) { return l.replace(/^   . /, "    "); }));
			lines.push("");
		});
		lines.push("");
		return "\n" + lines.join("\n") + "\n";
	}

	function text(d, mode) {
		var deco = decorator(!d.options.noColor);

		if (mode === "legacy")
			return legacyText(d, deco);
		return compactText(d, deco, mode === "full");
	}

	/* --summary-export: k6's older JSON shape, 4-space indented. */
	function exportGroup(g) {
		var out = { name: g.name, path: g.path, id: g.id, groups: {}, checks: {} };

		g.groups.forEach(function (sub) { out.groups[sub.name] = exportGroup(sub); });
		g.checks.forEach(function (c) { out.checks[c.name] = c; });
		return out;
	}

	function exportJSON(d) {
		var metrics = {};

		Object.keys(d.metrics).forEach(function (name) {
			var m = d.metrics[name], v = {}, k;

			for (k in m.values) {
				if (m.type === "rate" && k === "rate")
					v.value = m.values[k];
				else
					v[k] = m.values[k];
			}
			if (m.thresholds) {
				v.thresholds = {};
				/* true means the threshold failed (k6's inversion). */
				for (k in m.thresholds)
					v.thresholds[k] = !m.thresholds[k].ok;
			}
			metrics[name] = v;
		});
		return JSON.stringify({ root_group: exportGroup(d.root_group), metrics: metrics },
		    null, 4);
	}

	return { data: data, text: text, exportJSON: exportJSON };
})();
