const URL_RE = /^(?:([A-Za-z]+):)?(\/{0,3})([0-9.\-A-Za-z]+)(?::(\d+))?(?:\/([^?#]*))?(?:\?([^#]*))?(?:#(.*))?$/;
console.log(JSON.stringify(URL_RE.exec("http://www.ora.com:80/goodparts?q#fragment")));
const qs = "a=1&b=two&c=&d";
const out = {};
qs.replace(/([^&=]+)=?([^&]*)/g, (m, k, v) => { out[k] = v; return m; });
console.log(JSON.stringify(out));
console.log(encodeURIComponent("a b&c").replace(/%20/g, "+"));
