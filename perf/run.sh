#!/usr/bin/env bash
# Benchmarks (issue 8): times the build, then starts the api and web servers on an embedded PostgreSQL with
# 100 users x 500 tasks, measures start-to-ready, API throughput and latency, the tasks page and memory, and
# writes perf/RESULTS.md. Needs only a JDK. Options: --with-verify also times the full `./mvnw verify`.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds() { local start=$SECONDS; "$@" >/dev/null; echo $((SECONDS - start)); }

echo "Timing the build..."
cold=$(seconds ./mvnw -B -q clean package -DskipTests)
touch todo-api-war/src/main/java/dev/todo/api/TodoApiApplication.java
cached=$(seconds ./mvnw -B -q package -DskipTests)
verify=""
if [ "${1:-}" = "--with-verify" ]; then
    verify=$(seconds ./mvnw -B -q verify)
fi
./mvnw -B -q install -DskipTests >/dev/null

echo "Running the benchmark (about 10 minutes)..."
./mvnw -B -Pperf verify -pl todo-ear \
    -Dperf.build.cold="$cold" -Dperf.build.cached="$cached" -Dperf.build.verify="$verify"
cat perf/RESULTS.md
