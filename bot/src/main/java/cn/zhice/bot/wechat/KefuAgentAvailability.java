package cn.zhice.bot.wechat;

import cn.zhice.bot.dialogue.AgentAvailability;
import cn.zhice.bot.dialogue.Channel;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.bean.kefu.result.WxMpKfOnlineList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a 客服 agent is signed in ({@code /cgi-bin/customservice/getonlinekflist}), so a handoff can
 * {@code transfer_customer_service} instead of leaving a ticket. The web chat has no agents; an API failure counts as
 * nobody online (a ticket is the safe fallback).
 */
final class KefuAgentAvailability implements AgentAvailability {

    private static final Logger log = LoggerFactory.getLogger(KefuAgentAvailability.class);

    private final WxMpService wechat;
    private final WeChatProperties properties;

    KefuAgentAvailability(WxMpService wechat, WeChatProperties properties) {
        this.wechat = wechat;
        this.properties = properties;
    }

    @Override
    public boolean agentsOnline(Channel channel) {
        if (channel != Channel.WECHAT || !properties.configured()) {
            return false;
        }
        try {
            WxMpKfOnlineList online = wechat.getKefuService().kfOnlineList();
            return online != null && online.getKfOnlineList() != null && !online.getKfOnlineList().isEmpty();
        } catch (WxErrorException e) {
            log.warn("Could not list online 客服 agents: errcode {}", e.getError() == null ? -1 : e.getError().getErrorCode());
            return false;
        }
    }
}
