let a = 1
let b = 2
const c = a
+ b
console.log(c)
function f() {
  return
  42
}
console.log(f())
let i = 0
i
++
b
console.log(i, b)
const t = `x`
;[1, 2].forEach(v => console.log(v))
