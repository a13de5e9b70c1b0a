var a = {}, b = {}, ws = new WeakSet([a]);
console.log(ws.has(a), ws.has(b), ws.add(b) === ws, ws.has(b), ws.delete(a), ws.has(a), ws.delete(a));
try { ws.add(1); } catch (e) { console.log(e.name); }
console.log(ws.has(1), JSON.stringify(b));
