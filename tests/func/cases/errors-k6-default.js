// An exception in the default function: logged as k6 logs it, and the
// test goes on.
export const options = { iterations: 2 };
const res = { json: () => ({ data: null }) };
export default function () {
  const id = res.json().data.id;
  return id;
}
