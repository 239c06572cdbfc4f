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
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
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
 *
 * <p>Running, the worker is a pipeline: dispatchers claim the next batch while earlier messages are still with the
 * providers (never more than {@code senders + dispatchers × batchSize} rows claimed and not yet answered), and one
 * recorder writes outcomes in JDBC batches as they arrive instead of a transaction per batch of sends. A row's room
 * in the pipeline is freed when its provider answers, not when the outcome is written; answered rows wait for the
 * recorder in a backlog of the same bound, and a sender waits when it is full. A crash therefore leaves at most twice
 * that bound of rows SENDING, which their lease hands to reconciliation like any other crash leftover.
 * {@link #dispatchOnce()} does one synchronous round for tests and drills.
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
    /** Rows claimed as SENDING whose provider has not yet answered: bounds the pipeline. */
    private final Semaphore inFlight;
    /** Answered rows whose outcome is not yet written: the recorder's backlog, bounded like the pipeline. */
    private final Semaphore unrecorded;
    private final int capacity;
    private final LinkedBlockingQueue<Settled> settled = new LinkedBlockingQueue<>();
    private Thread recorder;
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
        this.capacity = properties.worker().senders() + Math.max(1, properties.worker().dispatchers()) * properties.worker().batchSize();
        this.inFlight = new Semaphore(capacity);
        this.unrecorded = new Semaphore(capacity);
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
        recorder = new Thread(this::recordLoop, "push-outbox-recorder");
        recorder.setDaemon(true);
        recorder.start();
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
        try {
            for (Thread thread : threads) {
                thread.join(Duration.ofSeconds(30).toMillis());
            }
            // let messages already with the providers be answered and recorded; whatever is left stays SENDING for
            // reconciliation
            if (inFlight.tryAcquire(capacity, 30, TimeUnit.SECONDS)) {
                inFlight.release(capacity);
            }
            if (unrecorded.tryAcquire(capacity, 30, TimeUnit.SECONDS)) {
                unrecorded.release(capacity);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Thread recording = recorder;
        if (recording != null) {
            recording.interrupt();
            try {
                recording.join(Duration.ofSeconds(10).toMillis());
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
        if (recorder != null) {
            recorder.interrupt();
        }
    }

    /** Waits until the dispatcher thread ended (after {@link #stop()} or {@link #kill()}). */
    public void awaitTermination(Duration timeout) throws InterruptedException {
        for (Thread thread : List.copyOf(dispatchers)) {
            thread.join(timeout.toMillis());
        }
        if (recorder != null) {
            recorder.join(timeout.toMillis());
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
                int claimed = dispatchPipelined();
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

    /** What one claim round produced: rows claimed, and those committed as SENDING with their messages. */
    private record Claimed(int rows, List<Prepared> prepared) {}

    /** One provider answer waiting to be written. */
    private record Settled(Prepared prepared, SendOutcome outcome) {}

    /** Claims, sends and records one batch, waiting for every answer; returns how many rows were claimed. */
    public int dispatchOnce() {
        Claimed claimed = claim(properties.worker().batchSize());
        if (!claimed.prepared().isEmpty()) {
            send(claimed.prepared());
        }
        return claimed.rows();
    }

    /**
     * Claims a batch once the pipeline has room for it and hands its messages to the senders without waiting for
     * them; the recorder writes their outcomes.
     */
    private int dispatchPipelined() {
        int batch = properties.worker().batchSize();
        try {
            while (!inFlight.tryAcquire(batch, 200, TimeUnit.MILLISECONDS)) {
                if (!running || killed) {
                    return 0;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
        Claimed claimed;
        try {
            claimed = claim(batch);
        } catch (RuntimeException e) {
            inFlight.release(batch);
            throw e;
        }
        inFlight.release(batch - claimed.prepared().size());
        for (List<Prepared> group : groups(claimed.prepared())) {
            ChannelSender sender = senders.get(group.get(0).row().channel());
            try {
                sendPool.execute(() -> {
                    List<SendOutcome> outcomes = sendGroup(sender, group);
                    if (outcomes == null) {
                        return; // killed mid-send: the rows stay SENDING for reconciliation
                    }
                    try {
                        unrecorded.acquire(group.size());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return; // killed while the recorder was behind: the rows stay SENDING for reconciliation
                    }
                    for (int i = 0; i < group.size(); i++) {
                        settled.add(new Settled(group.get(i), outcomes.get(i)));
                    }
                    inFlight.release(group.size());
                });
            } catch (java.util.concurrent.RejectedExecutionException e) {
                return claimed.rows(); // killed: the rows stay SENDING for reconciliation
            }
        }
        return claimed.rows();
    }

    /** Messages of a batch as the senders take them: one per call, or several per call where the channel batches. */
    private List<List<Prepared>> groups(List<Prepared> prepared) {
        List<List<Prepared>> groups = new ArrayList<>();
        Map<Channel, List<Prepared>> open = new EnumMap<>(Channel.class);
        for (Prepared item : prepared) {
            int size = Math.max(1, senders.get(item.row().channel()).batchSize());
            if (size == 1) {
                groups.add(List.of(item));
                continue;
            }
            List<Prepared> group = open.computeIfAbsent(item.row().channel(), c -> new ArrayList<>());
            group.add(item);
            if (group.size() == size) {
                groups.add(group);
                open.remove(item.row().channel());
            }
        }
        groups.addAll(open.values());
        return groups;
    }

    /** Sends a group on one channel; null when the worker was killed meanwhile. */
    private List<SendOutcome> sendGroup(ChannelSender sender, List<Prepared> group) {
        try {
            List<SendOutcome> outcomes = group.size() == 1 ? List.of(sender.send(group.get(0).message()))
                    : sender.send(group.stream().map(Prepared::message).toList());
            return killed ? null : outcomes;
        } catch (RuntimeException e) {
            if (killed) {
                return null;
            }
            log.error("Channel sender failed unexpectedly", e);
            SendOutcome unknown = SendOutcome.failed(SendOutcome.Result.UNKNOWN, "sender failed: " + e.getClass().getSimpleName());
            return group.stream().map(item -> unknown).toList();
        }
    }

    /** Writes outcomes as they arrive, many per transaction; a failed write is tried again, never dropped. */
    private void recordLoop() {
        List<Settled> chunk = new ArrayList<>();
        while (!killed) {
            try {
                if (chunk.isEmpty()) {
                    Settled first = settled.poll(100, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        // a sender queues its outcomes before it frees their room: check the room first
                        if (!running && inFlight.availablePermits() == capacity && settled.isEmpty()) {
                            return;
                        }
                        continue;
                    }
                    chunk.add(first);
                    settled.drainTo(chunk, 999);
                }
                if (killed) {
                    return;
                }
                record(chunk.stream().map(Settled::prepared).toList(), chunk.stream().map(Settled::outcome).toList());
                unrecorded.release(chunk.size());
                chunk.clear();
            } catch (InterruptedException e) {
                if (killed || !running) {
                    return;
                }
            } catch (RuntimeException e) {
                if (killed) {
                    return;
                }
                log.error("Could not record {} send outcomes; trying again", chunk.size(), e);
                sleep(properties.worker().pollInterval());
            }
        }
    }

    /** Claims one batch and commits what may be sent as SENDING; sends nothing. */
    private Claimed claim(int limit) {
        Map<String, Optional<Entry>> policies = new HashMap<>();
        List<Prepared> prepared = new ArrayList<>();
        Integer claimed = tx.execute(status -> {
            List<Delivery> rows = outbox.claimDue(limit);
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
        return new Claimed(claimed == null ? 0 : claimed, prepared);
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
        List<List<Prepared>> groups = groups(prepared);
        List<Future<List<SendOutcome>>> futures = new ArrayList<>(groups.size());
        try {
            for (List<Prepared> group : groups) {
                ChannelSender sender = senders.get(group.get(0).row().channel());
                futures.add(sendPool.submit(() -> sendGroup(sender, group)));
            }
        } catch (java.util.concurrent.RejectedExecutionException e) {
            return; // killed: the rows stay SENDING for reconciliation
        }
        List<Prepared> answered = new ArrayList<>(prepared.size());
        List<SendOutcome> outcomes = new ArrayList<>(prepared.size());
        for (int g = 0; g < groups.size(); g++) {
            List<SendOutcome> groupOutcomes;
            try {
                groupOutcomes = futures.get(g).get();
            } catch (InterruptedException | java.util.concurrent.CancellationException | ExecutionException e) {
                groupOutcomes = null;
            }
            if (killed) {
                return;
            }
            if (groupOutcomes == null) {
                SendOutcome unknown = SendOutcome.failed(SendOutcome.Result.UNKNOWN, "interrupted while sending");
                groupOutcomes = groups.get(g).stream().map(item -> unknown).toList();
            }
            answered.addAll(groups.get(g));
            outcomes.addAll(groupOutcomes);
        }
        record(answered, outcomes);
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
