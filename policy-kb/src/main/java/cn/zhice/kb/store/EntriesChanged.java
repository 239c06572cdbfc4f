package cn.zhice.kb.store;

import java.util.Set;

/** Entries were written in the current transaction; after commit the index (here and on other instances) follows. */
public record EntriesChanged(Set<String> externalIds) {}
