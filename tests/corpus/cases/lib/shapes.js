export class Square {
  constructor(s) { this.s = s; }
  area() { return this.s * this.s; }
}
export const unit = 'cm';
const PI = 3.14;
export { PI as pi };
export default class {
  kind() { return 'anonymous default class'; }
}
