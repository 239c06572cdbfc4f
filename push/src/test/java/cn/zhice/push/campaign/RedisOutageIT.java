package cn.zhice.push.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhice.push.Campaign;
import cn.zhice.push.Channel;
import cn.zhice.push.NewCampaign;
import cn.zhice.push.PushServers;
import cn.zhice.push.PushTestApplication;
import cn.zhice.push.delivery.OutboxWorker;
import cn.zhice.testsupport.TestServices;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import redis.embedded.RedisServer;

/** Without Redis there is no limit check, so nothing is sent; when Redis is back, sending resumes by itself. */
class RedisOutageIT {

    RedisServer redis;
    ConfigurableApplicationContext context;

    @AfterEach
    void stop() throws Exception {
        if (context != null) {
            context.close();
        }
        if (redis != null && redis.isActive()) {
            redis.stop();
        }
    }

    static RedisServer redisOn(int port) throws Exception {
        RedisServer server = RedisServer.newRedisServer().port(port).bind("127.0.0.1")
                .setting("save \"\"").setting("appendonly no").build();
        server.start();
        return server;
    }

    @Test
    void pausesSendingWhileRedisIsDownAndResumesWhenItIsBack() throws Exception {
        PushServers.reset();
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        redis = redisOn(port);
        Map<String, Object> properties = PushServers.properties("jdbc:h2:mem:outage-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                TestServices.uniquePrefix());
        properties.put("spring.data.redis.url", "redis://127.0.0.1:" + port);
        properties.put("zhice.push.worker.enabled", "true");
        properties.put("zhice.push.worker.poll-interval", "50ms");
        properties.put("zhice.push.worker.pause-on-redis-down", "200ms");
        properties.put("test.policy", "QH-POL-OUTAGE");
        properties.put("test.recipients", 20);
        context = new SpringApplicationBuilder(PushTestApplication.class).web(WebApplicationType.NONE).properties(properties).run();
        OutboxWorker worker = context.getBean(OutboxWorker.class);
        CampaignService campaigns = context.getBean(CampaignService.class);

        redis.stop();
        Campaign campaign = campaigns.create(new NewCampaign("QH-POL-OUTAGE", List.of(Channel.SMS), null), "editor1");
        campaigns.approve(campaign.id(), "reviewer1");
        campaigns.tick();
        Instant until = Instant.now().plusSeconds(15);
        while (!worker.paused() && Instant.now().isBefore(until)) {
            Thread.sleep(100);
        }
        Thread.sleep(1000);

        assertThat(worker.paused()).as("the worker noticed Redis is gone").isTrue();
        assertThat(PushServers.TWILIO.sent()).as("no message without a limit check").isEmpty();
        assertThat(campaigns.find(campaign.id()).funnel().pending()).isEqualTo(20);

        redis = redisOn(port);
        until = Instant.now().plus(Duration.ofSeconds(60));
        while (PushServers.TWILIO.sent().size() < 20 && Instant.now().isBefore(until)) {
            Thread.sleep(100);
        }

        assertThat(PushServers.TWILIO.sent()).hasSize(20);
        until = Instant.now().plusSeconds(5);
        while (worker.paused() && Instant.now().isBefore(until)) {
            Thread.sleep(50);
        }
        assertThat(worker.paused()).isFalse();
        // the gateway answered; the outcomes are written once the whole batch is back
        until = Instant.now().plusSeconds(10);
        while (campaigns.find(campaign.id()).funnel().sent() < 20 && Instant.now().isBefore(until)) {
            Thread.sleep(50);
        }
        assertThat(campaigns.find(campaign.id()).funnel().sent()).isEqualTo(20);
    }
}
