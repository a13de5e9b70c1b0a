// Its top-level await waits for a promise nothing settles.
await new Promise(() => {});
export default function () {}
