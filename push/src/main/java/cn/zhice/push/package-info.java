/**
 * Push: campaigns that bring a published policy to the enterprises it fits over WeChat template messages, SMS and
 * email, through a durable outbox with Redis rate limits, quiet hours and opt-outs. The base package is the module's
 * API: {@link cn.zhice.push.Campaigns} for the staff console, {@link cn.zhice.push.SmsGateway} for anyone who sends SMS
 * and {@link cn.zhice.push.WeChatTemplateReports} for the WeChat callback.
 */
package cn.zhice.push;
