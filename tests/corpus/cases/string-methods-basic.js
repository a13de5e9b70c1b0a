const s = 'Hello, World';
console.log(s.toUpperCase(), s.indexOf('World'), s.slice(-5), s.split(', ').length);
console.log(s.charAt(0), s.charCodeAt(1), s.substring(0, 5), s.replace(/o/g, '0'));
