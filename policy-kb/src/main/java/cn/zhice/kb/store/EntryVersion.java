package cn.zhice.kb.store;

import cn.zhice.kb.Entry;
import cn.zhice.kb.EntryStatus;
import java.time.OffsetDateTime;

/** One version in an entry's history: what it said, its status, who made it, when and why. */
public record EntryVersion(
        int version, EntryStatus status, String author, String comment, OffsetDateTime createdAt, Entry content) {}
