package cn.zhice.push.delivery;

import cn.zhice.push.Channel;
import java.util.Arrays;
import java.util.List;

/** The channels a delivery may still fall back to, stored as {@code SMS,EMAIL} on the row. */
public final class Fallbacks {

    private Fallbacks() {}

    public static List<Channel> parse(String fallback) {
        if (fallback == null || fallback.isBlank()) {
            return List.of();
        }
        return Arrays.stream(fallback.split(",")).map(String::strip).map(Channel::valueOf).toList();
    }

    public static String format(List<Channel> channels) {
        return channels.isEmpty() ? null : String.join(",", channels.stream().map(Channel::name).toList());
    }

    /** Inserts the delivery on the next channel, if any remains. */
    public static void next(Outbox outbox, Delivery row) {
        List<Channel> rest = parse(row.fallback());
        if (!rest.isEmpty()) {
            outbox.insertFallback(row, rest.get(0), format(rest.subList(1, rest.size())));
        }
    }
}
