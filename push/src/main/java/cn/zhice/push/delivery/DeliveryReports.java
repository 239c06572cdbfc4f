package cn.zhice.push.delivery;

import cn.zhice.push.Channel;
import java.util.List;
import java.util.Optional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Provider reports that arrive after sending (SMS status callbacks, WeChat's TEMPLATESENDJOBFINISH): delivered, or
 * failed after all, in which case the "ever reached" guard is released, an opt-out recorded when the recipient
 * blocked us, and the next channel tried.
 */
public final class DeliveryReports {

    private final Outbox outbox;
    private final OptOuts optOuts;
    private final TransactionTemplate tx;

    public DeliveryReports(Outbox outbox, OptOuts optOuts, TransactionTemplate tx) {
        this.outbox = outbox;
        this.optOuts = optOuts;
        this.tx = tx;
    }

    /** Finds the delivery by tracked-link code first (set before sending), else by provider id. */
    public Optional<Delivery> find(String code, String providerId) {
        Optional<Delivery> byCode = code == null ? Optional.empty() : outbox.byCode(code);
        return byCode.isPresent() || providerId == null ? byCode : outbox.byProviderId(providerId);
    }

    public void delivered(Delivery delivery, String providerId) {
        outbox.delivered(delivery.id(), providerId);
    }

    /**
     * The provider could not deliver a message it had accepted.
     *
     * @param optedOutAddress the address to opt out of the channel when the recipient blocked us, else null
     */
    public void undelivered(Delivery delivery, String providerId, String error, String optedOutAddress) {
        tx.executeWithoutResult(status -> {
            if (outbox.undelivered(delivery.id(), providerId, error)) {
                outbox.releaseReach(List.of(delivery.id()));
                if (optedOutAddress != null) {
                    optOuts.optOut(delivery.channel(), optedOutAddress, "provider");
                }
                Fallbacks.next(outbox, delivery);
            }
        });
    }

    /** Records an opt-out reported by a provider for an address. */
    public void optOut(Channel channel, String address, String source) {
        optOuts.optOut(channel, address, source);
    }
}
