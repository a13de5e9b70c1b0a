const s = "  many   spaces\there \n and\u00a0nbsp  ";
console.log(JSON.stringify(s.replace(/\s+/g, " ").trim()), JSON.stringify(s.split(/\s+/).filter(x => x)));
console.log(JSON.stringify(s.replace(/^\s+/, "")), JSON.stringify(s.replace(/\s+$/, "")));
