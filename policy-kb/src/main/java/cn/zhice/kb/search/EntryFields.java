package cn.zhice.kb.search;

/** Names of the fields an entry is indexed under. Word fields use smartcn, {@code *_bg} fields CJK bigrams. */
final class EntryFields {

    static final String ID = "id";
    static final String KIND = "kind";
    static final String CATEGORY = "category";
    static final String AUDIENCE = "audience";
    static final String VALID_FROM = "validFrom";
    static final String VALID_TO = "validTo";
    /** The title as a hit shows it (doc values only: it is searched as part of {@link #NAME}). */
    static final String TITLE = "title";
    /** What an entry is called, however it is asked: title, similar questions and keywords, in smartcn words. */
    static final String NAME = "name";
    /** {@link #NAME} in CJK bigrams, for spellings smartcn segments differently and for typos within a word. */
    static final String NAME_BIGRAMS = "name_bg";
    /** Everything a snippet may quote, in smartcn words, stored with offsets for highlighting. */
    static final String CONTENT = "content";

    private EntryFields() {}
}
