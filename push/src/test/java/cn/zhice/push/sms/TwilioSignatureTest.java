package cn.zhice.push.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class TwilioSignatureTest {

    static final String URL = "https://zhice.example.gov.cn/api/push/sms/status?d=Ab3dE5gH7j";
    static final Map<String, String> PARAMS = Map.of("MessageSid", "SM0123", "MessageStatus", "delivered",
            "To", "+8613900000001", "AccountSid", "AC42");

    /** Twilio's documented algorithm written out by hand: URL, then each parameter name+value in sorted order. */
    static String independently(String token) throws Exception {
        String data = URL + "AccountSid" + "AC42" + "MessageSid" + "SM0123" + "MessageStatus" + "delivered" + "To" + "+8613900000001";
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void matchesAnIndependentComputationOfTheAlgorithm() throws Exception {
        assertThat(new TwilioSignature("secret-token").sign(URL, PARAMS)).isEqualTo(independently("secret-token"));
    }

    @Test
    void acceptsTheRightSignatureAndRejectsTamperedOnes() throws Exception {
        TwilioSignature signature = new TwilioSignature("secret-token");
        String good = independently("secret-token");

        assertThat(signature.valid(good, URL, PARAMS)).isTrue();
        assertThat(signature.valid(independently("other-token"), URL, PARAMS)).isFalse();
        assertThat(signature.valid(good, URL.replace("Ab3", "Xb3"), PARAMS)).isFalse();
        assertThat(signature.valid(good, URL, Map.of("MessageSid", "SM0123", "MessageStatus", "failed",
                "To", "+8613900000001", "AccountSid", "AC42"))).isFalse();
        assertThat(signature.valid(null, URL, PARAMS)).isFalse();
    }

    @Test
    void rejectsEverythingWithoutAnAuthToken() throws Exception {
        assertThat(new TwilioSignature(null).valid(independently("x"), URL, PARAMS)).isFalse();
        assertThat(new TwilioSignature("").valid(independently("x"), URL, PARAMS)).isFalse();
    }
}
