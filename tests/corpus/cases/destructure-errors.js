try { const { a } = null; } catch (e) { console.log(e instanceof TypeError); }
try { const [b] = undefined; } catch (e) { console.log(e instanceof TypeError); }
try { const [c] = {}; } catch (e) { console.log(e instanceof TypeError); }
