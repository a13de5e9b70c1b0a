function forOf(x, f) { var it = x[Symbol.iterator](), r; for (r = it.next(); !r.done; r = it.next()) f(r.value); }
var out = [];
forOf([1, 2], function (v) { out.push(v); });
forOf('hi', function (v) { out.push(v); });
forOf(new Map([['k', 'v']]), function (e) { out.push(e[0] + e[1]); });
forOf(new Set(['s']), function (v) { out.push(v); });
forOf(new Map([['a', 1]]).keys(), function (v) { out.push(v); });
(function () { forOf(arguments, function (v) { out.push(v); }); })('arg');
console.log(out.join());
try { forOf({}, function () {}); } catch (e) { console.log(e.name); }
try { forOf(5, function () {}); } catch (e) { console.log(e.name); }
