package cn.zhice.kb.store;

import cn.zhice.kb.EntryKind;
import cn.zhice.kb.EntryStatus;

/** Which entries an admin listing shows; null fields do not filter. {@code text} matches id or title. */
public record EntryFilter(EntryKind kind, String category, EntryStatus status, String text) {}
