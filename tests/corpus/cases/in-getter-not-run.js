// `in` and the other questions of whether a property exists answer
// without running its getter: the getter's side effect shows how often it
// ran.
let runs = 0;
const o = { get g() { runs++; return 1; }, plain: 2 };
const child = Object.create(o);
class A { get x() { runs++; return 3; } static get s() { runs++; return 4; } }
const a = new A();
const arr = [1, 2];
Object.defineProperty(arr, "5", { get() { runs++; return 6; } });
function ask(title, v) { console.log(title, v, runs); }
ask("'g' in o", "g" in o);
ask("'g' in child", "g" in child);
ask("'x' in a", "x" in a);
ask("'s' in A", "s" in A);
ask("'5' in arr", "5" in arr);
ask("5 in arr", 5 in arr);
ask("'nope' in o", "nope" in o);
ask("'plain' in o", "plain" in o);
ask("hasOwnProperty", o.hasOwnProperty("g"));
ask("Object.hasOwn", Object.hasOwn(o, "g"));
ask("propertyIsEnumerable", o.propertyIsEnumerable("g"));
ask("getOwnPropertyDescriptor", typeof Object.getOwnPropertyDescriptor(o, "g").get);
ask("Object.keys", Object.keys(o).join());
ask("getOwnPropertyNames", Object.getOwnPropertyNames(o).join());
ask("Reflect.has", Reflect.has(child, "g"));
ask("Reflect.ownKeys", Reflect.ownKeys(o).join());
let keys = [];
for (const k in child) keys.push(k);
ask("for-in", keys.join());
ask("read runs it", o.g);
ask("Object.values runs it", Object.values(o).join());
ask("in a condition", "g" in o ? "yes" : "no");
