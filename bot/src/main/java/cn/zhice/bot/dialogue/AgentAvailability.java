package cn.zhice.bot.dialogue;

/** Whether human agents (WeChat 客服) are online right now, so a handoff can transfer instead of leaving a ticket. */
public interface AgentAvailability {

    boolean agentsOnline(Channel channel);
}
