/* lyocell compare: two --summary-export documents side by side, every
 * metric's statistics with their change, and the limits a change must
 * stay within.  Runs in a state of its own, not in a test.
 *
 * A summary export does not say a metric's type; its keys do: a trend
 * has avg/min/med/max and percentiles, a counter count and rate, a rate
 * passes/fails/value, a gauge value/min/max.  mujs enumerates keys in
 * sorted order, so the table is sorted by metric name. */
var __ly_compare = (function () {
	/* When no --limit is given: the latency, the errors and the checks
	 * of a nightly job. */
	var DEFAULTS = ["http_req_duration.p(95)=+10%", "http_req_failed.value=+0.01",
		"checks.value=-0.01"];
	var TREND_FIRST = { avg: 0, min: 1, med: 2, max: 3 };

	function statsOf(m) {
		var names = [], k;

		if (m === null || typeof m !== "object")
			return names;
		for (k in m)
			if (k !== "thresholds" && typeof m[k] === "number")
				names.push(k);
		/* k6's order: avg, min, med, max, then the percentiles. */
		names.sort(function (a, b) {
			var x = a in TREND_FIRST ? TREND_FIRST[a] : 4;
			var y = b in TREND_FIRST ? TREND_FIRST[b] : 4;

			if (x !== y)
				return x - y;
			if (x < 4)
				return 0;
			return parseFloat(a.slice(2)) - parseFloat(b.slice(2));
		});
		return names;
	}

	function typeOf(m) {
		if (m === null || typeof m !== "object")
			return "";
		if ("avg" in m || "med" in m)
			return "trend";
		if ("count" in m)
			return "counter";
		if ("passes" in m || "fails" in m)
			return "rate";
		if ("value" in m)
			return "gauge";
		return "";
	}

	/* The statistics the table shows, as the brief of each type says:
	 * a trend's every stat, a counter's count and rate, a rate's and a
	 * gauge's value. */
	function shown(type, stats) {
		if (type === "trend")
			return stats;
		if (type === "counter")
			return ["count", "rate"];
		if (type === "rate" || type === "gauge")
			return ["value"];
		return stats;
	}

	/* "a.b" glob: * matches any run, ? one character. */
	function glob(pat, s) {
		var re = "^", i, c;

		for (i = 0; i < pat.length; i++) {
			c = pat.charAt(i);
			if (c === "*")
				re += ".*";
			else if (c === "?")
				re += ".";
			else if ("\\^$.|+()[]{}".indexOf(c) >= 0)
				re += "\\" + c;
			else
				re += c;
		}
		return new RegExp(re + "$").test(s);
	}

	/* METRIC.STAT=[+|-]N[%]: the stat is after the last dot outside
	 * parentheses and braces, so p(99.9) and {url:a.b} stay whole. */
	function parseLimit(text, from) {
		var eq = text.lastIndexOf("="), left, right, i, c, depth = 0, dot = -1, m;

		if (eq < 0)
			throw new Error(from + " \"" + text + "\": expected METRIC.STAT=[+|-]N[%]");
		left = text.slice(0, eq);
		right = text.slice(eq + 1);
		for (i = 0; i < left.length; i++) {
			c = left.charAt(i);
			if (c === "(" || c === "{")
				depth++;
			else if (c === ")" || c === "}")
				depth--;
			else if (c === "." && depth === 0)
				dot = i;
		}
		if (dot <= 0 || dot === left.length - 1)
			throw new Error(from + " \"" + text + "\": expected METRIC.STAT before =");
		m = /^([+-]?)([0-9]+(\.[0-9]*)?|\.[0-9]+)(%?)$/.exec(right);
		if (m === null)
			throw new Error(from + " \"" + text + "\": the limit \"" + right +
			    "\" is not [+|-]N[%] (e.g. +10%, -1%, +0.01)");
		return { text: text, metric: left.slice(0, dot), stat: left.slice(dot + 1),
			sign: m[1], amount: parseFloat(m[2]), pct: m[4] === "%", used: false };
	}

	/* Whether going from b to c breaks the limit: + bounds a rise, - a
	 * fall, no sign both. */
	function breaks(l, b, c) {
		var d = c - b, bound = l.pct ? Math.abs(b) * l.amount / 100 : l.amount;
		var eps = 1e-12 * Math.max(Math.abs(b), Math.abs(c), 1);

		if (l.sign !== "-" && d > bound + eps)
			return true;
		if (l.sign !== "+" && -d > bound + eps)
			return true;
		return false;
	}

	function num(x) {
		var s;

		if (x === null || x === undefined)
			return "-";
		if (x === 0 || Math.abs(x) >= 1e15)
			return String(x);
		s = Math.abs(x) >= 1000 ? x.toFixed(0) : x.toPrecision(6);
		if (s.indexOf(".") >= 0 && s.indexOf("e") < 0)
			s = s.replace(/0+$/, "").replace(/\.$/, "");
		return s;
	}

	function pad(s, n, right) {
		while (s.length < n)
			s = right ? " " + s : s + " ";
		return s;
	}

	function change(b, c) {
		if (typeof b !== "number" || typeof c !== "number")
			return { abs: null, pct: null, text: typeof b === "number" ? "gone" : "new" };
		if (b === 0)
			return { abs: c - b, pct: null, text: c === 0 ? "0%" :
			    (c > 0 ? "+" : "") + num(c - b) };
		var p = (c - b) / Math.abs(b) * 100;

		return { abs: c - b, pct: p, text: (p > 0 ? "+" : "") + p.toFixed(1) + "%" };
	}

	function load(text, name) {
		var doc;

		try {
			doc = JSON.parse(text);
		} catch (e) {
			throw new Error(name + ": not JSON: " + e.message);
		}
		if (doc === null || typeof doc !== "object" || doc.metrics === null ||
		    typeof doc.metrics !== "object")
			throw new Error(name + ": not a summary export (no \"metrics\" object; " +
			    "write one with lyocell run --summary-export)");
		return doc.metrics;
	}

	return function (baseText, baseName, curText, curName, limitTexts, json, color) {
		var base = load(baseText, baseName), cur = load(curText, curName);
		var limits = [], rows = [], names = {}, list = [], warnings = [];
		var i, j, k, name, type, stats, bm, cm, row, ch, l, regressions = 0;
		var out, w, RED = color ? "\x1b[31m" : "", RESET = color ? "\x1b[0m" : "";

		if (limitTexts.length === 0)
			for (i = 0; i < DEFAULTS.length; i++)
				limits.push(parseLimit(DEFAULTS[i], "default limit"));
		for (i = 0; i < limitTexts.length; i++)
			limits.push(parseLimit(limitTexts[i], "--limit"));

		for (k in base)
			names[k] = true;
		for (k in cur)
			names[k] = true;
		for (k in names)
			list.push(k);
		list.sort();
		for (i = 0; i < list.length; i++) {
			name = list[i];
			bm = base[name];
			cm = cur[name];
			type = typeOf(bm) || typeOf(cm);
			stats = statsOf(bm);
			for (j = 0, w = statsOf(cm); j < w.length; j++)
				if (stats.indexOf(w[j]) < 0)
					stats.push(w[j]);
			stats = shown(type, stats);
			for (j = 0; j < stats.length; j++) {
				row = { metric: name, type: type, stat: stats[j],
					baseline: bm && typeof bm[stats[j]] === "number" ? bm[stats[j]] : null,
					current: cm && typeof cm[stats[j]] === "number" ? cm[stats[j]] : null,
					limit: null, regression: false };
				ch = change(row.baseline, row.current);
				row.change = ch.abs;
				row.changePct = ch.pct;
				row.changeText = ch.text;
				for (k = 0; k < limits.length; k++) {
					l = limits[k];
					if (!glob(l.metric, name) || !glob(l.stat, row.stat))
						continue;
					l.used = true;
					row.limit = l.text.slice(l.text.lastIndexOf("=") + 1);
					/* A measured stat that tonight lacks is a regression. */
					if (row.baseline !== null && (row.current === null ||
					    breaks(l, row.baseline, row.current))) {
						row.regression = true;
						break;
					}
				}
				if (row.regression)
					regressions++;
				rows.push(row);
			}
		}
		for (k = 0; k < limits.length; k++)
			if (!limits[k].used && limitTexts.length > 0)
				warnings.push("--limit " + limits[k].text + " matches no metric in " +
				    baseName + " or " + curName);

		if (json) {
			out = { baseline: baseName, current: curName, regressions: regressions,
				metrics: [] };
			for (i = 0; i < rows.length; i++) {
				row = rows[i];
				out.metrics.push({ metric: row.metric, type: row.type, stat: row.stat,
					baseline: row.baseline, current: row.current, change: row.change,
					change_pct: row.changePct, limit: row.limit,
					regression: row.regression });
			}
			return { out: JSON.stringify(out, null, "  ") + "\n", regressions: regressions,
				warnings: warnings };
		}

		var wm = "METRIC".length, ws = "STAT".length, wb = "BASELINE".length;
		var wc = "CURRENT".length, wch = "CHANGE".length;

		for (i = 0; i < rows.length; i++) {
			row = rows[i];
			row.b = num(row.baseline);
			row.c = num(row.current);
			wm = Math.max(wm, row.metric.length);
			ws = Math.max(ws, row.stat.length);
			wb = Math.max(wb, row.b.length);
			wc = Math.max(wc, row.c.length);
			wch = Math.max(wch, row.changeText.length);
		}
		out = pad("METRIC", wm) + "  " + pad("STAT", ws) + "  " + pad("BASELINE", wb, 1) +
		    "  " + pad("CURRENT", wc, 1) + "  " + pad("CHANGE", wch, 1) + "  LIMIT\n";
		for (i = 0; i < rows.length; i++) {
			row = rows[i];
			var line = pad(i > 0 && rows[i - 1].metric === row.metric ? "" : row.metric, wm) +
			    "  " + pad(row.stat, ws) + "  " + pad(row.b, wb, 1) + "  " + pad(row.c, wc, 1) +
			    "  " + pad(row.changeText, wch, 1) + "  " +
			    (row.limit === null ? "" : row.limit) +
			    (row.regression ? "  \u2717 regression" : row.limit !== null ? "  \u2713" : "");
			line = line.replace(/ +$/, "");
			out += row.regression ? RED + line + RESET + "\n" : line + "\n";
		}
		out += "\n" + (regressions === 0 ? "no regression" : regressions +
		    (regressions === 1 ? " regression" : " regressions")) + " beyond the limits (" +
		    baseName + " \u2192 " + curName + ")\n";
		return { out: out, regressions: regressions, warnings: warnings };
	};
})();
