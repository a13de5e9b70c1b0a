const re = /(?<y>\d{4})-(?<m>\d\d)-(?<d>\d\d)/g;
console.log("2020-01-02 and 2021-11-12".replace(re, "$<d>/$<m>/$<y>"));
console.log("2020-01-02".replace(/(?<y>\d{4})/, "[$<nope>]"));
console.log("2020".replace(/(\d{4})/, "[$<y>]"));
console.log("ab".replace(/(?<x>a)/, "$<x"));
console.log("ab".replace(/(?<x>a)/, (...args) => JSON.stringify(args)));
