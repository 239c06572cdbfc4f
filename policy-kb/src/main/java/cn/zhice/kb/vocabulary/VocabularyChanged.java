package cn.zhice.kb.vocabulary;

/** Staff changed synonyms or domain terms; search must reload its analyzers. */
public record VocabularyChanged() {}
