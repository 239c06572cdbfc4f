package cn.zhice.push.sms;

import cn.zhice.push.SmsGateway;
import cn.zhice.push.SmsProperties;
import cn.zhice.push.SmsRejected;
import cn.zhice.push.SmsRejected.ErrorClass;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.util.DeadlineTimeoutException;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Twilio-compatible REST gateway: {@code POST …/2010-04-01/Accounts/{sid}/Messages.json} with Basic auth and form
 * fields {@code To From Body StatusCallback}; errors classified by Twilio's error codes. Chinese mobiles are sent as
 * E.164 ({@code +86…}).
 */
final class TwilioSmsGateway implements SmsGateway {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SmsProperties properties;
    private final RestClient http;
    private final String messages;

    TwilioSmsGateway(SmsProperties properties) {
        this.properties = properties;
        Timeout timeout = Timeout.of(properties.timeout());
        // a pool of kept-alive connections, as many as the campaign has senders: the JDK HttpClient used before had
        // up to 93 of 96 senders waiting inside it (one selector thread, a synchronised connection pool) while the
        // gateway stand-in sat idle
        PoolingHttpClientConnectionManager pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(properties.maxConnections())
                .setMaxConnPerRoute(properties.maxConnections())
                .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(timeout).setSocketTimeout(timeout)
                        .setValidateAfterInactivity(TimeValue.ofSeconds(2)).build())
                .build();
        CloseableHttpClient client = HttpClients.custom().setConnectionManager(pool)
                // a POST that may have reached the gateway is never repeated here: the outbox decides (reconciliation)
                .disableAutomaticRetries()
                .setDefaultRequestConfig(RequestConfig.custom().setConnectionRequestTimeout(timeout).setResponseTimeout(timeout).build())
                .evictIdleConnections(TimeValue.ofMinutes(1))
                .build();
        HttpComponentsClientHttpRequestFactory factory = new HttpComponentsClientHttpRequestFactory(client);
        String base = properties.baseUrl().endsWith("/") ? properties.baseUrl().substring(0, properties.baseUrl().length() - 1)
                : properties.baseUrl();
        this.messages = base + "/2010-04-01/Accounts/" + properties.accountSid() + "/Messages.json";
        String basic = Base64.getEncoder().encodeToString((properties.accountSid() + ":" + properties.authToken())
                .getBytes(StandardCharsets.UTF_8));
        this.http = RestClient.builder().requestFactory(factory)
                .defaultHeader("Authorization", "Basic " + basic)
                .build();
    }

    @Override
    public SentSms send(String to, String body, String statusCallback) {
        StringBuilder form = new StringBuilder();
        field(form, "To", e164(to));
        field(form, "From", properties.from());
        field(form, "Body", body);
        if (statusCallback != null) {
            field(form, "StatusCallback", statusCallback);
        }
        try {
            return http.post().uri(messages).contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form.toString())
                    .exchange((request, response) -> {
                        String text = new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
                        if (response.getStatusCode().is2xxSuccessful()) {
                            JsonNode json = JSON.readTree(text);
                            return new SentSms(json.path("sid").asString(), json.path("status").asString(), json.path("body").asString());
                        }
                        throw rejected(response.getStatusCode(), text);
                    });
        } catch (ResourceAccessException e) {
            throw network(e);
        }
    }

    @Override
    public List<SentSms> sentTo(String to, Instant since) {
        // DateSent>= filters by UTC day; the caller matches the exact message by its content.
        String day = LocalDate.ofInstant(since, ZoneOffset.UTC).toString();
        String uri = messages + "?To=" + encode(e164(to)) + "&" + encode("DateSent>") + "=" + day + "&PageSize=100";
        List<SentSms> result = new ArrayList<>();
        try {
            for (int page = 0; page < 10 && uri != null; page++) {
                String next = uri;
                JsonNode json = http.get().uri(java.net.URI.create(next)).exchange((request, response) -> {
                    String text = new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
                    if (!response.getStatusCode().is2xxSuccessful()) {
                        throw rejected(response.getStatusCode(), text);
                    }
                    return JSON.readTree(text);
                });
                for (JsonNode message : json.path("messages")) {
                    result.add(new SentSms(message.path("sid").asString(), message.path("status").asString(),
                            message.path("body").asString()));
                }
                String nextPage = json.path("next_page_uri").asString(null);
                uri = nextPage == null || nextPage.isBlank() ? null : origin() + nextPage;
            }
        } catch (ResourceAccessException e) {
            throw network(e);
        }
        return result;
    }

    /** Twilio's error codes (https://www.twilio.com/docs/api/errors) as what the sender should do. */
    static SmsRejected rejected(HttpStatusCode status, String body) {
        int code = status.value();
        String message = "HTTP " + status.value();
        try {
            JsonNode json = JSON.readTree(body);
            code = json.path("code").asInt(status.value());
            message = json.path("message").asString(message);
        } catch (RuntimeException notJson) {
            // a proxy's HTML error page: classify by status
        }
        return new SmsRejected(classify(status.value(), code), code, "Twilio " + code + ": " + redact(message));
    }

    static ErrorClass classify(int httpStatus, int code) {
        if (code == 21610) {
            return ErrorClass.OPTED_OUT;
        }
        if (code == 20429 || httpStatus == 429) {
            return ErrorClass.THROTTLED;
        }
        if (httpStatus >= 500 || code == 20003 || code == 20005) {
            // server errors and account problems (bad credentials, suspended) are not the recipient's fault
            return ErrorClass.RETRY;
        }
        return ErrorClass.PERMANENT;
    }

    private static SmsRejected network(ResourceAccessException e) {
        Throwable cause = e.getCause();
        // never sent: no connection, or none free in the pool in time
        boolean neverSent = cause instanceof ConnectException || cause instanceof ConnectTimeoutException
                || cause instanceof java.net.UnknownHostException || cause instanceof ConnectionRequestTimeoutException
                || cause instanceof DeadlineTimeoutException;
        if (!neverSent && cause instanceof SocketTimeoutException) {
            return new SmsRejected(ErrorClass.UNKNOWN, 0, "SMS gateway did not answer in time");
        }
        if (!neverSent && (cause instanceof NoHttpResponseException || cause instanceof java.net.SocketException)) {
            return new SmsRejected(ErrorClass.UNKNOWN, 0, "SMS gateway closed the connection");
        }
        return new SmsRejected(ErrorClass.RETRY, 0, "SMS gateway unreachable: " + (cause == null ? e.getMessage() : cause.getClass().getSimpleName()));
    }

    /** Twilio's messages quote the number; keep it out of our logs and tables. */
    private static String redact(String message) {
        return message.replaceAll("\\+?\\d{7,15}", "***");
    }

    private String origin() {
        java.net.URI uri = java.net.URI.create(messages);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    static String e164(String number) {
        String digits = number.strip();
        if (digits.startsWith("+")) {
            return digits;
        }
        digits = digits.replaceAll("[^0-9]", "");
        return digits.length() == 11 && digits.startsWith("1") ? "+86" + digits : "+" + digits;
    }

    private static void field(StringBuilder form, String name, String value) {
        if (!form.isEmpty()) {
            form.append('&');
        }
        form.append(encode(name)).append('=').append(encode(value == null ? "" : value));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
