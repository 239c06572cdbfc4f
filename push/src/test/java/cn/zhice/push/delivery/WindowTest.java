package cn.zhice.push.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WindowTest {

    @Test
    void parsesCountPerPeriod() {
        assertThat(Window.parse("10/1d")).isEqualTo(new Window(10, Duration.ofDays(1)));
        assertThat(Window.parse(" 5/1h ")).isEqualTo(new Window(5, Duration.ofHours(1)));
        assertThat(Window.parse("1/1m")).isEqualTo(new Window(1, Duration.ofMinutes(1)));
        assertThat(Window.parse("3/1w").period()).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void alignsOnlyWholeDaysToMidnight() {
        assertThat(Window.parse("10/1d").calendarDays()).isTrue();
        assertThat(Window.parse("5/1h").calendarDays()).isFalse();
    }

    @Test
    void rejectsMalformedWindows() {
        assertThatThrownBy(() -> Window.parse("10")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Window.parse("10/1y")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Window.parse("0/1d")).isInstanceOf(IllegalArgumentException.class);
    }
}
