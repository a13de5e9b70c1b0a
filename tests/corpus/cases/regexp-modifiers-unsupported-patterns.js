for (const p of ["a++", "(?P<x>a)", "(?i)a", "a**", "(?#c)"]) {
  try { new RegExp(p); console.log(p, "ok"); } catch (e) { console.log(p, e.name); }
}
