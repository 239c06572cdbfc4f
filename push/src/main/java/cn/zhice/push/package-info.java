/**
 * Precision push: campaigns that deliver matched policies over WeChat, SMS and email under Redis rate limits.
 * Arrives with the push issue.
 */
package cn.zhice.push;
