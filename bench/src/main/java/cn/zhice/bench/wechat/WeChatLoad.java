package cn.zhice.bench.wechat;

import cn.zhice.bench.EvalQuestion;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;

/**
 * Plays WeChat against a running zhice: signed, safe-mode encrypted text messages from many followers, sent
 * open-loop at a fixed rate (a slow server cannot slow the schedule and hide its queueing), with latency measured
 * from each message's scheduled send time to its reply read in full. Every reply is checked: decrypted, from the
 * right AppID, non-empty.
 *
 * <p>The generator shares the machine with the app, so it keeps its own work off the measured path: every request is
 * signed and encrypted before the clock starts, requests go out over a pool of kept-alive connections (as WeChat's
 * servers keep theirs), and replies are decrypted and checked after the run. It reports its own and, given
 * {@code --app-pid}, the app's CPU time per message, and how late a thread that only sleeps 1 ms woke up meanwhile
 * ({@link WakeUpProbe}: the machine's own tail, which no reply can beat).
 *
 * <p>{@code --url http://127.0.0.1:18089 --rate 500 --seconds 30 --warmup 60 --users 2000 --connections 64
 * --token T --aes-key K --app-id A [--app-pid N]}; writes {@code bench/target/wechat-load.json}.
 */
public final class WeChatLoad {

    private static final Pattern ENCRYPT = Pattern.compile("<Encrypt><!\\[CDATA\\[(.*?)]]></Encrypt>", Pattern.DOTALL);
    private static final ContentType XML = ContentType.create("text/xml", StandardCharsets.UTF_8);
    /** A request slower than this counts in the per-second line of slow requests. */
    private static final long SLOW_MICROS = 20_000;

    private WeChatLoad() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        String url = options.getOrDefault("url", "http://127.0.0.1:18089") + "/wechat/portal";
        int rate = Integer.parseInt(options.getOrDefault("rate", "500"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "30"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "60"));
        int users = Integer.parseInt(options.getOrDefault("users", "2000"));
        int connections = Integer.parseInt(options.getOrDefault("connections", "64"));
        Optional<Long> appPid = Optional.ofNullable(options.get("app-pid")).map(Long::parseLong);
        WeChatCrypto crypto = new WeChatCrypto(options.get("token"), options.get("aes-key"), options.get("app-id"));
        List<String> questions = EvalQuestion.loadAll().stream().map(EvalQuestion::question).toList();

        Messages messages = new Messages(url, crypto, questions, users);
        try (Sender sender = new Sender(connections)) {
            System.out.printf("Warming up: %d s at %d msg/s%n", warmup, rate);
            sender.run(messages.next(rate * warmup), rate);
            // Signed after the warm-up, so that no timestamp is near WeChat's five-minute limit when it is sent.
            List<Prepared> measured = messages.next(rate * seconds);
            // Measuring starts with an empty young generation, which run-wechat-load.sh sizes for the whole run, so this
            // JVM does not collect while it measures: its pauses (50-80 ms on 2 shared cores) would count as the app's.
            System.gc();
            System.out.printf("Measuring: %d s at %d msg/s over %d connections%n", seconds, rate, connections);
            long appCpuBefore = appPid.map(WeChatLoad::processCpuNanos).orElse(0L);
            long ownCpuBefore = ownCpuNanos();
            WakeUpProbe probe = WakeUpProbe.start();
            Run run = sender.run(measured, rate);
            Histogram wakeUpLateness = probe.stop();
            long ownCpu = ownCpuNanos() - ownCpuBefore;
            Optional<Long> appCpu = appPid.map(pid -> processCpuNanos(pid) - appCpuBefore);

            Checked checked = check(run, crypto);
            Histogram latency = run.latency();
            String report = """
                    {"targetRate": %d, "seconds": %d, "connections": %d, "sent": %d, "ok": %d, "failed": %d,
                     "throughput": %.1f, "p50Ms": %.2f, "p90Ms": %.2f, "p99Ms": %.2f, "p999Ms": %.2f, "maxMs": %.2f,
                     "sentToReplyP50Ms": %.2f, "sentToReplyP99Ms": %.2f, "sendDelayP99Ms": %.2f,
                     "generatorCpuUsPerMessage": %.0f, "appCpuUsPerMessage": %s,
                     "wakeUpLateP99Ms": %.2f, "wakeUpLateP999Ms": %.2f, "wakeUpLateMaxMs": %.2f}
                    """.formatted(rate, seconds, connections, measured.size(), checked.ok(), checked.failed(),
                    checked.ok() / run.elapsedSeconds(), ms(latency, 50), ms(latency, 90), ms(latency, 99),
                    ms(latency, 99.9), latency.getMaxValue() / 1000.0, ms(run.sentToReply(), 50),
                    ms(run.sentToReply(), 99), ms(run.sendDelay(), 99), ownCpu / 1000.0 / measured.size(),
                    appCpu.map(nanos -> "%.0f".formatted(nanos / 1000.0 / measured.size())).orElse("null"),
                    ms(wakeUpLateness, 99), ms(wakeUpLateness, 99.9), wakeUpLateness.getMaxValue() / 1000.0);
            System.out.print(report);
            System.out.println("Requests over 20 ms, per second of the run: " + run.slowPerSecond());
            Path out = Path.of("bench/target/wechat-load.json");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report);
            checked.firstFailure().ifPresent(failure -> System.out.println("First failure: " + failure));
        }
    }

    private static double ms(Histogram histogram, double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1000.0;
    }

    /** This JVM's CPU time, all threads. */
    private static long ownCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Another process's user + system CPU time from {@code /proc/<pid>/stat} (Linux; clock ticks of 10 ms). */
    private static long processCpuNanos(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // After "pid (comm) ", utime and stime are the 12th and 13th fields.
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return ticks * 10_000_000L;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the app's CPU time from /proc/" + pid, e);
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        for (String required : List.of("token", "aes-key", "app-id")) {
            if (!options.containsKey(required)) {
                throw new IllegalArgumentException("--" + required + " is required (the app's zhice.wechat settings)");
            }
        }
        return options;
    }

    /** Counts the replies that are good: 200 and either WeChat's "success" or an encrypted reply with content. */
    private static Checked check(Run run, WeChatCrypto crypto) {
        long ok = 0;
        long failed = 0;
        String firstFailure = null;
        for (int i = 0; i < run.replies().length(); i++) {
            Reply reply = run.replies().get(i);
            if (reply != null && reply.valid(crypto)) {
                ok++;
            } else {
                failed++;
                if (firstFailure == null) {
                    firstFailure = reply == null ? "no reply within the run" : reply.toString();
                }
            }
        }
        return new Checked(ok, failed, Optional.ofNullable(firstFailure));
    }

    /** A request ready to go: signed query string and encrypted body. */
    record Prepared(String uri, byte[] body) {}

    /** What came back for one request; {@code error} when the exchange failed. */
    record Reply(int status, String body, String error) {

        boolean valid(WeChatCrypto crypto) {
            if (error != null || status != 200) {
                return false;
            }
            if (body.equals("success")) {
                return true;
            }
            Matcher encrypted = ENCRYPT.matcher(body);
            return encrypted.find() && crypto.decrypt(encrypted.group(1)).contains("<Content>");
        }

        @Override
        public String toString() {
            return error != null ? error : status + " " + body;
        }
    }

    /**
     * How a timed run went. Latency runs from each message's scheduled time to its reply; it is the sum of the
     * generator's own delay in starting to send (its threads share the cores with the app) and the time from the
     * first byte sent to the reply read.
     */
    record Run(Histogram latency, Histogram sendDelay, Histogram sentToReply, AtomicReferenceArray<Reply> replies,
            double elapsedSeconds, AtomicIntegerArray slow) {

        /** Per second of the run, how many requests sent in it took over 20 ms: bursts show as runs of large counts. */
        String slowPerSecond() {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < slow.length(); i++) {
                line.append(i == 0 ? "" : " ").append(slow.get(i));
            }
            return line.toString();
        }
    }

    record Checked(long ok, long failed, Optional<String> firstFailure) {}

    /** Signed, encrypted text messages from {@code users} followers, cycling through the questions. */
    private static final class Messages {
        private final String url;
        private final WeChatCrypto crypto;
        private final List<String> questions;
        private final int users;
        private final AtomicLong messageIds = new AtomicLong(System.currentTimeMillis() * 1000);
        private int next;

        Messages(String url, WeChatCrypto crypto, List<String> questions, int users) {
            this.url = url;
            this.crypto = crypto;
            this.questions = questions;
            this.users = users;
        }

        /** The next {@code count} messages, signed now: WeChat's timestamps stay valid for five minutes. */
        List<Prepared> next(int count) {
            List<Prepared> prepared = new ArrayList<>(count);
            for (int i = 0; i < count; i++, next++) {
                prepared.add(message(next));
            }
            return prepared;
        }

        private Prepared message(int i) {
            String timestamp = Long.toString(System.currentTimeMillis() / 1000);
            String nonce = UUID.randomUUID().toString().substring(0, 10);
            String openId = "oLoadTest" + (i % users);
            String question = questions.get(i % questions.size());
            String xml = "<xml><ToUserName><![CDATA[gh_zhice]]></ToUserName><FromUserName><![CDATA[" + openId
                    + "]]></FromUserName><CreateTime>" + timestamp + "</CreateTime><MsgType><![CDATA[text]]></MsgType>"
                    + "<Content><![CDATA[" + question + "]]></Content><MsgId>" + messageIds.incrementAndGet()
                    + "</MsgId></xml>";
            String encrypted = crypto.encrypt(xml);
            String body = "<xml><ToUserName><![CDATA[gh_zhice]]></ToUserName><Encrypt><![CDATA[" + encrypted
                    + "]]></Encrypt></xml>";
            String query = "?signature=" + crypto.signature(timestamp, nonce) + "&timestamp=" + timestamp + "&nonce="
                    + nonce + "&openid=" + openId + "&encrypt_type=aes&msg_signature="
                    + crypto.messageSignature(timestamp, nonce, encrypted);
            return new Prepared(url + query, body.getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * Sends prepared requests on schedule over a fixed pool of kept-alive connections, one sending thread per
     * connection: with n connections, thread k sends messages k, k + n, k + 2n, … each when its time comes, so no
     * message waits for a hand-off between the generator's own threads (on two shared cores that hand-off alone
     * reached 11 ms at p99). A message whose time comes while its thread still waits for the previous reply is sent
     * late, and that wait counts in its latency.
     */
    private static final class Sender implements AutoCloseable {
        private static final long HIGHEST_MICROS = 60_000_000L;

        private final CloseableHttpClient http;
        private final ExecutorService threads;
        private final int connections;

        Sender(int connections) {
            PoolingHttpClientConnectionManager pool = PoolingHttpClientConnectionManagerBuilder.create()
                    .setMaxConnTotal(connections)
                    .setMaxConnPerRoute(connections)
                    .setDefaultConnectionConfig(ConnectionConfig.custom()
                            .setConnectTimeout(Timeout.ofSeconds(2))
                            .setSocketTimeout(Timeout.ofSeconds(10))
                            .build())
                    .build();
            this.http = HttpClients.custom()
                    .setConnectionManager(pool)
                    .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.ofSeconds(10)).build())
                    .disableAutomaticRetries()
                    .disableCookieManagement()
                    .disableRedirectHandling()
                    .disableContentCompression()
                    .build();
            this.threads = Executors.newFixedThreadPool(connections);
            this.connections = connections;
        }

        Run run(List<Prepared> messages, int rate) throws InterruptedException {
            Histogram latency = new ConcurrentHistogram(HIGHEST_MICROS, 3);
            Histogram sendDelay = new ConcurrentHistogram(HIGHEST_MICROS, 3);
            Histogram sentToReply = new ConcurrentHistogram(HIGHEST_MICROS, 3);
            AtomicReferenceArray<Reply> replies = new AtomicReferenceArray<>(messages.size());
            CountDownLatch done = new CountDownLatch(connections);
            long period = TimeUnit.SECONDS.toNanos(1) / rate;
            long start = System.nanoTime();
            AtomicLong last = new AtomicLong(start);
            AtomicIntegerArray slow = new AtomicIntegerArray(messages.size() / rate + 1);
            for (int connection = 0; connection < connections; connection++) {
                int first = connection;
                threads.execute(() -> {
                    for (int index = first; index < messages.size(); index += connections) {
                        long scheduled = start + index * period;
                        long wait;
                        // parkNanos may return early: a message is never sent before its time.
                        while ((wait = scheduled - System.nanoTime()) > 0) {
                            LockSupport.parkNanos(wait);
                        }
                        long sending = System.nanoTime();
                        replies.set(index, send(messages.get(index)));
                        long finished = System.nanoTime();
                        record(sendDelay, sending - scheduled);
                        record(sentToReply, finished - sending);
                        long micros = record(latency, finished - scheduled);
                        if (micros > SLOW_MICROS) {
                            int second = (int) Math.min(slow.length() - 1, (scheduled - start) / 1_000_000_000L);
                            slow.incrementAndGet(second);
                        }
                        last.accumulateAndGet(finished, Math::max);
                    }
                    done.countDown();
                });
            }
            done.await(messages.size() / rate + 60, TimeUnit.SECONDS);
            return new Run(latency, sendDelay, sentToReply, replies, (last.get() - start) / 1e9, slow);
        }

        /**
         * Records a duration in microseconds and returns them. An overloaded app answers later than the histogram
         * reaches: such replies count at its ceiling (60 s) instead of failing the sender and leaving the run waiting.
         */
        private static long record(Histogram histogram, long nanos) {
            long micros = nanos / 1000;
            histogram.recordValue(Math.min(Math.max(1, micros), HIGHEST_MICROS));
            return micros;
        }

        private Reply send(Prepared message) {
            HttpPost post = new HttpPost(message.uri());
            post.setEntity(new ByteArrayEntity(message.body(), XML));
            try {
                return http.execute(post, response -> new Reply(response.getCode(),
                        EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8), null));
            } catch (IOException | RuntimeException e) {
                return new Reply(0, null, e.toString());
            }
        }

        @Override
        public void close() throws IOException {
            threads.shutdownNow();
            http.close();
        }
    }
}
