// Imported by tla-importer.js.
console.log('slow start');
export const value = await new Promise((r) => setTimeout(() => r('slow'), 10));
console.log('slow done');
