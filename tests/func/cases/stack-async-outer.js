// An async function's frame is one frame named as the function (also
// after an await), at the line it has reached, as k6 shows it: not the
// body's anonymous frame, the engine's "as" and the function's own line.
function inner() {
  return new Error('x').stack;
}

async function named() {
  return inner();
}

const o = {
  async method() {
    return inner();
  },
};

export default async function () {
  console.log('body ' + inner());
  console.log('named ' + (await named()));
  const arrow = async () => inner();
  console.log('arrow ' + (await arrow()));
  console.log('method ' + (await o.method()));
  console.log('iife ' + (await (async () => inner())()));
}
