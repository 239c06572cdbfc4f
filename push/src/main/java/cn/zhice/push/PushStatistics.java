package cn.zhice.push;

import java.time.Instant;
import java.util.List;

/**
 * Push figures across campaigns for the staff console's 数据看板: the funnel per channel over a period, so staff can
 * see which channel actually reaches enterprises and which one they find useful.
 */
public interface PushStatistics {

    /**
     * The funnel of every channel for deliveries that reached their current state in {@code [from, to)} (sent, failed
     * or suppressed then), one row per channel in {@link Channel} order, zeros included.
     */
    List<ChannelFunnel> byChannel(Instant from, Instant to);

    /**
     * One channel's funnel over a period.
     *
     * @param suppressed deliveries held back (opted out, no consent, no contact, rate limited, already received)
     * @param sent       messages the provider accepted (delivered ones included)
     * @param delivered  messages the provider reported delivered
     * @param failed     deliveries that failed for good, dead letters included
     * @param clicked    deliveries whose tracked link was opened
     * @param useful     有用 votes
     * @param notUseful  没用 votes
     */
    record ChannelFunnel(Channel channel, int suppressed, int sent, int delivered, int failed, int clicked, int useful,
            int notUseful) {}
}
