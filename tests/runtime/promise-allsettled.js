Promise.allSettled([1, Promise.reject('r'), Promise.resolve(3)]).then(function (rs) {
	for (var i = 0; i < rs.length; i++) console.log(rs[i].status, rs[i].value, rs[i].reason);
});
Promise.allSettled([]).then(function (v) { console.log('empty', v.length); });
