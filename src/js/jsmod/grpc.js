/* k6/net/grpc: Client (load, loadProtoset, connect, invoke, asyncInvoke,
 * close) and the status constants, as k6 has them, over the primitives
 * of src/js/grpc.c (P).  The parameters are checked here with k6's
 * messages; the calls, the codec and the metrics are in C. */
var H = '@@ly:grpc';

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
		if (typeof md[k] !== 'string')
			throw new Error(what + ': "' + k + '" value must be a string');
		out.push(k.toLowerCase(), md[k]);
	}
	return out;
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
			if (v === null || typeof v !== 'object')
				throw new Error('invalid tls value: \'' + v + '\', expected ' +
				    '(optional) keys: cert, key, password, and cacerts');
			o.tls = { cert: v.cert, key: v.key,
			    cacerts: typeof v.cacerts === 'string' ? [v.cacerts] :
			    Array.isArray(v.cacerts) ? v.cacerts : [] };
			if (v.password !== undefined && v.password !== '')
				throw new Error('encrypted private keys are not supported');
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

function invoke(c, r)
{
	var res = P.invoke(c[H].h, r.method, r.req, r.p.metadata, r.p.timeout, r.p.tags,
	    r.p.discard, r.p.hasName);

	return {
		message: res.message === undefined ? null : res.message,
		error: res.status === 0 ? null : { code: res.status,
		    message: res.statusMessage, details: [] },
		headers: res.headers || {},
		trailers: res.trailers || {},
		status: res.status
	};
}

Client.prototype.invoke = function (method, req, params) {
	return invoke(this, request(this, method, req, params));
};

/* The call runs now, blocking the VU as invoke does; the Promise settles
 * with its result. */
Client.prototype.asyncInvoke = function (method, req, params) {
	var self = this;

	return new Promise(function (resolve, reject) {
		try {
			resolve(invoke(self, request(self, method, req, params)));
		} catch (e) {
			reject(e);
		}
	});
};

Client.prototype.close = function () {
	P.close(this[H].h);
	this[H].connected = false;
};

var grpc = { Client: Client };

codes.forEach(function (name, i) {
	grpc['Status' + name] = i;
});
grpc.HealthCheckUnknown = 0;
grpc.HealthCheckServing = 1;
grpc.HealthCheckNotServing = 2;
grpc.HealthCheckServiceUnkown = 3;
return grpc;
