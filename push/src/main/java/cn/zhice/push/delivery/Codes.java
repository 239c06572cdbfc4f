package cn.zhice.push.delivery;

import java.security.SecureRandom;

/** Tracked-link codes: 10 random base-62 characters (about 59 bits), unguessable and short enough for an SMS. */
public final class Codes {

    private static final char[] ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Codes() {}

    public static String next() {
        char[] code = new char[10];
        for (int i = 0; i < code.length; i++) {
            code[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(code);
    }
}
