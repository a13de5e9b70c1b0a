for (const p of ["\\_", "\\-", "\\a", "{", "]", "\\u{110000}", "\\p{Nope}", "\\k"]) {
  try { new RegExp(p, "u"); console.log(JSON.stringify(p), "ok"); } catch (e) { console.log(JSON.stringify(p), e.name); }
}
