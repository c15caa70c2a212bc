#!/usr/bin/env bash
# Two app processes (8502, 8503) behind nginx on 127.0.0.1:8080 (deploy/nginx.conf); Ctrl-C stops all.
# Installs the Debian package nginx when missing (needs root); no file under /etc/nginx is changed:
# nginx runs with -p (a temp prefix) and -c (the config in this repo).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-.venv/bin}
if ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ]; then
    echo "nginx ontbreekt: apt-get install -y nginx"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q nginx
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
PREFIX=$(mktemp -d /tmp/toegangswijzer-nginx.XXXXXX)
mkdir -p "$PREFIX/logs" "$PREFIX/tmp"
# One cookie secret for both processes, so a cookie set by one is valid on the other.
export STREAMLIT_SERVER_COOKIE_SECRET=${STREAMLIT_SERVER_COOKIE_SECRET:-$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')}
PIDS=()
stop() {
    trap - INT TERM EXIT
    for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$PREFIX"
}
trap stop INT TERM EXIT
for port in 8502 8503; do
    "$BIN/streamlit" run app.py --server.port "$port" --server.address 127.0.0.1 --server.headless true &
    PIDS+=($!)
done
"$NGINX" -p "$PREFIX" -c "$PWD/deploy/nginx.conf" &
PIDS+=($!)
echo "Toegangswijzer: http://127.0.0.1:8080 (app op 8502 en 8503, nginx-prefix $PREFIX). Ctrl-C stopt alles."
wait
