package cn.zhice.push.sms;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/**
 * SMS reply keywords: T, TD, R, 退订, STOP and UNSUBSCRIBE opt the number out (the carriers' and Twilio's conventions),
 * START takes it back in. Full-width letters, case, spaces and trailing punctuation do not matter.
 */
final class OptOutKeywords {

    enum Intent { OPT_OUT, OPT_IN, NONE }

    private static final Set<String> OUT = Set.of("T", "TD", "R", "退订", "STOP", "UNSUBSCRIBE");
    private static final Set<String> IN = Set.of("START");

    private OptOutKeywords() {}

    static Intent of(String body) {
        if (body == null) {
            return Intent.NONE;
        }
        String word = Normalizer.normalize(body, Normalizer.Form.NFKC).strip().toUpperCase(Locale.ROOT)
                .replaceAll("[\\p{Punct}\\s。！，]+$", "").replaceAll("^[\\p{Punct}\\s]+", "");
        if (OUT.contains(word)) {
            return Intent.OPT_OUT;
        }
        return IN.contains(word) ? Intent.OPT_IN : Intent.NONE;
    }
}
