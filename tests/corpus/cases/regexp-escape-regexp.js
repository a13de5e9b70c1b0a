const esc = s => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const parts = ["a.b", "(x)", "1+1=2", "$5", "[tag]", "a\\b", "q?", "c|d", "^start"];
for (const p of parts) {
  const re = new RegExp("^" + esc(p) + "$");
  console.log(esc(p), re.test(p), re.test(p + "x"));
}
