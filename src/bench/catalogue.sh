#!/usr/bin/env bash
# Catalogue benchmark: starts the packaged application (demo mode: embedded PostgreSQL, its own data directory and
# ports) and nginx (its own configuration and port, never the system service) serving the catalogue's first page as
# a static file with the very same bytes, warms the JVM up, then loads a few catalogue pages and both copies of the
# first page with wrk, and appends requests/s, latency percentiles and the application's share of nginx's rate to
# src/bench/RESULTS.md with a description of the machine.
# Goals (issue 13): the application serves at least 25 % of nginx's requests/s for the same page, p99 < 50 ms, at
# 64 connections. Run it alone, un-niced, holding the build lock: flock /tmp/id77-build.lock src/bench/catalogue.sh
# Usage: [LABEL=text] src/bench/catalogue.sh [duration_seconds=20] [connections=64]   (LABEL goes in the heading)
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION=${1:-20}
CONNECTIONS=${2:-64}
PORT=18300
MANAGEMENT_PORT=18301
DBPORT=18302
NGINX_PORT=18303
OUT=target/bench
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
. src/bench/jdk.sh
bash src/ops/two-instances.sh nginx >/dev/null # Debian's nginx if missing, without starting the system service
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

# building is not measured: niced, so that it never competes with a benchmark of someone else
nice -n 15 ./mvnw -q -B -ntp -DskipTests package
JAR=$(ls target/id77-*.jar | grep -v original | head -1)
rm -rf "$OUT/data" "$OUT/nginx"
java -Xmx1g -jar "$JAR" --id77.demo=true --server.port=$PORT --management.server.port=$MANAGEMENT_PORT \
  --id77.embedded-db.port=$DBPORT --id77.data-dir="$OUT/data" --logging.level.root=WARN > "$OUT/app.log" 2>&1 &
APP=$!
NGINX_PID=
stop() {
  [ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null
  kill $APP 2>/dev/null
  wait $APP 2>/dev/null || true
}
trap stop EXIT
for i in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/" -o /dev/null && break; sleep 1; done

URLS=(
  "/"
  "/?q=amenagement"
  "/?domaine=amenagement-urbanisme&domaine=tourisme&typologie=ingenierie-de-projet"
  "/?code=O37"
  "/offres/O37"
)
echo "Warm-up of the application (${DURATION}s per page)…"
for u in "${URLS[@]}"; do wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" "http://127.0.0.1:$PORT$u" >/dev/null; done

# nginx serves the bytes of the application's first page (as an anonymous visitor gets them) as a static file
mkdir -p "$OUT/nginx/www" "$OUT/nginx/tmp"
curl -sf "http://127.0.0.1:$PORT/" -o "$OUT/nginx/www/index.html"
chmod -R a+rX "$OUT/nginx"
cat > "$OUT/nginx/nginx.conf" <<EOF
worker_processes auto;
pid $OUT/nginx/nginx.pid;
error_log $OUT/nginx/error.log warn;
daemon off;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  client_body_temp_path $OUT/nginx/tmp;
  proxy_temp_path $OUT/nginx/tmp;
  fastcgi_temp_path $OUT/nginx/tmp;
  uwsgi_temp_path $OUT/nginx/tmp;
  scgi_temp_path $OUT/nginx/tmp;
  types { text/html html; }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $OUT/nginx/www;
  }
}
EOF
"$NGINX" -p "$OUT/nginx" -c "$OUT/nginx/nginx.conf" &
NGINX_PID=$!
for i in $(seq 1 20); do curl -sf "http://127.0.0.1:$NGINX_PORT/index.html" -o /dev/null && break; sleep 0.5; done
curl -sf "http://127.0.0.1:$PORT/" -o "$OUT/app-page.html"
cmp -s "$OUT/app-page.html" <(curl -sf "http://127.0.0.1:$NGINX_PORT/index.html") \
  || { echo "nginx ne sert pas les mêmes octets que l'application pour /" >&2; exit 1; }
APP_BYTES=$(wc -c < "$OUT/app-page.html")

wrk -t2 -c"$CONNECTIONS" -d5s "http://127.0.0.1:$NGINX_PORT/index.html" >/dev/null

{
  echo
  echo "## $(date -u +%Y-%m-%dT%H:%MZ) — ${LABEL:-$(git rev-parse --short HEAD 2>/dev/null)}, ${DURATION}s per page, $CONNECTIONS connections, wrk -t2 --latency"
  echo
  echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); JDK $(java -version 2>&1 | head -1); $("$NGINX" -v 2>&1 | cut -d' ' -f3); load generator on the same machine (load average $(cut -d' ' -f1-3 /proc/loadavg) at the start). Page \`/\`: $APP_BYTES bytes."
  echo
  echo "| page | requests/s | p50 | p90 | p99 | errors |"
  echo "|---|---|---|---|---|---|"
} >> src/bench/RESULTS.md
measure() { # label, url; prints requests/s
  wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency "$2" > "$OUT/wrk.txt"
  local rps p50 p90 p99 errs
  rps=$(awk '/Requests\/sec/ {print $2}' "$OUT/wrk.txt")
  p50=$(awk '$1=="50%" {print $2}' "$OUT/wrk.txt"); p90=$(awk '$1=="90%" {print $2}' "$OUT/wrk.txt"); p99=$(awk '$1=="99%" {print $2}' "$OUT/wrk.txt")
  errs=$(awk '/Non-2xx|Socket errors/ {printf "%s ", $0}' "$OUT/wrk.txt")
  echo "| $1 | $rps | $p50 | $p90 | $p99 | ${errs:-0} |" >> src/bench/RESULTS.md
  echo "$1: $rps req/s, p50 $p50, p99 $p99" >&2
  echo "$rps"
}
# the first page and its static copy one after the other, then the other pages
APP_RPS=$(measure "\`/\`" "http://127.0.0.1:$PORT/")
NGINX_RPS=$(measure "nginx, the same bytes as a static file" "http://127.0.0.1:$NGINX_PORT/index.html")
for u in "${URLS[@]:1}"; do measure "\`$u\`" "http://127.0.0.1:$PORT$u" >/dev/null; done
RATIO=$(awk -v a="$APP_RPS" -v n="$NGINX_RPS" 'BEGIN { printf "%.1f", 100 * a / n }')
{
  echo
  echo "Application \`/\` / nginx: **$RATIO %** of nginx's requests/s (goal ≥ 25 %)."
} >> src/bench/RESULTS.md
echo "Application / nginx : $RATIO %"
