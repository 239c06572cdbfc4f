package cn.zhice.bot.wechat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * WeChat's side of the callback, written from the 公众平台 documentation (消息加解密说明) and independent of WxJava:
 * signatures, and 安全模式 AES-256-CBC with key = Base64(EncodingAESKey + "="), IV = the key's first 16 bytes,
 * PKCS#7 padding to 32-byte blocks, plaintext = 16 random bytes + 4-byte big-endian length + xml + AppID.
 */
final class WeChatWire {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String token;
    private final byte[] key;
    private final String appId;

    WeChatWire(String token, String aesKey, String appId) {
        this.token = token;
        this.key = Base64.getDecoder().decode(aesKey + "=");
        this.appId = appId;
    }

    static String sha1(String... parts) throws GeneralSecurityException {
        String[] sorted = parts.clone();
        Arrays.sort(sorted);
        byte[] digest = MessageDigest.getInstance("SHA-1").digest(String.join("", sorted).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest);
    }

    String signature(String timestamp, String nonce) throws GeneralSecurityException {
        return sha1(token, timestamp, nonce);
    }

    String msgSignature(String timestamp, String nonce, String encrypt) throws GeneralSecurityException {
        return sha1(token, timestamp, nonce, encrypt);
    }

    String encrypt(String xml) throws GeneralSecurityException {
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        byte[] content = xml.getBytes(StandardCharsets.UTF_8);
        byte[] id = appId.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        plain.writeBytes(random);
        plain.writeBytes(ByteBuffer.allocate(4).putInt(content.length).array());
        plain.writeBytes(content);
        plain.writeBytes(id);
        int pad = 32 - plain.size() % 32;
        for (int i = 0; i < pad; i++) {
            plain.write(pad);
        }
        return Base64.getEncoder().encodeToString(cipher(Cipher.ENCRYPT_MODE).doFinal(plain.toByteArray()));
    }

    String decrypt(String encrypt) throws GeneralSecurityException {
        byte[] plain = cipher(Cipher.DECRYPT_MODE).doFinal(Base64.getDecoder().decode(encrypt));
        int pad = plain[plain.length - 1];
        if (pad < 1 || pad > 32) {
            throw new IllegalStateException("bad PKCS#7 padding " + pad);
        }
        int length = ByteBuffer.wrap(plain, 16, 4).getInt();
        String xml = new String(plain, 20, length, StandardCharsets.UTF_8);
        String id = new String(plain, 20 + length, plain.length - pad - 20 - length, StandardCharsets.UTF_8);
        if (!id.equals(appId)) {
            throw new IllegalStateException("reply encrypted for " + id);
        }
        return xml;
    }

    /** The envelope WeChat posts in 安全模式. */
    static String envelope(String toUser, String encrypt) {
        return "<xml><ToUserName><![CDATA[" + toUser + "]]></ToUserName><Encrypt><![CDATA[" + encrypt + "]]></Encrypt></xml>";
    }

    static String element(String xml, String name) {
        Matcher matcher = Pattern.compile("<" + name + ">(?:<!\\[CDATA\\[)?(.*?)(?:]]>)?</" + name + ">", Pattern.DOTALL)
                .matcher(xml);
        return matcher.find() ? matcher.group(1) : null;
    }

    private Cipher cipher(int mode) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new IvParameterSpec(key, 0, 16));
        return cipher;
    }
}
