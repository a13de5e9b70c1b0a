// For tests/func/signals.sh: init code that never ends.
while (true) {}
export default function () {}
