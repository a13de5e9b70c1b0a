/* k6/net/grpc: Client (load, loadProtoset, connect, invoke, asyncInvoke,
 * close) and the status constants, as k6 has them, over the primitives
 * of src/js/grpc.c (P).  The parameters are checked here with k6's
 * messages; the calls, the codec and the metrics are in C. */
var H = '@@ly:grpc', S = '@@ly:grpc.stream';

var codes = ['OK', 'Canceled', 'Unknown', 'InvalidArgument', 'DeadlineExceeded',
    'NotFound', 'AlreadyExists', 'PermissionDenied', 'ResourceExhausted',
    'FailedPrecondition', 'Aborted', 'OutOfRange', 'Unimplemented', 'Internal',
    'Unavailable', 'DataLoss', 'Unauthenticated'];

/* A Go duration ("1.5s", "2m", "300ms") or a number of milliseconds. */
function duration(v, what)
{
	var units = { ns: 1e-6, us: 1e-3, '\u00b5s': 1e-3, ms: 1, s: 1e3, m: 6e4, h: 36e5 };
	var re = /([0-9]*\.?[0-9]+)(ns|us|\u00b5s|ms|s|m|h)/g, s, ms = 0, m, seen = 0;

	if (typeof v === 'number')
		return v;
	if (typeof v !== 'string')
		throw new Error('invalid ' + what + ' value: unable to use type ' +
		    typeof v + ' as a duration value');
	s = v;
	if (s === '0')
		return 0;
	while ((m = re.exec(s)) !== null) {
		if (m.index !== seen)
			break;
		ms += parseFloat(m[1]) * units[m[2]];
		seen = re.lastIndex;
	}
	if (seen === 0 || seen !== s.length)
		throw new Error('invalid ' + what + ' value: time: invalid duration "' + v + '"');
	return ms;
}

function metadata(md, what)
{
	var out = [], k;

	if (md === undefined || md === null)
		return out;
	if (typeof md !== 'object' || Array.isArray(md))
		throw new Error(what + ': must be an object with key-value pairs');
	for (k in md) {
		if (/-bin$/i.test(k)) {
			if (!(md[k] instanceof ArrayBuffer) && !ArrayBuffer.isView(md[k]))
				throw new Error(what + ': "' + k + '" value must be binary');
		} else if (typeof md[k] !== 'string')
			throw new Error(what + ': "' + k + '" value must be a string');
		out.push(k.toLowerCase(), md[k]);
	}
	return out;
}

/* connect's tls, its keys checked as k6 does. */
function tlsParam(v)
{
	var cas;

	function shown() {
		try {
			return '\'' + JSON.stringify(v) + '\'';
		} catch (e) {
			return '\'' + String(v) + '\'';
		}
	}
	function str(k, what) {
		if (v[k] !== undefined && typeof v[k] !== 'string')
			throw new Error('invalid tls ' + k + ' value: ' + shown() +
			    ', it needs to be ' + what);
	}

	if (v === null || typeof v !== 'object' || Array.isArray(v))
		throw new Error('invalid tls value: ' + shown() + ', expected ' +
		    '(optional) keys: cert, key, password, and cacerts');
	str('cert', 'a PEM formatted string');
	str('key', 'a PEM formatted string');
	str('password', 'a string');
	cas = typeof v.cacerts === 'string' ? [v.cacerts] : v.cacerts;
	if (cas !== undefined && !(Array.isArray(cas) && cas.every(function (c) {
		return typeof c === 'string';
	})))
		throw new Error('invalid tls cacerts value: ' + shown() + ', it needs ' +
		    'to be a string or an array of PEM formatted strings');
	return { cert: v.cert, key: v.key, password: v.password, cacerts: cas || [] };
}

function connectParams(p)
{
	var o = { plaintext: false, reflect: false, timeout: 60000, maxReceiveSize: 0,
	    maxSendSize: 0, reflectMetadata: [] }, k, v;

	if (p === undefined || p === null)
		return o;
	for (k in p) {
		v = p[k];
		switch (k) {
		case 'plaintext':
		case 'reflect':
			if (typeof v !== 'boolean')
				throw new Error('invalid ' + k + ' value: \'' + v +
				    '\', it needs to be boolean');
			o[k] = v;
			break;
		case 'timeout':
			o.timeout = duration(v, 'timeout');
			break;
		case 'reflectMetadata':
			o.reflectMetadata = metadata(v, 'invalid reflectMetadata param');
			break;
		case 'maxReceiveSize':
		case 'maxSendSize':
			if (typeof v !== 'number' || v !== Math.floor(v))
				throw new Error('invalid ' + k + ' value: \'' + v +
				    '\', it needs to be an integer');
			if (v < 0)
				throw new Error('invalid ' + k + ' value: \'' + v +
				    ', it needs to be a positive integer');
			o[k] = v;
			break;
		case 'tls':
			o.tls = tlsParam(v);
			break;
		case 'authority':
			if (typeof v !== 'string')
				throw new Error('invalid authority value: \'' + v +
				    '\', it needs to be a string');
			o.authority = v;
			break;
		default:
			throw new Error('unknown connect param: "' + k + '"');
		}
	}
	return o;
}

/* A check of each key of tags: k6 takes strings, numbers and booleans. */
function tagValue(tags)
{
	return function (k) {
		var t = typeof tags[k];

		if (t !== 'string' && t !== 'number' && t !== 'boolean')
			throw new Error('metric tags: invalid value for metric tag \'' + k +
			    '\': only String, Boolean and Number types are accepted as a ' +
			    'metric tag values');
	};
}

function callParams(p)
{
	var o = { metadata: [], timeout: 120000, tags: undefined, discard: false,
	    hasName: false }, k;

	if (p === undefined || p === null)
		return o;
	for (k in p) {
		switch (k) {
		case 'metadata':
			o.metadata = metadata(p[k], 'invalid metadata param');
			break;
		case 'tags':
			if (p[k] !== null && typeof p[k] === 'object') {
				Object.keys(p[k]).forEach(tagValue(p[k]));
				o.tags = p[k];
				o.hasName = p[k].name !== undefined;
			}
			break;
		case 'timeout':
			o.timeout = duration(p[k], 'timeout');
			if (o.timeout === 0)
				o.timeout = 120000;
			break;
		case 'discardResponseMessage':
			o.discard = !!p[k];
			break;
		default:
			throw new Error('unknown param: "' + k + '"');
		}
	}
	return o;
}

function Client()
{
	Object.defineProperty(this, H, { value: { h: P.client(), connected: false } });
}

Client.prototype.load = function (importPaths) {
	var files = Array.prototype.slice.call(arguments, 1);

	if (!P.inInit())
		throw new Error('load must be called in the init context');
	return P.load(this[H].h, importPaths, files);
};

Client.prototype.loadProtoset = function (path) {
	if (!P.inInit())
		throw new Error('load must be called in the init context');
	return P.loadProtoset(this[H].h, String(path));
};

Client.prototype.connect = function (addr, params) {
	var o;

	if (P.inInit())
		throw new Error('connecting to a gRPC server in the init context is ' +
		    'not supported');
	try {
		o = connectParams(params);
	} catch (e) {
		throw new Error('invalid grpc.connect() parameters: ' + e.message);
	}
	P.connect(this[H].h, String(addr), o);
	this[H].connected = true;
	return true;
};

function request(c, method, req, params)
{
	var p;

	if (P.inInit())
		throw new Error('invoking RPC methods in the init context is not supported');
	if (!c[H].connected)
		throw new Error('no gRPC connection, you must call connect first');
	method = String(method);
	if (method === '')
		throw new Error('method to invoke cannot be empty');
	if (method.charAt(0) !== '/')
		method = '/' + method;
	if (req === undefined || req === null)
		throw new Error('request cannot be nil');
	try {
		p = callParams(params);
	} catch (e) {
		throw new Error('invalid GRPC\'s client.invoke() parameters: ' + e.message);
	}
	return { method: method, req: req, p: p };
}

Client.prototype.invoke = function (method, req, params) {
	var r = request(this, method, req, params);

	return P.invoke(this[H].h, r.method, r.req, r.p.metadata, r.p.timeout, r.p.tags,
	    r.p.discard, r.p.hasName);
};

/* What the event loop hands over (src/js/grpc-async.c), by op id: the
 * resolve and reject functions of an asyncInvoke, or a Stream. */
var ops = {};

P.dispatch(function (id, kind, v) {
	var o = ops[id], list, i;

	if (o === undefined)
		return;
	if (kind === 'result' || kind === 'reject' || kind === 'drop' || kind === 'end')
		delete ops[id];
	if (kind === 'result' || kind === 'reject') {
		o[kind](v);
		return;
	}
	if (kind === 'drop')
		return;
	list = o[S].on[kind].slice();
	if (kind === 'error' && list.length === 0)
		P.warn('streamMethod=' + o[S].method, 'no handlers for error registered, ' +
		    'but an error happened: rpc error: code = ' + (codes[v.code] || 'Unknown') +
		    ' desc = ' + v.message);
	for (i = 0; i < list.length; i++) {
		if (kind === 'end')
			list[i]();
		else
			list[i](v, { ts: Math.floor(Date.now() / 1000) });
	}
});

/* The call runs on the VU's event loop; the Promise settles with its
 * response. */
Client.prototype.asyncInvoke = function (method, req, params) {
	var self = this;

	return new Promise(function (resolve, reject) {
		var r = request(self, method, req, params),
		    id = P.asyncInvoke(self[H].h, r.method, r.req, r.p.metadata, r.p.timeout,
		    r.p.tags, r.p.discard, r.p.hasName);

		if (typeof id === 'number')
			ops[id] = { result: resolve, reject: reject };
		else
			resolve(id);
	});
};

Client.prototype.healthCheck = function (service) {
	if (P.inInit())
		throw new Error('invoking RPC methods in the init context is not supported');
	if (!this[H].connected)
		throw new Error('no gRPC connection, you must call connect first');
	return P.healthCheck(this[H].h, service === undefined || service === null ? '' :
	    String(service));
};

Client.prototype.close = function () {
	P.close(this[H].h);
	this[H].connected = false;
};

/* new Stream(client, method, params): client, server or bidirectional
 * streaming on the event loop; the iteration waits for its end. */
function Stream(client, method, params)
{
	var p, id;

	if (!(client instanceof Client))
		throw new Error('invalid GRPC Stream\'s client: not a gRPC client');
	if (!client[H].connected)
		throw new Error('invalid GRPC Stream\'s client: no gRPC connection, ' +
		    'you must call connect first');
	method = String(method === undefined ? '' : method);
	if (method === '')
		throw new Error('invalid GRPC Stream\'s method: method to invoke cannot be empty');
	if (method.charAt(0) !== '/')
		method = '/' + method;
	try {
		p = callParams(params);
	} catch (e) {
		throw new Error('invalid GRPC Stream\'s parameters: ' + e.message);
	}
	if (p.timeout === 120000 && (params === undefined || params === null ||
	    params.timeout === undefined))
		p.timeout = 0;
	id = P.streamOpen(client[H].h, method, p.metadata, p.timeout, p.tags, p.discard,
	    p.hasName);
	/* status as k6 has it: registered, never called. */
	Object.defineProperty(this, S, { value: { id: id, writing: true, method: method,
	    on: { data: [], error: [], end: [], status: [] } } });
	ops[id] = this;
}

Stream.prototype.on = function (event, fn) {
	if (typeof fn !== 'function')
		throw new Error('handler for "' + event + '" event isn\'t a callable function');
	if (!Object.prototype.hasOwnProperty.call(this[S].on, event)) {
		P.warn(null, 'can\'t register ' + event + ' event handler: unknown GRPC ' +
		    'stream\'s event type: ' + event);
		return;
	}
	this[S].on[event].push(fn);
};

Stream.prototype.write = function (msg) {
	if (!this[S].writing)
		return;
	if (msg === undefined || msg === null) {
		P.warn('streamMethod=' + this[S].method, 'can\'t send empty message');
		return;
	}
	P.streamWrite(this[S].id, msg);
};

Stream.prototype.end = function () {
	if (!this[S].writing)
		return;
	this[S].writing = false;
	P.streamEnd(this[S].id);
};

var grpc = { Client: Client, Stream: Stream };

codes.forEach(function (name, i) {
	grpc['Status' + name] = i;
});
grpc.HealthCheckUnknown = 0;
grpc.HealthCheckServing = 1;
grpc.HealthCheckNotServing = 2;
grpc.HealthCheckServiceUnkown = 3;
return grpc;
