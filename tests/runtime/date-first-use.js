// The global Date is made on first use: everything works from there.
var d = new Date(0);
console.log(typeof Date, Date.now() > 0, d.toISOString(), Date.UTC(2020, 0, 1),
    JSON.stringify({ d: new Date(86400000) }), Date.parse('1970-01-02T00:00:00Z'));
console.log(Object.prototype.toString.call(d), d instanceof Date,
    Date.prototype.constructor === Date, typeof Date.prototype.getTime,
    Object.getOwnPropertyDescriptor(globalThis, 'Date').enumerable);
var saved = Date;
globalThis.Date = function Fake() { return 'fake'; };
console.log(Date(), typeof saved.now);
// Math is made on first use too; NaN and its other neighbours stay theirs.
console.log(typeof NaN, NaN !== NaN, typeof Infinity, Math.max(2, 7), Math.trunc(-1.5),
    Object.prototype.toString.call(Math), Number.isInteger(3), typeof Number);
