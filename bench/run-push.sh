#!/usr/bin/env bash
# Push at scale: a 100,000-recipient campaign end to end with every limit checked in the local Redis (Bucket4j),
# against local provider stand-ins (WireMock for the Twilio-compatible gateway and WeChat, GreenMail for SMTP), plus
# the limit check alone (latency, Redis commands per check). Needs Redis on 127.0.0.1:6379 (ZHICE_BENCH_REDIS_URL to
# change) and, for the PostgreSQL run, the local server with database "test".
#   bench/run-push.sh [recipients] [h2|postgres] [--zhice.push.worker.dispatchers=3 ...]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -pl bench -am -DskipTests package
exec java -Xmx4g -cp "bench/target/classes:$(cat bench/target/classpath.txt)" cn.zhice.bench.push.PushBenchmark "$@"
