package cn.zhice.push.delivery;

import cn.zhice.push.PushProperties;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

/**
 * Push settings for the limit tests: the given windows and quotas under a test's own Redis key prefix, quiet hours
 * and the worker off, so that only the limits decide.
 */
final class TestLimits {

    private TestLimits() {}

    static PushProperties properties(String prefix, List<String> smsWindows, int enterprisePerWeek, long wechatPerDay,
            long smsPerSecond) {
        return new PushProperties("https://zhice.example.gov.cn", prefix, List.of(), List.of(),
                new PushProperties.Limits(smsWindows, List.of("3/1d"), List.of("5/1d"), enterprisePerWeek,
                        Duration.ofHours(1), wechatPerDay, smsPerSecond, 50, 4, 20),
                new PushProperties.QuietHours(false, LocalTime.of(21, 0), LocalTime.of(8, 0), List.of()),
                new PushProperties.Worker(false, 1, 200, Duration.ofMillis(500), 4, Duration.ofMinutes(2), Duration.ofSeconds(2)),
                new PushProperties.Retry(5, Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofHours(1)), 7,
                new PushProperties.WeChat(null, List.of()), 10);
    }
}
