package cn.zhice.bot.wechat;

import cn.zhice.bot.WeChatDeliveryFailed;
import cn.zhice.bot.WeChatMessenger;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import me.chanjar.weixin.mp.api.WxMpMessageRouter;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutTextMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a verified message exactly once across WeChat's retries and within WeChat's time limit: the first request
 * routes it and caches the reply XML; retries get that same reply. An answer not ready within the reply timeout is
 * acknowledged with {@code success} and sent as a 客服 message when it is.
 */
final class Answering {

    /** WeChat's "received, no passive reply" answer. */
    static final String SUCCESS = "success";
    static final String TRANSFERRING = "正在为您转接人工客服，请稍候。";

    private static final Logger log = LoggerFactory.getLogger(Answering.class);

    private final WxMpMessageRouter router;
    private final ReplyCache cache;
    private final Executor workers;
    private final WeChatMessenger messenger;
    private final Duration replyTimeout;

    Answering(WxMpMessageRouter router, ReplyCache cache, Executor workers, WeChatMessenger messenger,
            Duration replyTimeout) {
        this.router = router;
        this.cache = cache;
        this.workers = workers;
        this.messenger = messenger;
        this.replyTimeout = replyTimeout;
    }

    /** The plain reply XML (or {@code success}) for this message. */
    String answer(WxMpXmlMessage message) throws InterruptedException {
        String key = MessageKeys.of(message);
        if (!cache.claim(key)) {
            // A retry: WeChat waits 5 s per attempt, so wait a little less for the first attempt's reply.
            return cache.await(key, replyTimeout).orElse(SUCCESS);
        }
        CompletableFuture<WxMpXmlOutMessage> routed = CompletableFuture.supplyAsync(() -> router.route(message), workers);
        String reply;
        try {
            WxMpXmlOutMessage out = routed.get(replyTimeout.toMillis(), TimeUnit.MILLISECONDS);
            reply = out == null ? SUCCESS : out.toXml();
        } catch (TimeoutException e) {
            reply = SUCCESS;
            String openId = message.getFromUser();
            routed.whenComplete((out, error) -> deliverLate(openId, out, error));
        } catch (ExecutionException e) {
            log.warn("Answering a {} message failed", message.getMsgType(), e.getCause());
            reply = PassiveReplies.text(message, PassiveReplies.BUSY).toXml();
        }
        cache.complete(key, reply);
        return reply;
    }

    private void deliverLate(String openId, WxMpXmlOutMessage out, Throwable error) {
        if (error != null) {
            log.warn("A late answer failed; follower {} gets none", OpenIds.hash(openId), error);
            return;
        }
        String text = out instanceof WxMpXmlOutTextMessage textMessage ? textMessage.getContent()
                : out == null ? null : TRANSFERRING;
        if (text == null) {
            return;
        }
        try {
            messenger.sendText(openId, text);
        } catch (WeChatDeliveryFailed e) {
            log.warn("WeChat refused a late answer for follower {}: errcode {}", OpenIds.hash(openId), e.errorCode());
        }
    }
}
