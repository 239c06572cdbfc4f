package cn.zhice.kb;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Demo data ({@code zhice.demo-data.*}): a fictional district's policies, service guides and FAQs, loaded on the
 * first start into an empty knowledge base so a new installation can be tried at once. Turn off in production.
 */
@ConfigurationProperties("zhice.demo-data")
public record DemoDataProperties(@DefaultValue("true") boolean enabled) {}
