const rows = [{ id: 1, name: 'a' }, { id: 2, name: 'b' }];
const html = `<table>
${rows.map(r => `  <tr><td>${r.id}</td><td>${r.name}</td></tr>`).join('\n')}
</table>`;
console.log(html);
