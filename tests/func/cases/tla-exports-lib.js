export const hoisted = counter();
await null;
export function counter() { return 7; }
export class Shape {
  constructor(s) { this.s = s; }
  area() { return this.s * this.s; }
}
export const label = 'lib';
export { named };
export default function named() { return 'named'; }
