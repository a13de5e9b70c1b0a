#!/bin/bash
# CPU per VU: (cpu(N) - cpu(1)) / (N-1), user+sys of the tree
ly=${1:-/tmp/b/lyocell}; n=${2:-4000}
cpu() { /usr/bin/time -f "%U %S %e %M" "$ly" run -q --no-summary -e N=$1 /tmp/m/init.js 2>&1 >/dev/null | tail -1; }
a=$(cpu 1); b=$(cpu $n)
echo "1: $a  $n: $b"
echo "$a $b" | awk -v n=$n '{ c1=$1+$2; cn=$5+$6; us=(cn-c1)/(n-1)*1e6; printf "CPU/VU %.0f us -> %.0f VUs/s/core; wall %.2fs\n", us, 1e6/us, $7 }'
