Promise.race([new Promise(function () {}), Promise.resolve('fast')]).then(function (v) { console.log('race', v); });
Promise.race([Promise.reject('rf'), Promise.resolve('x')]).catch(function (v) { console.log('race-rej', v); });
Promise.any([Promise.reject(1), Promise.resolve(2), Promise.resolve(3)]).then(function (v) { console.log('any', v); });
Promise.any([Promise.reject(1), Promise.reject(2)]).catch(function (e) { console.log(e instanceof AggregateError, e instanceof Error, e.name, e.message, JSON.stringify(e.errors)); });
Promise.any([]).catch(function (e) { console.log('any-empty', e.errors.length); });
var ae = new AggregateError([1], 'msg'); console.log(ae.message, ae.errors.length, String(ae));
