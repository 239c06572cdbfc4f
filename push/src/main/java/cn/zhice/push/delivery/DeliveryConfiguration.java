package cn.zhice.push.delivery;

import cn.zhice.kb.KnowledgeBase;
import cn.zhice.matching.PolicyTargeting;
import cn.zhice.push.MailProperties;
import cn.zhice.push.PushProperties;
import cn.zhice.push.SmsProperties;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import io.lettuce.core.resource.NettyCustomizer;
import io.netty.channel.Channel;
import io.netty.handler.flush.FlushConsolidationHandler;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Wires the outbox, limits and worker. Rate limits get their own Lettuce connection on the application's Redis client
 * with a short command timeout, so that a Redis outage pauses sending within seconds instead of blocking it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({PushProperties.class, SmsProperties.class, MailProperties.class})
class DeliveryConfiguration implements DisposableBean {

    static final Duration REDIS_TIMEOUT = Duration.ofSeconds(2);

    /**
     * The limits client's event loops and timers. Not a bean: a {@code ClientResources} bean would replace Spring
     * Boot's for the application's own Redis connections. Shut down after the client, when this configuration is.
     */
    private final ClientResources limitsResources = DefaultClientResources.builder()
            .reconnectDelay(Delay.exponential(Duration.ofMillis(10), Duration.ofSeconds(1), 2, TimeUnit.MILLISECONDS))
            .nettyCustomizer(new ConsolidatedFlushes())
            .build();

    @Override
    public void destroy() {
        limitsResources.shutdown();
    }

    /**
     * A client of its own for the limits, to the Redis the application uses: commands issued while disconnected are
     * rejected at once instead of queued (a queued limit check could run after its caller gave up and take a token
     * nobody uses), and reconnects back off at most one second so sending resumes soon after Redis does.
     */
    @Bean(destroyMethod = "shutdown")
    RedisClient pushRedisClient(RedisConnectionFactory factory) {
        LettuceConnectionFactory lettuce = (LettuceConnectionFactory) factory;
        RedisURI.Builder uri = RedisURI.builder().withHost(lettuce.getHostName()).withPort(lettuce.getPort())
                .withDatabase(lettuce.getDatabase()).withSsl(lettuce.isUseSsl()).withTimeout(REDIS_TIMEOUT);
        if (lettuce.getPassword() != null && !lettuce.getPassword().isEmpty()) {
            if (lettuce.getClientName() != null) {
                uri.withClientName(lettuce.getClientName());
            }
            String user = lettuce.getStandaloneConfiguration().getUsername();
            if (user != null) {
                uri.withAuthentication(user, lettuce.getPassword());
            } else {
                uri.withPassword(lettuce.getPassword().toCharArray());
            }
        }
        RedisClient client = RedisClient.create(limitsResources, uri.build());
        client.setOptions(ClientOptions.builder()
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(REDIS_TIMEOUT))
                .build());
        return client;
    }

    /**
     * Many limit checks share one connection, and Lettuce flushes after every command: one {@code write} system call
     * per command. Netty's {@link FlushConsolidationHandler} lets the commands written meanwhile go out together —
     * while a reply is being read (a CAS check writes its update from the reply's callback) and otherwise by the event
     * loop's next turn.
     */
    static final class ConsolidatedFlushes implements NettyCustomizer {

        @Override
        public void afterChannelInitialized(Channel channel) {
            channel.pipeline().addFirst(new FlushConsolidationHandler(FlushConsolidationHandler.DEFAULT_EXPLICIT_FLUSH_AFTER_FLUSHES, true));
        }
    }

    @Bean(destroyMethod = "close")
    StatefulRedisConnection<byte[], byte[]> pushRedisConnection(RedisClient pushRedisClient) {
        StatefulRedisConnection<byte[], byte[]> connection = pushRedisClient.connect(ByteArrayCodec.INSTANCE);
        connection.setTimeout(REDIS_TIMEOUT);
        return connection;
    }

    @Bean
    AsyncProxyManager<byte[]> pushBuckets(StatefulRedisConnection<byte[], byte[]> pushRedisConnection, Clock clock) {
        return buckets(pushRedisConnection, clock);
    }

    /** Bucket4j over one Lettuce connection, keys expiring once their bucket would be full again. */
    public static AsyncProxyManager<byte[]> buckets(StatefulRedisConnection<byte[], byte[]> connection, Clock clock) {
        return Bucket4jLettuce.casBasedBuilder(connection)
                .clientClock(new ClockTimeMeter(clock))
                .requestTimeout(REDIS_TIMEOUT)
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofDays(8)))
                .build()
                .asAsync();
    }

    @Bean
    Outbox pushOutbox(DataSource dataSource, Clock clock) {
        return new Outbox(new JdbcTemplate(dataSource), clock);
    }

    @Bean
    OptOuts pushOptOuts(DataSource dataSource, Clock clock) {
        return new OptOuts(new JdbcTemplate(dataSource), clock);
    }

    @Bean
    MessageTemplates pushMessageTemplates() {
        return new MessageTemplates();
    }

    @Bean
    TransactionTemplate pushTransactions(DataSource dataSource) {
        PlatformTransactionManager manager = new DataSourceTransactionManager(dataSource);
        return new TransactionTemplate(manager);
    }

    @Bean
    DeliveryReports pushDeliveryReports(Outbox outbox, OptOuts optOuts, TransactionTemplate pushTransactions) {
        return new DeliveryReports(outbox, optOuts, pushTransactions);
    }

    @Bean
    OutboxWorker pushOutboxWorker(Outbox outbox, OptOuts optOuts, AsyncProxyManager<byte[]> pushBuckets,
            List<ChannelSender> senders, PolicyTargeting targeting, KnowledgeBase knowledgeBase,
            PushProperties properties, TransactionTemplate pushTransactions, Clock clock) {
        return new OutboxWorker(outbox, optOuts, new RateLimits(pushBuckets, properties, clock),
                new ProviderQuotas(pushBuckets, properties, clock), new QuietHours(properties.quietHours(), clock.getZone()),
                senders, targeting, knowledgeBase, properties, pushTransactions, clock);
    }
}
