var log = [];
var p = new Promise(function (res) { log.push('exec'); res(1); });
p.then(function (v) { console.log('then', v, log.join()); });
console.log('sync', log.join());
Promise.reject(new Error('bad')).then(null, function (e) { console.log('rejected', e.message); });
new Promise(function () { throw new TypeError('boom'); }).catch(function (e) { console.log('caught', e.name, e.message); });
new Promise(function (res, rej) { res('first'); res('second'); rej('third'); }).then(function (v) { console.log(v); });
try { Promise(function () {}); } catch (e) { console.log(e.name); }
try { new Promise(5); } catch (e) { console.log(e.name); }
