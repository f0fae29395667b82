#!/usr/bin/env bash
# Two (or more) instances of the packaged jar on one PostgreSQL, behind nginx on loopback, without Docker.
# README « Exploitation », « Plusieurs instances ». Usage:
#   src/ops/two-instances.sh start        build first: ./mvnw package -DskipTests ; starts what is not running
#   src/ops/two-instances.sh status
#   src/ops/two-instances.sh stop         stops nginx and every instance (gracefully)
#   src/ops/two-instances.sh stop N       stops instance N only (gracefully) ; start N starts it again
#   src/ops/two-instances.sh kill N       SIGKILL instance N: a crash, to see that nothing is lost
#   src/ops/two-instances.sh nginx        installs nginx from Debian if it is missing (used by .ci/run)
# Settings (environment): ID77_PROXY_PORT (8080), ID77_INSTANCE_PORTS ("8091 8092"), ID77_MANAGEMENT_PORTS
# ("8191 8192"), ID77_CLUSTER_DIR (target/two-instances: generated nginx configuration, logs, pids), ID77_JAR,
# ID77_JAVA_OPTS (-Xmx512m), ID77_START_TIMEOUT (180 s). The database is SPRING_DATASOURCE_URL (+ _USERNAME,
# _PASSWORD), by default a database « id77 » (ID77_DB_NAME) on 127.0.0.1:5432, created if missing. Files are shared
# in ID77_DATA_DIR (default: in the cluster directory), or in S3 (ID77_STORAGE=s3 …). Every other variable of the
# application (SPRING_MAIL_*, ID77_*) is passed to both instances as it is.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DIR=${ID77_CLUSTER_DIR:-$ROOT/target/two-instances}
PROXY_PORT=${ID77_PROXY_PORT:-8080}
read -r -a PORTS <<<"${ID77_INSTANCE_PORTS:-8091 8092}"
read -r -a MANAGEMENT_PORTS <<<"${ID77_MANAGEMENT_PORTS:-8191 8192}"
START_TIMEOUT=${ID77_START_TIMEOUT:-180}
NGINX_DIR=$DIR/nginx

die() { echo "ERREUR : $*" >&2; exit 1; }
say() { echo "[id77] $*"; }

[ "${#PORTS[@]}" -eq "${#MANAGEMENT_PORTS[@]}" ] \
  || die "ID77_INSTANCE_PORTS et ID77_MANAGEMENT_PORTS doivent compter autant de ports"

# --- small helpers ---------------------------------------------------------------------------------------------------

# Exit status of a GET on 127.0.0.1 (0 when the answer is 2xx), with curl or, without it, bash's /dev/tcp.
http_ok() {
  local port=$1 path=$2
  if command -v curl >/dev/null 2>&1; then
    curl -fsS -o /dev/null -m 3 "http://127.0.0.1:$port$path" 2>/dev/null
  else
    local status
    status=$(exec 3<>"/dev/tcp/127.0.0.1/$port" \
      && printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' "$path" >&3 && head -n1 <&3) 2>/dev/null || return 1
    [[ $status == *" 2"[0-9][0-9]* ]]
  fi
}

port_taken() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# The pid in a pid file if that process is alive and is what we started (a recycled pid is not ours).
live_pid() {
  local file=$1 what=$2 pid
  [ -f "$file" ] || return 1
  pid=$(cat "$file")
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q -- "$what" \
    && echo "$pid"
}

instance_dir() { echo "$DIR/instance-$1"; }
instance_pid() { live_pid "$(instance_dir "$1")/pid" "-jar"; }
nginx_pid() { live_pid "$NGINX_DIR/nginx.pid" "nginx"; }

check_instance_number() {
  [[ ${1:-} =~ ^[0-9]+$ ]] && [ "$1" -ge 1 ] && [ "$1" -le "${#PORTS[@]}" ] \
    || die "numéro d'instance attendu, de 1 à ${#PORTS[@]} : « ${1:-} »"
}

# --- Java, jar, database -----------------------------------------------------------------------------------------------

find_java() {
  JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
  local major
  major=$("$JAVA" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}' \
    | cut -d. -f1) || true
  [ "${major:-0}" -ge 21 ] 2>/dev/null || die "il faut Java 21 ou plus récent (JAVA_HOME) ; trouvé : ${major:-aucun}"
}

find_jar() {
  JAR=${ID77_JAR:-$(ls -t "$ROOT"/target/id77-*.jar 2>/dev/null | grep -v -- '-plain' | head -n1 || true)}
  [ -n "$JAR" ] && [ -f "$JAR" ] || die "pas de jar : lancez d'abord ./mvnw package -DskipTests (ou ID77_JAR=…)"
}

# Without SPRING_DATASOURCE_URL: the database ID77_DB_NAME (id77) of the PostgreSQL on 127.0.0.1:5432, created if missing.
choose_database() {
  if [ -n "${SPRING_DATASOURCE_URL:-}" ]; then
    return
  fi
  local name=${ID77_DB_NAME:-id77}
  [[ $name =~ ^[a-z_][a-z0-9_]*$ ]] || die "ID77_DB_NAME : lettres minuscules, chiffres et _ seulement"
  export SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/$name"
  export SPRING_DATASOURCE_USERNAME=${SPRING_DATASOURCE_USERNAME:-postgres}
  if command -v psql >/dev/null 2>&1; then
    local sql=(env PGPASSWORD="${SPRING_DATASOURCE_PASSWORD:-}" psql -h 127.0.0.1 -p 5432
      -U "$SPRING_DATASOURCE_USERNAME" -d postgres -v ON_ERROR_STOP=1 -qtA)
    if [ -z "$("${sql[@]}" -c "SELECT 1 FROM pg_database WHERE datname = '$name'")" ]; then
      say "création de la base $name sur 127.0.0.1:5432"
      "${sql[@]}" -c "CREATE DATABASE \"$name\""
    fi
  else
    say "psql absent : la base $name doit déjà exister sur 127.0.0.1:5432"
  fi
}

# --- instances ---------------------------------------------------------------------------------------------------------

start_instance() {
  local n=$1 port=${PORTS[$1 - 1]} management=${MANAGEMENT_PORTS[$1 - 1]} dir pid
  dir=$(instance_dir "$n")
  if pid=$(instance_pid "$n"); then
    say "instance $n déjà démarrée (pid $pid, port $port)"
    return
  fi
  port_taken "$port" && die "le port $port (instance $n) est déjà pris par un autre programme"
  port_taken "$management" && die "le port de gestion $management (instance $n) est déjà pris par un autre programme"
  # Its own temporary directory (Tomcat's uploads in progress): what a crash leaves there goes at its next start.
  rm -rf "$dir/tmp"
  mkdir -p "$dir/tmp"
  # shellcheck disable=SC2086 # ID77_JAVA_OPTS holds several options
  (cd "$dir" && PORT=$port ID77_MANAGEMENT_PORT=$management ID77_DEMO=false \
    exec setsid "$JAVA" ${ID77_JAVA_OPTS:--Xmx512m} -Djava.io.tmpdir="$dir/tmp" -jar "$JAR" \
    >"$dir/app.log" 2>&1 </dev/null) &
  echo $! >"$dir/pid"
  say "instance $n : démarrage (pid $!, port $port, gestion $management, journal $dir/app.log)"
}

wait_ready() {
  local n=$1 management=${MANAGEMENT_PORTS[$1 - 1]} dir deadline
  dir=$(instance_dir "$n")
  deadline=$((SECONDS + START_TIMEOUT))
  until http_ok "$management" /actuator/health/readiness; do
    if ! instance_pid "$n" >/dev/null; then
      tail -n 40 "$dir/app.log" >&2 || true
      die "l'instance $n s'est arrêtée au démarrage (journal : $dir/app.log)"
    fi
    [ $SECONDS -lt $deadline ] || die "l'instance $n n'est pas prête après ${START_TIMEOUT} s (journal : $dir/app.log)"
    sleep 1
  done
  say "instance $n prête (port ${PORTS[$n - 1]})"
}

stop_instance() {
  local n=$1 signal=${2:-TERM} pid waited=0
  if ! pid=$(instance_pid "$n"); then
    say "instance $n déjà arrêtée"
    rm -f "$(instance_dir "$n")/pid"
    return
  fi
  kill -"$signal" "$pid"
  # graceful: requests under way finish (server.shutdown=graceful, 30 s at most). A dead process whose parent has
  # not reaped it yet has no command line any more: instance_pid no longer finds it.
  while instance_pid "$n" >/dev/null; do
    sleep 0.2
    waited=$((waited + 1))
    if [ $waited -eq 250 ]; then
      say "instance $n : toujours là après 50 s, arrêt forcé"
      kill -KILL "$pid" 2>/dev/null || true
    fi
  done
  rm -f "$(instance_dir "$n")/pid"
  say "instance $n arrêtée ($signal)"
}

# --- nginx -------------------------------------------------------------------------------------------------------------

find_nginx() {
  NGINX=$(command -v nginx 2>/dev/null || true)
  [ -n "$NGINX" ] || { [ -x /usr/sbin/nginx ] && NGINX=/usr/sbin/nginx; }
  [ -n "$NGINX" ]
}

# nginx from Debian if missing. Debian's package starts the system nginx on port 80 once installed: forbidden here for
# the install (policy-rc.d answering 101 « action not allowed »), so that nothing but our own nginx on loopback runs.
install_nginx() {
  if find_nginx; then
    return
  fi
  [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1 \
    || die "nginx absent : installez-le (sudo apt-get install nginx-light), le service système peut rester arrêté"
  say "installation de nginx (Debian), sans démarrer le service système"
  local policy=/usr/sbin/policy-rc.d ours=""
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy"
    chmod +x "$policy"
    ours=1
    trap 'rm -f /usr/sbin/policy-rc.d' EXIT
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light >/dev/null 2>&1 \
    || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null
  if [ -n "$ours" ]; then
    rm -f "$policy"
    trap - EXIT
  fi
  if command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ]; then
    systemctl disable --now nginx >/dev/null 2>&1 || true
  fi
  find_nginx || die "nginx introuvable après son installation"
}

# The shared settings (src/ops/nginx/id77.conf.template, also used by docker-compose.yml) filled in for loopback, in a
# main configuration of our own: pid, logs and temporary files under the cluster directory, never /etc/nginx.
write_nginx_config() {
  local servers="" port template
  for port in "${PORTS[@]}"; do
    servers+="server 127.0.0.1:$port max_fails=1 fail_timeout=10s; "
  done
  mkdir -p "$NGINX_DIR/logs" "$NGINX_DIR/temp" "$NGINX_DIR/pages"
  cp "$ROOT"/src/ops/nginx/pages/*.html "$NGINX_DIR/pages/"
  template=$(<"$ROOT/src/ops/nginx/id77.conf.template")
  template=${template//'${ID77_UPSTREAM_SERVERS}'/"$servers"}
  template=${template//'${ID77_PROXY_LISTEN}'/"127.0.0.1:$PROXY_PORT"}
  template=${template//'${ID77_PROXY_PAGES}'/"$NGINX_DIR/pages"}
  printf '%s\n' "$template" >"$NGINX_DIR/id77.conf"
  # As root, nginx would run its workers as « nobody », who may not read a work tree under /root: same user instead.
  local user=""
  [ "$(id -u)" -eq 0 ] && user="user root;"
  cat >"$NGINX_DIR/nginx.conf" <<EOF
# Generated by src/ops/two-instances.sh from src/ops/nginx/id77.conf.template: edit those, not this file.
$user
worker_processes 1;
pid $NGINX_DIR/nginx.pid;
error_log $NGINX_DIR/logs/error.log warn;
events { worker_connections 1024; }
http {
    default_type application/octet-stream;
    types { text/html html; text/css css; }
    log_format id77 '\$remote_addr [\$time_local] "\$request" \$status \$body_bytes_sent '
                    'instance=\$upstream_addr (\$upstream_status) \${request_time}s';
    access_log $NGINX_DIR/logs/access.log id77;
    client_body_temp_path $NGINX_DIR/temp/client;
    proxy_temp_path $NGINX_DIR/temp/proxy;
    fastcgi_temp_path $NGINX_DIR/temp/fastcgi;
    uwsgi_temp_path $NGINX_DIR/temp/uwsgi;
    scgi_temp_path $NGINX_DIR/temp/scgi;
    include $NGINX_DIR/id77.conf;
}
EOF
}

nginx_cmd() { "$NGINX" -p "$NGINX_DIR" -c "$NGINX_DIR/nginx.conf" -e "$NGINX_DIR/logs/error.log" "$@"; }

start_nginx() {
  find_nginx || install_nginx
  write_nginx_config
  nginx_cmd -t -q || die "configuration nginx refusée ($NGINX_DIR/nginx.conf)"
  if nginx_pid >/dev/null; then
    nginx_cmd -s reload
    say "nginx rechargé"
  else
    port_taken "$PROXY_PORT" && die "le port $PROXY_PORT (nginx) est déjà pris par un autre programme"
    nginx_cmd
    say "nginx : http://127.0.0.1:$PROXY_PORT/ → instances ${PORTS[*]}"
  fi
}

stop_nginx() {
  local pid
  if pid=$(nginx_pid); then
    find_nginx && nginx_cmd -s quit || kill -TERM "$pid"
    while nginx_pid >/dev/null; do sleep 0.2; done
    say "nginx arrêté"
  fi
}

# --- commands ----------------------------------------------------------------------------------------------------------

environment() {
  find_java
  find_jar
  choose_database
  export ID77_DATA_DIR=${ID77_DATA_DIR:-$DIR/data}
  export ID77_TRUSTED_PROXIES=${ID77_TRUSTED_PROXIES:-127.0.0.1}
  export ID77_BASE_URL=${ID77_BASE_URL:-http://127.0.0.1:$PROXY_PORT}
  mkdir -p "$DIR" "$ID77_DATA_DIR"
}

start() {
  local numbers=("$@") n
  [ ${#numbers[@]} -gt 0 ] || numbers=($(seq 1 "${#PORTS[@]}"))
  for n in "${numbers[@]}"; do check_instance_number "$n"; done
  find_nginx || install_nginx
  environment
  say "base : $SPRING_DATASOURCE_URL ; fichiers : ${ID77_STORAGE:-dossier} $ID77_DATA_DIR"
  for n in "${numbers[@]}"; do start_instance "$n"; done
  for n in "${numbers[@]}"; do wait_ready "$n"; done
  start_nginx
}

status() {
  local n pid state=0
  for n in $(seq 1 "${#PORTS[@]}"); do
    if pid=$(instance_pid "$n"); then
      if http_ok "${MANAGEMENT_PORTS[$n - 1]}" /actuator/health/readiness; then
        echo "instance $n : prête (pid $pid, port ${PORTS[$n - 1]})"
      else
        echo "instance $n : démarrée, pas prête (pid $pid, port ${PORTS[$n - 1]})"
        state=1
      fi
    else
      echo "instance $n : arrêtée"
      state=1
    fi
  done
  if pid=$(nginx_pid); then
    echo "nginx : http://127.0.0.1:$PROXY_PORT/ (pid $pid)"
  else
    echo "nginx : arrêté"
    state=1
  fi
  return $state
}

command=${1:-}
shift || true
case "$command" in
  start) start "$@" ;;
  stop)
    if [ $# -gt 0 ]; then
      for n in "$@"; do check_instance_number "$n"; stop_instance "$n"; done
    else
      stop_nginx
      for n in $(seq 1 "${#PORTS[@]}"); do stop_instance "$n"; done
    fi
    ;;
  kill)
    [ $# -gt 0 ] || die "kill N : quelle instance ?"
    for n in "$@"; do check_instance_number "$n"; stop_instance "$n" KILL; done
    ;;
  status) status ;;
  nginx) install_nginx && say "nginx : $NGINX" ;;
  *)
    sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
