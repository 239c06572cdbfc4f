package cn.zhice.bot.dialogue;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the bot converses ({@code zhice.bot.*}).
 *
 * @param minScore          search score below which the best hit is not trusted as an answer
 * @param ambiguityRatio    when the second hit scores at least this fraction of the first (and is another entry), the
 *                          bot asks back with a numbered list instead of guessing
 * @param intentConfidence  below this classifier confidence a chit-chat or out-of-scope label is not trusted when
 *                          the search finds a strong answer
 * @param confidentScore    a best hit scoring at least this makes an unsure chit-chat, feedback or push-setting label
 *                          yield: the message is answered as a question
 * @param choices           how many candidates a clarifying question offers
 * @param missesBeforeHandoff consecutive unanswered questions after which the bot offers a person
 * @param sessionTtl        how long the bot remembers the entry under discussion and pending choices
 * @param keyPrefix         Redis key prefix for sessions
 * @param name              how the bot introduces itself, e.g. 青禾区政策助手
 * @param binding           企业绑定: the SMS code's lifetime, attempts and resend interval
 */
@ConfigurationProperties("zhice.bot")
public record BotProperties(
        @DefaultValue("24.0") double minScore,
        @DefaultValue("0.96") double ambiguityRatio,
        @DefaultValue("0.55") double intentConfidence,
        @DefaultValue("40.0") double confidentScore,
        @DefaultValue("3") int choices,
        @DefaultValue("2") int missesBeforeHandoff,
        @DefaultValue("30m") Duration sessionTtl,
        @DefaultValue("zhice:bot:") String keyPrefix,
        @DefaultValue("知策政策助手") String name,
        @DefaultValue Binding binding) {

    /**
     * The verification code of 企业绑定.
     *
     * @param codeTtl        how long a code is accepted
     * @param maxAttempts    wrong codes after which the binding must start over
     * @param resendInterval how soon the same user may ask for another code for the same enterprise
     */
    public record Binding(
            @DefaultValue("5m") Duration codeTtl,
            @DefaultValue("5") int maxAttempts,
            @DefaultValue("60s") Duration resendInterval) {}
}
