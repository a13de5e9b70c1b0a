Promise.all([1, Promise.resolve(2), new Promise(function (r) { r(3); })]).then(function (v) { console.log('all', JSON.stringify(v)); });
Promise.all([]).then(function (v) { console.log('empty', v.length); });
Promise.all([Promise.resolve(1), Promise.reject(new Error('no')), 3]).catch(function (e) { console.log('all-rej', e.message); });
Promise.all(new Set(['s'])).then(function (v) { console.log('set', v[0]); });
Promise.all('ab').then(function (v) { console.log('str', v.join()); });
Promise.all(5).catch(function (e) { console.log('not-iterable', e.name); });
