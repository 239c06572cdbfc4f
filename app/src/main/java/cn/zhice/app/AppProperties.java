package cn.zhice.app;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Assembly-wide settings ({@code zhice.*}).
 *
 * @param timeZone the government's time zone: days, quiet hours and validity windows follow it
 * @param redis    where Redis is; when {@code url} is unset an embedded Redis server is started for this process
 */
@ConfigurationProperties("zhice")
public record AppProperties(@DefaultValue("Asia/Shanghai") ZoneId timeZone, @DefaultValue Redis redis) {

    /**
     * @param url Redis URL ({@code redis://host:6379/0}, {@code rediss://…} for TLS); unset starts an embedded server,
     *            which suits one instance on a laptop but never production
     */
    public record Redis(String url) {}
}
