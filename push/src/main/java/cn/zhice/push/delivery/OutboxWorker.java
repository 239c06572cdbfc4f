package cn.zhice.push.delivery;

import cn.zhice.kb.Entry;
import cn.zhice.kb.KnowledgeBase;
import cn.zhice.matching.EnterpriseProfile;
import cn.zhice.matching.PolicyTargeting;
import cn.zhice.matching.Uscc;
import cn.zhice.push.Channel;
import cn.zhice.push.PushProperties;
import cn.zhice.push.Suppression;
import cn.zhice.push.delivery.Outbox.Change;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what the outbox holds. Each round claims a batch of due rows ({@code FOR UPDATE SKIP LOCKED}), drops what may
 * not be sent (opted out, no consent or contact, already received — with fallback to the next channel), defers what
 * must wait (quiet hours, limits), takes provider and recipient tokens in Redis, and commits the rest as SENDING
 * together with their "ever reached" guard rows — before any provider is called. Then the messages go out in
 * parallel and the outcomes are written: sent, retry with backoff, fallback, dead letter. When Redis cannot be asked
 * nothing is sent: the round rolls back and the worker pauses until Redis answers again.
 */
public final class OutboxWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);

    private final Outbox outbox;
    private final OptOuts optOuts;
    private final RateLimits limits;
    private final ProviderQuotas quotas;
    private final QuietHours quietHours;
    private final Map<Channel, ChannelSender> senders = new EnumMap<>(Channel.class);
    private final PolicyTargeting targeting;
    private final KnowledgeBase knowledgeBase;
    private final PushProperties properties;
    private final Backoff backoff;
    private final TransactionTemplate tx;
    private final Clock clock;

    private volatile boolean running;
    private volatile boolean killed;
    private volatile boolean paused;
    private final List<Thread> dispatchers = new ArrayList<>();
    private final ExecutorService sendPool;
    // an operational cadence, not business time: measured on the monotonic clock
    private long nextReconcileNanos = System.nanoTime();

    public OutboxWorker(Outbox outbox, OptOuts optOuts, RateLimits limits, ProviderQuotas quotas, QuietHours quietHours,
            List<ChannelSender> senders, PolicyTargeting targeting, KnowledgeBase knowledgeBase, PushProperties properties,
            TransactionTemplate tx, Clock clock) {
        this.outbox = outbox;
        this.optOuts = optOuts;
        this.limits = limits;
        this.quotas = quotas;
        this.quietHours = quietHours;
        senders.forEach(sender -> this.senders.put(sender.channel(), sender));
        this.targeting = targeting;
        this.knowledgeBase = knowledgeBase;
        this.properties = properties;
        this.backoff = new Backoff(properties.retry());
        this.tx = tx;
        this.clock = clock;
        AtomicInteger count = new AtomicInteger();
        this.sendPool = Executors.newFixedThreadPool(properties.worker().senders(), task -> {
            Thread thread = new Thread(task, "push-send-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public synchronized void start() {
        if (running || !properties.worker().enabled()) {
            return;
        }
        running = true;
        dispatchers.clear();
        for (int i = 0; i < Math.max(1, properties.worker().dispatchers()); i++) {
            boolean reconciles = i == 0;
            Thread thread = new Thread(() -> loop(reconciles), i == 0 ? "push-outbox" : "push-outbox-" + (i + 1));
            thread.setDaemon(true);
            dispatchers.add(thread);
            thread.start();
        }
    }

    /** Finishes the round in progress, then stops. */
    @Override
    public void stop() {
        List<Thread> threads;
        synchronized (this) {
            running = false;
            threads = List.copyOf(dispatchers);
        }
        for (Thread thread : threads) {
            try {
                thread.join(Duration.ofSeconds(30).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        sendPool.shutdownNow();
    }

    /**
     * Stops at once, as a crashed process would: messages in flight are abandoned and nothing more is written, so
     * their rows stay SENDING until a worker reconciles them. For failure drills and tests.
     */
    public void kill() {
        killed = true;
        running = false;
        sendPool.shutdownNow();
        List.copyOf(dispatchers).forEach(Thread::interrupt);
    }

    /** Waits until the dispatcher thread ended (after {@link #stop()} or {@link #kill()}). */
    public void awaitTermination(Duration timeout) throws InterruptedException {
        for (Thread thread : List.copyOf(dispatchers)) {
            thread.join(timeout.toMillis());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Whether sending is paused because Redis does not answer. */
    public boolean paused() {
        return paused;
    }

    private void loop(boolean reconciles) {
        while (running && !killed) {
            try {
                if (reconciles && System.nanoTime() - nextReconcileNanos >= 0) {
                    nextReconcileNanos = System.nanoTime() + reconcileInterval().toNanos();
                    reconcile();
                }
                int claimed = dispatchOnce();
                if (killed) {
                    return;
                }
                if (paused) {
                    paused = false;
                    log.info("Redis answers again: sending resumed");
                }
                if (claimed == 0) {
                    sleep(properties.worker().pollInterval());
                }
            } catch (RuntimeException e) {
                if (killed) {
                    return;
                }
                if (redisDown(e)) {
                    if (!paused) {
                        log.warn("Redis (rate limits) unavailable: sending paused until it answers ({})", rootMessage(e));
                    }
                    paused = true;
                    sleep(properties.worker().pauseOnRedisDown());
                } else {
                    log.error("Outbox round failed; retrying", e);
                    sleep(properties.worker().pollInterval());
                }
            }
        }
    }

    private Duration reconcileInterval() {
        Duration quarter = properties.worker().lease().dividedBy(4);
        return quarter.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1)
                : quarter.compareTo(Duration.ofSeconds(10)) > 0 ? Duration.ofSeconds(10) : quarter;
    }

    /** A row prepared for sending: its message (address included) and the row itself. */
    private record Prepared(Delivery row, OutgoingMessage message) {}

    /** One claimed row with what we know about its enterprise. */
    private record Candidate(Delivery row, EnterpriseProfile profile, String address, String hash) {}

    /** Claims and sends one batch; returns how many rows were claimed. */
    public int dispatchOnce() {
        Map<String, Optional<Entry>> policies = new HashMap<>();
        List<Prepared> prepared = new ArrayList<>();
        Integer claimed = tx.execute(status -> {
            List<Delivery> rows = outbox.claimDue(properties.worker().batchSize());
            if (rows.isEmpty()) {
                return 0;
            }
            Instant now = clock.instant();
            List<Change> changes = new ArrayList<>();
            List<Delivery> fallbacks = new ArrayList<>();
            List<Candidate> candidates = new ArrayList<>();
            Map<Channel, List<Candidate>> byChannel = new EnumMap<>(Channel.class);
            for (Delivery row : rows) {
                Optional<Entry> policy = policies.computeIfAbsent(row.policyExternalId(), knowledgeBase::visible);
                if (policy.isEmpty()) {
                    changes.add(new Change.Failed(row.id(), "政策已不再发布"));
                    continue;
                }
                Optional<EnterpriseProfile> profile = targeting.enterprise(new Uscc(row.uscc()));
                Suppression unusable = profile.isEmpty() ? Suppression.NO_CONTACT : Addresses.unusable(profile.get(), row.channel());
                ChannelSender sender = senders.get(row.channel());
                if (unusable != null) {
                    changes.add(new Change.Suppressed(row.id(), unusable));
                    fallbacks.add(row);
                } else if (sender == null || !sender.configured()) {
                    changes.add(new Change.Failed(row.id(), row.channel().label() + "渠道未配置"));
                    fallbacks.add(row);
                } else {
                    String address = Addresses.of(profile.get(), row.channel());
                    Candidate candidate = new Candidate(row, profile.get(), address, Addresses.hash(row.channel(), address));
                    byChannel.computeIfAbsent(row.channel(), c -> new ArrayList<>()).add(candidate);
                }
            }
            byChannel.forEach((channel, list) -> {
                Set<String> out = optOuts.optedOut(channel, list.stream().map(Candidate::hash).toList());
                for (Candidate candidate : list) {
                    if (out.contains(candidate.hash())) {
                        changes.add(new Change.Suppressed(candidate.row().id(), Suppression.OPTED_OUT));
                        fallbacks.add(candidate.row());
                        continue;
                    }
                    Optional<Instant> quiet = quietHours.deferUntil(channel, now);
                    if (quiet.isPresent()) {
                        changes.add(new Change.Defer(candidate.row().id(), quiet.get(), true));
                        continue;
                    }
                    candidates.add(candidate);
                }
            });
            Map<Long, Long> reached = outbox.reachedBy(candidates.stream().map(Candidate::row).toList());
            List<Candidate> limited = new ArrayList<>();
            for (Candidate candidate : candidates) {
                Long by = reached.get(candidate.row().id());
                if (by != null && by != candidate.row().id()) {
                    changes.add(new Change.Suppressed(candidate.row().id(), Suppression.ALREADY_RECEIVED));
                } else {
                    limited.add(candidate);
                }
            }
            List<CompletableFuture<Object>> checks = new ArrayList<>();
            for (Candidate candidate : limited) {
                Delivery row = candidate.row();
                // the weekly per-enterprise cap counts each notice once, not its retries
                boolean countsForEnterprise = row.kind() == DeliveryKind.NOTICE && row.attempts() == 0;
                checks.add(quotas.acquire(row.channel()).thenCompose(retryAt -> {
                    if (retryAt != null) {
                        return CompletableFuture.completedFuture((Object) retryAt);
                    }
                    return limits.acquire(row.channel(), candidate.hash(), row.uscc(), countsForEnterprise)
                            .thenApply(verdict -> {
                                if (!(verdict instanceof RateLimits.Verdict.Allowed)) {
                                    quotas.release(row.channel());
                                }
                                return (Object) verdict;
                            });
                }));
            }
            CompletableFuture.allOf(checks.toArray(CompletableFuture[]::new)).join();
            List<Delivery> sending = new ArrayList<>();
            List<Delivery> newReach = new ArrayList<>();
            for (int i = 0; i < limited.size(); i++) {
                Candidate candidate = limited.get(i);
                Delivery row = candidate.row();
                Object outcome = checks.get(i).join();
                if (outcome instanceof Instant retryAt) {
                    changes.add(new Change.Defer(row.id(), retryAt, false));
                } else if (outcome instanceof RateLimits.Verdict.Wait wait) {
                    changes.add(new Change.Defer(row.id(), wait.at(), false));
                } else if (outcome instanceof RateLimits.Verdict.Exhausted) {
                    changes.add(new Change.Suppressed(row.id(), Suppression.RATE_LIMITED));
                    fallbacks.add(row);
                } else {
                    sending.add(row);
                    if (!reached.containsKey(row.id())) {
                        newReach.add(row);
                    }
                    Entry policy = policies.get(row.policyExternalId()).orElseThrow();
                    prepared.add(new Prepared(row, message(row, candidate, policy)));
                }
            }
            outbox.markSending(sending, now.plus(properties.worker().lease()), newReach);
            outbox.apply(changes);
            fallbacks.forEach(row -> Fallbacks.next(outbox, row));
            return rows.size();
        });
        if (!prepared.isEmpty()) {
            send(prepared);
        }
        return claimed == null ? 0 : claimed;
    }

    private OutgoingMessage message(Delivery row, Candidate candidate, Entry policy) {
        List<String> reasons = row.channel() == Channel.SMS ? List.of()
                : targeting.match(new Uscc(row.uscc()), row.policyExternalId())
                        .map(PolicyTargeting.Match::metConditions).orElse(List.of());
        String base = properties.baseUrl();
        return new OutgoingMessage(row, candidate.address(), candidate.profile().name(), policy, reasons,
                base + "/p/" + row.code(), base + "/api/push/unsubscribe/" + row.code());
    }

    private void send(List<Prepared> prepared) {
        List<Future<SendOutcome>> futures = new ArrayList<>(prepared.size());
        try {
            for (Prepared item : prepared) {
                ChannelSender sender = senders.get(item.row().channel());
                futures.add(sendPool.submit(() -> sender.send(item.message())));
            }
        } catch (java.util.concurrent.RejectedExecutionException e) {
            return; // killed: the rows stay SENDING for reconciliation
        }
        List<SendOutcome> outcomes = new ArrayList<>(prepared.size());
        for (Future<SendOutcome> future : futures) {
            try {
                outcomes.add(future.get());
            } catch (InterruptedException | java.util.concurrent.CancellationException e) {
                if (killed) {
                    return;
                }
                outcomes.add(SendOutcome.failed(SendOutcome.Result.UNKNOWN, "interrupted while sending"));
            } catch (ExecutionException e) {
                if (killed) {
                    return;
                }
                log.error("Channel sender failed unexpectedly", e.getCause());
                outcomes.add(SendOutcome.failed(SendOutcome.Result.UNKNOWN, "sender failed: " + e.getCause().getClass().getSimpleName()));
            }
        }
        if (killed) {
            return;
        }
        record(prepared, outcomes);
    }

    private void record(List<Prepared> prepared, List<SendOutcome> outcomes) {
        Instant now = clock.instant();
        List<Change> changes = new ArrayList<>();
        List<Long> release = new ArrayList<>();
        List<Delivery> fallbacks = new ArrayList<>();
        List<Prepared> optedOut = new ArrayList<>();
        for (int i = 0; i < prepared.size(); i++) {
            Delivery row = prepared.get(i).row();
            SendOutcome outcome = outcomes.get(i);
            int attempt = row.attempts() + 1;
            switch (outcome.result()) {
                case SENT -> changes.add(new Change.Sent(row.id(), outcome.providerId()));
                case RETRY, THROTTLED -> {
                    if (backoff.exhausted(attempt)) {
                        changes.add(new Change.Dead(row.id(), "第" + attempt + "次尝试后放弃：" + outcome.error()));
                        release.add(row.id());
                    } else {
                        changes.add(new Change.Retry(row.id(),
                                backoff.next(now, attempt, outcome.result() == SendOutcome.Result.THROTTLED), outcome.error()));
                    }
                }
                case PERMANENT -> {
                    changes.add(new Change.Failed(row.id(), outcome.error()));
                    release.add(row.id());
                    fallbacks.add(row);
                }
                case OPTED_OUT -> {
                    changes.add(new Change.Suppressed(row.id(), Suppression.OPTED_OUT));
                    release.add(row.id());
                    fallbacks.add(row);
                    optedOut.add(prepared.get(i));
                }
                case UNKNOWN -> {
                    // leave it SENDING: when the lease runs out it is reconciled with the provider, never resent blindly
                }
            }
        }
        tx.executeWithoutResult(status -> {
            outbox.apply(changes);
            outbox.releaseReach(release);
            optedOut.forEach(p -> optOuts.optOut(p.row().channel(), p.message().address(), "provider"));
            fallbacks.forEach(row -> Fallbacks.next(outbox, row));
        });
    }

    /** Settles SENDING rows whose lease ran out (a crashed or killed worker's): ask the provider, never resend blindly. */
    public int reconcile() {
        Integer settled = tx.execute(status -> {
            List<Delivery> rows = outbox.claimExpiredLeases(100);
            List<Change> changes = new ArrayList<>();
            for (Delivery row : rows) {
                ChannelSender sender = senders.get(row.channel());
                Optional<EnterpriseProfile> profile = targeting.enterprise(new Uscc(row.uscc()));
                Optional<Entry> policy = knowledgeBase.visible(row.policyExternalId());
                String address = profile.map(p -> Addresses.of(p, row.channel())).orElse(null);
                if (sender == null || address == null || policy.isEmpty()) {
                    changes.add(new Change.Unknown(row.id(), "发送中断，结果未知，请人工核实"));
                    continue;
                }
                OutgoingMessage message = new OutgoingMessage(row, address, profile.get().name(), policy.get(), List.of(),
                        properties.baseUrl() + "/p/" + row.code(), null);
                Instant since = row.updatedAt() == null ? clock.instant().minus(Duration.ofDays(1))
                        : row.updatedAt().minus(Duration.ofMinutes(5));
                ChannelSender.Reconciliation answer;
                try {
                    answer = sender.reconcile(message, since);
                } catch (RuntimeException e) {
                    log.warn("Could not reconcile delivery {} on {}; will try again: {}", row.id(), row.channel(), e.getMessage());
                    continue;
                }
                switch (answer.state()) {
                    case SENT -> changes.add(new Change.Sent(row.id(), answer.providerId()));
                    case NOT_SENT -> changes.add(new Change.NotSent(row.id()));
                    case UNKNOWN -> changes.add(new Change.Unknown(row.id(), "发送中断，" + row.channel().label()
                            + "无法查询是否已送达，请人工核实（不会自动重发）"));
                }
            }
            outbox.apply(changes);
            return rows.size();
        });
        if (settled != null && settled > 0) {
            log.info("Reconciled {} deliveries left sending by an interrupted worker", settled);
        }
        return settled == null ? 0 : settled;
    }

    static boolean redisDown(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof io.lettuce.core.RedisException || t instanceof java.util.concurrent.TimeoutException
                    || t.getClass().getName().startsWith("io.github.bucket4j.distributed.proxy.Timeout")) {
                return true;
            }
            if (t instanceof CompletionException && t.getCause() == null) {
                return false;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private void sleep(Duration duration) {
        try {
            TimeUnit.MILLISECONDS.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = running && !killed;
        }
    }
}
