#!/usr/bin/env bash
# HTTP benchmark of a demo Tamizdat on this machine: startup time, warm (page-cached) article
# throughput against nginx serving the same bytes as a static file, resident memory, page weight,
# and uncached (render-from-database) latency. See bench/README.md. Prints a summary with
# PASS/MISS per target; exits 0 on MISS (it is a benchmark), non-zero only when something broke.
#
# Settings (environment):
#   BENCH_APP_PORT (18080), BENCH_NGINX_PORT (18081)  ports on 127.0.0.1, must be free
#   BENCH_WARMUP (3s), BENCH_DURATION (15s)           wrk warm-up and measured run, cached/nginx
#   BENCH_UNCACHED_WARMUP (5s), BENCH_UNCACHED_DURATION (10s), BENCH_C1_DURATION (5s)
#   BENCH_STARTUP_RUNS (3)                            startups measured; the median is reported
#   BENCH_KEEP (unset)                                a directory to copy logs and wrk output into
#   JAVA_OPTS                                         as for ./tamizdat (default: the launcher's)
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
app_port=${BENCH_APP_PORT:-18080}
nginx_port=${BENCH_NGINX_PORT:-18081}
warmup=${BENCH_WARMUP:-3s}
duration=${BENCH_DURATION:-15s}
uncached_warmup=${BENCH_UNCACHED_WARMUP:-5s}
uncached_duration=${BENCH_UNCACHED_DURATION:-10s}
c1_duration=${BENCH_C1_DURATION:-5s}
startup_runs=${BENCH_STARTUP_RUNS:-3}
host=127.0.0.1

die() { echo "bench: $*" >&2; exit 1; }
note() { echo "# $*" >&2; }

# The app must see only the settings given here (an inherited TAMIZDAT_DB_URL would point it elsewhere).
while read -r name; do unset "$name"; done < <(compgen -e | grep '^TAMIZDAT_' || true)

# --- 1. tools and the JAR -------------------------------------------------------------------------
need=()
command -v wrk >/dev/null || need+=(wrk)
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || need+=(nginx)
if [ ${#need[@]} -gt 0 ]; then
  note "installing ${need[*]} from Debian"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -q >&2
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk nginx >&2
fi
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
for tool in curl gzip awk timeout; do command -v "$tool" >/dev/null || die "$tool is missing"; done

note "building the JAR if stale"
"$root/tamizdat" --version >/dev/null
. "$root/bin/java-home.sh"
tamizdat_find_java
jar="$root/target/tamizdat.jar"
[ -f "$jar" ] || die "no $jar after the build"
# The launcher's default JVM flags, read from it so the benchmark runs what users run.
default_opts=$(sed -n 's/.*\${JAVA_OPTS:-\([^}]*\)}.*/\1/p' "$root/tamizdat" | head -n1)
[ -n "$default_opts" ] || die "cannot read the default JAVA_OPTS from $root/tamizdat"
java_opts=${JAVA_OPTS:-$default_opts}
note "java: $JAVA_HOME/bin/java $java_opts -jar target/tamizdat.jar"

load_before=$(cut -d' ' -f1 /proc/loadavg)
if awk -v l="$load_before" -v n="$(nproc)" 'BEGIN { exit !(l > n / 2) }'; then
  note "load average is $load_before on $(nproc) CPUs: other work on this machine will skew the figures"
fi

# --- 2. temp dir, ports, cleanup ------------------------------------------------------------------
tmp=$(mktemp -d "${TMPDIR:-/tmp}/tamizdat-bench.XXXXXX")
pids=()
cleanup() {
  local status=$? pid i
  set +e
  for pid in "${pids[@]}"; do
    kill -0 "$pid" 2>/dev/null || continue
    kill -TERM "$pid" 2>/dev/null
    for ((i = 0; i < 100; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.05; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
  done
  if [ -n "${BENCH_KEEP:-}" ]; then
    mkdir -p "$BENCH_KEEP" && cp -r "$tmp/logs/." "$BENCH_KEEP/" 2>/dev/null
  fi
  rm -rf "$tmp"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
mkdir -p "$tmp/data" "$tmp/run" "$tmp/logs" "$tmp/www" "$tmp/nginx"

port_busy() { (exec 3<>"/dev/tcp/$host/$1") 2>/dev/null; }
for port in "$app_port" "$nginx_port"; do
  port_busy "$port" && die "port $port on $host is in use (set BENCH_APP_PORT / BENCH_NGINX_PORT)"
done

now_ns() { date +%s%N; }

# Starts the app in the background with extra env assignments; sets app_pid and app_started_ns.
start_app() {
  local log=$1 command=$2
  shift 2
  app_started_ns=$(now_ns)
  (cd "$tmp/run" && exec env TAMIZDAT_DATA_DIR="$tmp/data" TAMIZDAT_HTTP_HOST="$host" \
    TAMIZDAT_HTTP_PORT="$app_port" "$@" "$JAVA_HOME/bin/java" $java_opts -jar "$jar" "$command") \
    >"$log" 2>&1 &
  app_pid=$!
  pids+=("$app_pid")
}

# Polls /healthz every 10 ms until 200 (at most $2 seconds); prints ms since app_started_ns.
wait_healthy() {
  local log=$1 limit_ns=$(($2 * 1000000000)) code
  while :; do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "http://$host:$app_port/healthz" || true)
    if [ "$code" = 200 ]; then
      echo $((($(now_ns) - app_started_ns) / 1000000))
      return 0
    fi
    if ! kill -0 "$app_pid" 2>/dev/null; then
      tail -n 20 "$log" >&2
      die "the app exited before answering /healthz (log above)"
    fi
    if [ $(($(now_ns) - app_started_ns)) -gt "$limit_ns" ]; then
      tail -n 20 "$log" >&2
      die "no 200 from /healthz within $2 s (log above)"
    fi
    sleep 0.01
  done
}

stop_pid() {
  local pid=$1 i
  kill -TERM "$pid" 2>/dev/null || return 0
  for ((i = 0; i < 200; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.05; done
  if kill -0 "$pid" 2>/dev/null; then
    note "pid $pid ignored SIGTERM for 10 s; killing it"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  wait "$pid" 2>/dev/null || true
  local kept=() other
  for other in "${pids[@]}"; do [ "$other" = "$pid" ] || kept+=("$other"); done
  pids=("${kept[@]}")
}

# Runs wrk with a hard time limit; output to $1. Fails on non-2xx/3xx answers or no requests.
run_wrk() {
  local out=$1 seconds
  shift
  seconds=$(printf '%s\n' "$@" | sed -n 's/^-d\([0-9]*\)s$/\1/p' | head -n1)
  timeout $((${seconds:-30} + 30)) wrk "$@" >"$out" 2>&1 || { cat "$out" >&2; die "wrk failed: wrk $*"; }
  if grep -q 'Non-2xx or 3xx' "$out"; then cat "$out" >&2; die "wrk saw error answers: wrk $*"; fi
  grep -q '^Requests/sec:' "$out" || { cat "$out" >&2; die "wrk printed no Requests/sec: wrk $*"; }
  if grep -q 'Socket errors' "$out"; then note "wrk socket errors: $(grep 'Socket errors' "$out")"; fi
}

# "rps p50_ms p99_ms" from a wrk --latency output.
parse_wrk() {
  awk '
    function ms(v) {
      if (v ~ /us$/) return substr(v, 1, length(v) - 2) / 1000
      if (v ~ /ms$/) return substr(v, 1, length(v) - 2) + 0
      if (v ~ /m$/)  return substr(v, 1, length(v) - 1) * 60000
      if (v ~ /s$/)  return substr(v, 1, length(v) - 1) * 1000
      return v + 0
    }
    /^Requests\/sec:/ { rps = $2 }
    $1 == "50%" { p50 = ms($2) }
    $1 == "99%" { p99 = ms($2) }
    END {
      if (rps == "" || p50 == "" || p99 == "") exit 1
      printf "%.0f %.2f %.2f\n", rps, p50, p99
    }' "$1"
}

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
# Exit status 0 when "$1 $2 $3" holds numerically, e.g. holds 812 '<' 1500.
holds() { awk -v a="$1" -v op="$2" -v b="$3" 'BEGIN { ok = op == "<" ? a < b : op == ">=" ? a >= b : 0; exit !ok }'; }

# --- 3. demo database, then startup time ----------------------------------------------------------
note "loading the demo into $tmp/data"
start_app "$tmp/logs/demo.log" demo
wait_healthy "$tmp/logs/demo.log" 120 >/dev/null
grep -m1 'demo content loaded' "$tmp/logs/demo.log" >&2 || true
stop_pid "$app_pid"

startups=()
for ((run = 1; run <= startup_runs; run++)); do
  start_app "$tmp/logs/serve-startup-$run.log" serve
  ms=$(wait_healthy "$tmp/logs/serve-startup-$run.log" 60)
  startups+=("$ms")
  note "startup run $run: first 200 after $ms ms; $(grep -m1 -o 'started in [0-9]* ms' "$tmp/logs/serve-startup-$run.log" || echo 'no start line yet')"
  if ((run < startup_runs)); then stop_pid "$app_pid"; fi
done
startup_ms=$(printf '%s\n' "${startups[@]}" | median)
echo "startup_to_first_200 $startup_ms ms (median of ${startups[*]})"
serve_pid=$app_pid

# --- 4. one article's bytes, nginx ----------------------------------------------------------------
base="http://$host:$app_port"
curl -sf --max-time 10 "$base/en/" -o "$tmp/www-home.html" || die "GET /en/ failed"
article=$(grep -o 'href="/en/20[^"]*"' "$tmp/www-home.html" | head -n1 | sed 's/^href="//; s/"$//')
[ -n "$article" ] || die "no article link (href=\"/en/20...\") on /en/"
note "article: $article"
case $article in *..* | *'?'* | *'#'*) die "unexpected article path: $article" ;; esac
mkdir -p "$tmp/www$(dirname "$article")"
page="$tmp/www$article"
headers=$(curl -sf --max-time 10 -D - -o "$page" "$base$article") || die "GET $article failed"
if grep -qi '^content-encoding:' <<<"$headers"; then die "the article came compressed; expected plain bytes"; fi
html_bytes=$(wc -c <"$page")
[ "$html_bytes" -gt 0 ] || die "the article is empty"

user_line=""
[ "$(id -u)" -ne 0 ] || user_line="user root;"
cat >"$tmp/nginx/nginx.conf" <<EOF
$user_line
worker_processes 2;
daemon off;
pid $tmp/nginx/nginx.pid;
error_log $tmp/nginx/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  client_body_temp_path $tmp/nginx/body;
  proxy_temp_path $tmp/nginx/proxy;
  fastcgi_temp_path $tmp/nginx/fastcgi;
  uwsgi_temp_path $tmp/nginx/uwsgi;
  scgi_temp_path $tmp/nginx/scgi;
  server {
    listen $host:$nginx_port;
    location / { root $tmp/www; default_type text/html; }
  }
}
EOF
"$nginx_bin" -p "$tmp/nginx" -e "$tmp/nginx/error.log" -c "$tmp/nginx/nginx.conf" -t >"$tmp/logs/nginx-t.log" 2>&1 \
  || { cat "$tmp/logs/nginx-t.log" >&2; die "nginx rejected the generated config"; }
"$nginx_bin" -p "$tmp/nginx" -e "$tmp/nginx/error.log" -c "$tmp/nginx/nginx.conf" >"$tmp/logs/nginx.log" 2>&1 &
nginx_pid=$!
pids+=("$nginx_pid")
for ((i = 0; i < 500; i++)); do
  curl -sf --max-time 1 -o "$tmp/nginx-check.html" "http://$host:$nginx_port$article" && break
  kill -0 "$nginx_pid" 2>/dev/null || { cat "$tmp/logs/nginx.log" "$tmp/nginx/error.log" >&2 || true; die "nginx exited"; }
  sleep 0.01
done
cmp -s "$page" "$tmp/nginx-check.html" || die "nginx does not serve the article's bytes"

# --- 5. warm article: Tamizdat (page cache) against nginx -----------------------------------------
tamizdat_url="$base$article"
nginx_url="http://$host:$nginx_port$article"
note "warming up ($warmup each)"
run_wrk "$tmp/logs/wrk-warmup-tamizdat.txt" -t2 -c64 "-d$warmup" "$tamizdat_url"
run_wrk "$tmp/logs/wrk-warmup-nginx.txt" -t2 -c64 "-d$warmup" "$nginx_url"
declare -A rps p50 p99
for round in 1 2; do
  for server in tamizdat nginx; do
    url=$tamizdat_url
    [ "$server" = nginx ] && url=$nginx_url
    note "wrk -t2 -c64 -d$duration --latency: $server, round $round"
    out="$tmp/logs/wrk-$server-$round.txt"
    run_wrk "$out" -t2 -c64 "-d$duration" --latency "$url"
    read -r rps[$server$round] p50[$server$round] p99[$server$round] < <(parse_wrk "$out") || die "cannot parse $out"
    note "$server round $round: rps ${rps[$server$round]} p50_ms ${p50[$server$round]} p99_ms ${p99[$server$round]}"
  done
done
best() { # name of the better of the two rounds of $1
  if [ "${rps[${1}1]}" -ge "${rps[${1}2]}" ]; then echo "${1}1"; else echo "${1}2"; fi
}
bt=$(best tamizdat)
bn=$(best nginx)
echo "tamizdat_warm_article rps ${rps[$bt]} p50_ms ${p50[$bt]} p99_ms ${p99[$bt]} (best of ${rps[tamizdat1]}, ${rps[tamizdat2]})"
echo "nginx_static_article rps ${rps[$bn]} p50_ms ${p50[$bn]} p99_ms ${p99[$bn]} (best of ${rps[nginx1]}, ${rps[nginx2]})"
ratio=$(awk -v a="${rps[$bt]}" -v b="${rps[$bn]}" 'BEGIN { printf "%.2f", a / b }')
mean_ratio=$(awk -v a="${rps[tamizdat1]}" -v b="${rps[tamizdat2]}" -v c="${rps[nginx1]}" -v d="${rps[nginx2]}" \
  'BEGIN { printf "%.2f", (a + b) / (c + d) }')
echo "ratio_tamizdat_over_nginx $ratio (mean $mean_ratio)"

# --- 6. memory ------------------------------------------------------------------------------------
rss_kb=$(awk '/^VmRSS:/ { print $2 }' "/proc/$serve_pid/status")
hwm_kb=$(awk '/^VmHWM:/ { print $2 }' "/proc/$serve_pid/status")
rss_mb=$((rss_kb / 1024))
echo "rss_after_load_mb $rss_mb (peak $((hwm_kb / 1024)))"

# --- 7. page weight -------------------------------------------------------------------------------
css=$(grep -o '<link[^>]*rel="stylesheet"[^>]*>' "$page" | grep -o 'href="[^"]*"' | sed 's/^href="//; s/"$//; s/&amp;/\&/g')
css_bytes=0 css_gz=0
for href in $css; do
  case $href in /*) url="$base$href" ;; http://$host:$app_port/*) url=$href ;; *) die "stylesheet not on this site: $href" ;; esac
  curl -sf --max-time 10 -o "$tmp/style.css" "$url" || die "GET $url failed"
  css_bytes=$((css_bytes + $(wc -c <"$tmp/style.css")))
  css_gz=$((css_gz + $(curl -sf --max-time 10 -H 'Accept-Encoding: gzip' "$url" | wc -c)))
done
[ -n "$css" ] || note "the article links no stylesheet"
html_gz=$(curl -sf --max-time 10 -H 'Accept-Encoding: gzip' "$tamizdat_url" | wc -c)
html_gz9=$(gzip -9c "$page" | wc -c)
weight_kb=$(awk -v b=$((html_bytes + css_bytes)) 'BEGIN { printf "%.1f", b / 1024 }')
echo "article_weight_kb $weight_kb (html $html_bytes B + css $css_bytes B, uncompressed)"
echo "article_weight_gzip_kb $(awk -v b=$((html_gz + css_gz)) 'BEGIN { printf "%.1f", b / 1024 }') (as served: html $html_gz B + css $css_gz B; html gzip -9: $html_gz9 B)"

stop_pid "$serve_pid"

# --- 8. uncached: every request renders from the database -----------------------------------------
start_app "$tmp/logs/serve-uncached.log" serve TAMIZDAT_PAGE_CACHE=off
wait_healthy "$tmp/logs/serve-uncached.log" 60 >/dev/null
curl -sf --max-time 10 -o "$tmp/uncached.html" "$tamizdat_url" || die "uncached GET $article failed"
cmp -s "$page" "$tmp/uncached.html" || note "the uncached page differs from the cached one (rendered anew)"
note "uncached warm-up ($uncached_warmup)"
run_wrk "$tmp/logs/wrk-uncached-warmup.txt" -t2 -c8 "-d$uncached_warmup" "$tamizdat_url"
note "wrk -t2 -c8 -d$uncached_duration --latency: tamizdat, page cache off"
run_wrk "$tmp/logs/wrk-uncached.txt" -t2 -c8 "-d$uncached_duration" --latency "$tamizdat_url"
read -r u_rps u_p50 u_p99 < <(parse_wrk "$tmp/logs/wrk-uncached.txt") || die "cannot parse uncached wrk output"
echo "tamizdat_uncached_article rps $u_rps p50_ms $u_p50 p99_ms $u_p99"
note "wrk -t1 -c1 -d$c1_duration --latency: tamizdat, page cache off"
run_wrk "$tmp/logs/wrk-uncached-c1.txt" -t1 -c1 "-d$c1_duration" --latency "$tamizdat_url"
read -r s_rps s_p50 s_p99 < <(parse_wrk "$tmp/logs/wrk-uncached-c1.txt") || die "cannot parse single-connection wrk output"
echo "tamizdat_uncached_article_c1 rps $s_rps p50_ms $s_p50 p99_ms $s_p99"
u_rss_kb=$(awk '/^VmRSS:/ { print $2 }' "/proc/$app_pid/status")
echo "rss_after_uncached_load_mb $((u_rss_kb / 1024))"
stop_pid "$app_pid"
stop_pid "$nginx_pid"

# --- 9. summary -----------------------------------------------------------------------------------
echo
echo "== summary ($(nproc) CPUs, load average $load_before at start, $(cut -d' ' -f1 /proc/loadavg) at end, $("$JAVA_HOME/bin/java" -version 2>&1 | head -n1), JAVA_OPTS: $java_opts) =="
printf '%-32s %10s  %-8s %s\n' figure value target result
verdict() { # name value op target
  local result=MISS
  holds "$2" "$3" "$4" && result=PASS
  printf '%-32s %10s  %-8s %s\n' "$1" "$2" "$3 $4" "$result"
}
verdict startup_to_first_200_ms "$startup_ms" '<' 1500
verdict ratio_tamizdat_over_nginx "$ratio" '>=' 1.0
verdict rss_after_load_mb "$rss_mb" '<' 300
verdict article_weight_kb "$weight_kb" '<' 50
verdict uncached_p50_ms "$u_p50" '<' 2
info() { printf '%-32s %10s  %-8s %s\n' "$1" "$2" - info; }
info tamizdat_warm_rps "${rps[$bt]}"
info nginx_static_rps "${rps[$bn]}"
info ratio_mean "$mean_ratio"
info uncached_rps "$u_rps"
info uncached_p99_ms "$u_p99"
info uncached_c1_p50_ms "$s_p50"
info article_weight_gzip_kb "$(awk -v b=$((html_gz + css_gz)) 'BEGIN { printf "%.1f", b / 1024 }')"
exit 0
