package cn.zhice.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A cookie-keeping HTTP client that signs in through the login form and sends CSRF tokens like a browser. */
public final class ConsoleClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;

    public static ConsoleClient signedIn(int port, String user, String password) throws Exception {
        ConsoleClient browser = new ConsoleClient(port);
        HttpResponse<String> response = browser.login(port, user, password);
        assertThat(response.headers().firstValue("Location").orElse("")).doesNotContain("error", "locked");
        return browser;
    }

    public HttpResponse<String> login(int port, String user, String password) throws Exception {
        String token = token(get("/login").body());
        return postRaw("/login", form(Map.of("username", user, "password", password, "_csrf", token)));
    }

    public HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** A download (an export) as bytes; fails unless it answers 200. */
    public byte[] getBytes(String path) throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    /** Posts a form with the CSRF token taken from {@code pageWithForm}. */
    public HttpResponse<String> post(String path, String pageWithForm, Map<String, String> fields) throws Exception {
        String token = token(get(pageWithForm).body());
        var all = new java.util.HashMap<>(fields);
        all.put("_csrf", token);
        return postRaw(path, form(all));
    }

    public HttpResponse<String> postRaw(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    public HttpResponse<String> send(String method, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    public ConsoleClient(int port) {
        base = "http://127.0.0.1:" + port;
    }

    private static String token(String page) {
        Matcher m = CSRF.matcher(page);
        return m.find() ? m.group(1) : "";
    }

    private static String form(Map<String, String> fields) {
        StringBuilder body = new StringBuilder();
        fields.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return body.toString();
    }
}
