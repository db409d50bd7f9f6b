#!/usr/bin/env bash
# Search benchmark (issue 7): generates an archive of 100,000 articles from our own word lists,
# rebuilds the Lucene index from SQLite with the real reindexer, runs 1,000 fixed queries through
# the real searcher (snippets included), then the same queries on PostgreSQL full-text search
# (GIN, russian/english configurations) on the local server as the baseline. Prints
# `name value unit` lines, ratios last. Options: --articles N --queries N.
# PostgreSQL: $TAMIZDAT_TEST_PG_URL, default jdbc:postgresql://127.0.0.1:5432/test?user=postgres
# (a throw-away schema is created and dropped).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
. bin/java-home.sh
tamizdat_find_java
./mvnw -B -q -DskipTests test-compile
./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
# The heap ./tamizdat runs with: the rebuild must fit in what production gives it.
exec "$JAVA_HOME/bin/java" -XX:+UseSerialGC -Xmx384m \
  -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" \
  org.tamizdat.search.bench.SearchBenchmark "$@"
