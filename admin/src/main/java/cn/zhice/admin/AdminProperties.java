package cn.zhice.admin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Staff console settings ({@code zhice.admin.*}).
 *
 * @param bootstrapPassword password for the {@code admin} user created on first start; when unset a random one is
 *                          generated and printed once in the log. Only its hash is stored. Set from the environment
 *                          ({@code ZHICE_ADMIN_BOOTSTRAP_PASSWORD}), never in a file under version control.
 * @param passwordMinLength shortest password accepted for staff users
 */
@ConfigurationProperties("zhice.admin")
public record AdminProperties(String bootstrapPassword, @DefaultValue("12") int passwordMinLength) {}
