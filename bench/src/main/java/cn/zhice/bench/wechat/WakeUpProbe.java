package cn.zhice.bench.wechat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * How late a thread that does nothing but sleep 1 ms wakes up while the load runs: the machine's own scheduling
 * tail (and this JVM's pauses), measured beside the app. Every message wakes a chain of threads, so no latency on
 * this machine can be better than this tail allows; a run with a bad p99 and a bad probe says more about the machine
 * than about the app. The idea of jHiccup, in the one number the report needs (jHiccup itself is an agent that
 * writes interval logs).
 */
final class WakeUpProbe {

    private static final long SLEEP_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(1);

    private final Histogram lateness = new Histogram(HIGHEST_MICROS, 3);
    private final Thread thread;
    private volatile boolean running = true;

    private WakeUpProbe() {
        thread = new Thread(this::run, "wake-up-probe");
        thread.setDaemon(true);
    }

    /** Starts probing at once. */
    static WakeUpProbe start() {
        WakeUpProbe probe = new WakeUpProbe();
        probe.thread.start();
        return probe;
    }

    private void run() {
        while (running) {
            long due = System.nanoTime() + SLEEP_NANOS;
            long now;
            // parkNanos may return early, so each record is one whole sleep.
            while ((now = System.nanoTime()) < due) {
                LockSupport.parkNanos(due - now);
            }
            lateness.recordValue(Math.min((now - due) / 1000, HIGHEST_MICROS));
        }
    }

    /** Stops probing and returns how late each wake-up was, in microseconds. */
    Histogram stop() throws InterruptedException {
        running = false;
        thread.join();
        return lateness;
    }
}
