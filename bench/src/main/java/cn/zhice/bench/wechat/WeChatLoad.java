package cn.zhice.bench.wechat;

import cn.zhice.bench.EvalQuestion;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Plays WeChat against a running zhice: signed, safe-mode encrypted text messages from many followers, sent
 * open-loop at a fixed rate (so a slow server cannot slow the senders and hide its queueing), with latency measured
 * from each message's scheduled send time. Every reply is checked: decrypted, from the right AppID, non-empty.
 *
 * <p>{@code --url http://127.0.0.1:18089 --rate 500 --seconds 30 --warmup 10 --users 2000 --token T --aes-key K
 * --app-id A}; writes {@code bench/target/wechat-load.json}.
 */
public final class WeChatLoad {

    private static final Pattern ENCRYPT = Pattern.compile("<Encrypt><!\\[CDATA\\[(.*?)]]></Encrypt>", Pattern.DOTALL);

    private WeChatLoad() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        String url = options.getOrDefault("url", "http://127.0.0.1:18089") + "/wechat/portal";
        int rate = Integer.parseInt(options.getOrDefault("rate", "500"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "30"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "10"));
        int users = Integer.parseInt(options.getOrDefault("users", "2000"));
        WeChatCrypto crypto = new WeChatCrypto(options.get("token"), options.get("aes-key"), options.get("app-id"));
        List<String> questions = EvalQuestion.loadAll().stream().map(EvalQuestion::question).toList();

        ExecutorService callbacks = Executors.newFixedThreadPool(4);
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .executor(callbacks)
                .build();
        Sender sender = new Sender(http, url, crypto, questions, users);

        System.out.printf("Warming up: %d s at %d msg/s%n", warmup, rate);
        sender.run(rate, warmup, new ConcurrentHistogram(60_000_000L, 3));
        ConcurrentHistogram latency = new ConcurrentHistogram(60_000_000L, 3);
        System.out.printf("Measuring: %d s at %d msg/s%n", seconds, rate);
        Result result = sender.run(rate, seconds, latency);
        callbacks.shutdown();

        String report = """
                {"targetRate": %d, "seconds": %d, "sent": %d, "ok": %d, "failed": %d, "throughput": %.1f,
                 "p50Ms": %.2f, "p90Ms": %.2f, "p99Ms": %.2f, "p999Ms": %.2f, "maxMs": %.2f}
                """.formatted(rate, seconds, result.sent(), result.ok(), result.failed(), result.throughput(),
                ms(latency, 50), ms(latency, 90), ms(latency, 99), ms(latency, 99.9), latency.getMaxValue() / 1000.0);
        System.out.print(report);
        Path out = Path.of("bench/target/wechat-load.json");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        if (result.failed() > 0) {
            System.out.println("First failure: " + sender.firstFailure);
        }
    }

    private static double ms(Histogram histogram, double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1000.0;
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

    /** How a timed run went. */
    record Result(long sent, long ok, long failed, double throughput) {}

    /** Sends messages on schedule and checks the replies. */
    private static final class Sender {
        private final HttpClient http;
        private final String url;
        private final WeChatCrypto crypto;
        private final List<String> questions;
        private final int users;
        private final AtomicLong messageIds = new AtomicLong(System.currentTimeMillis() * 1000);
        private volatile String firstFailure;

        Sender(HttpClient http, String url, WeChatCrypto crypto, List<String> questions, int users) {
            this.http = http;
            this.url = url;
            this.crypto = crypto;
            this.questions = questions;
            this.users = users;
        }

        Result run(int rate, int seconds, Histogram latency) throws InterruptedException {
            int total = rate * seconds;
            long period = TimeUnit.SECONDS.toNanos(1) / rate;
            CountDownLatch done = new CountDownLatch(total);
            AtomicLong ok = new AtomicLong();
            AtomicLong failed = new AtomicLong();
            long start = System.nanoTime();
            for (int i = 0; i < total; i++) {
                long scheduled = start + i * period;
                long wait = scheduled - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                HttpRequest request = message(i);
                http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
                    latency.recordValue(Math.max(1, (System.nanoTime() - scheduled) / 1000));
                    if (error == null && valid(response)) {
                        ok.incrementAndGet();
                    } else {
                        failed.incrementAndGet();
                        if (firstFailure == null) {
                            firstFailure = error != null ? error.toString() : response.statusCode() + " " + response.body();
                        }
                    }
                    done.countDown();
                });
            }
            done.await(60, TimeUnit.SECONDS);
            double elapsed = (System.nanoTime() - start) / 1e9;
            return new Result(total, ok.get(), failed.get(), ok.get() / elapsed);
        }

        private HttpRequest message(int i) {
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
            return HttpRequest.newBuilder(URI.create(url + query))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "text/xml; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
        }

        /** A reply is good when it is 200 and either WeChat's "success" or an encrypted reply with content. */
        private boolean valid(HttpResponse<String> response) {
            if (response.statusCode() != 200) {
                return false;
            }
            String body = response.body();
            if (body.equals("success")) {
                return true;
            }
            Matcher encrypted = ENCRYPT.matcher(body);
            return encrypted.find() && crypto.decrypt(encrypted.group(1)).contains("<Content>");
        }
    }
}
