var out = [];
queueMicrotask(function () { out.push(1); queueMicrotask(function () { out.push(3); console.log(out.join()); }); });
queueMicrotask(function () { out.push(2); });
out.push(0);
try { queueMicrotask(1); } catch (e) { console.log(e.name); }
console.log(typeof queueMicrotask);
