package cn.zhice.app;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.handler.EagerContentHandler;
import org.eclipse.jetty.server.handler.EagerContentHandler.RetainedContentLoaderFactory;
import org.springframework.boot.jetty.JettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Jetty receives a small request's whole body before the application sees the request. An answer given without
 * reading the body (401, 403, a redirect to the login page) otherwise makes Jetty drop the connection whenever the body
 * is still on its way, and a client that reuses connections loses the request it sends next. Larger bodies (imports)
 * are handled as they arrive, so a declared length over a limit is still refused before it is sent.
 */
@Configuration(proxyBeanMethods = false)
class WebServerConfiguration {

    /** Bodies up to this many bytes are received first: the largest WeChat callback the portal accepts. */
    static final long RECEIVED_FIRST_BYTES = 64 * 1024;

    @Bean
    JettyServerCustomizer smallBodiesReceivedBeforeHandling() {
        return server -> {
            // Jetty counts a few bytes of framing per chunk received: the margin keeps a whole 64 KB body below its limit.
            EagerContentHandler eager = new EagerContentHandler(
                    new RetainedContentLoaderFactory(RECEIVED_FIRST_BYTES + 4096, -1, false));
            eager.include(request -> {
                long length = request.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH);
                return length > 0 && length <= RECEIVED_FIRST_BYTES;
            });
            server.insertHandler(eager);
        };
    }
}
