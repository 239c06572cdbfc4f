package cn.zhice.kb.sync;

import cn.zhice.kb.KbProperties;
import cn.zhice.kb.search.IndexMaintenance;
import cn.zhice.kb.store.EntriesChanged;
import cn.zhice.kb.vocabulary.VocabularyChanged;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tells the other instances about knowledge-base changes over Redis pub/sub, so a change made through one instance
 * is searchable through all of them within milliseconds. Pub/sub may lose messages (Redis restart, network); the
 * periodic catch-up in {@link IndexMaintenance} repairs that.
 */
@Component
class RedisIndexSync implements MessageListener {

    private static final Logger log = LoggerFactory.getLogger(RedisIndexSync.class);
    /** Above this many ids a notification just says "catch up" rather than listing them. */
    private static final int MAX_IDS = 1_000;

    private final String origin = UUID.randomUUID().toString();
    private final StringRedisTemplate redis;
    private final IndexMaintenance maintenance;
    private final ChannelTopic topic;
    private final JsonMapper json = JsonMapper.builder().build();

    RedisIndexSync(
            StringRedisTemplate redis,
            RedisMessageListenerContainer listeners,
            IndexMaintenance maintenance,
            KbProperties properties) {
        this.redis = redis;
        this.maintenance = maintenance;
        this.topic = new ChannelTopic(properties.syncChannel());
        listeners.addMessageListener(this, topic);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onEntriesChanged(EntriesChanged changed) {
        List<String> ids = List.copyOf(changed.externalIds());
        announce(ids.size() > MAX_IDS
                ? new Notice(origin, List.of(), false, true)
                : new Notice(origin, ids, false, false));
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onVocabularyChanged(VocabularyChanged changed) {
        announce(new Notice(origin, List.of(), true, false));
    }

    private void announce(Notice notice) {
        try {
            redis.convertAndSend(topic.getTopic(), json.writeValueAsString(notice));
        } catch (RuntimeException e) {
            log.warn("Could not announce a knowledge-base change over Redis; other instances will catch up: {}",
                    e.toString());
        }
    }

    @Override
    public void onMessage(Message message, byte[] pattern) {
        try {
            Notice notice = json.readValue(message.getBody(), Notice.class);
            if (origin.equals(notice.origin())) {
                return;
            }
            if (notice.vocabulary()) {
                maintenance.reloadVocabulary();
            }
            if (notice.catchUp()) {
                maintenance.catchUp();
            } else if (!notice.ids().isEmpty()) {
                maintenance.apply(notice.ids());
            }
        } catch (RuntimeException e) {
            log.warn("Ignoring a knowledge-base change notice that could not be applied: {}", e.toString());
        }
    }

    /** The wire format on the sync channel. */
    record Notice(String origin, List<String> ids, boolean vocabulary, boolean catchUp) {}
}
