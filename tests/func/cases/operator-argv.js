// The command line k6-operator builds: flags after the script, repeated
// --tag and -e, the REST API on a port of its own.
export const options = {
	thresholds: {
		'iterations{instance_id:2}': ['count==3'],
		'iterations{testrun_name:test run}': ['count==3'],
	},
};
export default function () {
	if (__ENV.QUOTED !== '"value"' || __ENV.PRICE !== '$100')
		throw new Error('env: ' + __ENV.QUOTED + ' ' + __ENV.PRICE);
}
