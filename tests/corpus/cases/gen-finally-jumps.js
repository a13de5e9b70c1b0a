// break and continue out of try statements nested in a generator or an
// async function run every finally block they leave, innermost first,
// as return and throw do.
const log = [];
function* g() {
  for (const i of [1, 2, 3, 4]) {
    try {
      try {
        yield i;
        if (i === 2) continue;
        if (i === 4) break;
        log.push('body' + i);
      } finally {
        log.push('a' + i);
      }
    } finally {
      log.push('b' + i);
    }
  }
  log.push('end');
}
console.log([...g()].join(), log.join());
log.length = 0;
function* labelled() {
  outer: for (let i = 0; i < 3; i++) {
    for (let j = 0; j < 3; j++) {
      try {
        try {
          try {
            yield i + '' + j;
            if (j === 1) continue outer;
          } finally {
            log.push('x' + i + j);
          }
        } finally {
          log.push('y' + i + j);
        }
      } finally {
        log.push('z' + i + j);
      }
    }
  }
}
console.log([...labelled()].join(), log.join());
log.length = 0;
async function a() {
  let n = 0;
  while (n < 3) {
    n++;
    try {
      try {
        await null;
        if (n === 2) continue;
        if (n === 3) break;
      } finally {
        log.push('in' + n);
      }
    } finally {
      log.push('out' + n);
    }
  }
  return n;
}
a().then((n) => console.log('async', n, log.join()));
