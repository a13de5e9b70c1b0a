const fmt = n => String(n).replace(/(\d)(?=(\d{3})+(?:\.|$))/g, "$1,");
console.log(fmt(1234567), fmt(1000), fmt(999), fmt(1234567.891));
console.log("0012.5000".replace(/^0+(?=\d)|\.?0+$/g, ""), /^-?\d+(\.\d+)?$/.test("-3.14"));
