var out = [];
Promise.resolve().then(function () { out.push('a1'); }).then(function () { out.push('a2'); }).then(function () { out.push('a3'); });
Promise.resolve().then(function () { out.push('b1'); }).then(function () { out.push('b2'); });
queueMicrotask(function () { out.push('q'); });
Promise.resolve().then(function () { return Promise.resolve('x'); }).then(function (v) { out.push('c:' + v); });
Promise.resolve().then(function () { out.push('d1'); }).then(function () { out.push('d2'); }).then(function () { out.push('d3'); }).then(function () { out.push('d4'); }).then(function () { console.log(out.join()); });
out.push('sync');
