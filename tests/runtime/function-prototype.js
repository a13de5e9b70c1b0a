// A function's length and prototype are made when first looked for:
// every path that can look first sees what node sees.
function A(a, b) {}
console.log(A.length, typeof A.prototype, A.prototype.constructor === A);
function B(x) { this.x = x; }
var b = new B(3);
console.log(b.x, b instanceof B, Object.getPrototypeOf(b) === B.prototype);
function C() {}
console.log({} instanceof C, 'prototype' in C, 'length' in C);
function D(p, q, r) {}
console.log(D.hasOwnProperty('prototype'), D.hasOwnProperty('length'),
    D.propertyIsEnumerable('prototype'));
function E() {}
console.log(JSON.stringify(Object.getOwnPropertyDescriptor(E, 'prototype')),
    Object.getOwnPropertyDescriptor(E, 'length').value);
function F() {}
console.log(delete F.prototype, typeof F.prototype);
function G() {}
var k, keys = [];
for (k in G) keys.push(k);
G.own = 1;
for (k in G) keys.push(k);
console.log(keys.join(), Object.keys(G).join(), JSON.stringify({ g: G }));
function H() {}
H.prototype = { m: 'm' };
function I() {}
I.prototype.m = 'i';
console.log(new H().m, new I().m, Object.getOwnPropertyNames(I.prototype).join());
function J() {}
Object.defineProperty(J, 'prototype', { value: 7 });
console.log(J.prototype);
function K() {}
Object.freeze(K);
console.log(Object.isFrozen(K), Object.isFrozen(K.prototype), typeof K.prototype,
    Object.getOwnPropertyDescriptor(K, 'prototype').writable);
var fs = [], i;
for (i = 0; i < 3; i++) fs.push(function (a, b, c) { return a; });
fs[1].prototype.q = 1;
console.log(fs[0].length, fs[0].prototype !== fs[1].prototype, fs[2].prototype.q,
    fs[1].prototype.q, fs[2].prototype.constructor === fs[2]);
var N = new Function('a', 'b', 'return a + b');
console.log(N.length, typeof N.prototype, N(1, 2));
function P() {}
P.prototype.toString = function () { return 'p'; };
console.log(String(new P()), Object.create(P.prototype) instanceof P);
function Q() {}
var q = Object.create(Q.prototype);
console.log(q.constructor === Q, Q.prototype.isPrototypeOf(q));
