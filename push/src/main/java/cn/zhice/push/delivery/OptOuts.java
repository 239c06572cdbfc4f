package cn.zhice.push.delivery;

import cn.zhice.push.Channel;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/** 退订: addresses (as hashes) that opted out of a channel, by SMS keyword, email link or WeChat block. */
public final class OptOuts {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final boolean postgres;

    public OptOuts(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.postgres = Postgres.backs(jdbc);
    }

    /** Records an opt-out; repeating it changes nothing. */
    public void optOut(Channel channel, String address, String source) {
        String hash = Addresses.hash(channel, address);
        int updated = jdbc.update("update push_opt_out set source = source where channel = ? and address_hash = ?",
                channel.name(), hash);
        if (updated == 0) {
            try {
                jdbc.update("insert into push_opt_out (channel, address_hash, source, opted_out_at) values (?, ?, ?, ?)",
                        channel.name(), hash, source, OffsetDateTime.now(clock));
            } catch (org.springframework.dao.DuplicateKeyException raced) {
                // another request recorded the same opt-out at the same moment
            }
        }
    }

    /** Takes an address back in (SMS START). */
    public void optIn(Channel channel, String address) {
        jdbc.update("delete from push_opt_out where channel = ? and address_hash = ?", channel.name(), Addresses.hash(channel, address));
    }

    public boolean isOptedOut(Channel channel, String address) {
        Integer count = jdbc.queryForObject("select count(*) from push_opt_out where channel = ? and address_hash = ?",
                Integer.class, channel.name(), Addresses.hash(channel, address));
        return count != null && count > 0;
    }

    /** Which of {@code hashes} opted out of {@code channel}. */
    public Set<String> optedOut(Channel channel, Collection<String> hashes) {
        Set<String> result = new HashSet<>();
        List<String> list = List.copyOf(hashes);
        for (int from = 0; from < list.size(); from += 500) {
            List<String> chunk = list.subList(from, Math.min(list.size(), from + 500));
            if (postgres) {
                String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
                Object[] args = new Object[chunk.size() + 1];
                args[0] = channel.name();
                for (int i = 0; i < chunk.size(); i++) {
                    args[i + 1] = chunk.get(i);
                }
                result.addAll(jdbc.queryForList("select address_hash from push_opt_out where channel = ? and address_hash in ("
                        + marks + ")", String.class, args));
                continue;
            }
            // H2 looks an IN list up in an index only on the index's first column: whole keys, one look-up each
            Object[] args = new Object[chunk.size() * 2];
            for (int i = 0; i < chunk.size(); i++) {
                args[2 * i] = channel.name();
                args[2 * i + 1] = chunk.get(i);
            }
            result.addAll(jdbc.queryForList("select address_hash from push_opt_out where (channel, address_hash) in ("
                    + String.join(",", java.util.Collections.nCopies(chunk.size(), "(?, ?)")) + ")", String.class, args));
        }
        return result;
    }

    /** Every opted-out hash of a channel (for planning a whole campaign in one query). */
    public Set<String> all(Channel channel) {
        return new HashSet<>(jdbc.queryForList("select address_hash from push_opt_out where channel = ?", String.class,
                channel.name()));
    }

}
