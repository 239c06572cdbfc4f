package cn.zhice.kb;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Read access to the published knowledge base for the bot, matching and push modules. */
public interface KnowledgeBase {

    /** The published version of an entry, if it is published and valid today. */
    Optional<Entry> visible(String externalId);

    /** Every published entry of a kind that is valid today. */
    List<Entry> visible(EntryKind kind);

    /** The synonym groups staff maintain for search (高企, 高新技术企业), for dictionaries outside search. */
    List<List<String>> synonymGroups();

    /**
     * A value that differs whenever {@link #visible(EntryKind)} or {@link #synonymGroups()} may answer differently (an
     * entry or synonym group written here or on another instance, a new day opening or closing validity windows), so
     * that what is derived from the whole knowledge base is rebuilt only when it changed. Cheap to ask; a knowledge
     * base that cannot tell answers a new value every time.
     */
    default String revision() {
        return UUID.randomUUID().toString();
    }
}
