// lyjs-only: k6 runs the default export
export default async function () {
  console.log("default start");
  await new Promise((r) => setTimeout(r, 5));
  console.log("default end");
}
