package cn.zhice.push.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhice.push.Channel;
import cn.zhice.push.PushProperties;
import cn.zhice.testsupport.push.MutableClock;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuietHoursTest {

    final QuietHours quiet = new QuietHours(new PushProperties.QuietHours(true, LocalTime.of(21, 0), LocalTime.of(8, 0),
            List.of(Channel.SMS, Channel.WECHAT)), MutableClock.SHANGHAI);

    @Test
    void defersSmsAtTenPastNineInTheEveningToEightNextMorning() {
        var until = quiet.deferUntil(Channel.SMS, MutableClock.at("2026-11-23T21:10").instant());

        assertThat(until).isPresent();
        assertThat(LocalDateTime.ofInstant(until.get(), MutableClock.SHANGHAI)).isEqualTo(LocalDateTime.parse("2026-11-24T08:00"));
    }

    @Test
    void defersWeChatAfterMidnightToEightTheSameMorning() {
        var until = quiet.deferUntil(Channel.WECHAT, MutableClock.at("2026-11-24T03:30").instant());

        assertThat(LocalDateTime.ofInstant(until.orElseThrow(), MutableClock.SHANGHAI)).isEqualTo(LocalDateTime.parse("2026-11-24T08:00"));
    }

    @Test
    void sendsAtEightAndBeforeNineInShanghaiTime() {
        assertThat(quiet.deferUntil(Channel.SMS, MutableClock.at("2026-11-24T08:00").instant())).isEmpty();
        assertThat(quiet.deferUntil(Channel.SMS, MutableClock.at("2026-11-24T20:59").instant())).isEmpty();
    }

    @Test
    void neverHoldsBackEmail() {
        assertThat(quiet.deferUntil(Channel.EMAIL, MutableClock.at("2026-11-24T02:00").instant())).isEmpty();
    }

    @Test
    void canBeSwitchedOff() {
        QuietHours off = new QuietHours(new PushProperties.QuietHours(false, LocalTime.of(21, 0), LocalTime.of(8, 0),
                List.of(Channel.SMS)), MutableClock.SHANGHAI);

        assertThat(off.deferUntil(Channel.SMS, MutableClock.at("2026-11-24T02:00").instant())).isEmpty();
    }

    @Test
    void supportsAWindowWithinOneDay() {
        QuietHours lunch = new QuietHours(new PushProperties.QuietHours(true, LocalTime.of(12, 0), LocalTime.of(13, 30),
                List.of(Channel.SMS)), MutableClock.SHANGHAI);

        var until = lunch.deferUntil(Channel.SMS, MutableClock.at("2026-11-24T12:15").instant());

        assertThat(LocalDateTime.ofInstant(until.orElseThrow(), MutableClock.SHANGHAI)).isEqualTo(LocalDateTime.parse("2026-11-24T13:30"));
        assertThat(lunch.deferUntil(Channel.SMS, MutableClock.at("2026-11-24T13:30").instant())).isEmpty();
    }
}
