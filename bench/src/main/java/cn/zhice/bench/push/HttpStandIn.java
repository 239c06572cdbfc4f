package cn.zhice.bench.push;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import java.util.function.Predicate;

/**
 * A provider's HTTP API as the benchmark needs it: fixed answers (the provider's real success bodies) by method and
 * path, and a count of the requests each route received. Built on the JDK's {@code com.sun.net.httpserver} with a few
 * threads, because WireMock's Jetty — 48 container threads per stand-in, request matching, response templating —
 * took about a fifth of the machine's two cores in the same JVM as the system under test (JFR, 2026-12-05). The tests
 * keep WireMock, which checks what is sent; this stand-in only answers.
 */
final class HttpStandIn implements AutoCloseable {

    static {
        // the JDK server leaves Nagle's algorithm on by default: a response written as headers and body in two
        // segments then waits for the client's delayed ACK (40 ms on Linux)
        System.setProperty("sun.net.httpserver.nodelay", "true");
        // kept-alive connections beyond this are closed after each exchange; the clients pool up to 128
        System.setProperty("sun.net.httpserver.maxIdleConnections", "1024");
    }

    /** One answer, made from the request's number on its route, and how many requests the route got. */
    private record Route(String method, Predicate<String> path, int status, LongFunction<String> body, AtomicLong hits) {}

    private final List<Route> routes = new ArrayList<>();
    private final HttpServer server;
    private final ExecutorService executor;

    HttpStandIn(int threads) throws IOException {
        AtomicInteger count = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "stand-in-http-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        server.setExecutor(executor);
        server.createContext("/", this::answer);
    }

    /**
     * Answers {@code method} requests whose path passes {@code path} with {@code status} and a JSON body made from
     * the request's number on this route (real providers give every message an id of its own); returns the count.
     */
    AtomicLong answer(String method, Predicate<String> path, int status, LongFunction<String> json) {
        AtomicLong hits = new AtomicLong();
        routes.add(new Route(method, path, status, json, hits));
        return hits;
    }

    HttpStandIn start() {
        server.start();
        return this;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange; InputStream request = exchange.getRequestBody()) {
            request.transferTo(OutputStream.nullOutputStream()); // read to the end, or the connection is not kept alive
            String path = exchange.getRequestURI().getPath();
            for (Route route : routes) {
                if (route.method().equals(exchange.getRequestMethod()) && route.path().test(path)) {
                    byte[] body = route.body().apply(route.hits().incrementAndGet()).getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().set("Content-Type", "application/json");
                    exchange.sendResponseHeaders(route.status(), body.length);
                    exchange.getResponseBody().write(body);
                    return;
                }
            }
            exchange.sendResponseHeaders(404, -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
