#!/usr/bin/env bash
# Catalogue benchmark: starts the packaged application (demo mode: embedded PostgreSQL, its own data directory and
# ports), warms the JVM up, then loads a few catalogue pages with wrk and appends requests/s and latency
# percentiles to src/bench/RESULTS.md with a description of the machine.
# Usage: src/bench/catalogue.sh [duration_seconds=30] [connections=16]
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION=${1:-30}
CONNECTIONS=${2:-16}
PORT=18077
DBPORT=54397
OUT=target/bench
mkdir -p "$OUT"
. src/bench/jdk.sh

./mvnw -q -B -ntp -DskipTests package
JAR=$(ls target/id77-*.jar | grep -v original | head -1)
rm -rf "$OUT/data"
java -Xmx1g -jar "$JAR" --id77.demo=true --server.port=$PORT --id77.embedded-db.port=$DBPORT --id77.data-dir="$OUT/data" \
  --logging.level.root=WARN > "$OUT/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null || true' EXIT
for i in $(seq 1 90); do curl -sf "http://127.0.0.1:$PORT/" -o /dev/null && break; sleep 1; done

URLS=(
  "/"
  "/?q=amenagement"
  "/?domaine=amenagement-urbanisme&domaine=tourisme&typologie=ingenierie-de-projet"
  "/?code=O37"
  "/offres/O37"
)
echo "Warm-up (${DURATION}s per page)…"
for u in "${URLS[@]}"; do wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" "http://127.0.0.1:$PORT$u" >/dev/null; done

{
  echo
  echo "## $(date -u +%Y-%m-%dT%H:%MZ) — ${DURATION}s per page, $CONNECTIONS connections, wrk -t2 --latency"
  echo
  echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); JDK $(java -version 2>&1 | head -1); load generator on the same machine."
  echo
  echo "| page | requests/s | p50 | p90 | p99 | errors |"
  echo "|---|---|---|---|---|---|"
} >> src/bench/RESULTS.md
for u in "${URLS[@]}"; do
  wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency "http://127.0.0.1:$PORT$u" > "$OUT/wrk.txt"
  rps=$(awk '/Requests\/sec/ {print $2}' "$OUT/wrk.txt")
  p50=$(awk '$1=="50%" {print $2}' "$OUT/wrk.txt"); p90=$(awk '$1=="90%" {print $2}' "$OUT/wrk.txt"); p99=$(awk '$1=="99%" {print $2}' "$OUT/wrk.txt")
  errs=$(awk '/Non-2xx|Socket errors/ {printf "%s ", $0}' "$OUT/wrk.txt")
  echo "| \`$u\` | $rps | $p50 | $p90 | $p99 | ${errs:-0} |" >> src/bench/RESULTS.md
  echo "$u: $rps req/s, p50 $p50, p99 $p99"
done
