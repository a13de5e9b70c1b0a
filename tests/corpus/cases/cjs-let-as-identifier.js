var let = 5;
console.log(let);
var of = 1, async = 2, get = 3, set = 4, from = 5, as = 6, target = 7;
console.log(of + async + get + set + from + as + target);
