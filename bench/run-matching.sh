#!/usr/bin/env bash
# Matching at scale: N generated enterprises (default 1,000,000) through the in-memory index, 20 demo rule trees,
# and one enterprise against 1,000 policies. Run from the project root: bench/run-matching.sh [enterprises]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -pl bench -am -DskipTests package
exec java -Xmx6g -cp "bench/target/classes:$(cat bench/target/classpath.txt)" cn.zhice.bench.matching.MatchingBenchmark "$@"
