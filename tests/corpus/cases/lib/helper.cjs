exports.twice = function (x) { return x * 2; };
