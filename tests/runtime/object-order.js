// Property order: integer keys ascending, then strings in insertion order,
// in every way of listing an object's keys.
function show(label, v) { console.log(label + ": " + JSON.stringify(v)); }
var o = { zeta: 1, alpha: 2, 10: 3, mid: 4, 2: 5, "01": 6, "4294967295": 7, beta: 8 };
show("keys", Object.keys(o));
show("values", Object.values(o));
show("entries", Object.entries(o).map(function (e) { return e[0]; }));
show("json", o);
var forin = [];
for (var k in o) forin.push(k);
show("for-in", forin);
show("names", Object.getOwnPropertyNames(o));
show("assign", Object.keys(Object.assign({}, { b: 1, a: 2 }, { c: 3, a: 4 })));
delete o.alpha;
o.alpha = 9;
show("re-added", Object.keys(o));
// A deleted node whose successor takes its place keeps each name's order.
var d = {};
var names = ["m", "c", "x", "a", "e", "q", "z", "b", "d", "n"];
for (var i = 0; i < names.length; i++) d[names[i]] = i;
delete d.c;
delete d.m;
show("after deletes", Object.keys(d));
// Inherited enumerable properties come after own ones, shadowed ones once.
function P() { this.own2 = 1; this.own1 = 2; }
P.prototype.inh = 3;
P.prototype.own1 = 4;
var p = new P();
var fi = [];
for (var k2 in p) fi.push(k2);
show("inherited", fi);
// Arrays with extra properties, sparse arrays, strings.
var arr = [1, 2];
arr.z = 1; arr.a = 2;
show("array keys", Object.keys(arr));
show("array names", Object.getOwnPropertyNames(arr));
var sp = [];
sp[10] = 1; sp[2] = 2; sp.x = 3; sp[1] = 4;
show("sparse", Object.keys(sp));
show("string names", Object.getOwnPropertyNames(new String("ab")));
show("string keys", Object.keys(new String("ab")));
// JSON.stringify of nested objects and a replacer list.
show("nested", { b: { y: 1, x: 2 }, a: [{ q: 1, p: 2 }] });
console.log(JSON.stringify({ b: 1, a: 2, c: 3 }, null, 1));
// Many properties, more than one tree level.
var big = {};
for (i = 0; i < 200; i++) big["k" + ((i * 37) % 200)] = i;
var bk = Object.keys(big), ok = true;
for (i = 0; i < 200; i++) if (bk[i] !== "k" + ((i * 37) % 200)) ok = false;
console.log("big in order: " + ok);
