package cn.zhice.bot.wechat;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import me.chanjar.weixin.common.session.WxSessionManager;
import me.chanjar.weixin.mp.api.WxMpMessageHandler;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 取消关注事件: acknowledged with {@code success} (WeChat delivers nothing to someone who just left) and counted; the
 * openid is logged only as a hash.
 */
final class UnsubscribeHandler implements WxMpMessageHandler {

    private static final Logger log = LoggerFactory.getLogger(UnsubscribeHandler.class);

    private final AtomicLong unsubscribed = new AtomicLong();

    @Override
    public WxMpXmlOutMessage handle(WxMpXmlMessage message, Map<String, Object> context, WxMpService service,
            WxSessionManager sessions) {
        unsubscribed.incrementAndGet();
        log.info("Follower {} unsubscribed", OpenIds.hash(message.getFromUser()));
        return null;
    }

    long unsubscribed() {
        return unsubscribed.get();
    }
}
