package cn.zhice.kb;

/** Raised after a version of an entry was published, so that push can propose a campaign for new policies. */
public record EntryPublished(String externalId, EntryKind kind, int version, boolean firstPublication) {}
