for (const f of ["gg", "x", "iI", "ss"]) {
  try { new RegExp("a", f); console.log("ok", f); }
  catch (e) { console.log(e.name, e.message); }
}
try { new RegExp("(", ""); } catch (e) { console.log(e.name); }
try { new RegExp("a)"); } catch (e) { console.log(e instanceof SyntaxError); }
try { new RegExp("[b-a]"); } catch (e) { console.log(e.name); }
