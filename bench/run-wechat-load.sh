#!/usr/bin/env bash
# Load test of the WeChat callback on this machine: starts the app (own H2 file, own index, 5,000-entry knowledge
# base, WeChat safe mode with test credentials), then plays WeChat at a fixed rate with signed, encrypted messages
# and reports throughput and latency. The app and the load generator share the machine's cores, as they would.
#   bench/run-wechat-load.sh            # 500 msg/s for 60 s after a 90 s warm-up (the JIT needs 2-3 minutes on 2 cores)
#   RATE=800 SECONDS_=60 bench/run-wechat-load.sh
#   APP_ARGS=--zhice.kb.search-cache=0 bench/run-wechat-load.sh   # every question searched, none answered from kept hits
#   BUILD=0 RATE=300 bench/run-wechat-load.sh   # without rebuilding the jars first
#   APP_JAVA_OPTS="-Xmx1g -XX:StartFlightRecording=filename=/tmp/wechat.jfr,settings=profile" bench/run-wechat-load.sh
#   DB=postgres bench/run-wechat-load.sh   # production's database: a fresh one on the local server (127.0.0.1:5432,
#                                          # user postgres), dropped at the end; the default is an H2 file
# APP_JAVA_OPTS replaces the app's JVM options (default -Xmx1g), GEN_JAVA_OPTS the generator's (default below). The
# generator prints, per second of the run, how many requests took over 20 ms: steady counts mean queueing everywhere,
# runs of large ones mean stalls (GC, a lock). Its wake-up probe reports how late a thread that only sleeps woke up
# meanwhile: the machine's own tail.
# Its Redis keys (sessions, kept replies) are deleted when it ends.
# WeChat's own API is pointed at a closed local port: the measured path (a passive reply) never calls it.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${PORT:-18089}
RATE=${RATE:-500}
SECONDS_=${SECONDS_:-60}
WARMUP=${WARMUP:-90}
CONNECTIONS=${CONNECTIONS:-16}
ENTRIES=${ENTRIES:-5000}
TOKEN=zhiceLoadTestToken
AES_KEY=abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG
APP_ID=wxzhiceloadtest0001
ADMIN_PASSWORD=load-test-admin-secret

# An up-to-date app jar is not rebuilt, and repackaging it again keeps the modules it was first packaged with.
# BUILD=0 measures the jars already built (build them before taking the quiet-machine lock).
if [ "${BUILD:-1}" != 0 ]; then
  rm -f app/target/zhice-app.jar app/target/zhice-app.jar.original
  ./mvnw -q -B -DskipTests package
fi
CP="bench/target/classes:$(cat bench/target/classpath.txt)"
work=$(mktemp -d)
app=""
redis=()
keys="zhice-load-$$"
database=""
cleanup() {
  if [ -n "$app" ]; then kill "$app" 2>/dev/null; wait "$app" 2>/dev/null || true; fi
  rm -rf "$work"
  if [ -n "$database" ]; then dropdb -h 127.0.0.1 -U postgres --if-exists "$database" || true; fi
  # The run's sessions and kept replies would otherwise stay in the shared Redis until their TTLs end.
  if [ "${#redis[@]}" -gt 0 ]; then
    redis-cli -h 127.0.0.1 --scan --pattern "$keys:*" | xargs -r -n 1000 redis-cli -h 127.0.0.1 unlink >/dev/null
  fi
}
trap cleanup EXIT

java -cp "$CP" cn.zhice.bench.KbSeed "$ENTRIES" "$work/kb.jsonl"

if redis-cli -h 127.0.0.1 ping >/dev/null 2>&1; then
  redis=(--zhice.redis.url=redis://127.0.0.1:6379 "--zhice.kb.sync-channel=$keys:kb" "--zhice.bot.key-prefix=$keys:bot:"
    "--zhice.wechat.redis-key-prefix=$keys:wechat:")
fi

datasource=(--spring.datasource.url="jdbc:h2:file:$work/db")
if [ "${DB:-h2}" = postgres ]; then
  database="zhice_load_$$"
  createdb -h 127.0.0.1 -U postgres "$database"
  datasource=(--spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$database" --spring.datasource.username=postgres)
fi

java ${APP_JAVA_OPTS:--Xmx1g} -jar app/target/zhice-app.jar --server.port="$PORT" "${datasource[@]}" \
  --zhice.kb.index-dir="$work/index" \
  --zhice.demo-data.enabled=false --zhice.admin.bootstrap-password="$ADMIN_PASSWORD" \
  --zhice.wechat.app-id="$APP_ID" --zhice.wechat.secret=unused --zhice.wechat.token="$TOKEN" \
  --zhice.wechat.aes-key="$AES_KEY" --zhice.wechat.api-base-url=http://127.0.0.1:9 \
  --logging.level.root=warn "${redis[@]}" ${APP_ARGS:-} > "$work/app.log" 2>&1 &
app=$!

for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null 2>&1 && break
  sleep 1
done
curl -sf "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null || { cat "$work/app.log"; exit 1; }

split -l 1000 "$work/kb.jsonl" "$work/part_"
for part in "$work"/part_*; do
  curl -sf -u "admin:$ADMIN_PASSWORD" -H 'Content-Type: application/x-ndjson' --data-binary @"$part" \
    "http://127.0.0.1:$PORT/api/admin/kb/import" >/dev/null
done
echo "Knowledge base: $(wc -l < "$work/kb.jsonl") entries imported"
echo "Load average before measuring (other work on this machine): $(cut -d' ' -f1-3 /proc/loadavg)"

# The generator's young generation is large enough (it allocates about 12 MB/s) that it does not collect while measuring:
# its own pauses (50-80 ms on these cores) would count as the app's latency.
java ${GEN_JAVA_OPTS:--Xms4g -Xmx4g -Xmn3g} -cp "$CP" cn.zhice.bench.wechat.WeChatLoad --url "http://127.0.0.1:$PORT" --rate "$RATE" \
  --seconds "$SECONDS_" --warmup "$WARMUP" --connections "$CONNECTIONS" --app-pid "$app" \
  --token "$TOKEN" --aes-key "$AES_KEY" --app-id "$APP_ID"
echo "Load average after measuring: $(cut -d' ' -f1-3 /proc/loadavg)"
