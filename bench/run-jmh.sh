#!/usr/bin/env bash
# JMH benchmarks of search latency and index build time at 5,000 and 50,000 entries (about 10 minutes on 2 cores).
# Run from the project root: bench/run-jmh.sh [JMH options, e.g. SearchBenchmark -p entries=5000]
# Writes bench/target/jmh-results.json.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -pl bench -am -DskipTests package
exec java -cp "bench/target/classes:$(cat bench/target/classpath.txt)" org.openjdk.jmh.Main \
  -rf json -rff bench/target/jmh-results.json "$@"
