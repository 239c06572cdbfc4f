package cn.zhice.bot.wechat;

import cn.zhice.bot.WeChatMessenger;
import cn.zhice.bot.dialogue.Channel;
import cn.zhice.bot.dialogue.Dialogue;
import cn.zhice.bot.dialogue.Reply;
import cn.zhice.bot.dialogue.Turn;
import cn.zhice.push.WeChatTemplateReports;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import me.chanjar.weixin.common.redis.RedisTemplateWxRedisOps;
import me.chanjar.weixin.common.session.StandardSessionManager;
import me.chanjar.weixin.common.api.WxConsts.EventType;
import me.chanjar.weixin.common.api.WxConsts.XmlMsgType;
import me.chanjar.weixin.mp.api.WxMpMessageRouter;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.api.impl.WxMpServiceImpl;
import me.chanjar.weixin.mp.config.WxMpConfigStorage;
import me.chanjar.weixin.mp.config.WxMpHostConfig;
import me.chanjar.weixin.mp.config.impl.WxMpRedisConfigImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Wires WxJava directly (not its Spring Boot starter): the account's config storage in Redis, so every instance shares
 * one access_token and WxJava's Redis lock keeps two instances from refreshing it at once; the message router; the
 * 客服 messenger and agent availability.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WeChatProperties.class)
class WeChatConfiguration {

    /*
     * WxJava parses every message with a new dom4j SAXReader, whose SAXParserFactory.newInstance() otherwise scans the
     * whole classpath with ServiceLoader each time: in the packaged jar that was the largest cost per message. Naming
     * the JDK's own factory (JAXP's first lookup step) skips the scan; an operator's own choice is left alone.
     */
    static {
        String factory = "javax.xml.parsers.SAXParserFactory";
        if (System.getProperty(factory) == null) {
            System.setProperty(factory, "com.sun.org.apache.xerces.internal.jaxp.SAXParserFactoryImpl");
        }
    }

    private static final Logger log = LoggerFactory.getLogger(WeChatConfiguration.class);

    @Bean
    WxMpConfigStorage wechatAccount(WeChatProperties properties, RedisConnectionFactory redis) {
        if (!properties.configured()) {
            log.info("zhice.wechat.app-id/token are not set: /wechat/portal answers 503 until they are");
        }
        return account(properties, redis);
    }

    /** The account's settings, with access_token and its refresh lock in Redis under the configured prefix. */
    static WxMpRedisConfigImpl account(WeChatProperties properties, RedisConnectionFactory redis) {
        StringRedisTemplate template = new StringRedisTemplate(redis);
        template.afterPropertiesSet();
        WxMpRedisConfigImpl account = new WxMpRedisConfigImpl(new RedisTemplateWxRedisOps(template),
                properties.redisKeyPrefix() + "wxjava");
        // setAppId also names the access_token key and its distributed lock after the AppID.
        account.setAppId(properties.configured() ? properties.appId() : "unconfigured");
        account.setSecret(properties.secret());
        account.setToken(properties.token());
        account.setAesKey(properties.aesKey());
        WxMpHostConfig hosts = new WxMpHostConfig();
        hosts.setApiHost(stripTrailingSlash(properties.apiBaseUrl()));
        hosts.setMpHost(WxMpHostConfig.MP_DEFAULT_HOST_URL);
        hosts.setOpenHost(WxMpHostConfig.OPEN_DEFAULT_HOST_URL);
        account.setHostConfig(hosts);
        return account;
    }

    @Bean
    WxMpService wechatService(WxMpConfigStorage account) {
        WxMpServiceImpl service = new SharedTokenWxMpService();
        service.setWxMpConfigStorage(account);
        return service;
    }

    @Bean(destroyMethod = "shutdownNow")
    ExecutorService wechatWorkers(WeChatProperties properties) {
        AtomicInteger count = new AtomicInteger();
        return new ThreadPoolExecutor(properties.workers(), properties.workers(), 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), task -> {
                    Thread thread = new Thread(task, "wechat-answer-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /** Rules from the most specific to the most general; the last one catches every other message type. */
    @Bean
    WxMpMessageRouter wechatRouter(WxMpService wechat, WeChatProperties properties, ObjectProvider<Dialogue> dialogues,
            ExecutorService wechatWorkers, ObjectProvider<WeChatTemplateReports> templateReports) {
        Dialogue dialogue = new LazyDialogue(dialogues);
        // Retries are handled by ReplyCache across instances; WxJava's in-memory checker would answer them with nothing.
        WxMpMessageRouter router = new WxMpMessageRouter(wechat, wechatWorkers, messageId -> false,
                new StandardSessionManager(), error -> log.warn("WeChat API error while routing: errcode {}",
                        error.getError() == null ? -1 : error.getError().getErrorCode()));
        return router
                .rule().async(false).msgType(XmlMsgType.EVENT).event(EventType.SUBSCRIBE)
                        .handler(new SubscribeHandler(dialogue)).end()
                .rule().async(false).msgType(XmlMsgType.EVENT).event(EventType.UNSUBSCRIBE)
                        .handler(new UnsubscribeHandler()).end()
                .rule().async(false).msgType(XmlMsgType.EVENT).event(TemplateReportHandler.EVENT)
                        .handler(new TemplateReportHandler(templateReports)).end()
                .rule().async(false).msgType(XmlMsgType.EVENT).event(EventType.CLICK)
                        .handler(new MenuClickHandler(dialogue, properties.menu())).end()
                .rule().async(false).msgType(XmlMsgType.TEXT).handler(new TextMessageHandler(dialogue)).end()
                .rule().async(false).msgType(XmlMsgType.VOICE).handler(new VoiceMessageHandler(dialogue)).end()
                .rule().async(false).handler(new HintHandler()).end();
    }

    @Bean
    CallbackGuard wechatCallbackGuard(WeChatProperties properties, ObjectProvider<Clock> clock) {
        return new CallbackGuard(properties.token(), clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    KefuMessenger wechatMessenger(WxMpService wechat) {
        return new KefuMessenger(wechat);
    }

    @Bean
    KefuAgentAvailability wechatAgentAvailability(WxMpService wechat, WeChatProperties properties) {
        return new KefuAgentAvailability(wechat, properties);
    }

    @Bean
    Answering wechatAnswering(WxMpMessageRouter router, WeChatProperties properties, RedisConnectionFactory redis,
            ExecutorService wechatWorkers, WeChatMessenger messenger) {
        StringRedisTemplate template = new StringRedisTemplate(redis);
        template.afterPropertiesSet();
        ReplyCache cache = new ReplyCache(template, properties.redisKeyPrefix(), properties.dedupTtl());
        return new Answering(router, cache, wechatWorkers, messenger, properties.replyTimeout());
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** The dialogue bean, looked up on first use, so the application starts while the dialogue is not wired yet. */
    private record LazyDialogue(ObjectProvider<Dialogue> dialogues) implements Dialogue {

        @Override
        public Reply respond(Turn turn) {
            return dialogues.getObject().respond(turn);
        }

        @Override
        public Reply welcome(String userId, Channel channel) {
            return dialogues.getObject().welcome(userId, channel);
        }
    }
}
