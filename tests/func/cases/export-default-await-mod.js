// A module whose default export is awaited (export-default-await.js).
const answer = Promise.resolve(42);
export default await answer;
export const later = `after ${await answer}`;
