const re = /(\$|\.\.?[\w*]+|\[(?:'[^']*'|"[^"]*"|\d+|\*)\])/g;
console.log(JSON.stringify("$.store.book[0]['title']..author[*]".match(re)));
const q = /^\?\((.*)\)$/;
console.log(q.exec("?(@.price < 10)")[1]);
