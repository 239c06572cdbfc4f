package cn.zhice.kb.search;

/** Names of the fields an entry is indexed under. Words fields use smartcn, {@code *_bg} fields CJK bigrams. */
final class EntryFields {

    static final String ID = "id";
    static final String KIND = "kind";
    static final String CATEGORY = "category";
    static final String AUDIENCE = "audience";
    static final String VALID_FROM = "validFrom";
    static final String VALID_TO = "validTo";
    static final String TITLE = "title";
    static final String TITLE_BIGRAMS = "title_bg";
    static final String QUESTIONS = "questions";
    static final String QUESTIONS_BIGRAMS = "questions_bg";
    static final String KEYWORDS = "keywords";
    static final String KEYWORDS_BIGRAMS = "keywords_bg";
    static final String CONTENT = "content";
    static final String CONTENT_BIGRAMS = "content_bg";

    private EntryFields() {}
}
