#!/usr/bin/env bash
# WordPress import benchmark (issue 9): generates a WXR export of BENCH_IMPORT_MB megabytes (1024 by
# default: ~150,000 Polylang posts with comments, tags, captions), then runs
# `tamizdat import wordpress` on it twice with the launcher's JVM flags (384 MB heap): --dry-run
# (everything but the commit) and the real import into a fresh SQLite database. Prints
# `name value unit` lines: wall time, peak RSS (VmHWM via /usr/bin/time), posts per second.
# The point is the flat memory: peak RSS must not grow with the file. BENCH_KEEP=dir keeps the
# files; BENCH_IMPORT_RUNS='sqlite' skips the dry run (which costs as much as the import).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
mb=${BENCH_IMPORT_MB:-1024}
work=${BENCH_KEEP:-$(mktemp -d)}
mkdir -p "$work"
[ -n "${BENCH_KEEP:-}" ] || trap 'rm -rf "$work"' EXIT
command -v /usr/bin/time >/dev/null || { echo "bench/import.sh needs /usr/bin/time (apt-get install time)" >&2; exit 1; }
./tamizdat --version >/dev/null
echo "# generating a ${mb} MB export in $work" >&2
python3 bench/wxr-generate.py --mb "$mb" > "$work/export.xml"
bytes=$(stat -c %s "$work/export.xml")
echo "wxr_size $((bytes / 1024 / 1024)) MB"
run() { # name, extra args
  local name=$1; shift
  rm -rf "$work/data"
  printf 'tamizdat.data.dir=%s\n' "$work/data" > "$work/tamizdat.properties"
  /usr/bin/time -f '%e %M' -o "$work/$name.time" \
    ./tamizdat import wordpress "$work/export.xml" --config "$work/tamizdat.properties" "$@" \
    > "$work/$name.out" 2> "$work/$name.err" || { cat "$work/$name.err" >&2; exit 1; }
  read -r secs kb < "$work/$name.time"
  local posts
  posts=$(awk '/posts created/ {print $3}' "$work/$name.out")
  echo "${name}_time $secs s"
  echo "${name}_peak_rss $((kb / 1024)) MB"
  echo "${name}_posts ${posts:-0} posts"
  awk -v p="${posts:-0}" -v s="$secs" 'BEGIN { if (s > 0) printf "%s_rate %.0f posts/s\n", "'"$name"'", p / s }'
}
for kind in ${BENCH_IMPORT_RUNS:-dry-run sqlite}; do
  echo "# $kind" >&2
  case $kind in
    dry-run) run import_dry_run --dry-run ;;
    sqlite) run import_sqlite ;;
  esac
done
