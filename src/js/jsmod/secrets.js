/* k6/secrets: get(name) from the default source and source(name).get(),
 * each a Promise, over the primitive P.get(source, key) of
 * src/js/secrets.c.  Its object is the module's default export. */
function getter(source)
{
	return function (key) {
		return new Promise(function (resolve) {
			resolve(P.get(source, String(key)));
		});
	};
}

var secrets = { get: getter('default') };

secrets.source = function (name) {
	return { get: getter(String(name)) };
};
return secrets;
