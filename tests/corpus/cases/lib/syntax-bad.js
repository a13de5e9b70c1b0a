export const ok = 1;
export function f() {
  return 1 +;
}
