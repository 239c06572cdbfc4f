package cn.zhice.kb.curation;

/** One thing wrong with one field of an entry, in words staff understand. */
public record FieldProblem(String field, String message) {}
