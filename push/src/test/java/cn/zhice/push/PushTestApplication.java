package cn.zhice.push;

import cn.zhice.testsupport.push.Enterprises;
import cn.zhice.testsupport.push.FakeKnowledgeBase;
import cn.zhice.testsupport.push.FakeTargeting;
import cn.zhice.testsupport.push.MutableClock;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.api.impl.WxMpServiceImpl;
import me.chanjar.weixin.mp.config.WxMpHostConfig;
import me.chanjar.weixin.mp.config.impl.WxMpDefaultConfigImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;

/**
 * The push module alone on real infrastructure (H2 or PostgreSQL with Flyway, Redis, WireMock, GreenMail), with the
 * knowledge base and matching replaced by in-memory fakes and time by a clock the test moves.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan("cn.zhice.push")
public class PushTestApplication {

    /** Frozen at {@code test.clock} (a local time in Asia/Shanghai) until the test moves it. */
    @Bean
    MutableClock clock(@Value("${test.clock:2026-11-23T10:00}") String now) {
        return MutableClock.at(now);
    }

    /** With {@code test.policy} set, that policy is published before anything starts. */
    @Bean
    FakeKnowledgeBase knowledgeBase(@Value("${test.policy:}") String policy) {
        FakeKnowledgeBase knowledgeBase = new FakeKnowledgeBase();
        if (!policy.isBlank()) {
            knowledgeBase.publish(policy, "规上工业企业技术改造补助", null);
        }
        return knowledgeBase;
    }

    /** With {@code test.recipients} set, that many SMS-only enterprises (numbered from 5000) exist from the start. */
    @Bean
    FakeTargeting targeting(@Value("${test.recipients:0}") int recipients) {
        FakeTargeting targeting = new FakeTargeting();
        for (int i = 0; i < recipients; i++) {
            targeting.add(Enterprises.profile(5000 + i, Enterprises.mobile(5000 + i), null, null));
        }
        return targeting;
    }

    @Bean
    WxMpService wechat(@Value("${test.wechat-url}") String url) {
        WxMpDefaultConfigImpl account = new WxMpDefaultConfigImpl();
        account.setAppId("wx5f3a9b2c1d0e7f68");
        account.setSecret("test-secret");
        WxMpHostConfig hosts = new WxMpHostConfig();
        hosts.setApiHost(url);
        hosts.setMpHost(WxMpHostConfig.MP_DEFAULT_HOST_URL);
        hosts.setOpenHost(WxMpHostConfig.OPEN_DEFAULT_HOST_URL);
        account.setHostConfig(hosts);
        WxMpServiceImpl service = new WxMpServiceImpl();
        service.setWxMpConfigStorage(account);
        // WxJava repeats errcode -1 (system busy) itself, 1 s, 2 s, 4 s… apart; the tests need not wait for real
        service.setRetrySleepMillis(1);
        return service;
    }
}
