package cn.zhice.kb;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Knowledge-base settings ({@code zhice.kb.*}).
 *
 * @param indexDir       where this instance keeps its Lucene index; each instance needs its own directory
 * @param importMaxSize  largest accepted import upload; bigger bodies are answered with 413
 * @param syncInterval   how often an instance compares its index with the database (a safety net behind the
 *                       Redis change notifications, which normally arrive within milliseconds)
 * @param commitInterval how often index changes are made durable on disk (they are searchable at once regardless)
 * @param syncChannel    the Redis pub/sub channel instances announce knowledge-base changes on
 * @param searchCache    how many recent searches (text, filters, number of hits) keep their hits until the index
 *                       next changes or the day ends; repeated questions then skip the search. 0 turns it off
 */
@ConfigurationProperties("zhice.kb")
public record KbProperties(
        @DefaultValue("./data/index") Path indexDir,
        @DefaultValue("10MB") DataSize importMaxSize,
        @DefaultValue("30s") Duration syncInterval,
        @DefaultValue("5s") Duration commitInterval,
        @DefaultValue("zhice:kb:changed") String syncChannel,
        @DefaultValue("10000") int searchCache) {}
