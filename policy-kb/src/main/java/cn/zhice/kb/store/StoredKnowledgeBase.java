package cn.zhice.kb.store;

import cn.zhice.kb.Entry;
import cn.zhice.kb.EntryKind;
import cn.zhice.kb.KnowledgeBase;
import cn.zhice.kb.vocabulary.VocabularyStore;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** {@link KnowledgeBase} read from the database: the live version of each entry, if valid today. */
@Service
class StoredKnowledgeBase implements KnowledgeBase {

    private final EntryStore store;
    private final VocabularyStore vocabulary;
    private final Clock clock;

    StoredKnowledgeBase(EntryStore store, VocabularyStore vocabulary, Clock clock) {
        this.store = store;
        this.vocabulary = vocabulary;
        this.clock = clock;
    }

    @Override
    public List<List<String>> synonymGroups() {
        return vocabulary.load().synonymGroups();
    }

    @Override
    public String revision() {
        return LocalDate.now(clock) + "|" + store.changeMark() + "|" + vocabulary.synonymsChangeMark();
    }

    @Override
    public Optional<Entry> visible(String externalId) {
        LocalDate today = LocalDate.now(clock);
        return Optional.ofNullable(store.published(List.of(externalId)).get(externalId))
                .filter(entry -> entry.isValidOn(today));
    }

    @Override
    public List<Entry> visible(EntryKind kind) {
        LocalDate today = LocalDate.now(clock);
        List<Entry> entries = new ArrayList<>();
        store.forEachPublished(entry -> {
            if (entry.kind() == kind && entry.isValidOn(today)) {
                entries.add(entry);
            }
        });
        return entries;
    }
}
