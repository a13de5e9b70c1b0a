// splice with one or no argument, lastIndexOf at the end, Date.UTC's year and month.
const sp = (...args) => { const a = [1, 2, 3, 4]; const r = a.splice(...args); return JSON.stringify([r, a]); };
console.log(sp(1), sp(-1), sp(), sp(1, undefined), sp(-2, 1, "x", "y"), sp(0, 10), sp(2, 0, "z"), sp(-9), sp(9));
const q = [1, 2, 3]; q.splice(1); console.log(q.length, JSON.stringify(q));
console.log("abc".lastIndexOf(""), "abc".lastIndexOf("", 1), "abcabc".lastIndexOf("c", NaN), "abcabc".lastIndexOf("c", 4), "abcabc".lastIndexOf("c", -1), "abcabc".lastIndexOf("a", 0), "aaa".lastIndexOf("aa"), "héhé".lastIndexOf("é"), "abc".lastIndexOf("x"), "abc".lastIndexOf("abcd"));
console.log(Date.UTC(2020), Date.UTC(2020, 5), Date.UTC(99, 0), Date.UTC(-1, 0), Date.UTC(0, 0, 1), Date.UTC(99.5, 0), Date.UTC(100, 0), Date.UTC(), Date.UTC(2020, 1, 29, 12, 30, 15, 250));
