// The timers' errors are k6's: no callback is a GoError, a value that is
// no function the TypeError of Go's conversion.
import { check } from 'k6';
import { setTimeout as st, setInterval as si } from 'k6/timers';

export const options = { iterations: 1 };

function thrown(f) {
	try {
		f();
	} catch (e) {
		return e.name + ': ' + e.message;
	}
	return 'no error';
}

export default function () {
	check(null, {
		'no callback': () => thrown(() => setTimeout()) === "GoError: setTimeout's callback isn't a callable function" &&
		    thrown(() => si(null, 5)) === "GoError: setInterval's callback isn't a callable function",
		'not a function': () => thrown(() => st(5)) ===
		    'TypeError: could not convert function call parameter 0: could not convert 5 to sobek.Callable' &&
		    thrown(() => setInterval('x()', 1)) ===
		    'TypeError: could not convert function call parameter 0: could not convert x() to sobek.Callable',
		'names': () => setTimeout.name === 'go.k6.io/k6/internal/js/tc55/timers.(*timers).setTimeout-fm' &&
		    st === setTimeout,
	});
}
