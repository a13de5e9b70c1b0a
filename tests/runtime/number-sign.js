// Signed numbers in strings: mujs 1.3.2's own conversion made these NaN.
var s = ['-2', '+3', ' -2 ', '-0', '-2.5', '+2.5e3', '-1e-3', '-', '+',
    '-.5', '5.', '.', '1e', '-1e+', '-9007199254740991',
    '-0x10', '--2', '+-2', '-Infinity', '', '  ', '2x', '-2x', '1_000'];
for (var i = 0; i < s.length; i++)
	console.log(JSON.stringify(s[i]), Number(s[i]), +s[i], s[i] * 1,
	    parseFloat(s[i]), parseInt(s[i], 10), Number(s[i]) === 0 ? 1 / Number(s[i]) : "");
console.log(-'2' === -2, '-7' - 1, '-7' < -6, isNaN('-7'), isFinite('-7'));
