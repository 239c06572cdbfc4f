/**
 * The WeChat official-account bot: answers residents from the knowledge base within WeChat's 5-second limit, asks
 * back when unsure, hands over to staff when it cannot help. Sub-packages: {@code understanding} (normalisation,
 * OpenNLP intents, entities), {@code dialogue} (answers, clarification, sessions, handoff, /api/chat) and
 * {@code wechat} (the WxJava callback). This package holds what other modules may use.
 */
package cn.zhice.bot;
