package cn.zhice.kb;

import java.util.List;
import java.util.Optional;

/** Read access to the published knowledge base for the bot, matching and push modules. */
public interface KnowledgeBase {

    /** The published version of an entry, if it is published and valid today. */
    Optional<Entry> visible(String externalId);

    /** Every published entry of a kind that is valid today. */
    List<Entry> visible(EntryKind kind);

    /** The synonym groups staff maintain for search (高企, 高新技术企业), for dictionaries outside search. */
    List<List<String>> synonymGroups();
}
