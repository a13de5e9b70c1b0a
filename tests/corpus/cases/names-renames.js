// Names the compiler makes from the user's (a let renamed apart, its TDZ
// flag, this and arguments of arrows) must not meet the user's own.
var x$1 = 'var1', x$2 = 'var2', x$3 = 'var3', x$tdz = 'tdz';
{ let x = 5; console.log(x, x$1, x$2, x$3, x$tdz); }
for (let x = 0; x < 1; x++) console.log([x, x$1].join());
var _this$ = 'mine', _args$ = 'args';
const o = { k: 'k', m() { return [1].map(() => this.k + _this$)[0]; } };
console.log(o.m());
function h() { return (() => arguments[0] + _args$)(); }
console.log(h(7));
var _default$ = 'd';
console.log(_default$);
function $(s) { return '$' + s; }
const a$b = function () {}, $c$ = () => 1;
console.log($('x'), a$b.name, $c$.name);
function f$1() {}
console.log(f$1.name);
try { _$nope; } catch (e) { console.log(e.name, e.message); }
