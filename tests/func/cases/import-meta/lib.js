// Resolved against this module's folder, not the main script's.
export const here = import.meta.resolve('./data.txt');
export const url = import.meta.url;
export const text = open(import.meta.resolve('./data.txt'));
