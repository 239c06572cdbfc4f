package cn.zhice.bot;

/**
 * Sends WeChat 客服 (customer-service) messages to a follower, e.g. an answer that was not ready within WeChat's
 * 5 seconds, or a staff reply to a ticket. WeChat accepts them within 48 hours of the user's last message.
 */
public interface WeChatMessenger {

    /** Sends a text message; throws {@link WeChatDeliveryFailed} when WeChat refuses it. */
    void sendText(String openId, String text);
}
