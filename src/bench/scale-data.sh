#!/usr/bin/env bash
# Builds the scale data set of the benchmark (src/bench/scale.sh): drops and creates the database (id77_scale by
# default) on a PostgreSQL server, starts the packaged application once against it so that Flyway creates the schema
# and the initial catalogue is loaded, stops it, then fills it with src/bench/scale-data.sql (1,000 collectivities,
# 100,000 requests, about 1,000,000 comments…). A few minutes on 2 cores.
# Every account of this database has the bench-only password Bench77-Bench77: never point production at it.
# Usage: src/bench/scale-data.sh        (PGHOST, PGPORT, PGUSER: the server, default 127.0.0.1:5432, postgres, trust;
#                                        SCALE_DB: the database, default id77_scale)
set -euo pipefail
cd "$(dirname "$0")/../.."
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
DB=${SCALE_DB:-id77_scale}
PORT=18290
MGMT=18291
OUT=target/bench-scale
mkdir -p "$OUT"
. src/bench/jdk.sh

JAR=$(ls target/id77-*.jar 2>/dev/null | grep -v original | head -1 || true)
if [ -z "$JAR" ] || [ "${SCALE_PACKAGE:-0}" = 1 ]; then
  ./mvnw -q -B -ntp -DskipTests package
  JAR=$(ls target/id77-*.jar | grep -v original | head -1)
fi

start=$(date +%s)
echo "Base $DB sur $PGHOST:$PGPORT : recréée."
dropdb --if-exists --force "$DB"
createdb "$DB"

echo "Schéma et catalogue : l'application démarre une fois sur la base…"
SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" SPRING_DATASOURCE_USERNAME="$PGUSER" \
SPRING_DATASOURCE_PASSWORD="${PGPASSWORD:-}" ID77_DATA_DIR="$OUT/data" \
  java -Xmx512m -jar "$JAR" --server.port=$PORT --management.server.port=$MGMT > "$OUT/generate-app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
ready=
for _ in $(seq 1 120); do
  if curl -sf "http://127.0.0.1:$MGMT/actuator/health/readiness" -o /dev/null; then ready=1; break; fi
  kill -0 $APP 2>/dev/null || break
  sleep 1
done
kill $APP; wait $APP 2>/dev/null || true
trap - EXIT
[ -n "$ready" ] || { echo "L'application n'a pas démarré : voir $OUT/generate-app.log" >&2; exit 1; }

echo "Données (src/bench/scale-data.sql)…"
psql -X -q -v ON_ERROR_STOP=1 -d "$DB" -f src/bench/scale-data.sql
psql -X -q -d "$DB" -c "VACUUM ANALYZE"
echo "Terminé en $(( $(date +%s) - start )) s. Comptes : benchadmin, benchchef, benchmembre (mot de passe Bench77-Bench77)."
