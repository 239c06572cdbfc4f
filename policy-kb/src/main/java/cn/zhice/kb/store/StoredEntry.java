package cn.zhice.kb.store;

import cn.zhice.kb.Entry;
import cn.zhice.kb.EntryStatus;
import java.time.OffsetDateTime;

/**
 * An entry as stored: the latest version's content and status, and which version (if any) is live.
 *
 * @param author who made the latest version
 */
public record StoredEntry(
        long id,
        Entry content,
        EntryStatus status,
        int latestVersion,
        Integer publishedVersion,
        String author,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    public String externalId() {
        return content.externalId();
    }
}
