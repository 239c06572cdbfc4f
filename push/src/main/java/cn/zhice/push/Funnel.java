package cn.zhice.push;

import java.util.Map;

/**
 * A campaign's funnel, counted from the outbox and the click and feedback tables.
 *
 * @param targeted    enterprises the campaign reached out to
 * @param suppressed  deliveries held back, by reason; {@code QUIET_HOURS_DEFERRED} counts deferrals (those are sent later)
 * @param pending     deliveries still waiting (due later, retrying, or being sent)
 * @param sent        messages accepted by the provider
 * @param delivered   messages the provider reported delivered
 * @param failed      deliveries that failed for good, dead letters included
 * @param deadLetters deliveries that exhausted their retries or whose outcome is unknown, waiting for staff
 * @param clicked     deliveries whose tracked link was opened
 * @param useful      有用 votes
 * @param notUseful   没用 votes
 */
public record Funnel(int targeted, Map<Suppression, Integer> suppressed, int pending, int sent, int delivered,
        int failed, int deadLetters, int clicked, int useful, int notUseful) {

    public Funnel {
        suppressed = Map.copyOf(suppressed);
    }
}
