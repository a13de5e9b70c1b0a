Promise.resolve(1).then(function (v) { return v + 1; }).then(function (v) { throw new Error('e' + v); })
	.then(function () { console.log('skipped'); }, function (e) { console.log('handler', e.message); return 'recovered'; })
	.then(function (v) { console.log(v); });
Promise.resolve(5).then(undefined, undefined).then(function (v) { console.log('passthrough', v); });
Promise.reject(6).then(function () {}).catch(function (v) { console.log('passthrough-rej', v); });
var p = Promise.resolve(7); console.log(Promise.resolve(p) === p, p instanceof Promise);
var self = Promise.resolve().then(function () { return self; }); self.catch(function (e) { console.log(e.name); });
