package cn.zhice.bot.wechat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The checks a callback passes before anything in it is parsed or processed: WeChat's SHA-1 signature over the sorted
 * token, timestamp and nonce, a timestamp within 5 minutes, a body of at most 64 KB, and XML without DOCTYPE or entity
 * declarations (XStream and DOM parsers would otherwise be offered external entities).
 */
final class CallbackGuard {

    static final int MAX_BODY_BYTES = 64 * 1024;
    private static final Duration MAX_SKEW = Duration.ofMinutes(5);
    private static final Pattern DIGITS = Pattern.compile("\\d{1,12}");
    private static final Pattern UNSAFE_XML = Pattern.compile("<!\\s*(DOCTYPE|ENTITY)|SYSTEM\\s+[\"']", Pattern.CASE_INSENSITIVE);

    private final String token;
    private final Clock clock;

    CallbackGuard(String token, Clock clock) {
        this.token = token;
        this.clock = clock;
    }

    /** Checks the parameters, the timestamp's age and {@code signature}; throws a {@link CallbackRejected}. */
    void verifySignature(String signature, String timestamp, String nonce) {
        requirePresent(signature, timestamp, nonce);
        checkFresh(timestamp);
        if (!matches(signature, token, timestamp, nonce)) {
            throw new InvalidSignature();
        }
    }

    /** 安全模式: {@code msg_signature} is the SHA-1 of the sorted token, timestamp, nonce and the Encrypt element. */
    void verifyMessageSignature(String msgSignature, String timestamp, String nonce, String encrypt) {
        requirePresent(msgSignature, timestamp, nonce);
        if (encrypt == null || encrypt.isEmpty() || !matches(msgSignature, token, timestamp, nonce, encrypt)) {
            throw new InvalidSignature();
        }
    }

    /** Reads at most 64 KB, trusting neither Content-Length nor its absence. */
    static byte[] readBody(long contentLength, InputStream in) throws IOException {
        if (contentLength > MAX_BODY_BYTES) {
            throw new BodyTooLarge();
        }
        byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            throw new BodyTooLarge();
        }
        return body;
    }

    /** Rejects DOCTYPE, ENTITY and SYSTEM identifiers by looking at the text, before any XML parser sees it. */
    static String requireSafeXml(String xml) {
        if (UNSAFE_XML.matcher(xml).find()) {
            throw new UnsafeXml();
        }
        return xml;
    }

    static String sha1Hex(String... parts) {
        String[] sorted = parts.clone();
        Arrays.sort(sorted);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(String.join("", sorted).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-1", e);
        }
    }

    private void checkFresh(String timestamp) {
        long seconds = Long.parseLong(timestamp);
        Instant sent = Instant.ofEpochSecond(seconds);
        Duration age = Duration.between(sent, clock.instant()).abs();
        if (age.compareTo(MAX_SKEW) > 0) {
            throw new StaleTimestamp();
        }
    }

    private static boolean matches(String given, String... parts) {
        byte[] expected = sha1Hex(parts).getBytes(StandardCharsets.US_ASCII);
        byte[] actual = given.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, actual);
    }

    private static void requirePresent(String signature, String timestamp, String nonce) {
        if (signature == null || signature.isBlank() || nonce == null || nonce.isBlank() || nonce.length() > 64
                || timestamp == null || !DIGITS.matcher(timestamp).matches()) {
            throw new MissingParameters();
        }
    }
}
