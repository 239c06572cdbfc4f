package cn.zhice.push.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhice.push.PushProperties;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BackoffTest {

    final Backoff backoff = new Backoff(new PushProperties.Retry(5, Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofHours(1)));
    final Instant now = Instant.parse("2026-11-23T02:00:00Z");

    @Test
    void doublesTheDelayPerAttemptWithinFiftyPercentJitter() {
        for (int i = 0; i < 50; i++) {
            assertThat(Duration.between(now, backoff.next(now, 1, false))).isBetween(Duration.ofSeconds(15), Duration.ofSeconds(45));
            assertThat(Duration.between(now, backoff.next(now, 3, false))).isBetween(Duration.ofSeconds(60), Duration.ofSeconds(180));
        }
    }

    @Test
    void startsLongerWhenTheProviderThrottlesAndStaysUnderTheMaximum() {
        assertThat(Duration.between(now, backoff.next(now, 1, true))).isBetween(Duration.ofMinutes(1), Duration.ofMinutes(3));
        assertThat(Duration.between(now, backoff.next(now, 30, false))).isLessThanOrEqualTo(Duration.ofMinutes(90));
    }

    @Test
    void givesUpAfterTheLastAttempt() {
        assertThat(backoff.exhausted(4)).isFalse();
        assertThat(backoff.exhausted(5)).isTrue();
    }
}
