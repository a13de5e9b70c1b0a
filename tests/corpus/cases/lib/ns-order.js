export const b = 1;
export function a() {}
export default 3;
export { b as C };
