console.log(/\_/.test("_"), "a_b".replace(/\_/g, "-"), /\-/.test("-"), /\//.test("/"));
console.log(/\a/.test("a"), /\e\g\h\j\l\m\o\q/.test("eghjlmoq"), /\z/.test("z"), /\y/.test("y"));
console.log(/\:\;\"\'\%\@\#\!\~\`\=\,\</.test(":;\"'%@#!~`=,<"), /[\_\-\:]/.test(":"));
console.log(/\M/.test("M"), /\E/.test("E"), /\Q/.test("Q"), /\A/.test("A"), /\Z/.test("Z"), /\G/.test("G"));
