package cn.zhice.bot.understanding;

/** An intent and the classifier's probability for it. */
public record IntentScore(Intent intent, double probability) {}
