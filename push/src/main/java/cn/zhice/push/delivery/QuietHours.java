package cn.zhice.push.delivery;

import cn.zhice.push.Channel;
import cn.zhice.push.PushProperties;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.Set;

/**
 * 免打扰时段: SMS and WeChat messages due between start and end (default 21:00–08:00 in the government's time zone)
 * wait until the end of the window. A window may span midnight.
 */
public final class QuietHours {

    private final boolean enabled;
    private final LocalTime start;
    private final LocalTime end;
    private final Set<Channel> channels;
    private final ZoneId zone;

    public QuietHours(PushProperties.QuietHours settings, ZoneId zone) {
        this.enabled = settings.enabled() && !settings.start().equals(settings.end());
        this.start = settings.start();
        this.end = settings.end();
        this.channels = Set.copyOf(settings.channels());
        this.zone = zone;
    }

    /** When a message on {@code channel} due at {@code now} may go out, if not now. */
    public Optional<Instant> deferUntil(Channel channel, Instant now) {
        if (!enabled || !channels.contains(channel)) {
            return Optional.empty();
        }
        ZonedDateTime local = now.atZone(zone);
        LocalTime time = local.toLocalTime();
        boolean overnight = start.isAfter(end);
        boolean quiet = overnight ? !time.isBefore(start) || time.isBefore(end) : !time.isBefore(start) && time.isBefore(end);
        if (!quiet) {
            return Optional.empty();
        }
        ZonedDateTime until = local.with(end).withSecond(0).withNano(0);
        if (!until.isAfter(local)) {
            until = until.plusDays(1);
        }
        return Optional.of(until.toInstant());
    }
}
