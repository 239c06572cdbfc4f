package cn.zhice.bench.wechat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * WeChat's message encryption ("安全模式"), written from the platform's specification rather than taken from WxJava,
 * so the load generator plays WeChat independently of the library the app uses: AES-256-CBC, key = Base64 of the
 * 43-character EncodingAESKey plus "=", IV = the key's first 16 bytes, PKCS#7 padding to 32-byte blocks, and the
 * plaintext = 16 random bytes + 4-byte big-endian length + message + AppID. The application's tests use it too, to
 * check the callback against an implementation that is not WxJava's.
 */
public final class WeChatCrypto {

    private final byte[] key;
    private final String appId;
    private final String token;
    private final SecureRandom random = new SecureRandom();

    public WeChatCrypto(String token, String encodingAesKey, String appId) {
        this.token = token;
        this.key = Base64.getDecoder().decode(encodingAesKey + "=");
        this.appId = appId;
    }

    /** The URL signature WeChat sends with every callback: SHA-1 of token, timestamp and nonce, sorted. */
    public String signature(String timestamp, String nonce) {
        return sha1(token, timestamp, nonce);
    }

    /** The msg_signature over the encrypted payload. */
    public String messageSignature(String timestamp, String nonce, String encrypted) {
        return sha1(token, timestamp, nonce, encrypted);
    }

    /** The Base64 ciphertext of a message, as WeChat puts it in {@code <Encrypt>}. */
    public String encrypt(String xml) {
        byte[] message = xml.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        byte[] prefix = new byte[16];
        random.nextBytes(prefix);
        plain.writeBytes(prefix);
        plain.writeBytes(ByteBuffer.allocate(4).putInt(message.length).array());
        plain.writeBytes(message);
        plain.writeBytes(appId.getBytes(StandardCharsets.UTF_8));
        int padding = 32 - plain.size() % 32;
        for (int i = 0; i < padding; i++) {
            plain.write(padding);
        }
        return Base64.getEncoder().encodeToString(cipher(Cipher.ENCRYPT_MODE, plain.toByteArray()));
    }

    /** The message inside a Base64 ciphertext; fails when it was encrypted for another AppID. */
    public String decrypt(String encrypted) {
        byte[] plain = cipher(Cipher.DECRYPT_MODE, Base64.getDecoder().decode(encrypted));
        int padding = plain[plain.length - 1];
        byte[] unpadded = Arrays.copyOf(plain, plain.length - padding);
        int length = ByteBuffer.wrap(unpadded, 16, 4).getInt();
        String from = new String(unpadded, 20 + length, unpadded.length - 20 - length, StandardCharsets.UTF_8);
        if (!from.equals(appId)) {
            throw new IllegalStateException("Reply encrypted for another AppID");
        }
        return new String(unpadded, 20, length, StandardCharsets.UTF_8);
    }

    private byte[] cipher(int mode, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
            cipher.init(mode, new SecretKeySpec(key, "AES"), new IvParameterSpec(Arrays.copyOf(key, 16)));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha1(String... parts) {
        try {
            String joined = Stream.of(parts).sorted().collect(Collectors.joining());
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(joined.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
