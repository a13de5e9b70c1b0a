const m = /(?<year>\d{4})-(?<month>\d{2})(-(?<day>\d{2}))?/.exec("on 2024-05 ok");
console.log(JSON.stringify(m.groups), Object.keys(m.groups).join(","), m.groups.day);
console.log(Object.getPrototypeOf(m.groups) === null);
const n = /(?<a>x)|(?<b>y)/.exec("y");
console.log(n.groups.a, n.groups.b);
console.log(/(a)/.exec("a").groups);
