#!/usr/bin/env bash
# Push at scale: a 100,000-recipient campaign end to end with every limit checked in the local Redis (Bucket4j),
# against local provider stand-ins (the JDK's HTTP server for the Twilio-compatible gateway and WeChat, a lean SMTP
# server), plus the limit check alone (latency, Redis commands per check). Needs Redis on 127.0.0.1:6379
# (ZHICE_BENCH_REDIS_URL to change) and, for the PostgreSQL run, the local server with database "test".
#   bench/run-push.sh [recipients] [h2|postgres] [--warmup=N] [--stand-in=wiremock] [--zhice.push.worker.dispatchers=3 ...]
# --warmup=N runs a campaign of N other recipients first (reported apart; --warmup=100000 leaves the JVM as warm as a
# server that has sent one campaign, 20000 does not finish the JIT's work); --stand-in=wiremock answers with WireMock
# (as the tests do) instead of the JDK's HTTP server. JVM options from ZHICE_BENCH_JAVA_OPTS
# (default -Xmx4g); e.g. "-Xmx4g -XX:TieredStopAtLevel=1" for C1 only, which on 2 cores spares a cold run the C2
# compiler's CPU (see docs/benchmarks.md).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -pl bench -am -DskipTests package
exec java ${ZHICE_BENCH_JAVA_OPTS:--Xmx4g} -cp "bench/target/classes:$(cat bench/target/classpath.txt)" cn.zhice.bench.push.PushBenchmark "$@"
