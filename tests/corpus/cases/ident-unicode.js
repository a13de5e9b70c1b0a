// Identifiers are made of Unicode ID_Start and ID_Continue characters:
// letters of any script run, and a symbol, a space or bad UTF-8 is an
// error, as in node and k6 (the fuzzer's programs ran with them).
const café = 1, π = 3, ǅ = 4, Ωmega = 5, ﾟ = 6;
console.log(café + π + ǅ + Ωmega + ﾟ);
