/* k6/experimental/csv: csv.parse(file, options), a SharedArray of the
 * records, and new csv.Parser(file, options) with its async next(), as k6
 * has them (options, errors and all), over the file primitives of
 * src/js/fs.c (P), whose csv() reads one record as Go's encoding/csv
 * does.  file is what k6/experimental/fs's open() gave. */
var FILE = '@@ly:fs';

function fileOf(file)
{
	var t;

	if (file !== null && typeof file === 'object' && file[FILE] !== undefined)
		return file[FILE];
	t = file === null || typeof file === 'object' ? '*sobek.Object' :
	    typeof file;
	throw new Error('first argument expected to be a fs.File instance, got ' +
	    t + ' instead');
}

function toInteger(v)
{
	v = Number(v);
	if (v !== v)
		return 0;
	return v < 0 ? Math.ceil(v) : Math.floor(v);
}

/* k6's newParserOptionsFrom: a message, or the options. */
function optionsOf(o)
{
	var r = { delimiter: ',', skipFirstLine: false, fromLine: null,
	    toLine: null, asObjects: false }, d;

	if (o === undefined || o === null)
		return r;
	if (o.delimiter !== undefined) {
		d = String(o.delimiter);
		if (d.length > 1)
			throw 'delimiter must be a single character';
		if (d.length === 1)
			r.delimiter = d;
	}
	if (o.skipFirstLine !== undefined)
		r.skipFirstLine = !!o.skipFirstLine;
	if (o.fromLine !== undefined)
		r.fromLine = toInteger(o.fromLine);
	if (o.toLine !== undefined)
		r.toLine = toInteger(o.toLine);
	if (o.asObjects !== undefined)
		r.asObjects = !!o.asObjects;
	if (r.fromLine !== null && r.toLine !== null && r.fromLine >= r.toLine)
		throw 'fromLine must be less than or equal to toLine';
	return r;
}

function validate(o)
{
	if (o.asObjects && o.skipFirstLine)
		return "the 'header' option cannot be enabled when 'skipFirstLine' is true";
	if (o.asObjects && o.fromLine !== null && o.fromLine > 0)
		return "the 'header' option cannot be enabled when 'fromLine' is set to a value greater than 0";
	if (o.fromLine !== null && o.fromLine < 0)
		return "the 'fromLine' option must be greater than or equal to 0; got " + o.fromLine;
	if (o.toLine !== null && o.toLine < 0)
		return "the 'toLine' option must be greater than or equal to 0; got " + o.toLine;
	if (o.fromLine !== null && o.toLine !== null && o.fromLine >= o.toLine)
		return "the 'fromLine' option must be less than the 'toLine' option; got 'fromLine': " +
		    o.fromLine + ", 'toLine': " + o.toLine;
	return null;
}

/* k6's Reader over the File f: the header and skipped lines are read at
 * once; read() gives a record, or null at the end.  The File's offset
 * moves with it, as in k6. */
function Reader(f, o)
{
	var m = validate(o), rec;

	if (m !== null)
		throw m;
	this.f = f;
	this.o = o;
	this.st = { off: f.off, line: 0, nfields: 0 };
	this.current = 0;
	this.columns = null;
	if (o.asObjects) {
		if ((rec = this.raw('failed to read the first line; reason: ')) === null)
			throw 'failed to read the first line; reason: EOF';
		this.columns = rec;
		this.current++;
	}
	if (o.skipFirstLine && (o.fromLine === null || o.fromLine === 0)) {
		if (this.raw('failed to skip the first line; reason: ') === null)
			throw 'failed to skip the first line; reason: EOF';
		this.current++;
	}
	if (o.fromLine !== null && o.fromLine > 0) {
		while (this.current < o.fromLine) {
			m = 'failed to skip lines until line ' + o.fromLine + '; reason: ';
			if (this.raw(m) === null)
				throw m + 'EOF';
			this.current++;
		}
	}
}

Reader.prototype.raw = function (why) {
	var rec;

	try {
		rec = P.csv(this.f.h, this.st, this.o.delimiter);
	} catch (e) {
		throw why + (e && e.message !== undefined ? e.message : e);
	}
	this.f.off = this.st.off;
	return rec;
};

Reader.prototype.read = function () {
	var rec, obj, i;

	if (this.o.toLine !== null && this.o.toLine > 0 && this.current > this.o.toLine)
		return null;
	if ((rec = this.raw('')) === null)
		return null;
	this.current++;
	if (!this.o.asObjects)
		return rec;
	if (rec.length !== this.columns.length)
		throw 'record length (' + rec.length + ") doesn't match header length (" +
		    this.columns.length + ')';
	obj = {};
	for (i = 0; i < rec.length; i++)
		obj[this.columns[i]] = rec[i];
	return obj;
};

function Parser(file, options)
{
	var f, o;

	if (!(this instanceof Parser))
		throw new TypeError('Parser constructor must be called with new');
	if (!P.inInit())
		throw new Error('csv Parser constructor must be called in the init context');
	if (file === undefined || file === null)
		throw new Error('csv Parser constructor takes at least one non-nil source argument');
	f = fileOf(file);
	try {
		o = optionsOf(options);
	} catch (m) {
		throw new Error('encountered an error while interpreting Parser options; reason: ' + m);
	}
	try {
		Object.defineProperty(this, '@@ly:reader', { value: new Reader(f, o) });
	} catch (m) {
		throw new Error('failed to create a new parser; reason: ' + m);
	}
}

Parser.prototype.next = function () {
	var r = this['@@ly:reader'];

	return new Promise(function (resolve, reject) {
		var rec;

		try {
			rec = r.read();
		} catch (m) {
			return reject(new Error(m));
		}
		if (rec === null)
			resolve({ done: true, value: [] });
		else
			resolve({ done: false, value: rec });
	});
};

/* One SharedArray per file and options, named as k6 names it. */
function parse(file, options)
{
	var f = fileOf(file), o, r, name, share;

	try {
		o = optionsOf(options);
	} catch (m) {
		throw new Error('failed to interpret the provided Parser options; reason: ' + m);
	}
	if ((r = validate(o)) !== null)
		throw new Error('failed to create a new parser; reason: ' + r);
	name = 'csv.parse.' + JSON.stringify({ path: f.path, options: {
	    asObjects: o.asObjects, delimiter: o.delimiter, fromLine: o.fromLine,
	    skipFirstLine: o.skipFirstLine, toLine: o.toLine } });
	/* The records go one by one into k6/data's shared store. */
	share = __lymod.require('k6/data').__ly_share;
	return new Promise(function (resolve, reject) {
		var a;

		try {
			a = share(name, function (add) {
				var rec;

				try {
					r = new Reader({ h: f.h, off: f.off, size: f.size, path: f.path }, o);
				} catch (m) {
					throw new Error('failed to create a new parser; reason: ' + m);
				}
				while ((rec = r.read()) !== null)
					add(rec);
			});
		} catch (e) {
			return reject(typeof e === 'string' ? new Error(e) : e);
		}
		resolve(a);
	});
}

return { parse: parse, Parser: Parser };
