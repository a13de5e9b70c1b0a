console.log(/\d+(?=%)/.exec("50% of 30")[0], /\d+(?!%)\b/.exec("50% of 30")[0]);
console.log("1234567".replace(/\B(?=(\d{3})+(?!\d))/g, ","), /^(?=.*\d)(?=.*[a-z]).{6,}$/.test("abc123"));
console.log(JSON.stringify(/(?=(a+))a*b\1/.exec("baaabac")));
