package cn.zhice.push.campaign;

import cn.zhice.push.Channel;
import cn.zhice.push.PushStatistics;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * {@link PushStatistics} counted from the outbox with its click and feedback tables. A delivery belongs to the period
 * in which it was sent, or, never sent, in which it last changed (failed, suppressed, dead-lettered).
 */
@Repository
class OutboxStatistics implements PushStatistics {

    private static final String IN_PERIOD = "coalesce(d.sent_at, d.updated_at) >= ? and coalesce(d.sent_at, d.updated_at) < ?";

    private final JdbcTemplate jdbc;

    OutboxStatistics(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Override
    public List<ChannelFunnel> byChannel(Instant from, Instant to) {
        OffsetDateTime start = OffsetDateTime.ofInstant(from, ZoneOffset.UTC);
        OffsetDateTime end = OffsetDateTime.ofInstant(to, ZoneOffset.UTC);
        Map<Channel, int[]> counts = new EnumMap<>(Channel.class);
        for (Channel channel : Channel.values()) {
            counts.put(channel, new int[7]);
        }
        jdbc.query("select d.channel, d.status, count(*) from push_delivery d where " + IN_PERIOD
                + " group by d.channel, d.status", rs -> {
                    int[] c = counts.get(Channel.valueOf(rs.getString(1)));
                    int n = rs.getInt(3);
                    switch (rs.getString(2)) {
                        case "SUPPRESSED" -> c[0] += n;
                        case "SENT" -> c[1] += n;
                        case "DELIVERED" -> {
                            c[1] += n;
                            c[2] += n;
                        }
                        case "FAILED", "DEAD" -> c[3] += n;
                        default -> { }
                    }
                }, start, end);
        jdbc.query("select d.channel, count(*) from push_click k join push_delivery d on d.id = k.delivery_id where "
                + IN_PERIOD + " group by d.channel", rs -> {
                    counts.get(Channel.valueOf(rs.getString(1)))[4] += rs.getInt(2);
                }, start, end);
        jdbc.query("select d.channel, f.useful, count(*) from push_feedback f join push_delivery d on d.id = f.delivery_id "
                + "where " + IN_PERIOD + " group by d.channel, f.useful", rs -> {
                    counts.get(Channel.valueOf(rs.getString(1)))[rs.getBoolean(2) ? 5 : 6] += rs.getInt(3);
                }, start, end);
        List<ChannelFunnel> funnels = new ArrayList<>();
        counts.forEach((channel, c) -> funnels.add(new ChannelFunnel(channel, c[0], c[1], c[2], c[3], c[4], c[5], c[6])));
        return funnels;
    }
}
