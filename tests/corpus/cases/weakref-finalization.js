// WeakRef and FinalizationRegistry: deref gives the target back.
const o = { v: 1 };
const w = new WeakRef(o);
console.log(w.deref() === o, w.deref().v, typeof WeakRef.prototype.deref, w instanceof WeakRef);
const fr = new FinalizationRegistry(() => {});
console.log(fr.register(o, "held"), fr.register({}, 1, o), fr.unregister(o), fr.unregister(o), fr instanceof FinalizationRegistry);
for (const bad of [() => new WeakRef(1), () => WeakRef({}), () => new FinalizationRegistry(1), () => fr.register(1, 2), () => fr.unregister(1), () => fr.register(o, o)]) {
	try { bad(); console.log("no error"); } catch (e) { console.log(e instanceof TypeError); }
}
