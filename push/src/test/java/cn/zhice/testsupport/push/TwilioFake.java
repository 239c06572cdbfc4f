package cn.zhice.testsupport.push;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * WireMock playing a Twilio-compatible SMS gateway with Twilio's real JSON: {@code POST Messages.json} creates a
 * message (201, {@code SM…} sid) and remembers it, {@code GET Messages.json?To=…} lists them. Errors are stubbed with
 * {@link #reject} in Twilio's error format; everything else succeeds.
 */
public final class TwilioFake implements ResponseDefinitionTransformerV2 {

    public static final String ACCOUNT = "AC0123456789abcdef0123456789abcdef";
    public static final String TOKEN = "twilio-test-auth-token";
    public static final String MESSAGES = "/2010-04-01/Accounts/" + ACCOUNT + "/Messages.json";
    private static final DateTimeFormatter RFC_2822 = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.ROOT);

    /** A message the fake accepted. */
    public record Sms(String sid, String to, String from, String body, String statusCallback) {}

    private final ConcurrentLinkedQueue<Sms> sent = new ConcurrentLinkedQueue<>();
    private final AtomicLong sequence = new AtomicLong();
    private volatile java.util.function.IntConsumer afterSend = n -> { };

    /** Called with the running count after each accepted message (a test can crash a worker at message n). */
    public void afterSend(java.util.function.IntConsumer hook) {
        this.afterSend = hook;
    }

    @Override
    public String getName() {
        return "twilio";
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        Request request = event.getRequest();
        if ("GET".equals(request.getMethod().getName())) {
            String to = request.queryParameter("To").isPresent() ? request.queryParameter("To").firstValue() : null;
            StringBuilder json = new StringBuilder("{\"messages\":[");
            boolean first = true;
            for (Sms sms : sent) {
                if (to == null || to.equals(sms.to())) {
                    json.append(first ? "" : ",").append(message(sms, "sent"));
                    first = false;
                }
            }
            json.append("],\"next_page_uri\":null,\"page\":0,\"page_size\":100}");
            return new com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder().withStatus(200)
                            .withHeader("Content-Type", "application/json").withBody(json.toString()).build();
        }
        Map<String, String> form = form(request.getBodyAsString());
        Sms sms = new Sms(String.format("SM%032x", sequence.incrementAndGet()), form.get("To"), form.get("From"),
                form.get("Body"), form.get("StatusCallback"));
        sent.add(sms);
        afterSend.accept(sent.size());
        return new com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(message(sms, "queued")).build();
    }

    private static String message(Sms sms, String status) {
        String now = RFC_2822.format(ZonedDateTime.now(ZoneOffset.UTC));
        return "{\"account_sid\":\"" + ACCOUNT + "\",\"api_version\":\"2010-04-01\",\"body\":" + quote(sms.body())
                + ",\"date_created\":\"" + now + "\",\"date_sent\":null,\"date_updated\":\"" + now + "\",\"direction\":\"outbound-api\","
                + "\"error_code\":null,\"error_message\":null,\"from\":" + quote(sms.from()) + ",\"messaging_service_sid\":null,"
                + "\"num_media\":\"0\",\"num_segments\":\"1\",\"price\":null,\"price_unit\":\"USD\",\"sid\":\"" + sms.sid() + "\","
                + "\"status\":\"" + status + "\",\"to\":" + quote(sms.to()) + ",\"uri\":\"/2010-04-01/Accounts/" + ACCOUNT
                + "/Messages/" + sms.sid() + ".json\"}";
    }

    private static String quote(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            String[] parts = pair.split("=", 2);
            form.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                    parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
        }
        return form;
    }

    /** Routes the Messages endpoint to this fake (call after every {@code resetAll}). */
    public void stub(WireMockServer server) {
        server.stubFor(WireMock.any(WireMock.urlPathEqualTo(MESSAGES)).atPriority(10)
                .willReturn(WireMock.aResponse().withTransformers(getName())));
    }

    /** Answers messages to {@code e164} with a Twilio error (HTTP status, code, message) until reset. */
    public static void reject(WireMockServer server, String e164, int status, int code, String message) {
        server.stubFor(WireMock.post(WireMock.urlPathEqualTo(MESSAGES)).atPriority(1)
                .withRequestBody(WireMock.containing("To=" + java.net.URLEncoder.encode(e164, StandardCharsets.UTF_8)))
                .willReturn(WireMock.aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                        .withBody("{\"code\": " + code + ", \"message\": \"" + message + "\", \"more_info\": "
                                + "\"https://www.twilio.com/docs/errors/" + code + "\", \"status\": " + status + "}")));
    }

    /** What the gateway accepted, in order. */
    public List<Sms> sent() {
        return new ArrayList<>(sent);
    }

    public void clear() {
        sent.clear();
        afterSend = n -> { };
    }
}
