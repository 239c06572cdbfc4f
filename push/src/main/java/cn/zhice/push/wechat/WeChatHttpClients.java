package cn.zhice.push.wechat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import me.chanjar.weixin.common.util.http.apache.ApacheHttpClientBuilder;
import org.apache.http.HttpHost;
import org.apache.http.auth.AuthScope;
import org.apache.http.auth.UsernamePasswordCredentials;
import org.apache.http.client.HttpRequestRetryHandler;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.config.RegistryBuilder;
import org.apache.http.conn.ConnectionKeepAliveStrategy;
import org.apache.http.conn.socket.ConnectionSocketFactory;
import org.apache.http.conn.socket.PlainConnectionSocketFactory;
import org.apache.http.conn.ssl.SSLConnectionSocketFactory;
import org.apache.http.impl.client.BasicCredentialsProvider;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClientBuilder;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;

/**
 * The HTTP client WxJava uses for the official account, sized for campaigns: WxJava's default builder is a JVM-wide
 * singleton allowing 10 connections per host, so a campaign's senders would queue for a connection to
 * api.weixin.qq.com. Same Apache HttpClient 4 that WxJava ships with, only a larger pool
 * ({@code zhice.push.wechat.max-connections}) and explicit timeouts; built once and shared by every call.
 */
final class WeChatHttpClients implements ApacheHttpClientBuilder {

    private final int maxConnections;
    private final Duration timeout;
    private String proxyHost;
    private int proxyPort;
    private String proxyUsername;
    private String proxyPassword;
    private HttpRequestRetryHandler retryHandler;
    private ConnectionKeepAliveStrategy keepAlive;
    private SSLConnectionSocketFactory ssl;
    private String[] protocols;
    private CloseableHttpClient client;

    WeChatHttpClients(int maxConnections, Duration timeout) {
        this.maxConnections = Math.max(1, maxConnections);
        this.timeout = timeout;
    }

    @Override
    public synchronized CloseableHttpClient build() {
        if (client != null) {
            return client;
        }
        SSLConnectionSocketFactory tls = ssl != null ? ssl
                : protocols != null ? new SSLConnectionSocketFactory(org.apache.http.ssl.SSLContexts.createDefault(), protocols,
                        null, SSLConnectionSocketFactory.getDefaultHostnameVerifier())
                : SSLConnectionSocketFactory.getSocketFactory();
        PoolingHttpClientConnectionManager pool = new PoolingHttpClientConnectionManager(RegistryBuilder.<ConnectionSocketFactory>create()
                .register("http", PlainConnectionSocketFactory.getSocketFactory())
                .register("https", tls)
                .build(), null, null, null, 60, TimeUnit.SECONDS);
        pool.setMaxTotal(maxConnections);
        pool.setDefaultMaxPerRoute(maxConnections);
        // a pooled connection the server closed while idle is noticed before it is used, not by a failed send
        pool.setValidateAfterInactivity(2_000);
        int millis = (int) timeout.toMillis();
        HttpClientBuilder builder = HttpClients.custom().setConnectionManager(pool)
                .setDefaultRequestConfig(RequestConfig.custom().setConnectTimeout(millis).setSocketTimeout(millis)
                        .setConnectionRequestTimeout(millis).build())
                .evictIdleConnections(60, TimeUnit.SECONDS)
                // a template send must never be repeated blindly: a retry after the request left could send it twice
                .setRetryHandler(retryHandler != null ? retryHandler : (exception, count, context) -> false);
        if (keepAlive != null) {
            builder.setKeepAliveStrategy(keepAlive);
        }
        if (proxyHost != null && !proxyHost.isBlank() && proxyPort > 0) {
            builder.setProxy(new HttpHost(proxyHost, proxyPort));
            if (proxyUsername != null && !proxyUsername.isBlank()) {
                BasicCredentialsProvider credentials = new BasicCredentialsProvider();
                credentials.setCredentials(new AuthScope(proxyHost, proxyPort), new UsernamePasswordCredentials(proxyUsername, proxyPassword));
                builder.setDefaultCredentialsProvider(credentials);
            }
        }
        client = builder.build();
        return client;
    }

    int maxConnections() {
        return maxConnections;
    }

    @Override
    public ApacheHttpClientBuilder httpProxyHost(String host) {
        this.proxyHost = host;
        return this;
    }

    @Override
    public ApacheHttpClientBuilder httpProxyPort(int port) {
        this.proxyPort = port;
        return this;
    }

    @Override
    public ApacheHttpClientBuilder httpProxyUsername(String username) {
        this.proxyUsername = username;
        return this;
    }

    @Override
    public ApacheHttpClientBuilder httpProxyPassword(String password) {
        this.proxyPassword = password;
        return this;
    }

    @Override
    public ApacheHttpClientBuilder httpRequestRetryHandler(HttpRequestRetryHandler handler) {
        this.retryHandler = handler;
        return this;
    }

    @Override
    public ApacheHttpClientBuilder keepAliveStrategy(ConnectionKeepAliveStrategy strategy) {
        this.keepAlive = strategy;
        return this;
    }

    @Override
    public ApacheHttpClientBuilder sslConnectionSocketFactory(SSLConnectionSocketFactory factory) {
        this.ssl = factory;
        return this;
    }

    @Override
    public ApacheHttpClientBuilder supportedProtocols(String[] supported) {
        this.protocols = supported;
        return this;
    }
}
