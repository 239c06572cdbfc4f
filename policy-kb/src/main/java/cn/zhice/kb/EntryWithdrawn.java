package cn.zhice.kb;

/** Raised after a published entry was archived and is no longer visible. */
public record EntryWithdrawn(String externalId, EntryKind kind) {}
