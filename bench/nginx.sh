# Sourced by the benchmarks: start_nginx DIR starts nginx on a free port of
# 127.0.0.1 serving DIR/www/index.html (612 bytes), with DIR for its files;
# it sets NGINX_PID and NGINX_URL.  stop_nginx stops it.  nginx_session
# NAME does both for a benchmark's run.  get_check_script FILE writes the
# script the request benchmarks run.
start_nginx() {
	local dir=$1 try port nginx
	nginx=$(command -v nginx || echo /usr/sbin/nginx)
	[ -x "$nginx" ] || { echo "nginx is not installed (apt-get install nginx-light)" >&2; return 1; }
	mkdir -p "$dir/www" "$dir/logs"
	head -c 612 /dev/zero | tr '\0' 'x' >"$dir/www/index.html"
	chmod 644 "$dir/www/index.html"
	NGINX_PID=
	for try in $(seq 20); do
		port=$((20000 + RANDOM % 20000))
		# Workers run as us (as root they would run as nobody, who may
		# not reach a private temporary directory).
		cat >"$dir/nginx.conf" <<CONF
user $(id -un) $(id -gn);
worker_processes 2;
worker_rlimit_nofile 65536;
pid $dir/nginx.pid;
error_log $dir/logs/error.log;
events { worker_connections 32768; }
http {
	access_log off;
	keepalive_requests 1000000;
	keepalive_timeout 120s;
	client_body_temp_path $dir/body;
	proxy_temp_path $dir/proxy;
	fastcgi_temp_path $dir/fcgi;
	uwsgi_temp_path $dir/uwsgi;
	scgi_temp_path $dir/scgi;
	server {
		listen 127.0.0.1:$port backlog=8192;
		root $dir/www;
	}
}
CONF
		"$nginx" -p "$dir" -c "$dir/nginx.conf" -g 'daemon off;' 2>"$dir/nginx.err" &
		NGINX_PID=$!
		for _ in $(seq 50); do
			if curl -sf -o /dev/null "http://127.0.0.1:$port/index.html"; then
				NGINX_URL=http://127.0.0.1:$port/index.html
				return 0
			fi
			kill -0 "$NGINX_PID" 2>/dev/null || break
			sleep 0.1
		done
		kill "$NGINX_PID" 2>/dev/null; wait "$NGINX_PID" 2>/dev/null || true
		NGINX_PID=
	done
	echo "nginx did not start:" >&2
	cat "$dir/nginx.err" >&2
	return 1
}

stop_nginx() {
	[ -n "${NGINX_PID:-}" ] && kill "$NGINX_PID" 2>/dev/null && wait "$NGINX_PID" 2>/dev/null
	NGINX_PID=
}

# nginx_session NAME: tmp, a new temporary directory (lyocell-NAME.XXXXXX),
# and nginx started in it; when the script exits, its session_end
# function if it has one, then nginx stopped and tmp removed.
nginx_session() {
	tmp=$(mktemp -d "${TMPDIR:-/tmp}/lyocell-$1.XXXXXX")
	trap 'if command -v session_end >/dev/null; then session_end; fi; stop_nginx; rm -rf "$tmp"' EXIT
	start_nginx "$tmp"
}

# The script of the request benchmarks: VUS virtual users make N requests
# in all, each http.get(URL) + one check.
get_check_script() {
	cat >"$1" <<'JS'
import http from 'k6/http';
import { check } from 'k6';
export const options = { vus: Number(__ENV.VUS), iterations: Number(__ENV.N) };
export default function () {
  const res = http.get(__ENV.URL);
  check(res, { 'status is 200': (r) => r.status === 200 });
}
JS
}
