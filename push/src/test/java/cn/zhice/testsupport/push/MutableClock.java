package cn.zhice.testsupport.push;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** A clock tests move by hand, in the government's time zone. */
public final class MutableClock extends Clock {

    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private volatile Instant now;

    public MutableClock(Instant now) {
        this.now = now;
    }

    /** A clock at a local Shanghai date-time, e.g. {@code 2026-11-23T10:00}. */
    public static MutableClock at(String localDateTime) {
        return new MutableClock(java.time.LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant());
    }

    public void set(String localDateTime) {
        now = java.time.LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    public ZonedDateTime local() {
        return now.atZone(SHANGHAI);
    }

    @Override
    public ZoneId getZone() {
        return SHANGHAI;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now, zone);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
