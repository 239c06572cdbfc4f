package cn.zhice.bench.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class WakeUpProbeTest {

    @Test
    void recordsOneLatenessPerSleepUntilStopped() throws InterruptedException {
        long start = System.nanoTime();
        WakeUpProbe probe = WakeUpProbe.start();
        Thread.sleep(100);

        Histogram lateness = probe.stop();
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        long recorded = lateness.getTotalCount();
        Thread.sleep(20);

        // Each record is a sleep of at least 1 ms, so no more fit than the milliseconds that passed.
        assertThat(recorded).isBetween(1L, elapsedMillis + 1);
        assertThat(lateness.getTotalCount()).isEqualTo(recorded);
    }
}
