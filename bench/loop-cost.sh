# Sourced by the bench scripts that count what a JavaScript loop costs
# (error-cost.sh, symbol-cost.sh).  The caller sets build (the build
# directory) and defines program CASE ROUNDS, which prints the script of
# CASE looping ROUNDS times.  loop_cost N CASE... prints, per case, the CPU
# instructions (callgrind, tests/corpus/lyjs) of 2N rounds less those of
# N, divided by N, so that start-up and exit cancel out.
loop_cost_tmp=$(mktemp -d "${TMPDIR:-/tmp}/lyocell-loop.XXXXXX")
trap 'rm -rf "$loop_cost_tmp"' EXIT

loop_cost_ir() {	# loop_cost_ir CASE ROUNDS
	program "$1" "$2" >"$loop_cost_tmp/loop.js"
	rm -f "$loop_cost_tmp"/cg.*
	valgrind --tool=callgrind --callgrind-out-file="$loop_cost_tmp/cg.out" \
	    "$build/tests/corpus/lyjs" "$loop_cost_tmp/loop.js" >/dev/null 2>&1
	awk '/^totals:/ { print $2 }' "$loop_cost_tmp/cg.out"
}

loop_cost() {	# loop_cost N CASE...
	local n=$1 k a b

	shift
	for k in "$@"; do
		a=$(loop_cost_ir "$k" "$n")
		b=$(loop_cost_ir "$k" $((2 * n)))
		echo "$k $(( (b - a) / n ))"
	done
}
