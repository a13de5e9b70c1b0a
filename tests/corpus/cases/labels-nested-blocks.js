let log = [];
a: {
  b: {
    log.push(1);
    break a;
  }
  log.push(2);
}
log.push(3);
console.log(log.join(''));
