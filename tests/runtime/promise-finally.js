Promise.resolve(1).finally(function () { console.log('fin1', arguments.length); return 99; }).then(function (v) { console.log('value kept', v); });
Promise.reject(2).finally(function () { console.log('fin2'); }).catch(function (v) { console.log('reason kept', v); });
Promise.resolve(3).finally(function () { throw 'override'; }).catch(function (v) { console.log('override', v); });
Promise.resolve(4).finally().then(function (v) { console.log('no-fn', v); });
