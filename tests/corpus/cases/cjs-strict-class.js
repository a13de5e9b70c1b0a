// CommonJS scripts stay sloppy, but class bodies and functions that say
// "use strict" are strict code.
function sloppy() { return typeof this; }
console.log("sloppy this", sloppy());
leaked = 1;
console.log("sloppy undeclared", typeof leaked);
function strict() {
  "use strict";
  const inner = () => { try { undeclaredInStrict = 1; return "no error"; } catch (e) { return e.name; } };
  return [typeof this, inner()].join(" ");
}
console.log("directive", strict());
class K {
  plain() { return this; }
  assign() { try { alsoUndeclared = 1; return "no error"; } catch (e) { return e.name; } }
}
const k = new K();
const plain = k.plain;
console.log("class", plain(), k.assign());
