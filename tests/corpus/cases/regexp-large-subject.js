const big = "<html><body>" + "x".repeat(200000) + "\n" + "y".repeat(100000) + "</body></html>";
const m = /<body>([\s\S]*)<\/body>/.exec(big);
console.log(m[1].length, /<body>(.*)<\/body>/s.exec(big)[1].length, /<body>(.*)<\/body>/.test(big));
console.log(big.replace(/x/g, "").length, big.split(/y+/).length, big.match(/x/g).length);
const re = /y/g;
let n = 0;
while (re.exec(big)) n++;
console.log(n, re.lastIndex);
