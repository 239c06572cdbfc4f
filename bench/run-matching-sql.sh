#!/usr/bin/env bash
# The in-memory enterprise index against the equivalent SQL on PostgreSQL: N generated enterprises (default
# 1,000,000) loaded with COPY into a fresh schema (dropped afterwards), the same 20 rule trees through both, counts by
# outcome asserted identical, times (median/p95), ratio, heap and load printed.
# Run from the project root: bench/run-matching-sql.sh [enterprises]
# The database: -Dpg.url=… -Dpg.user=… -Dpg.password=… in JAVA_OPTS (default jdbc:postgresql://127.0.0.1:5432/test, postgres).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -pl bench -am -DskipTests package
exec java -Xmx6g ${JAVA_OPTS:-} -cp "bench/target/classes:$(cat bench/target/classpath.txt)" \
  cn.zhice.bench.matching.SqlMatchingBenchmark "$@"
