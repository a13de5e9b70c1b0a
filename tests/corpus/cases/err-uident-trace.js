// A function named in Unicode shows its name in .name and the stack trace.
function 投げる() {
  throw new Error('from ' + 投げる.name);
}
const 呼ぶ = () => {
  投げる();
};
呼ぶ();
