/**
 * The WeChat official-account bot: answers residents from the knowledge base within WeChat's 5-second limit.
 * Arrives with the bot issue.
 */
package cn.zhice.bot;
