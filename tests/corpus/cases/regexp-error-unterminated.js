for (const p of ["(", "[", "a{2,1}", "\\", "(?<n>a)(?<n>b)", "\\k<x>(?<y>a)", "*", "a)"]) {
  try { new RegExp(p); console.log(JSON.stringify(p), "ok"); } catch (e) { console.log(JSON.stringify(p), e.name); }
}
