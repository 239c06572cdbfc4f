package cn.zhice.matching.enterprise;

import cn.zhice.matching.targeting.EnterpriseIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Rebuilds the in-memory enterprise index from the database when the application starts. */
@Component
class EnterpriseIndexLoader {

    private static final Logger log = LoggerFactory.getLogger(EnterpriseIndexLoader.class);

    private final EnterpriseStore store;
    private final EnterpriseIndex index;

    EnterpriseIndexLoader(EnterpriseStore store, EnterpriseIndex index) {
        this.store = store;
        this.index = index;
    }

    @EventListener(ApplicationReadyEvent.class)
    void rebuild() {
        long start = System.nanoTime();
        index.rebuild(store.all());
        log.info("enterprise index rebuilt: {} enterprises in {} ms", index.count(), (System.nanoTime() - start) / 1_000_000);
    }
}
