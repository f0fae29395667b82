#!/usr/bin/env bash
# Scale benchmark: the packaged application (production mode, -Xmx512m) against the data set of scale-data.sh
# (id77_scale: 1,000 collectivities, 100,000 requests, about 1,000,000 comments). Signs in as an admin, a chef de file
# and a member with curl, checks that every page answers 200 for that user, warms up, then measures each page with
# wrk (8 connections) and appends p50 / p95 / p99, requests/s, page size and the heap used to
# src/bench/SCALE-RESULTS.md. Goals: p95 < 50 ms for every signed-in page, catalogue search p95 < 20 ms, heap < 512 MB.
# Run it alone on the machine: flock /tmp/id77-build.lock src/bench/scale.sh
# Usage: src/bench/scale.sh [seconds_per_page=15] [connections=8] [label]
#   (PGHOST, PGPORT, PGUSER, SCALE_DB as for scale-data.sh; build the data set first: src/bench/scale-data.sh;
#   SCALE_PORT, SCALE_MANAGEMENT_PORT: the application's ports, 18200 and 18201 by default)
# To measure a new page, add its address to the list of the user who sees it (URLS_* below).
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION=${1:-15}
CONNECTIONS=${2:-8}
LABEL=${3:-$(git rev-parse --abbrev-ref HEAD 2>/dev/null) $(git rev-parse --short HEAD 2>/dev/null)}
PORT=${SCALE_PORT:-18200}
MGMT=${SCALE_MANAGEMENT_PORT:-18201}
OUT=target/bench-scale
RESULTS=src/bench/SCALE-RESULTS.md
. src/bench/app.sh

# The long thread: benchmembre's request on an offer of benchchef with the most comments (50 or more).
THREAD=$(sql "SELECT r.numero FROM request r JOIN app_user m ON m.collectivity_id = r.collectivity_id
  JOIN offer o ON o.id = r.offer_id JOIN app_user c ON c.id = o.chef_de_file_id
  WHERE m.identifiant = 'benchmembre' AND c.identifiant = 'benchchef'
  ORDER BY (SELECT count(*) FROM request_comment k WHERE k.request_id = r.id) DESC, r.numero DESC LIMIT 1")
COMMENTS=$(sql "SELECT count(*) FROM request_comment k JOIN request r ON r.id = k.request_id WHERE r.numero = $THREAD")

# What each user measures. A deep page is the middle of that user's list (the farthest from both ends).
URLS_ANONYMOUS=("/?q=amenagement")
URLS_benchadmin=("/demandes" "/demandes?canton=MEAUX&statut=TERMINEE" "/demandes?page=2500" "/demandes?retard=oui" "/demandes/$THREAD"
  "/notifications" "/statistiques" "/statistiques?periode=12mois&canton=MEAUX" "/admin" "/tableau-de-bord")
URLS_benchchef=("/demandes" "/demandes?statut=EN_COURS" "/demandes?page=213" "/demandes?retard=oui&tri=retard" "/demandes/$THREAD" "/notifications"
  "/statistiques" "/tableau-de-bord")
URLS_benchmembre=("/demandes" "/demandes?statut=TERMINEE" "/demandes?page=35" "/demandes/$THREAD" "/notifications")
USERS=(benchadmin benchchef benchmembre)

start_app

# Heap used (MB), sampled every second during the whole run; the maximum is reported.
( max=0; while sleep 1; do h=$(heap_mb || echo 0); [ "${h:-0}" -gt "$max" ] && max=$h && echo "$max" > "$OUT/heap-max"; done ) &
BACKGROUND+=($!)
echo 0 > "$OUT/heap-max"

# Every user signed in once (their session cookies).
declare -A COOKIE
for u in "${USERS[@]}"; do COOKIE[$u]=$(sign_in "$u"); done

cat > "$OUT/percentiles.lua" <<'LUA'
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %.1f %.1f %.1f %.1f %d %d\n", latency:percentile(50) / 1000,
    latency:percentile(95) / 1000, latency:percentile(99) / 1000, summary.requests / (summary.duration / 1e6),
    e.status, e.connect + e.read + e.write + e.timeout))
end
LUA

# every (user, address) pair; each must answer 200 to that user (not a redirection to the sign-in page)
PAIRS=()
for url in "${URLS_ANONYMOUS[@]}"; do PAIRS+=("-|$url"); done
for u in "${USERS[@]}"; do
  declare -n list="URLS_$u"
  for url in "${list[@]}"; do PAIRS+=("$u|$url"); done
done
declare -A SIZE
for pair in "${PAIRS[@]}"; do
  u=${pair%%|*}; url=${pair#*|}
  cookie=""; [ "$u" != "-" ] && cookie=${COOKIE[$u]}
  read -r code size < <(curl -s -o /dev/null -H "Cookie: $cookie" -w '%{http_code} %{size_download}\n' "$BASE$url")
  [ "$code" = 200 ] || { echo "$u $url : HTTP $code" >&2; exit 1; }
  SIZE[$pair]=$size
done

echo "Chauffe (${DURATION}s par page)…"
for pair in "${PAIRS[@]}"; do
  u=${pair%%|*}; url=${pair#*|}; cookie=""; [ "$u" != "-" ] && cookie=${COOKIE[$u]}
  wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" -H "Cookie: $cookie" "$BASE$url" > /dev/null
done

others="charge moyenne $(cut -d" " -f1-3 /proc/loadavg) ; $(ps -eo pid,pcpu,args --sort=-pcpu | awk -v app=$APP 'NR > 1 && $1 != app && $2 > 20 {print $3 " (" $2 " %)"}' | head -4 | paste -sd, -)"
{
  echo
  echo "## $(date -u +%Y-%m-%dT%H:%MZ) — $LABEL — ${DURATION}s par page après ${DURATION}s de chauffe, $CONNECTIONS connexions"
  echo
  echo "Machine : $(nproc) cœurs, $(free -g | awk '/Mem:/ {print $2}') Gio, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs) ;" \
       "JDK $(java -version 2>&1 | head -1 | cut -d'"' -f2), -Xmx512m ; PostgreSQL $(sql 'SHOW server_version') sur la même machine, wrk aussi." \
       "Base : $(sql 'SELECT count(*) FROM request') demandes, $(sql 'SELECT count(*) FROM request_comment') commentaires," \
       "$(sql 'SELECT count(*) FROM notification') notifications. Fil long : demande N°$THREAD ($COMMENTS commentaires)." \
       "Autres processus actifs au début des mesures : ${others:-aucun}."
  echo
  echo "| utilisateur | page | p50 ms | p95 ms | p99 ms | req/s | Ko | erreurs |"
  echo "|---|---|---|---|---|---|---|---|"
} >> "$RESULTS"
for pair in "${PAIRS[@]}"; do
  u=${pair%%|*}; url=${pair#*|}; cookie=""; [ "$u" != "-" ] && cookie=${COOKIE[$u]}
  line=$(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" -H "Cookie: $cookie" -s "$OUT/percentiles.lua" "$BASE$url" | grep '^RESULT')
  read -r _ p50 p95 p99 rps errs_status errs_socket <<< "$line"
  who=$([ "$u" = "-" ] && echo anonyme || echo "$u")
  echo "| $who | \`$url\` | $p50 | $p95 | $p99 | $(printf '%.0f' "$rps") | $(( ${SIZE[$pair]} / 1024 )) | $((errs_status + errs_socket)) |" >> "$RESULTS"
  echo "$who $url : p50 $p50 ms, p95 $p95 ms, p99 $p99 ms, $rps req/s"
done
heap=$(cat "$OUT/heap-max")
echo >> "$RESULTS"
echo "Tas (heap) utilisé au plus pendant la mesure : $heap Mo (échantillonné chaque seconde sur le port de gestion, \`jvm_memory_used_bytes{area=\"heap\"}\`)." >> "$RESULTS"
echo "Tas max : $heap Mo. Résultats ajoutés à $RESULTS."
