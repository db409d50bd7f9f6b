# Sourced by ./tamizdat, ./run-tests and .ci/run: picks the newest JDK >= 21 under /usr/lib/jvm
# (the machine's default java is older) unless JAVA_HOME already points at one.
tamizdat_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -n1
}

tamizdat_find_java() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    major=$(tamizdat_java_major "$JAVA_HOME")
    if [ "${major:-0}" -ge 21 ] 2>/dev/null; then return 0; fi
  fi
  best="" best_major=0
  for dir in /usr/lib/jvm/*/; do
    dir=${dir%/}
    [ -x "$dir/bin/javac" ] || continue
    major=$(tamizdat_java_major "$dir")
    if [ "${major:-0}" -gt "$best_major" ] 2>/dev/null; then best=$dir best_major=$major; fi
  done
  if [ "$best_major" -lt 21 ]; then
    echo "tamizdat: needs a JDK 21 or newer under /usr/lib/jvm (found none); install one, e.g. apt-get install openjdk-21-jdk" >&2
    return 1
  fi
  export JAVA_HOME=$best
}
