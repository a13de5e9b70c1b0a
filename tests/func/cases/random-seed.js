// randomSeed(n) gives k6's numbers: Go's math/rand seeded with n (with
// seed 1, Go's rand.Float64 starts 0.6046602879796196, 0.9405090880450124,
// 0.6645600532184904).
import { check, randomSeed } from 'k6';
export const options = { iterations: 1 };
export default function () {
	randomSeed(1);
	const a = [Math.random(), Math.random(), Math.random()];
	check(a, { "Go's first numbers for seed 1": (v) => v[0] === 0.6046602879796196 &&
	    v[1] === 0.9405090880450124 && v[2] === 0.6645600532184904 });
	randomSeed(1);
	check(Math.random(), { 'the same seed, the same sequence': (v) => v === a[0] });
	randomSeed(-7);
	check(Math.random(), { 'another seed, another number': (v) => v !== a[0] && v >= 0 && v < 1 });
}
