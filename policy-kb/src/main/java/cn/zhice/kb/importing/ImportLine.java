package cn.zhice.kb.importing;

import cn.zhice.kb.Entry;
import cn.zhice.kb.EntryStatus;

/** A valid line of an import: the entry and the status it asks for (DRAFT or PUBLISHED). */
record ImportLine(int line, Entry entry, EntryStatus status) {}
