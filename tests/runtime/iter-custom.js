var range = {};
range[Symbol.iterator] = function () {
	var i = 0;
	return { next: function () { i++; return i <= 3 ? { value: i * 10, done: false } : { value: undefined, done: true }; } };
};
console.log(Array.from(range).join());
console.log(JSON.stringify(Array.from(new Set(Array.from(range)))));
var closed = 0;
var it2 = {};
it2[Symbol.iterator] = function () { return { next: function () { return { value: 1, done: false }; }, 'return': function () { closed++; return {}; } }; };
try { Array.from(it2, function () { throw new Error('stop'); }); } catch (e) { console.log(e.message, closed); }
try { Array.from({ length: 1 }, 5); } catch (e) { console.log(e.name); }
