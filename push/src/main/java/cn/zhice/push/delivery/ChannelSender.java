package cn.zhice.push.delivery;

import cn.zhice.push.Channel;
import java.time.Instant;
import java.util.List;

/** One channel's provider behind a small interface, so the outbox worker is the same for all and tests use fakes. */
public interface ChannelSender {

    Channel channel();

    /** Whether the provider is configured; deliveries on an unconfigured channel fall back to the next one. */
    boolean configured();

    /** Sends one message; never throws for provider errors, it classifies them. */
    SendOutcome send(OutgoingMessage message);

    /**
     * How many messages one call of {@link #send(List)} should carry: more than one where the provider's connection
     * setup costs more than a message (an SMTP session), 1 otherwise.
     */
    default int batchSize() {
        return 1;
    }

    /** Sends several messages on this channel, one outcome per message in the same order. */
    default List<SendOutcome> send(List<OutgoingMessage> messages) {
        return messages.stream().map(this::send).toList();
    }

    /**
     * After a crash left a delivery "sending": whether the provider has the message (identified by its tracked-link
     * code). {@code UNKNOWN} when the provider cannot be asked, as for WeChat and SMTP.
     */
    default Reconciliation reconcile(OutgoingMessage message, Instant since) {
        return Reconciliation.unknown();
    }

    /** The answer of {@link #reconcile}. */
    record Reconciliation(State state, String providerId) {

        public enum State { SENT, NOT_SENT, UNKNOWN }

        public static Reconciliation unknown() {
            return new Reconciliation(State.UNKNOWN, null);
        }
    }
}
