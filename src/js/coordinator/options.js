/* Option consolidation, run once in the coordinator.
 *
 * k6's precedence: defaults < config file < script options < K6_*
 * environment < command-line flags.  An execution option (duration,
 * iterations, stages, scenarios) in a higher layer drops every execution
 * option of the lower ones.  The result is the consolidated options and a
 * normalised list of scenarios the C engine runs.  Errors throw an Error
 * whose exitCode is 104, naming the option at fault. */
var __ly_options = (function () {
	var EXEC_KEYS = ["duration", "iterations", "stages", "scenarios"];
	var SCENARIO_NAME = /^[0-9a-zA-Z_-]+$/;
	var EXECUTORS = {
		"shared-iterations": ["vus", "iterations", "maxDuration"],
		"per-vu-iterations": ["vus", "iterations", "maxDuration"],
		"constant-vus": ["vus", "duration"],
		"ramping-vus": ["startVUs", "stages", "gracefulRampDown"],
		"constant-arrival-rate": ["rate", "timeUnit", "duration", "preAllocatedVUs", "maxVUs"],
		"ramping-arrival-rate": ["startRate", "timeUnit", "stages", "preAllocatedVUs", "maxVUs"],
		"externally-controlled": ["vus", "maxVUs", "duration"]
	};
	var COMMON = ["executor", "startTime", "gracefulStop", "exec", "env", "tags", "options"];

	/* Flags whose option key is not the camel-cased flag name. */
	var FLAG_KEYS = {
		"stage": "stages", "tag": "tags", "blacklist-ip": "blacklistIPs",
		"local-ips": "localIPs",
		"insecure-skip-tls-verify": "insecureSkipTLSVerify",
		"no-vu-connection-reuse": "noVUConnectionReuse",
		"include-system-env-vars": null, "compatibility-mode": null,
		"type": null, "env": null, "no-thresholds": null, "no-summary": null,
		"summary-mode": null, "summary-export": null, "out": null,
		"linger": null, "no-usage-report": null, "console-output": null,
		"config": null, "verbose": null, "quiet": null, "no-color": null,
		"log-output": null, "log-format": null, "workers": null, "heartbeat": null,
		"worker-timeout": null,
		"execution-requirements": null, "bundle": null, "json": null,
		"secret-source": null, "address": null,
		"archive-out": null, "exclude-env-vars": null
	};
	var INT_KEYS = { vus: 1, iterations: 1, maxRedirects: 1, batch: 1, batchPerHost: 1, rps: 1 };
	var BOOL_KEYS = {
		noSetup: 1, noTeardown: 1, insecureSkipTLSVerify: 1, noConnectionReuse: 1,
		noVUConnectionReuse: 1, "throw": 1, discardResponseBodies: 1, noCookiesReset: 1
	};
	var LIST_KEYS = { blacklistIPs: 1, blockHostnames: 1, systemTags: 1, summaryTrendStats: 1 };
	/* Every option k6 knows; the ones Lyocell ignores for now are
	 * reported instead of silently dropped. */
	var KNOWN = ["vus", "duration", "iterations", "stages", "scenarios", "thresholds",
		"setupTimeout", "teardownTimeout", "handleSummaryTimeout", "noSetup", "noTeardown",
		"userAgent", "insecureSkipTLSVerify", "maxRedirects", "batch", "batchPerHost",
		"discardResponseBodies", "noConnectionReuse", "noVUConnectionReuse", "noCookiesReset",
		"httpDebug", "throw", "rps", "minIterationDuration", "tags", "systemTags",
		"summaryTrendStats", "summaryTimeUnit", "hosts", "dns", "tlsVersion",
		"tlsCipherSuites", "tlsAuth", "blacklistIPs", "blockHostnames", "paused",
		"executionSegment", "executionSegmentSequence", "metricSamplesBufferSize",
		"cloud", "ext", "vusMax", "linger", "noUsageReport", "tlsAIAFetch", "localIPs",
		"consoleOutput", "discardResponseBodies"];
	var UNSUPPORTED = { tlsAIAFetch: 1 };
	/* options.dns (k6's lib/types/dns.go); --dns and K6_DNS giving k6's
	 * own default text read as unset, as in k6. */
	var DNS_SELECT = ["first", "roundRobin", "random"];
	var DNS_POLICY = ["preferIPv4", "preferIPv6", "onlyIPv4", "onlyIPv6", "any"];
	var DNS_DEFAULT = "ttl=5m,select=random,policy=preferIPv4";
	/* k6's hostname pattern (lib/types/hostnametrie.go) */
	var HOST_PATTERN = /^(\*\.?)?((([a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9\-]*[a-zA-Z0-9])\.)*([A-Za-z0-9]|[A-Za-z0-9][A-Za-z0-9\-]*[A-Za-z0-9]))?$/;
	var TREND_STAT = /^(avg|min|med|max|count|p\((\d+(\.\d+)?)\))$/;
	var TLS_VERSIONS = ["tls1.0", "tls1.1", "tls1.2", "tls1.3"];
	/* k6's (Go's) cipher suite names; src/js/http.c maps each of them to
	 * OpenSSL's name. */
	var CIPHER_SUITES = [
		"TLS_RSA_WITH_RC4_128_SHA", "TLS_RSA_WITH_3DES_EDE_CBC_SHA",
		"TLS_RSA_WITH_AES_128_CBC_SHA", "TLS_RSA_WITH_AES_256_CBC_SHA",
		"TLS_RSA_WITH_AES_128_CBC_SHA256", "TLS_RSA_WITH_AES_128_GCM_SHA256",
		"TLS_RSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_ECDSA_WITH_RC4_128_SHA",
		"TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA", "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA",
		"TLS_ECDHE_RSA_WITH_RC4_128_SHA", "TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA",
		"TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA", "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA",
		"TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256",
		"TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
		"TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
		"TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
		"TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
		"TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305", "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305",
		"TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256"
	];

	function fail(msg, code) {
		var e = new Error(msg);
		e.exitCode = code || 104;
		throw e;
	}

	function camel(flag) {
		return flag.replace(/-([a-z])/g, function (m, c) { return c.toUpperCase(); });
	}

	function own(o, k) {
		return Object.prototype.hasOwnProperty.call(o, k);
	}

	function isObject(v) {
		return v !== null && typeof v === "object" && !(v instanceof Array);
	}

	/* k6 durations: "1h2m3.5s", "250ms", "2d", or a number of ms. */
	function durationMs(v, what) {
		var m, re, total = 0, s, sign = 1, units = { ns: 1e-6, us: 1e-3, "\u00b5s": 1e-3, "\u03bcs": 1e-3, ms: 1, s: 1e3, m: 6e4, h: 36e5, d: 864e5 };

		if (typeof v === "number" && isFinite(v))
			return v;
		if (typeof v !== "string")
			fail(what + ": invalid duration " + JSON.stringify(v));
		s = v.replace(/^\s+|\s+$/g, "");
		if (/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(s))
			return parseFloat(s);
		if (s.charAt(0) === "-" || s.charAt(0) === "+") {
			sign = s.charAt(0) === "-" ? -1 : 1;
			s = s.slice(1);
		}
		if (s === "0")
			return 0;
		re = /(\d+\.?\d*|\.\d+)(ns|us|\u00b5s|\u03bcs|ms|s|m|h|d)/g;
		if (!/^((\d+\.?\d*|\.\d+)(ns|us|\u00b5s|\u03bcs|ms|s|m|h|d))+$/.test(s))
			fail(what + ": invalid duration " + JSON.stringify(v));
		while ((m = re.exec(s)) !== null)
			total += parseFloat(m[1]) * units[m[2]];
		return sign * total;
	}

	function intValue(v, what, min) {
		if (typeof v === "string" && /^\s*-?\d+\s*$/.test(v))
			v = parseInt(v, 10);
		if (typeof v !== "number" || !isFinite(v) || Math.floor(v) !== v)
			fail(what + ": expected an integer, got " + JSON.stringify(v));
		if (min !== undefined && v < min)
			fail(what + " must be at least " + min + ", got " + v);
		return v;
	}

	function parseStages(text, what) {
		var out = [], parts = String(text).split(","), i, p, c;

		for (i = 0; i < parts.length; i++) {
			p = parts[i].replace(/^\s+|\s+$/g, "");
			if (p === "")
				continue;
			c = p.lastIndexOf(":");
			if (c < 0)
				fail(what + ": stage " + JSON.stringify(p) + " is not DURATION:TARGET");
			out.push({ duration: p.slice(0, c), target: intValue(p.slice(c + 1), what, 0) });
		}
		return out;
	}

	/* Turn the flag/environment values C collected into an options layer. */
	function flagLayer(values, fromEnv) {
		var layer = {}, i, flag, v, key;

		for (i = 0; i < values.length; i++) {
			flag = values[i][0];
			v = values[i][1];
			key = own(FLAG_KEYS, flag) ? FLAG_KEYS[flag] : camel(flag);
			if (key === null)
				continue;
			if (key === "stages") {
				layer.stages = (layer.stages || []).concat(parseStages(v, "--stage"));
			} else if (key === "tags") {
				layer.tags = layer.tags || {};
				layer.tags[v.slice(0, v.indexOf("="))] = v.slice(v.indexOf("=") + 1);
			} else if (own(INT_KEYS, key)) {
				layer[key] = intValue(v, "--" + flag);
			} else if (own(BOOL_KEYS, key)) {
				layer[key] = v === "true" || v === "1" || v === "t" || v === "TRUE" || v === "True";
			} else if (own(LIST_KEYS, key)) {
				layer[key] = (key === "blacklistIPs" || key === "blockHostnames") && layer[key] ?
				    layer[key].concat(v.split(",")) : v.split(",");
				if (key === "blacklistIPs")
					layer[key].forEach(function (c) {
						if (!isCIDR(c))
							fail("error parsing blacklist-ip '" + c +
							    "': invalid CIDR address: " + c);
					});
			} else if (key === "httpDebug") {
				layer.httpDebug = v === "" ? "headers" : v;
			} else if (key === "dns") {
				/* k6: a bad K6_DNS is envconfig's error (104), a bad
				 * --dns the flag's own (no exit code: 255) */
				v = dnsText(v, fromEnv ? function (m) {
					fail("envconfig.Process: assigning K6_DNS to DNS: converting '" +
					    values[i][1] + "' to type types.DNSConfig. details: " + m);
				} : function (m) {
					fail("--dns: " + m, 255);
				});
				if (v !== null)
					layer.dns = v;
			} else {
				layer[key] = v;
			}
		}
		return layer;
	}

	/* --dns / K6_DNS text, as k6's DNSConfig.UnmarshalText: every
	 * key needs a value, then each one is checked. */
	function dnsText(text, bad) {
		var keys = [], vals = {}, out = {}, parts, i, eq, k, v;

		if (text === DNS_DEFAULT)
			return null;
		parts = text.split(",");
		for (i = 0; i < parts.length; i++) {
			eq = parts[i].indexOf("=");
			k = eq < 0 ? parts[i] : parts[i].slice(0, eq);
			v = eq < 0 ? "" : parts[i].slice(eq + 1);
			if (v === "")
				bad("no value for key " + parts[i]);
			if (!own(vals, k))
				keys.push(k);
			vals[k] = v;
		}
		for (i = 0; i < keys.length; i++) {
			k = keys[i];
			v = vals[k];
			if (k === "policy" || k === "select") {
				if ((k === "policy" ? DNS_POLICY : DNS_SELECT).indexOf(v) < 0)
					bad(v + " does not belong to " + (k === "policy" ?
					    "DNSPolicy" : "DNSSelect") + " values");
				out[k] = v;
			} else if (k === "ttl")
				out.ttl = v;
			else
				bad("unknown DNS configuration field: " + k);
		}
		return out;
	}

	/* Go's JSON name of a value's kind, for its type errors. */
	function jsonKind(v) {
		return typeof v === "number" ? "number" : typeof v === "boolean" ? "bool" :
		    typeof v === "string" ? "string" : v instanceof Array ? "array" : "object";
	}

	/* options.dns of a JSON layer (config file, script, archive) as
	 * k6's DNSConfig.UnmarshalJSON reads it: the fields set, others
	 * ignored; what refuses names the layer (what). */
	function dnsObject(d, what) {
		var out = {}, k, v, i, names = ["ttl", "select", "policy"];

		if (d === undefined || d === null)
			return d;
		if (!isObject(d))
			fail(what + "json: cannot unmarshal " + jsonKind(d) +
			    " into Go value of type types.DNSConfig");
		for (i = 0; i < names.length; i++) {
			k = names[i];
			v = d[k];
			if (v === undefined || v === null)
				continue;
			if (k === "ttl" && typeof v !== "string")
				fail(what + "json: cannot unmarshal " + (typeof v === "number" ?
				    "float64" : jsonKind(v)) + " into Go value of type null.String");
			if (k !== "ttl" && typeof v !== "string")
				fail(what + "json: cannot unmarshal " + jsonKind(v) +
				    " into Go value of type string");
			if (k !== "ttl" && (k === "policy" ? DNS_POLICY : DNS_SELECT).indexOf(v) < 0)
				fail(what + v + " does not belong to " + (k === "policy" ?
				    "DNSPolicy" : "DNSSelect") + " values");
			out[k] = v;
		}
		return out;
	}

	/* A layer with its dns read as dnsObject reads it. */
	function withDNS(layer, what) {
		var out = {}, k;

		if (!isObject(layer) || layer.dns === undefined)
			return layer;
		for (k in layer)
			if (own(layer, k))
				out[k] = layer[k];
		out.dns = dnsObject(layer.dns, what);
		return out;
	}

	/* The cache time of a dns ttl in ms (k6's parseTTL): "inf" a
	 * year, "0" none, "" the default 5m, else a duration (a number
	 * of ms without unit, "d" for days); -1 if k6 refuses it. */
	function dnsTTL(s) {
		var m, d, rest, total = 0, re, unit;
		var units = { ns: 1e-6, us: 1e-3, "\u00b5s": 1e-3, "\u03bcs": 1e-3, ms: 1, s: 1e3, m: 6e4, h: 36e5 };

		/* Go's time.ParseDuration, in ms; null if it refuses s */
		function goDuration(t) {
			var sign = 1, n = 0;

			if (/^[-+]/.test(t)) {
				sign = t.charAt(0) === "-" ? -1 : 1;
				t = t.slice(1);
			}
			if (t === "0")
				return 0;
			if (!/^((\d+\.?\d*|\.\d+)(ns|us|\u00b5s|\u03bcs|ms|s|m|h))+$/.test(t))
				return null;
			re = /(\d+\.?\d*|\.\d+)(ns|us|\u00b5s|\u03bcs|ms|s|m|h)/g;
			while ((m = re.exec(t)) !== null)
				n += parseFloat(m[1]) * units[m[2]];
			return sign * n;
		}
		if (s === "inf")
			return 365 * 864e5;
		if (s === "0")
			return 0;
		if (s === "")
			s = "5m";
		if (/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(s))
			total = parseFloat(s);
		else if (/^[-+]?(inf|infinity|nan)$/i.test(s))
			return -1;	/* Go's conversion of those is negative */
		else if ((d = s.indexOf("d")) < 0)
			total = goDuration(s);
		else {
			if (!/^[-+]?\d+$/.test(s.slice(0, d)))
				return -1;
			rest = d + 1 < s.length ? goDuration(s.slice(d + 1)) : 0;
			if (rest === null || rest < 0)
				return -1;
			unit = parseInt(s.slice(0, d), 10);
			total = unit * 864e5 + (unit < 0 ? -rest : rest);
		}
		/* a time.Duration beyond int64 nanoseconds wraps negative */
		if (total === null || !(total >= 0) || total * 1e6 >= 9223372036854775807)
			return -1;
		return total;
	}

	function checkDNSTTL(d) {
		if (d && d.ttl !== undefined && dnsTTL(d.ttl) < 0)
			fail("invalid DNS TTL: " + d.ttl, 255);
	}

	function hasExec(layer) {
		for (var i = 0; i < EXEC_KEYS.length; i++)
			if (layer[EXEC_KEYS[i]] !== undefined && layer[EXEC_KEYS[i]] !== null)
				return true;
		return false;
	}

	function merge(layers) {
		var out = {}, i, k, layer;

		for (i = 0; i < layers.length; i++) {
			layer = layers[i];
			if (!layer)
				continue;
			if (hasExec(layer))
				for (k = 0; k < EXEC_KEYS.length; k++)
					delete out[EXEC_KEYS[k]];
			for (k in layer)
				if (own(layer, k) && layer[k] !== undefined) {
					/* k6 merges dns field by field */
					if (k === "dns" && isObject(out.dns) && isObject(layer.dns))
						out.dns = merge([out.dns, layer.dns]);
					else
						out[k] = layer[k];
				}
		}
		return out;
	}

	/* A k6 archive writes every option, null when unset. */
	function setOnly(layer) {
		var out = {}, k;

		if (layer === undefined || layer === null)
			return layer;
		for (k in layer)
			if (own(layer, k) && layer[k] !== null && !(isObject(layer[k]) &&
			    Object.keys(layer[k]).every(function (j) { return layer[k][j] === null; })))
				out[k] = layer[k];
		return out;
	}

	/* The scenario the shortcut options stand for (k6's rules). */
	function shortcut(o) {
		var vus = o.vus === undefined || o.vus === null ? 1 : intValue(o.vus, "vus", 0);
		var hasD = o.duration !== undefined && o.duration !== null;
		var hasI = o.iterations !== undefined && o.iterations !== null;
		var hasS = o.stages !== undefined && o.stages !== null;

		if (o.scenarios !== undefined && o.scenarios !== null) {
			if (hasD || hasI || hasS)
				fail("using an execution configuration shortcut (duration, iterations or " +
				    "stages) together with scenarios is not allowed");
			return o.scenarios;
		}
		if (hasI && hasS)
			fail("using iterations and stages together is not allowed");
		if (hasD && hasS)
			fail("using duration and stages together is not allowed");
		if (hasI) {
			var sc = { executor: "shared-iterations", vus: vus, iterations: o.iterations };
			if (hasD)
				sc.maxDuration = o.duration;
			return { "default": sc };
		}
		if (hasD) {
			if (durationMs(o.duration, "duration") <= 0)
				fail("`duration` option should be more than 0, for infinite duration " +
				    "use the externally-controlled executor");
			return { "default": { executor: "constant-vus", vus: vus, duration: o.duration } };
		}
		if (hasS)
			return { "default": { executor: "ramping-vus", startVUs: vus, stages: o.stages } };
		if (o.vus !== undefined && o.vus !== null)
			return { "default": { executor: "shared-iterations", vus: vus, iterations: vus } };
		return { "default": { executor: "per-vu-iterations", vus: 1, iterations: 1 } };
	}

	function normStages(stages, what) {
		var out = [], i, st;

		if (!(stages instanceof Array))
			fail(what + ".stages must be an array");
		for (i = 0; i < stages.length; i++) {
			st = stages[i];
			if (!isObject(st))
				fail(what + ".stages[" + i + "] must be an object");
			out.push({
				duration: durationMs(st.duration, what + ".stages[" + i + "].duration"),
				target: intValue(st.target === undefined ? 0 : st.target,
				    what + ".stages[" + i + "].target", 0)
			});
			if (out[i].duration < 0)
				fail(what + " has configuration errors: the duration for stage " +
				    (i + 1) + " can't be negative");
		}
		return out;
	}

	/* Validate one scenario and give every field its default, in ms. */
	function normScenario(name, sc, exportsList) {
		var what = "scenario " + name, ex, n, allowed, k, sum, i;

		if (!SCENARIO_NAME.test(name))
			fail("invalid scenario name " + JSON.stringify(name) +
			    ": only letters, digits, '_' and '-' are allowed");
		if (!isObject(sc))
			fail(what + " must be an object");
		/* k6's Null* fields read null as unset, and its archives write
		 * every field of a scenario, null when unset. */
		n = {};
		for (k in sc)
			if (own(sc, k) && sc[k] !== null)
				n[k] = sc[k];
		sc = n;
		ex = sc.executor;
		if (typeof ex !== "string" || ex === "")
			fail(what + ": executor is required");
		if (!own(EXECUTORS, ex))
			fail(what + ": unknown executor " + JSON.stringify(ex));
		if (ex === "externally-controlled")
			fail(what + ": not supported yet: the externally-controlled executor");
		allowed = EXECUTORS[ex].concat(COMMON);
		for (k in sc)
			if (own(sc, k) && allowed.indexOf(k) < 0)
				fail(what + ": unknown option " + JSON.stringify(k) + " for executor " + ex);
		n = {
			name: name, executor: ex,
			exec: sc.exec === undefined ? "default" : String(sc.exec),
			startTime: durationMs(sc.startTime === undefined ? 0 : sc.startTime, what + ".startTime"),
			gracefulStop: durationMs(sc.gracefulStop === undefined ? __ly_defaults.gracefulStop : sc.gracefulStop, what + ".gracefulStop"),
			env: sc.env || {}, tags: sc.tags || {}
		};
		if (exportsList && exportsList.indexOf(n.exec) < 0)
			fail(what + ": function '" + n.exec + "' not found in exports");
		if (n.startTime < 0)
			fail(what + " has configuration errors: the startTime can't be negative");
		if (n.gracefulStop < 0)
			fail(what + " has configuration errors: the gracefulStop timeout can't be negative");
		switch (ex) {
		case "shared-iterations":
		case "per-vu-iterations":
			n.vus = intValue(sc.vus === undefined ? 1 : sc.vus, what + ".vus", 1);
			n.iterations = intValue(sc.iterations === undefined ? 1 : sc.iterations, what + ".iterations", 1);
			n.maxDuration = durationMs(sc.maxDuration === undefined ? __ly_defaults.maxDuration : sc.maxDuration, what + ".maxDuration");
			if (ex === "shared-iterations" && n.iterations < n.vus)
				fail(what + ": the number of iterations (" + n.iterations +
				    ") can't be less than the number of VUs (" + n.vus + ")");
			if (n.maxDuration < 1000)
				fail(what + ".maxDuration must be at least 1s");
			break;
		case "constant-vus":
			n.vus = intValue(sc.vus === undefined ? 1 : sc.vus, what + ".vus", 1);
			if (sc.duration === undefined)
				fail(what + ": duration is required");
			n.duration = durationMs(sc.duration, what + ".duration");
			if (n.duration < 1000)
				fail(what + ".duration must be at least 1s");
			break;
		case "ramping-vus":
			n.startVUs = intValue(sc.startVUs === undefined ? 1 : sc.startVUs, what + ".startVUs", 0);
			n.stages = normStages(sc.stages === undefined ? [] : sc.stages, what);
			n.gracefulRampDown = durationMs(sc.gracefulRampDown === undefined ? __ly_defaults.gracefulRampDown : sc.gracefulRampDown, what + ".gracefulRampDown");
			sum = n.startVUs;
			for (i = 0; i < n.stages.length; i++)
				sum += n.stages[i].target;
			if (n.stages.length === 0)
				fail(what + ": at least one stage is required");
			if (sum === 0)
				fail(what + ": either startVUs or one of the stage targets must be greater than 0");
			break;
		case "constant-arrival-rate":
		case "ramping-arrival-rate":
			n.timeUnit = durationMs(sc.timeUnit === undefined ? __ly_defaults.timeUnit : sc.timeUnit, what + ".timeUnit");
			if (n.timeUnit <= 0)
				fail(what + ".timeUnit must be more than 0");
			if (sc.preAllocatedVUs === undefined)
				fail(what + ": preAllocatedVUs is required");
			n.preAllocatedVUs = intValue(sc.preAllocatedVUs, what + ".preAllocatedVUs", 0);
			n.maxVUs = sc.maxVUs === undefined ? n.preAllocatedVUs : intValue(sc.maxVUs, what + ".maxVUs", 0);
			if (n.maxVUs < n.preAllocatedVUs)
				fail(what + ": maxVUs (" + n.maxVUs + ") can't be less than preAllocatedVUs (" +
				    n.preAllocatedVUs + ")");
			if (n.maxVUs === 0)
				fail(what + ": maxVUs must be more than 0");
			if (ex === "constant-arrival-rate") {
				if (sc.rate === undefined)
					fail(what + ": rate is required");
				n.rate = intValue(sc.rate, what + ".rate", 1);
				if (sc.duration === undefined)
					fail(what + ": duration is required");
				n.duration = durationMs(sc.duration, what + ".duration");
				if (n.duration < 1000)
					fail(what + ".duration must be at least 1s");
			} else {
				n.startRate = intValue(sc.startRate === undefined ? 0 : sc.startRate, what + ".startRate", 0);
				n.stages = normStages(sc.stages === undefined ? [] : sc.stages, what);
				if (n.stages.length === 0)
					fail(what + ": at least one stage is required");
			}
			break;
		}
		return n;
	}

	function tlsVersionName(v, what) {
		if (typeof v !== "string" || TLS_VERSIONS.indexOf(v) < 0)
			fail(what + ": unknown TLS version " + JSON.stringify(v) +
			    ": expected tls1.0, tls1.1, tls1.2 or tls1.3");
		return TLS_VERSIONS.indexOf(v);
	}

	/* The first bytes of base64 text b and its decoded length; null if b
	 * is not base64.  Loops, not regular expressions: mujs's matcher gives
	 * up on long inputs, and certificates are long. */
	function b64Head(b) {
		var A = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
		var out = [], acc = 0, bits = 0, i, v, pad;

		if (b.length === 0 || b.length % 4 !== 0)
			return null;
		pad = b.charAt(b.length - 1) === "=" ? (b.charAt(b.length - 2) === "=" ? 2 : 1) : 0;
		for (i = 0; i < b.length - pad; i++) {
			if ((v = A.indexOf(b.charAt(i))) < 0)
				return null;
			acc = (acc << 6 | v) & 0xffffff;
			if ((bits += 6) >= 8) {
				bits -= 8;
				if (out.length < 6)
					out.push(acc >> bits & 0xff);
			}
		}
		return { bytes: out, length: b.length / 4 * 3 - pad };
	}

	function stripSpace(t) {
		var out = [], i, c;

		for (i = 0; i < t.length; i++) {
			c = t.charAt(i);
			if (c !== " " && c !== "\t" && c !== "\r" && c !== "\n")
				out.push(c);
		}
		return out.join("");
	}

	/* Is the DER of a PEM body one whole SEQUENCE, as certificates and
	 * keys are? */
	function derWhole(body) {
		var h = b64Head(body), len, k, i;

		if (h === null || h.bytes.length < 2 || h.bytes[0] !== 0x30)
			return false;
		len = h.bytes[1];
		if (len < 0x80)
			return 2 + len === h.length;
		k = len & 0x7f;
		if (k < 1 || k > 3 || h.bytes.length < 2 + k)
			return false;
		for (len = 0, i = 0; i < k; i++)
			len = len * 256 + h.bytes[2 + i];
		return 2 + k + len === h.length;
	}

	/* The first PEM block of s: { label, headers, body } or null.  No
	 * regular expression: mujs's matcher gives up on long inputs. */
	function pemParse(s) {
		var b = s.indexOf("-----BEGIN "), e, label, end, text, lines, i, headers = "", body = "";

		if (b < 0 || (e = s.indexOf("-----", b + 11)) < 0)
			return null;
		label = s.slice(b + 11, e);
		if ((end = s.indexOf("-----END " + label + "-----", e + 5)) < 0)
			return null;
		text = s.slice(e + 5, end);
		lines = text.split("\n");
		for (i = 0; i < lines.length; i++) {
			if (lines[i].indexOf(":") >= 0)
				headers += lines[i] + "\n";
			else
				body += lines[i];
		}
		return { label: label, headers: headers, body: stripSpace(body) };
	}

	/* One PEM block of the kind re matches in s, or an error naming what. */
	function pemBlock(s, re, kind, what) {
		var m;

		if (typeof s !== "string")
			fail(what + ": expected a PEM string, got " + (s === undefined ? "nothing" : typeof s));
		m = pemParse(s);
		if (m === null || !re.test(m.label) || m.body.length === 0)
			fail(what + ": no PEM-encoded " + kind + " found");
		/* an encrypted traditional key is not DER until decrypted */
		if (!/Proc-Type:\s*4,ENCRYPTED/.test(m.headers) && !derWhole(m.body))
			fail(what + ": malformed PEM data: the " + kind + " is not valid base64 DER");
		return m;
	}

	/* tlsVersion, tlsCipherSuites, tlsAuth. */
	/* Go's net.ParseCIDR: an IPv4 address without leading zeros or an
	 * IPv6 one (no zone), a slash, a length in decimal. */
	function isCIDR(s) {
		var m = /^([^\/]*)\/([0-9]+)$/.exec(s), a, groups, v4, i, dbl;
		var octet = /^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])$/;

		function ipv4(t) {
			var p = t.split(".");
			return p.length === 4 && p.every(function (x) { return octet.test(x); });
		}
		if (m === null)
			return false;
		a = m[1];
		if (ipv4(a))
			return parseInt(m[2], 10) <= 32;
		if (parseInt(m[2], 10) > 128 || !/^[0-9a-fA-F:.]+$/.test(a))
			return false;
		v4 = a.lastIndexOf(":");
		if (a.indexOf(".") >= 0 && !ipv4(a.slice(v4 + 1)))
			return false;
		groups = (a.indexOf(".") >= 0 ? a.slice(0, v4 + 1) + "0:0" : a).split(":");
		dbl = a.indexOf("::");
		if (dbl >= 0 && a.indexOf("::", dbl + 1) >= 0)
			return false;
		for (i = 0; i < groups.length; i++)
			if (!/^[0-9a-fA-F]{1,4}$/.test(groups[i]) &&
			    !(groups[i] === "" && dbl >= 0))
				return false;
		return dbl >= 0 ? groups.filter(function (g) { return g !== ""; }).length <= 7 :
		    groups.length === 8;
	}

	/* blacklistIPs and blockHostnames, refused as k6 refuses them. */
	function checkNet(o) {
		var v = o.blacklistIPs, h = o.blockHostnames;

		if (v !== undefined && v !== null) {
			if (!(v instanceof Array))
				fail("blacklistIPs: expected an array of CIDR ranges, got " +
				    JSON.stringify(v));
			v.forEach(function (c) {
				if (typeof c !== "string" || !isCIDR(c))
					fail("failed to parse CIDR '" + c + "': invalid CIDR address: " + c);
			});
		}
		if (h !== undefined && h !== null) {
			if (!(h instanceof Array))
				fail("blockHostnames: expected an array of host name patterns, got " +
				    JSON.stringify(h));
			h.forEach(function (p) {
				if (typeof p !== "string" || !HOST_PATTERN.test(p.toLowerCase()))
					fail("invalid hostname pattern '" + p + "'");
			});
		}
	}

	function checkTLS(o) {
		var v = o.tlsVersion, i, a, key, what, lo, hi;

		if (typeof v === "string" && v !== "")
			tlsVersionName(v, "tlsVersion");
		else if (isObject(v)) {
			lo = v.min === undefined || v.min === "" ? 0 : tlsVersionName(v.min, "tlsVersion.min");
			hi = v.max === undefined || v.max === "" ? 3 : tlsVersionName(v.max, "tlsVersion.max");
			if (lo > hi)
				fail("tlsVersion: min " + v.min + " is above max " + v.max);
		} else if (v !== undefined && v !== null && v !== "")
			fail("tlsVersion: expected a string or {min, max}, got " + JSON.stringify(v));

		if (typeof o.tlsCipherSuites === "string")
			o.tlsCipherSuites = o.tlsCipherSuites === "" ? [] :
			    o.tlsCipherSuites.split(/\s*,\s*/);
		if (o.tlsCipherSuites !== undefined && o.tlsCipherSuites !== null) {
			if (!(o.tlsCipherSuites instanceof Array))
				fail("tlsCipherSuites: expected an array of cipher suite names");
			for (i = 0; i < o.tlsCipherSuites.length; i++)
				if (CIPHER_SUITES.indexOf(o.tlsCipherSuites[i]) < 0)
					fail("tlsCipherSuites: unknown cipher suite: " +
					    String(o.tlsCipherSuites[i]));
		}

		if (o.tlsAuth === undefined || o.tlsAuth === null)
			return;
		if (!(o.tlsAuth instanceof Array))
			fail("tlsAuth: expected an array of {cert, key, password, domains}");
		for (i = 0; i < o.tlsAuth.length; i++) {
			a = o.tlsAuth[i];
			what = "tlsAuth[" + i + "]";
			if (!isObject(a))
				fail(what + ": expected an object with cert and key");
			pemBlock(a.cert, /CERTIFICATE$/, "certificate", what + ".cert");
			key = pemBlock(a.key, /PRIVATE KEY$/, "private key", what + ".key");
			if (a.password !== undefined && a.password !== null && typeof a.password !== "string")
				fail(what + ".password: expected a string");
			if ((key.label === "ENCRYPTED PRIVATE KEY" || /Proc-Type:\s*4,ENCRYPTED/.test(key.headers)) &&
			    (typeof a.password !== "string" || a.password === ""))
				fail(what + ".key is encrypted: give its password in " + what + ".password");
			if (a.domains !== undefined && a.domains !== null) {
				if (!(a.domains instanceof Array) || a.domains.some(function (d) {
					return typeof d !== "string";
				}))
					fail(what + ".domains: expected an array of host names");
			}
		}
	}

	/*
	 * layers: { config: JSON text or null, script: the exported options or
	 * undefined, env: [[flag, value], ...], cli: [[flag, value], ...],
	 * exports: [names of exported functions] or null }.
	 */
	function consolidate(layers) {
		var config = null, script = layers.script, o, scenarios, names, list = [], i, plan;
		var warnings, k, archived;

		if (layers.config !== null && layers.config !== undefined) {
			try {
				config = JSON.parse(layers.config);
			} catch (e) {
				fail("invalid config file: " + e.message);
			}
			if (!isObject(config))
				fail("invalid config file: expected a JSON object");
			/* k6 keeps script options under "options" in archives only. */
		}
		if (script !== undefined && script !== null && !isObject(script))
			fail("the exported options must be an object");
		if (layers.archive !== undefined && layers.archive !== null &&
		    !isObject(layers.archive))
			fail("the archive's options must be an object");
		/* An archive's options are its run's, consolidated: they
		 * override the script's, the flags of this run override them. */
		config = withDNS(config, "invalid config file: dns: ");
		script = withDNS(script, "dns: ");
		/* k6 sets the script's resolver up before the other layers */
		if (script)
			checkDNSTTL(script.dns);
		o = merge([config, script, withDNS(setOnly(layers.archive), "dns: "),
		    flagLayer(layers.env, true), flagLayer(layers.cli, false)]);
		checkDNSTTL(o.dns);
		/* What `lyocell archive` keeps: before the shortcuts become
		 * scenarios, as k6 keeps them. */
		archived = JSON.parse(JSON.stringify(o));
		if (o.stages && !(o.stages instanceof Array))
			fail("stages must be an array");
		if (o.thresholds !== undefined && !isObject(o.thresholds))
			fail("thresholds must be an object");
		scenarios = shortcut(o);
		if (!isObject(scenarios))
			fail("scenarios must be an object");
		names = Object.keys(scenarios);
		if (names.length === 0)
			fail("no scenarios: the scenarios object is empty");
		for (i = 0; i < names.length; i++)
			list.push(normScenario(names[i], scenarios[names[i]], layers.exports));
		o.scenarios = scenarios;
		delete o.duration;
		delete o.iterations;
		delete o.stages;
		if (o.setupTimeout !== undefined && o.setupTimeout !== null &&
		    durationMs(o.setupTimeout, "setupTimeout") <= 0)
			fail("setupTimeout must be positive");
		if (o.summaryTrendStats === undefined)
			o.summaryTrendStats = ["avg", "min", "med", "max", "p(90)", "p(95)"];
		if (!(o.summaryTrendStats instanceof Array))
			fail("summaryTrendStats must be an array of strings");
		o.summaryTrendStats.forEach(function (st) {
			var m = TREND_STAT.exec(String(st));

			if (m === null || (m[2] !== undefined && parseFloat(m[2]) > 100))
				fail("summaryTrendStats: invalid stat " + JSON.stringify(st) +
				    ": expected avg, min, med, max, count or p(N) with N in [0, 100]");
		});
		if (o.summaryTimeUnit !== undefined && o.summaryTimeUnit !== null &&
		    o.summaryTimeUnit !== "" && ["s", "ms", "us"].indexOf(o.summaryTimeUnit) < 0)
			fail("summaryTimeUnit: expected s, ms or us, got " + JSON.stringify(o.summaryTimeUnit));
		checkTLS(o);
		checkNet(o);
		warnings = [];
		for (k in o)
			if (own(o, k)) {
				if (KNOWN.indexOf(k) < 0)
					warnings.push("unknown option \"" + k + "\" is ignored");
				else if (own(UNSUPPORTED, k) && o[k] !== false && o[k] !== null)
					warnings.push("not supported yet: option \"" + k + "\" is ignored");
			}
		/* The coordinator fills both in from the execution plan. */
		plan = { maxVUs: 0, totalDuration: "0s" };
		return { options: o, scenarios: list, plan: plan, warnings: warnings,
			archived: archived };
	}

	/* lyocell inspect: the consolidated options, as k6 prints them. */
	function inspect(result, requirements) {
		var out = {}, k;

		for (k in result.options)
			if (own(result.options, k))
				out[k] = result.options[k];
		if (requirements) {
			out.totalDuration = result.plan.totalDuration;
			out.maxVUs = result.plan.maxVUs;
		}
		return JSON.stringify(out, null, 2);
	}

	/* metadata.json of a k6 archive (lib/archive.go). */
	function metadata(result, filename, pwd, env, compat) {
		return JSON.stringify({
			type: "js", options: result.archived, filename: filename, pwd: pwd,
			env: env, compatibilityMode: compat, k6version: "2.2.0", goos: "linux"
		}, null, 2);
	}

	return {
		consolidate: consolidate,
		metadata: metadata,
		durationMs: durationMs,
		dnsTTL: dnsTTL,
		inspect: inspect
	};
})();
