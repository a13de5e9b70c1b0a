// Opens its file after a top-level await: relative to this folder.
await null;
export const text = open('./data.txt');
