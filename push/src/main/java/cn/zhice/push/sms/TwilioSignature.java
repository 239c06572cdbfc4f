package cn.zhice.push.sms;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code X-Twilio-Signature}: Base64 of HMAC-SHA1, keyed with the auth token, over the full URL the gateway called
 * followed by every POST parameter's name and value, sorted by name.
 */
final class TwilioSignature {

    private final byte[] key;

    TwilioSignature(String authToken) {
        this.key = authToken == null ? new byte[0] : authToken.getBytes(StandardCharsets.UTF_8);
    }

    String sign(String url, Map<String, String> postParameters) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(postParameters).forEach((name, value) -> data.append(name).append(value));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA1 is part of every JDK", e);
        }
    }

    /** Constant-time comparison of the received signature with the expected one. */
    boolean valid(String signature, String url, Map<String, String> postParameters) {
        if (signature == null || key.length == 0) {
            return false;
        }
        byte[] expected = sign(url, postParameters).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.strip().getBytes(StandardCharsets.US_ASCII));
    }
}
