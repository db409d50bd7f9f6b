#!/usr/bin/env bash
# Static export against Hugo on the same content. Generates BENCH_ARTICLES fictional articles in
# each edition (bench/export/BenchContent.java: Tamizdat's database through its normal writer, and
# the same text as Markdown for Hugo with bench/export/hugo, a minimal theme with the same page
# structure), then times, in one run: a cold export and a cold Hugo build, then both again after
# one article was retitled. Prints `name value unit` lines, the ratios and PASS/MISS against the
# target (Tamizdat <= 0.5 x Hugo's wall time). Exit 0 on MISS; non-zero only when something broke.
#
# Settings (environment):
#   BENCH_ARTICLES (10000)   articles per edition (every one has its translation)
#   BENCH_DIR (a temporary directory, removed at the end)  keep the content and outputs there
#   JAVA_OPTS                as for ./tamizdat (default: the launcher's for `export`, with its
#                            start-up cache)
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
articles=${BENCH_ARTICLES:-10000}
die() { echo "bench: $*" >&2; exit 1; }
note() { echo "# $*" >&2; }
while read -r name; do unset "$name"; done < <(compgen -e | grep '^TAMIZDAT_' || true)

# --- tools and the JAR -----------------------------------------------------------------------------
need=()
command -v hugo >/dev/null || need+=(hugo)
[ -x /usr/bin/time ] || need+=(time)
if [ ${#need[@]} -gt 0 ]; then
  note "installing ${need[*]} from Debian"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -q >&2
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${need[@]}" >&2
fi
note "building the JAR if stale"
"$root/tamizdat" --version >/dev/null
. "$root/bin/java-home.sh"
tamizdat_find_java
jar="$root/target/tamizdat.jar"
default_opts=$(sed -n 's/^export_java_opts="\(.*\)"$/\1/p' "$root/tamizdat")
java_opts=${JAVA_OPTS:-$default_opts}
export_opts=$java_opts
# As ./tamizdat runs an export: with the start-up cache recorded for this JAR (JDK 25 and newer).
# Recording it is part of building, like compiling: it is done here, before anything is timed.
if [ -z "${JAVA_OPTS:-}" ]; then
  . "$root/bin/aot-cache.sh"
  export_opts="$java_opts $(tamizdat_aot_option "$jar" "$root/target/export" $java_opts)"
fi
note "java: $JAVA_HOME/bin/java $export_opts; $(hugo version | cut -d' ' -f1-2)"

if [ -n "${BENCH_DIR:-}" ]; then
  work=$BENCH_DIR
  mkdir -p "$work"
else
  work=$(mktemp -d /tmp/tamizdat-export-bench.XXXXXX)
  trap 'rm -rf "$work"' EXIT
fi
rm -rf "$work/data" "$work/hugo" "$work/export"
cp -r "$root/bench/export/hugo" "$work/hugo"
export TAMIZDAT_DATA_DIR="$work/data"

# --- content ---------------------------------------------------------------------------------------
note "generating $articles articles per edition (not timed; a few minutes)"
started=$(date +%s)
"$JAVA_HOME/bin/java" $java_opts --enable-native-access=ALL-UNNAMED -cp "$jar" \
  "$root/bench/export/BenchContent.java" generate "$work/data" "$work/hugo" "$articles" >&2
note "generated in $(( $(date +%s) - started )) s"

# timed NAME COMMAND...: runs it under /usr/bin/time, prints `NAME_s` and `NAME_rss_mb` lines.
timed() {
  local name=$1; shift
  local log="$work/$name.time"
  /usr/bin/time -v -o "$log" "$@" > "$work/$name.out" 2> "$work/$name.err" \
    || { cat "$work/$name.err" >&2; die "$name failed"; }
  local wall rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0;
    for (i = 1; i <= n; i++) s = s * 60 + t[i]; printf "%.2f", s }' "$log")
  rss=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$log")
  cpu=$(awk -F': ' '/(User|System) time/ { s += $2 } END { printf "%.2f", s }' "$log")
  echo "${name}_s $wall s"
  echo "${name}_cpu_s $cpu s"
  echo "${name}_rss_mb $rss MB"
  eval "${name}_s=$wall; ${name}_cpu=$cpu; ${name}_rss=$rss"
}
# Whole commands (not shell functions): /usr/bin/time runs them itself.
export_site=("$JAVA_HOME/bin/java" $export_opts -jar "$jar" export
  --out "$work/export")
build_hugo=(hugo --quiet --source "$work/hugo" --destination "$work/hugo/public")

# --- cold: nothing on disk from an earlier run -----------------------------------------------------
sync
echo "load_before $(cut -d' ' -f1 /proc/loadavg) (cpus $(nproc))"
timed tamizdat_cold "${export_site[@]}"
timed hugo_cold "${build_hugo[@]}"
echo "tamizdat_files $(find "$work/export" -type f | wc -l) files"
echo "hugo_files $(find "$work/hugo/public" -type f | wc -l) files"

# --- one article retitled, in both, then the same commands again -----------------------------------
"$JAVA_HOME/bin/java" $java_opts --enable-native-access=ALL-UNNAMED -cp "$jar" \
  "$root/bench/export/BenchContent.java" edit "$work/data" "$work/hugo" "$articles" 7 >&2
timed tamizdat_incremental "${export_site[@]}"
timed hugo_incremental "${build_hugo[@]}"
grep -rq "(updated)" "$work/export/en" || die "the export missed the edited article"
grep -rq "(updated)" "$work/hugo/public/en" || die "Hugo missed the edited article"
sed -n 's/^exported .*: //p' "$work/tamizdat_incremental.out" | sed 's/^/# tamizdat incremental: /' >&2
echo "load_after $(cut -d' ' -f1 /proc/loadavg)"

# --- ratios and targets ----------------------------------------------------------------------------
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
cold=$(ratio "$tamizdat_cold_s" "$hugo_cold_s")
incremental=$(ratio "$tamizdat_incremental_s" "$hugo_incremental_s")
echo "ratio_cold $cold x"
echo "ratio_incremental $incremental x"
echo "ratio_rss_cold $(ratio "$tamizdat_cold_rss" "$hugo_cold_rss") x"
# CPU seconds (user + system): on a machine busy with other work the wall times depend on who got
# the cores when; the CPU each program needed does not, or much less.
echo "ratio_cpu_cold $(ratio "$tamizdat_cold_cpu" "$hugo_cold_cpu") x"
echo "ratio_cpu_incremental $(ratio "$tamizdat_incremental_cpu" "$hugo_incremental_cpu") x"
verdict() { awk -v r="$1" 'BEGIN { print (r <= 0.5 ? "PASS" : "MISS") }'; }
printf '\n%-28s %10s %10s %8s  %s\n' "" "tamizdat" "hugo" "ratio" "target <= 0.5" >&2
printf '%-28s %9ss %9ss %8s  %s\n' "cold ($articles x 2 articles)" "$tamizdat_cold_s" "$hugo_cold_s" \
  "$cold" "$(verdict "$cold")" >&2
printf '%-28s %9ss %9ss %8s  %s\n' "after one edit" "$tamizdat_incremental_s" \
  "$hugo_incremental_s" "$incremental" "$(verdict "$incremental")" >&2
printf '%-28s %9ss %9ss %8s\n' "CPU (user + system), cold" "$tamizdat_cold_cpu" "$hugo_cold_cpu" \
  "$(ratio "$tamizdat_cold_cpu" "$hugo_cold_cpu")" >&2
printf '%-28s %8sMB %8sMB\n' "peak memory, cold" "$tamizdat_cold_rss" "$hugo_cold_rss" >&2
