package cn.zhice.push.delivery;

import java.time.Duration;

/** One limit window, {@code count/period} as configured: {@code 10/1d}, {@code 5/1h}, {@code 1/1m}, {@code 50/1s}. */
public record Window(long count, Duration period) {

    public static Window parse(String spec) {
        String[] parts = spec.strip().split("/");
        if (parts.length != 2) {
            throw new IllegalArgumentException("limit window must look like 10/1d, was " + spec);
        }
        long count = Long.parseLong(parts[0].strip());
        String period = parts[1].strip();
        long amount = Long.parseLong(period.substring(0, period.length() - 1));
        Duration duration = switch (period.charAt(period.length() - 1)) {
            case 's' -> Duration.ofSeconds(amount);
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            case 'd' -> Duration.ofDays(amount);
            case 'w' -> Duration.ofDays(7 * amount);
            default -> throw new IllegalArgumentException("limit period unit must be s, m, h, d or w: " + spec);
        };
        if (count <= 0 || duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException("limit window must be positive: " + spec);
        }
        return new Window(count, duration);
    }

    /** Whether the window is whole days, so it starts at local midnight. */
    public boolean calendarDays() {
        return period.toSeconds() % 86_400 == 0;
    }
}
