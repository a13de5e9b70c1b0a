try {
  JSON.parse('{');
} catch {
  console.log('caught');
}
try { throw 1; } catch { } finally { console.log('finally'); }
