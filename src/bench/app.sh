# Sourced by the benchmarks that run the packaged application on the scale data set (scale.sh, export.sh), from the
# repository's root, after setting PORT, MGMT (management port) and OUT (their working directory). Gives: sql,
# start_app (packages, starts with -Xmx$XMX, default 512m, on $DB, waits until ready, stops it on exit), sign_in (a session cookie
# signed in as a user of scale-data.sh) and heap_mb (heap used now, from the management port).
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
DB=${SCALE_DB:-id77_scale}
BASE="http://127.0.0.1:$PORT"
PASSWORD=Bench77-Bench77
mkdir -p "$OUT"
. src/bench/jdk.sh
sql() { psql -X -At -d "$DB" -c "$1"; }
[ "$(sql "SELECT count(*) FROM request" 2>/dev/null || echo 0)" -gt 0 ] \
  || { echo "Base $DB vide ou absente : lancez d'abord src/bench/scale-data.sh" >&2; exit 1; }

# Background processes of the script (samplers) to stop with the application.
BACKGROUND=()
cleanup() {
  for p in "${BACKGROUND[@]}"; do kill "$p" 2>/dev/null || true; done
  [ -n "${APP:-}" ] && { kill "$APP" 2>/dev/null; wait "$APP" 2>/dev/null || true; }
}
trap cleanup EXIT

start_app() {
  nice -n 15 ./mvnw -q -B -ntp -o -DskipTests package
  JAR=$(ls target/id77-*.jar | grep -v original | head -1)
  SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" SPRING_DATASOURCE_USERNAME="$PGUSER" \
  SPRING_DATASOURCE_PASSWORD="${PGPASSWORD:-}" ID77_DATA_DIR="$OUT/data" \
    java -Xmx"${XMX:-512m}" -jar "$JAR" --server.port=$PORT --management.server.port=$MGMT --logging.level.root=WARN \
    > "$OUT/app.log" 2>&1 &
  APP=$!
  for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$MGMT/actuator/health/readiness" -o /dev/null && return 0
    kill -0 $APP 2>/dev/null || { echo "L'application s'est arrêtée : voir $OUT/app.log" >&2; exit 1; }
    sleep 1
  done
  echo "L'application n'est pas prête après 120 s : voir $OUT/app.log" >&2; exit 1
}

# Signs in like a browser (the login form's CSRF token, then the session cookie) and prints « ID77SESSION=… ».
sign_in() {
  local u=$1 jar="$OUT/$1.cookies" csrf cookie
  rm -f "$jar"
  csrf=$(curl -s -c "$jar" -b "$jar" "$BASE/connexion" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
  curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "identifiant=$u" --data-urlencode "motDePasse=$PASSWORD" \
    --data-urlencode "_csrf=$csrf" "$BASE/connexion"
  cookie=$(awk '$6 ~ /SESSION$/ {print $6 "=" $7}' "$jar")
  [ -n "$cookie" ] || { echo "Connexion impossible pour $u" >&2; exit 1; }
  echo "$cookie"
}

# Heap used (MB) now, all areas, or only the memory pools whose id matches $1 (e.g. "Old Gen").
heap_mb() {
  curl -sf "http://127.0.0.1:$MGMT/actuator/prometheus" \
    | awk -v pool="${1:-}" '/^jvm_memory_used_bytes\{.*area="heap"/ && index($0, pool) {s += $NF} END {printf "%d", s / 1048576}'
}
