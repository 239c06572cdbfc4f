package cn.zhice.kb.importing;

/** A problem with one line (JSON Lines) or row (Excel) of an import; {@code field} is null when the whole line is bad. */
public record ImportError(int line, String field, String message) {}
