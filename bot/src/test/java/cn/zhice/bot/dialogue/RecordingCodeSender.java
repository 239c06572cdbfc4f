package cn.zhice.bot.dialogue;

import cn.zhice.bot.VerificationCodeSender;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Keeps every verification code "sent", so a test can read the SMS. */
final class RecordingCodeSender implements VerificationCodeSender {

    record Sms(String mobile, String code, String enterpriseName) {}

    final List<Sms> sent = new ArrayList<>();

    @Override
    public void send(String mobile, String code, String enterpriseName, Duration validFor) {
        sent.add(new Sms(mobile, code, enterpriseName));
    }

    String lastCode() {
        return sent.get(sent.size() - 1).code();
    }
}
