#!/usr/bin/env bash
# Export benchmark (issue 10): the packaged application (production mode, -Xmx512m) on the data set of scale-data.sh
# (id77_scale: 100,000 requests, about 1,000,000 comments). Signs in as benchadmin and downloads the full export of
# the « Demandes » list (every request, no filter), CSV then XLSX, RUNS times each after a warm-up, and appends to
# src/bench/SCALE-RESULTS.md per format: the time to the last byte (best and median), the time to the first byte,
# the size, the rows counted in the file, and the heap: used before (after a full GC), the most used during the
# export (sampled every 0.2 s on the management port) and its old generation's growth (what outlived young
# collections: a list of all rows would land there), then used after a full GC (what the export left behind).
# Goals: CSV < 5 s, XLSX < 15 s, heap growth < 64 MB.
# The formats take turns. Run it alone on the machine: flock /tmp/id77-build.lock src/bench/export.sh
# Usage: src/bench/export.sh [runs=3] [label]   (PGHOST, PGPORT, PGUSER, SCALE_DB as for scale-data.sh)
# XMX=112m src/bench/export.sh 1 runs it in a heap of 112 MB (48 MB live at rest + 64): finishing proves the goal.
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-3}
LABEL=${2:-$(git rev-parse --abbrev-ref HEAD 2>/dev/null) $(git rev-parse --short HEAD 2>/dev/null)}
PORT=18305
MGMT=18306
OUT=target/bench-export
RESULTS=src/bench/SCALE-RESULTS.md
. src/bench/app.sh
command -v unzip >/dev/null || { apt-get update -qq && apt-get install -y -qq unzip >/dev/null; }

start_app
COOKIE=$(sign_in benchadmin)
REQUESTS=$(sql "SELECT count(*) FROM request")

rows_in() { # data rows of a downloaded export (its header row left out)
  case $1 in
    *.csv) echo $(( $(wc -l < "$1") - 1 )) ;;
    *.xlsx) echo $(( $(unzip -p "$1" xl/worksheets/sheet1.xml | grep -o '<row ' | wc -l) - 1 )) ;;
  esac
}

echo "Chauffe : exports filtrés (un canton) puis un export complet de chaque format…"
for f in csv xlsx; do
  for _ in 1 2 3 4 5; do curl -sf -H "Cookie: $COOKIE" -o /dev/null "$BASE/demandes/export.$f?canton=MEAUX"; done
  curl -sf -H "Cookie: $COOKIE" -o /dev/null "$BASE/demandes/export.$f"
done

others="charge moyenne $(cut -d" " -f1-3 /proc/loadavg) ; $(ps -eo pid,pcpu,args --sort=-pcpu | awk -v app=$APP 'NR > 1 && $1 != app && $2 > 20 {print $3 " (" $2 " %)"}' | head -4 | paste -sd, -)"
{
  echo
  echo "## $(date -u +%Y-%m-%dT%H:%MZ) — exports — $LABEL — export complet de la liste « Demandes » par benchadmin, $RUNS fois par format après chauffe"
  echo
  echo "Machine : $(nproc) cœurs, $(free -g | awk '/Mem:/ {print $2}') Gio ; JDK $(java -version 2>&1 | head -1 | cut -d"\"" -f2), -Xmx${XMX:-512m} ;" \
       "PostgreSQL $(sql 'SHOW server_version') sur la même machine. Base : $REQUESTS demandes, $(sql 'SELECT count(*) FROM request_comment') commentaires." \
       "Autres processus actifs au début des mesures : ${others:-aucun}."
  echo
  echo "| format | lignes | Mo | 1er octet s | total s (meilleur) | total s (médiane) | tas avant Mo | tas max pendant Mo | vieille génération +Mo | tas après GC Mo | objectif |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|"
} >> "$RESULTS"

# The formats take turns (csv, xlsx, csv, …) so that both meet the same load of the machine.
declare -A TIMES FIRSTS PEAK GROWTH BEFORE AFTER SIZE ROWS
for run in $(seq 1 "$RUNS"); do
  for f in csv xlsx; do
    jcmd $APP GC.run > /dev/null; sleep 1
    before=$(heap_mb); old_before=$(heap_mb "Old Gen")
    echo "0 0" > "$OUT/peak"
    ( max=0; old_max=0; while sleep 0.2; do
        h=$(heap_mb || echo 0); o=$(heap_mb "Old Gen" || echo 0)
        [ "${h:-0}" -gt "$max" ] && max=$h; [ "${o:-0}" -gt "$old_max" ] && old_max=$o
        echo "$max $old_max" > "$OUT/peak"
      done ) &
    sampler=$!; BACKGROUND+=($sampler)
    read -r total first size < <(curl -sf -H "Cookie: $COOKIE" -o "$OUT/demandes.$f" \
      -w '%{time_total} %{time_starttransfer} %{size_download}\n' "$BASE/demandes/export.$f")
    sleep 0.3; kill $sampler 2>/dev/null || true; wait $sampler 2>/dev/null || true
    read -r max old_max < "$OUT/peak"
    rows=$(rows_in "$OUT/demandes.$f")
    [ "$rows" = "$REQUESTS" ] || { echo "$f : $rows lignes pour $REQUESTS demandes" >&2; exit 1; }
    TIMES[$f]+="$total "; FIRSTS[$f]+="$first "; SIZE[$f]=$size; ROWS[$f]=$rows
    [ "$max" -gt "${PEAK[$f]:-0}" ] && PEAK[$f]=$max
    [ $(( old_max - old_before )) -gt "${GROWTH[$f]:-0}" ] && GROWTH[$f]=$(( old_max - old_before ))
    [ -n "${BEFORE[$f]:-}" ] || BEFORE[$f]=$before
    jcmd $APP GC.run > /dev/null; sleep 1; AFTER[$f]=$(heap_mb)
    echo "$f n°$run : ${total} s (1er octet ${first} s), $((size / 1048576)) Mo, $rows lignes ; tas $before → max $max Mo, vieille génération +$(( old_max - old_before )) Mo, après GC ${AFTER[$f]} Mo"
  done
done
median() { tr ' ' '\n' <<< "$1" | grep . | sort -n | sed -n "$(( (RUNS + 1) / 2 ))p"; }
for f in csv xlsx; do
  best=$(tr ' ' '\n' <<< "${TIMES[$f]}" | grep . | sort -n | head -1)
  goal=$([ "$f" = csv ] && echo "< 5 s" || echo "< 15 s")
  echo "| $f | ${ROWS[$f]} | $(( ${SIZE[$f]} / 1048576 )) | $(median "${FIRSTS[$f]}") | $best | $(median "${TIMES[$f]}") | ${BEFORE[$f]} | ${PEAK[$f]:-0} | ${GROWTH[$f]:-0} | ${AFTER[$f]} | $goal, tas +64 Mo |" >> "$RESULTS"
done
echo >> "$RESULTS"
echo "Résultats ajoutés à $RESULTS."
