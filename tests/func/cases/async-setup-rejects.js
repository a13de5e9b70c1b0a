// An async setup() whose promise rejects fails the test as a throwing
// setup() does.
export default function () {}

export async function setup() {
  await 0;
  throw new Error('setup went wrong later');
}
