package cn.zhice.push.sms;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhice.push.SmsRejected;
import cn.zhice.push.SmsRejected.ErrorClass;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatusCode;

class TwilioErrorClassTest {

    @Test
    void classifiesTwilioErrorCodes() {
        assertThat(TwilioSmsGateway.classify(400, 21211)).isEqualTo(ErrorClass.PERMANENT);
        assertThat(TwilioSmsGateway.classify(400, 21610)).isEqualTo(ErrorClass.OPTED_OUT);
        assertThat(TwilioSmsGateway.classify(429, 20429)).isEqualTo(ErrorClass.THROTTLED);
        assertThat(TwilioSmsGateway.classify(429, 429)).isEqualTo(ErrorClass.THROTTLED);
        assertThat(TwilioSmsGateway.classify(503, 503)).isEqualTo(ErrorClass.RETRY);
        assertThat(TwilioSmsGateway.classify(500, 20500)).isEqualTo(ErrorClass.RETRY);
        assertThat(TwilioSmsGateway.classify(401, 20003)).isEqualTo(ErrorClass.RETRY);
    }

    @Test
    void keepsPhoneNumbersOutOfTheErrorMessage() {
        SmsRejected rejected = TwilioSmsGateway.rejected(HttpStatusCode.valueOf(400),
                "{\"code\": 21211, \"message\": \"The 'To' number +8613900000001 is not a valid phone number.\", \"status\": 400}");

        assertThat(rejected.errorClass()).isEqualTo(ErrorClass.PERMANENT);
        assertThat(rejected.code()).isEqualTo(21211);
        assertThat(rejected.getMessage()).contains("21211").doesNotContain("13900000001");
    }

    @Test
    void classifiesAnHtmlErrorPageByItsStatus() {
        assertThat(TwilioSmsGateway.rejected(HttpStatusCode.valueOf(502), "<html>Bad Gateway</html>").errorClass())
                .isEqualTo(ErrorClass.RETRY);
    }

    @Test
    void writesChineseMobilesAsE164() {
        assertThat(TwilioSmsGateway.e164("13900000001")).isEqualTo("+8613900000001");
        assertThat(TwilioSmsGateway.e164("+8613900000001")).isEqualTo("+8613900000001");
    }
}
