package cn.zhice.bot.wechat;

/** Openids identify residents: logs and Redis keys only ever see a hash of them. */
final class OpenIds {

    private OpenIds() {}

    static String hash(String openId) {
        return CallbackGuard.sha1Hex("zhice-openid:" + openId).substring(0, 16);
    }
}
