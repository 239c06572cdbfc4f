package cn.zhice.push;

import cn.zhice.matching.Eligibility;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Push settings ({@code zhice.push.*}); the SMS gateway and mail sender have their own records
 * ({@link SmsProperties}, {@link MailProperties}) under the prefixes the issue names.
 *
 * @param publicBaseUrl   the address the public reaches this application at; tracked links ({@code /p/{code}}) and
 *                        gateway callbacks are built from it and signatures are checked against it
 * @param keyPrefix       Redis key prefix of every rate-limit bucket
 * @param targetOutcomes  the eligibility outcomes a campaign sends to (default eligible and likely eligible)
 * @param defaultChannels channels of automatically proposed campaigns, in order of preference
 * @param limits          per-recipient, per-enterprise and per-provider limits
 * @param quietHours      when SMS and WeChat messages wait (default 21:00–08:00 in the government's time zone)
 * @param worker          outbox worker
 * @param retry           retries and backoff
 * @param reminderDays    days before a policy's deadline ({@code validTo}) that its one reminder goes out
 * @param wechat          the WeChat template message
 * @param sampleSize      recipients shown in a campaign preview
 */
@ConfigurationProperties("zhice.push")
public record PushProperties(
        @DefaultValue("http://localhost:8080") String publicBaseUrl,
        @DefaultValue("zhice:push:") String keyPrefix,
        @DefaultValue({"ELIGIBLE", "LIKELY"}) List<Eligibility> targetOutcomes,
        @DefaultValue({"WECHAT", "SMS", "EMAIL"}) List<Channel> defaultChannels,
        @DefaultValue Limits limits,
        @DefaultValue QuietHours quietHours,
        @DefaultValue Worker worker,
        @DefaultValue Retry retry,
        @DefaultValue("7") int reminderDays,
        @DefaultValue WeChat wechat,
        @DefaultValue("10") int sampleSize) {

    /** The public base URL without a trailing slash. */
    public String baseUrl() {
        return publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
    }

    /**
     * Limits. Each per-recipient limit is a list of windows {@code count/period} (periods {@code s m h d}); windows of
     * whole days start at midnight in the government's time zone.
     *
     * @param sms                 per mobile number
     * @param wechat              per openid
     * @param email               per address
     * @param enterprisePerWeek   policies one enterprise receives per week (Monday to Sunday) across channels
     * @param maxDelay            a delivery over a limit waits for it when it frees up within this time, else it is
     *                            suppressed as rate limited
     * @param wechatPerDay        WeChat's template-message quota per account and day
     * @param smsPerSecond        requests per second the SMS gateway accepts
     * @param emailPerSecond      messages per second the mail server accepts
     * @param providerShards      each provider quota is split over this many Redis buckets so no single key is hot
     * @param providerBatch       tokens an instance takes from a shard at once and hands out locally
     */
    public record Limits(
            @DefaultValue({"1/1m", "5/1h", "10/1d"}) List<String> sms,
            @DefaultValue("3/1d") List<String> wechat,
            @DefaultValue("5/1d") List<String> email,
            @DefaultValue("3") int enterprisePerWeek,
            @DefaultValue("1h") Duration maxDelay,
            @DefaultValue("100000") long wechatPerDay,
            @DefaultValue("100") long smsPerSecond,
            @DefaultValue("50") long emailPerSecond,
            @DefaultValue("8") int providerShards,
            @DefaultValue("20") int providerBatch) {

        /** The per-recipient windows of one channel. */
        public List<String> of(Channel channel) {
            return switch (channel) {
                case SMS -> sms;
                case WECHAT -> wechat;
                case EMAIL -> email;
            };
        }
    }

    /**
     * Quiet hours: messages on these channels that fall due between {@code start} and {@code end} wait until
     * {@code end}; never dropped.
     */
    public record QuietHours(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("21:00") LocalTime start,
            @DefaultValue("08:00") LocalTime end,
            @DefaultValue({"SMS", "WECHAT"}) List<Channel> channels) {}

    /**
     * The outbox worker.
     *
     * @param enabled      whether this instance sends (every instance may; rows are claimed safely)
     * @param dispatchers  claim-and-send loops per instance (they share the outbox safely, like instances do)
     * @param batchSize    deliveries claimed per database round
     * @param pollInterval pause when nothing is due
     * @param senders      provider calls in flight at once
     * @param lease        how long a delivery may stay "sending" before it is reconciled as a crash leftover
     * @param pauseOnRedisDown how long sending pauses when Redis (and so the limit check) is unavailable
     */
    public record Worker(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("2") int dispatchers,
            @DefaultValue("200") int batchSize,
            @DefaultValue("500ms") Duration pollInterval,
            @DefaultValue("32") int senders,
            @DefaultValue("2m") Duration lease,
            @DefaultValue("2s") Duration pauseOnRedisDown) {}

    /**
     * Retries: jittered exponential backoff ({@code base·2^(attempt−1)}, ±50 %, at most {@code max}); throttling by
     * the provider starts from {@code throttledBase}. After {@code maxAttempts} the delivery is dead-lettered.
     */
    public record Retry(
            @DefaultValue("5") int maxAttempts,
            @DefaultValue("30s") Duration base,
            @DefaultValue("2m") Duration throttledBase,
            @DefaultValue("1h") Duration max) {}

    /**
     * The WeChat template message (公众平台 → 模板消息). No marketing wording: the template is a 政策通知.
     *
     * @param templateId     the template's id; unset → WeChat deliveries fail over to the next channel
     * @param fields         template field → value name, one of {@code title summary deadline department reason date}
     * @param maxConnections HTTP connections to WeChat's API held by this instance (WxJava's own default is 10 per
     *                       host, too few for a campaign's senders); applies to the account's WxJava client
     * @param timeout        connect and read timeout of those connections
     */
    public record WeChat(
            String templateId,
            List<String> fields,
            int maxConnections,
            Duration timeout) {

        @ConstructorBinding
        public WeChat(String templateId,
                @DefaultValue({"thing1=title", "thing2=department", "time3=deadline"}) List<String> fields,
                @DefaultValue("64") int maxConnections,
                @DefaultValue("10s") Duration timeout) {
            this.templateId = templateId;
            this.fields = fields;
            this.maxConnections = maxConnections;
            this.timeout = timeout;
        }

        /** Template and fields with the default connection pool (64 connections, 10 s timeout). */
        public WeChat(String templateId, List<String> fields) {
            this(templateId, fields, 64, Duration.ofSeconds(10));
        }

        /** The field mapping as template field → value name. */
        public Map<String, String> fieldMap() {
            java.util.LinkedHashMap<String, String> map = new java.util.LinkedHashMap<>();
            for (String field : fields) {
                int eq = field.indexOf('=');
                map.put(field.substring(0, eq).strip(), field.substring(eq + 1).strip());
            }
            return map;
        }
    }
}
