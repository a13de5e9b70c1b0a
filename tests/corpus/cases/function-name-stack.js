// lyjs-only: mujs stack traces name a function as "at NAME (file:line)".
const o = { method() { throw new Error("boom"); } };
const arrow = () => o.method();
class K { static run() { arrow(); } }
try {
	K.run();
} catch (e) {
	const lines = String(e.stack || e.stackTrace).split("\n").filter((l) => /at /.test(l));
	console.log(lines.slice(0, 3).map((l) => l.trim().split(" ")[1]).join(" "));
}
