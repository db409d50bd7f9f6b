# Sourced by ./tamizdat and bench/export.sh (after bin/java-home.sh). An export is a batch run of
# seconds in which loading and linking five thousand classes took a second of its time; JDK 25's
# ahead-of-time cache (JEP 483, JEP 514) keeps them loaded and linked from a training run. The
# cache belongs to one JAR, one JDK and one set of JVM options: it is recorded again whenever the
# JAR or the JDK is newer, from an export of the demo site in a temporary directory.

# tamizdat_aot_option JAR CACHE_PREFIX JVM_OPTION...: prints -XX:AOTCache=FILE, recording FILE
# first when needed; prints nothing (the run goes on without a cache) on a JDK older than 25 or
# when recording fails.
tamizdat_aot_option() {
  local jar=$1 prefix=$2
  shift 2
  local cache
  cache="$prefix-$(basename "$JAVA_HOME").aot"
  if [ ! -f "$cache" ] || [ "$jar" -nt "$cache" ] || [ "$JAVA_HOME/release" -nt "$cache" ]; then
    local major
    major=$(tamizdat_java_major "$JAVA_HOME")
    [ "${major:-0}" -ge 25 ] 2>/dev/null || return 0
    echo "tamizdat: recording the start-up cache for this build (once, a few seconds)..." >&2
    local tmp
    tmp=$(mktemp -d "${TMPDIR:-/tmp}/tamizdat-aot.XXXXXX")
    if (
      # Nothing of the newsroom's own: no TAMIZDAT_* setting, and (from the temporary directory)
      # no tamizdat.properties of the working directory, so the demo never lands in its database.
      while read -r name; do unset "$name"; done < <(compgen -e | grep '^TAMIZDAT_' || true)
      cd "$tmp" || exit 1
      export TAMIZDAT_DATA_DIR="$tmp/data"
      "$JAVA_HOME/bin/java" "$@" -XX:AOTCacheOutput="$tmp/cache.aot" -jar "$jar" \
        demo --export "$tmp/site"
    ) >"$tmp/log" 2>&1 && [ -f "$tmp/cache.aot" ]; then
      mv -f "$tmp/cache.aot" "$cache"
    else
      echo "tamizdat: could not record the start-up cache, running without it:" >&2
      tail -n 5 "$tmp/log" >&2
      rm -f "$cache"
    fi
    rm -rf "$tmp"
  fi
  if [ -f "$cache" ]; then
    echo "-XX:AOTCache=$cache"
  fi
}
