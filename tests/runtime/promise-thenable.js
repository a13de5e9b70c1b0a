var thenable = { then: function (res) { console.log('then called'); res('T'); } };
Promise.resolve(thenable).then(function (v) { console.log('adopted', v); });
new Promise(function (res) { res(thenable); }).then(function (v) { console.log('adopted2', v); });
var bad = {}; Object.defineProperty(bad, 'then', { get: function () { throw new Error('getter'); } });
Promise.resolve(bad).catch(function (e) { console.log('getter threw', e.message); });
var thrower = { then: function () { throw new Error('in then'); } };
Promise.resolve(thrower).catch(function (e) { console.log('then threw', e.message); });
console.log('sync end');
