// Assigning the global Date before it is first read replaces it.
Date = 5;
console.log(Date, typeof Date, globalThis.Date, 'Date' in globalThis);
