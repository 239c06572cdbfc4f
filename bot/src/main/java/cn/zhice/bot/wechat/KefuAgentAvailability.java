package cn.zhice.bot.wechat;

import cn.zhice.bot.dialogue.AgentAvailability;
import cn.zhice.bot.dialogue.Channel;
import java.time.Duration;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.bean.kefu.result.WxMpKfOnlineList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a 客服 agent is signed in ({@code /cgi-bin/customservice/getonlinekflist}), so a handoff can
 * {@code transfer_customer_service} instead of leaving a ticket. The web chat has no agents; an API failure counts as
 * nobody online (a ticket is the safe fallback). The answer is kept for half a minute.
 */
final class KefuAgentAvailability implements AgentAvailability {

    private static final Logger log = LoggerFactory.getLogger(KefuAgentAvailability.class);

    /** WeChat's list of online agents changes slowly; handoffs under load must not each call the API. */
    static final Duration CACHE_FOR = Duration.ofSeconds(30);

    private final WxMpService wechat;
    private final WeChatProperties properties;
    private volatile Known known;

    KefuAgentAvailability(WxMpService wechat, WeChatProperties properties) {
        this.wechat = wechat;
        this.properties = properties;
    }

    @Override
    public boolean agentsOnline(Channel channel) {
        if (channel != Channel.WECHAT || !properties.configured()) {
            return false;
        }
        Known current = known;
        long now = System.nanoTime();
        if (current != null && now - current.until() < 0) {
            return current.online();
        }
        boolean online = ask();
        known = new Known(online, now + CACHE_FOR.toNanos());
        return online;
    }

    private boolean ask() {
        try {
            WxMpKfOnlineList online = wechat.getKefuService().kfOnlineList();
            return online != null && online.getKfOnlineList() != null && !online.getKfOnlineList().isEmpty();
        } catch (WxErrorException e) {
            log.warn("Could not list online 客服 agents: errcode {}", e.getError() == null ? -1 : e.getError().getErrorCode());
            return false;
        } catch (RuntimeException e) {
            log.warn("Could not reach WeChat to list online 客服 agents: {}", e.toString());
            return false;
        }
    }

    /** The last answer and until when (System.nanoTime) it stands. */
    private record Known(boolean online, long until) {}
}
