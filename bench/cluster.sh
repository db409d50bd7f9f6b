#!/usr/bin/env bash
# Several nodes on one PostgreSQL, on this machine: one node vs two nodes behind nginx (upstream on
# loopback), warm (page-cached) and uncached article pages with wrk, and the time from a committed
# edit to its appearance on the other node (p50, max). See bench/README.md. Prints figures and
# ratios with PASS/MISS; exits 0 on MISS (it is a benchmark), non-zero only when something broke.
#
# Settings (environment):
#   BENCH_PG_URL (jdbc:postgresql://127.0.0.1:5432/test?user=postgres)  a throw-away schema is made
#   BENCH_PORT_BASE (18180)   node A +1, node B +2, nginx "one node" +3, nginx "two nodes" +4
#   BENCH_WARMUP (3s), BENCH_DURATION (10s), BENCH_CONNECTIONS (32), BENCH_EDITS (20)
#   BENCH_KEEP (unset)        a directory to copy logs and wrk output into
#   JAVA_OPTS                 as for ./tamizdat (default: the launcher's)
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
pg_url=${BENCH_PG_URL:-jdbc:postgresql://127.0.0.1:5432/test?user=postgres}
base_port=${BENCH_PORT_BASE:-18180}
port_a=$((base_port + 1)) port_b=$((base_port + 2)) port_one=$((base_port + 3)) port_two=$((base_port + 4))
warmup=${BENCH_WARMUP:-3s}
duration=${BENCH_DURATION:-10s}
connections=${BENCH_CONNECTIONS:-32}
edits=${BENCH_EDITS:-20}
host=127.0.0.1

die() { echo "bench: $*" >&2; exit 1; }
note() { echo "# $*" >&2; }

while read -r name; do unset "$name"; done < <(compgen -e | grep '^TAMIZDAT_' || true)

# --- 1. tools, JAR, database ----------------------------------------------------------------------
for tool in wrk curl psql awk timeout; do command -v "$tool" >/dev/null || die "$tool is missing (apt-get install wrk curl postgresql-client)"; done
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
[ -x "$nginx_bin" ] || die "nginx is missing (apt-get install nginx)"
"$root/tamizdat" --version >/dev/null
. "$root/bin/java-home.sh"
tamizdat_find_java
jar="$root/target/tamizdat.jar"
default_opts=$(sed -n 's/.*\${JAVA_OPTS:-\([^}]*\)}.*/\1/p' "$root/tamizdat" | head -n1)
java_opts=${JAVA_OPTS:-$default_opts}

# psql connection string from the JDBC URL: jdbc:postgresql://host[:port]/db?user=u[&password=p]
rest=${pg_url#jdbc:postgresql://}
hostport=${rest%%/*} dbq=${rest#*/}
db=${dbq%%\?*} query=""
[[ $dbq == *\?* ]] && query=${dbq#*\?}
pg_host=${hostport%%:*} pg_port=5432
[[ $hostport == *:* ]] && pg_port=${hostport##*:}
conninfo="host=$pg_host port=$pg_port dbname=$db"
IFS='&' read -ra params <<<"$query"
for p in "${params[@]}"; do
  case $p in user=*) conninfo+=" user=${p#user=}" ;; password=*) conninfo+=" password=${p#password=}" ;; esac
done
schema="tamizdat_bench_$(date +%s)_$$"
sql() { psql "$conninfo options=-csearch_path=$schema" -v ON_ERROR_STOP=1 -qAtX -c "$1"; }
psql "$conninfo" -v ON_ERROR_STOP=1 -qAtX -c "CREATE SCHEMA $schema" || die "cannot reach PostgreSQL at $conninfo"
sep='?'; [[ $pg_url == *\?* ]] && sep='&'
db_url="$pg_url${sep}currentSchema=$schema"

load_start=$(cut -d' ' -f1-3 /proc/loadavg)
note "load average at start: $load_start on $(nproc) CPUs (other work skews every figure)"

# --- 2. temp dir, processes, cleanup --------------------------------------------------------------
tmp=$(mktemp -d "${TMPDIR:-/tmp}/tamizdat-cluster.XXXXXX")
pids=()
cleanup() {
  local status=$? pid i
  set +e
  for pid in "${pids[@]}"; do
    kill -TERM "$pid" 2>/dev/null
    for ((i = 0; i < 100; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.05; done
    kill -KILL "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
  done
  [ -f "$tmp/nginx/nginx.pid" ] && kill -TERM "$(cat "$tmp/nginx/nginx.pid")" 2>/dev/null
  psql "$conninfo" -qAtX -c "DROP SCHEMA IF EXISTS $schema CASCADE" >/dev/null 2>&1
  [ -n "${BENCH_KEEP:-}" ] && mkdir -p "$BENCH_KEEP" && cp -r "$tmp/logs/." "$BENCH_KEEP/"
  rm -rf "$tmp"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
mkdir -p "$tmp/data" "$tmp/logs" "$tmp/nginx" "$tmp/run"
for port in $port_a $port_b $port_one $port_two; do
  (exec 3<>"/dev/tcp/$host/$port") 2>/dev/null && die "port $port is in use (set BENCH_PORT_BASE)"
done

# A node: shared data dir and database, its own port and search index, as README describes.
start_node() { # name port command [env...]
  local name=$1 port=$2 command=$3
  shift 3
  (cd "$tmp/run" && exec env TAMIZDAT_DATA_DIR="$tmp/data" TAMIZDAT_DB_URL="$db_url" \
    TAMIZDAT_SEARCH_DIR="$tmp/search-$name" TAMIZDAT_HTTP_HOST=$host TAMIZDAT_HTTP_PORT="$port" \
    TAMIZDAT_TICKER_FETCH=off "$@" "$JAVA_HOME/bin/java" $java_opts -jar "$jar" "$command") \
    >"$tmp/logs/$name-$command.log" 2>&1 &
  pids+=("$!")
  node_pid=$!
}
wait_healthy() { # port pid log
  local i
  for ((i = 0; i < 1200; i++)); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "http://$host:$1/healthz" || true)" = 200 ] && return 0
    kill -0 "$2" 2>/dev/null || { tail -n 20 "$3" >&2; die "a node exited before answering (log above)"; }
    sleep 0.05
  done
  tail -n 20 "$3" >&2
  die "no 200 from port $1 within 60 s"
}
stop_nodes() {
  local pid
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  pids=()
}

note "loading the demo into schema $schema"
start_node a "$port_a" demo
wait_healthy "$port_a" "$node_pid" "$tmp/logs/a-demo.log"
stop_nodes

# --- 3. nginx: one upstream with node A, one with A and B -----------------------------------------
cat >"$tmp/nginx/nginx.conf" <<NGINX
worker_processes 2;
pid $tmp/nginx/nginx.pid;
error_log $tmp/logs/nginx-error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  upstream one { server $host:$port_a; keepalive 32; }
  upstream two { server $host:$port_a; server $host:$port_b; keepalive 64; }
  server {
    listen $host:$port_one;
    location / { proxy_pass http://one; proxy_http_version 1.1; proxy_set_header Connection ""; proxy_set_header Host \$host; }
  }
  server {
    listen $host:$port_two;
    location / { proxy_pass http://two; proxy_http_version 1.1; proxy_set_header Connection ""; proxy_set_header Host \$host; }
  }
}
NGINX
"$nginx_bin" -p "$tmp/nginx" -c "$tmp/nginx/nginx.conf" -e "$tmp/logs/nginx-error.log" || die "nginx did not start"

run_wrk() { # out url
  timeout 120 wrk -t2 "-c$connections" "-d$duration" --latency "$2" >"$1" 2>&1 || { cat "$1" >&2; die "wrk failed"; }
  grep -q 'Non-2xx or 3xx' "$1" && { cat "$1" >&2; die "wrk saw error answers on $2"; }
  awk '
    function ms(v) {
      if (v ~ /us$/) return substr(v, 1, length(v) - 2) / 1000
      if (v ~ /ms$/) return substr(v, 1, length(v) - 2) + 0
      if (v ~ /s$/)  return substr(v, 1, length(v) - 1) * 1000
      return v + 0
    }
    /^Requests\/sec:/ { rps = $2 } $1 == "50%" { p50 = ms($2) } $1 == "99%" { p99 = ms($2) }
    END { printf "%.0f %.2f %.2f\n", rps, p50, p99 }' "$1"
}

declare -A rps p50 p99
measure() { # mode (cached|uncached) env...
  local mode=$1
  shift
  start_node a "$port_a" serve "$@"
  local pa=$node_pid
  start_node b "$port_b" serve "$@"
  local pb=$node_pid
  wait_healthy "$port_a" "$pa" "$tmp/logs/a-serve.log"
  wait_healthy "$port_b" "$pb" "$tmp/logs/b-serve.log"
  if [ -z "${article:-}" ]; then
    article=$(curl -sf "http://$host:$port_a/en/" | grep -o 'href="/en/20[^"]*"' | head -n1 | sed 's/^href="//; s/"$//')
    [ -n "$article" ] || die "no article link on /en/"
    note "article: $article"
  fi
  local setup
  for setup in one two; do
    local port=$port_one
    [ $setup = two ] && port=$port_two
    timeout 60 wrk -t2 "-c$connections" "-d$warmup" "http://$host:$port$article" >/dev/null 2>&1 || true
    note "$mode, $setup node(s): wrk -t2 -c$connections -d$duration (load $(cut -d' ' -f1 /proc/loadavg))"
    read -r rps[$mode-$setup] p50[$mode-$setup] p99[$mode-$setup] \
      < <(run_wrk "$tmp/logs/wrk-$mode-$setup.txt" "http://$host:$port$article")
    echo "${mode}_article_${setup}_node$([ $setup = two ] && echo s) rps ${rps[$mode-$setup]} p50_ms ${p50[$mode-$setup]} p99_ms ${p99[$mode-$setup]} load $(cut -d' ' -f1 /proc/loadavg)"
  done
  [ "$mode" = cached ] || stop_nodes
}

measure uncached TAMIZDAT_PAGE_CACHE=off
measure cached

# --- 4. propagation: a committed edit, then node B's page ----------------------------------------
# The edit is committed the way every node's writer commits one (the row and its change_log entry
# in one transaction), here by psql so the clock starts at the commit; node B learns of it only
# through the shared change log. Timed from just before the commit to B's first page showing it.
slug=${article##*/}
id=$(sql "SELECT id FROM article WHERE lang = 'en' AND slug = '$slug'")
[ -n "$id" ] || die "cannot find article $slug"
curl -sf "http://$host:$port_b$article" >/dev/null # cached on B
times=()
for ((i = 1; i <= edits; i++)); do
  title="Cluster edit $i $RANDOM"
  t0=$(date +%s%N)
  sql "BEGIN; UPDATE article SET title = '$title' WHERE id = $id;
       INSERT INTO change_log (entity, entity_id, at) VALUES ('article', $id, $(($(date +%s%N) / 1000000))); COMMIT;"
  while ! curl -s --max-time 2 "http://$host:$port_b$article" | grep -q "$title"; do
    (( ($(date +%s%N) - t0) / 1000000 > 10000 )) && die "edit $i not on node B after 10 s"
    sleep 0.01
  done
  times+=($((($(date +%s%N) - t0) / 1000000)))
  sleep 0.2
done
prop_p50=$(printf '%s\n' "${times[@]}" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
prop_max=$(printf '%s\n' "${times[@]}" | sort -n | tail -n1)
echo "edit_to_node_b_ms p50 $prop_p50 max $prop_max over $edits edits (${times[*]})"

# --- 5. summary -----------------------------------------------------------------------------------
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
r_cached=$(ratio "${rps[cached-two]}" "${rps[cached-one]}")
r_uncached=$(ratio "${rps[uncached-two]}" "${rps[uncached-one]}")
holds() { awk -v a="$1" -v op="$2" -v b="$3" 'BEGIN { exit !(op == "<" ? a < b : a >= b) }'; }
verdict() { local r=MISS; holds "$2" "$3" "$4" && r=PASS; printf '%-36s %10s  %-8s %s\n' "$1" "$2" "$3 $4" "$r"; }
echo
echo "== summary ($(nproc) CPUs, load average $load_start at start, $(cut -d' ' -f1-3 /proc/loadavg) at end) =="
printf '%-36s %10s  %-8s %s\n' figure value target result
verdict ratio_two_over_one_cached_rps "$r_cached" '>=' 0.95
verdict ratio_two_over_one_uncached_rps "$r_uncached" '>=' 0.95
verdict edit_to_node_b_p50_ms "$prop_p50" '<' 2000
verdict edit_to_node_b_max_ms "$prop_max" '<' 2000
exit 0
