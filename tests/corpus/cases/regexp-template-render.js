const tpl = "Hello {{ name }}, you have {{count}} {{ unknown }} items";
const vars = { name: "Ann", count: 3 };
console.log(tpl.replace(/\{\{\s*(\w+)\s*\}\}/g, (m, k) => k in vars ? vars[k] : m));
console.log("camelCaseString".replace(/([a-z])([A-Z])/g, "$1_$2").toLowerCase());
console.log("snake_case_here".replace(/_(\w)/g, (m, c) => c.toUpperCase()));
