package cn.zhice.kb.search;

import cn.zhice.kb.KbProperties;
import cn.zhice.kb.vocabulary.VocabularyStore;
import java.io.IOException;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the local Lucene index and the search over it. */
@Configuration(proxyBeanMethods = false)
class SearchConfiguration {

    @Bean(destroyMethod = "close")
    EntryIndex entryIndex(KbProperties properties, VocabularyStore vocabulary) throws IOException {
        return LocalIndex.open(properties.indexDir(), vocabulary.load());
    }

    @Bean
    LucenePolicySearch policySearch(EntryIndex index, Clock clock, KbProperties properties) {
        return new LucenePolicySearch(index, clock, properties.searchCache());
    }
}
