package cn.zhice.push;

/**
 * Where the WeChat callback (in the bot module) hands template-message delivery reports, so that push learns the
 * outcome without depending on the bot.
 */
public interface WeChatTemplateReports {

    /** Records one report; unknown message ids are ignored. */
    void jobFinished(TemplateSendJobFinished report);
}
