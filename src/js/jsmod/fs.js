/* k6/experimental/fs: open() in the init context, and File's read, seek
 * and stat, as k6 has them, over the primitives of src/js/fs.c (P): the
 * bytes are read once per machine and shared; a File is a VU's own
 * offset into them.  Errors are k6's names and messages. */
var FILE = '@@ly:fs';
var SeekMode = { Start: 0, Current: 1, End: 2 };

function fsError(name, message)
{
	var e = name === 'TypeError' ? new TypeError(message) : new Error(message);

	e.name = name;
	return e;
}

function rejected(e)
{
	return Promise.reject(e);
}

function File(h, path)
{
	Object.defineProperty(this, FILE, { value: { h: h, off: 0,
	    size: P.size(h), path: path } });
	this.path = path;
}

File.prototype.stat = function () {
	var f = this[FILE];

	return Promise.resolve({ name: f.path.slice(f.path.lastIndexOf('/') + 1),
	    size: f.size });
};

File.prototype.read = function (into) {
	var f = this[FILE], n;

	if (into === undefined || into === null)
		return rejected(fsError('TypeError',
		    'read() failed; reason: into argument cannot be null or undefined'));
	if (typeof into !== 'object' || into.constructor !== Uint8Array)
		return rejected(fsError('TypeError',
		    'read() failed; reason: into argument must be a Uint8Array'));
	if (f.off >= f.size)
		return Promise.resolve(null);
	n = P.read(f.h, f.off, into);
	f.off += n;
	return Promise.resolve(n);
};

function intArg(v, what)
{
	if (v === undefined || v === null)
		throw fsError('TypeError', 'seek() failed; reason: the ' + what +
		    ' argument cannot be null or undefined');
	if (typeof v !== 'number' || Math.floor(v) !== v)
		throw fsError('TypeError', 'seek() failed; reason: the ' + what +
		    ' argument must be a number');
	return v;
}

File.prototype.seek = function (offset, whence) {
	var f = this[FILE], to;

	try {
		offset = intArg(offset, 'offset');
		whence = intArg(whence, 'whence');
	} catch (e) {
		return rejected(e);
	}
	switch (whence) {
	case SeekMode.Start:
		if (offset < 0)
			return rejected(fsError('TypeError',
			    'offset cannot be negative when using SeekModeStart'));
		to = offset;
		break;
	case SeekMode.Current:
		to = f.off + offset;
		break;
	case SeekMode.End:
		if (offset > 0)
			return rejected(fsError('TypeError',
			    'offset cannot be positive when using SeekModeEnd'));
		/* As k6: the end is the last byte. */
		to = f.size - 1 + offset;
		break;
	default:
		return rejected(fsError('TypeError',
		    'seek() failed; reason: the whence argument must be a SeekMode'));
	}
	if (to < 0)
		return rejected(fsError('TypeError', 'seeking before start of file'));
	if (to > f.size)
		return rejected(fsError('TypeError', 'seeking beyond end of file'));
	f.off = to;
	return Promise.resolve(to);
};

/* The file is read at once, in the executor: the coordinator's init pass
 * must have it before the workers fork. */
function open(path)
{
	return new Promise(function (resolve, reject) {
		var r;

		if (!P.inInit())
			return reject(fsError('ForbiddenError', 'open() failed; reason: ' +
			    'opening a file is allowed only in the Init context'));
		if (path === undefined || path === null)
			return reject(fsError('TypeError',
			    'open() failed; reason: path cannot be null or undefined'));
		path = String(path);
		if (path === '')
			return reject(fsError('TypeError',
			    'open() failed; reason: path cannot be empty'));
		r = P.load(path);
		if (r[0] === -1)
			return reject(fsError('NotFoundError',
			    'no such file or directory ' + JSON.stringify(r[1])));
		if (r[0] === -2)
			return reject(fsError('InvalidResourceError', 'cannot open ' +
			    JSON.stringify(r[1]) + ': opening a directory is not supported'));
		resolve(new File(r[0], r[1]));
	});
}

return { open: open, SeekMode: SeekMode };
