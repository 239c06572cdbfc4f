package cn.zhice.kb.search;

import static cn.zhice.kb.search.EntryFields.*;

import cn.zhice.kb.Entry;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.util.BytesRef;

/** Turns an entry into the Lucene document search reads: text fields, filters and the validity window. */
final class EntryDocuments {

    /** Stored, with offsets in the postings so the unified highlighter can cut snippets without re-analysing. */
    private static final FieldType HIGHLIGHTED = highlighted();

    private EntryDocuments() {}

    static Document of(Entry entry) {
        Document doc = new Document();
        doc.add(new StringField(ID, entry.externalId(), Field.Store.YES));
        doc.add(new StringField(KIND, entry.kind().name(), Field.Store.YES));
        // What a hit shows comes from doc values: reading stored fields would decompress the whole stored content.
        doc.add(new SortedDocValuesField(ID, new BytesRef(entry.externalId())));
        doc.add(new SortedDocValuesField(KIND, new BytesRef(entry.kind().name())));
        doc.add(new BinaryDocValuesField(TITLE, new BytesRef(entry.title())));
        if (entry.category() != null) {
            doc.add(new StringField(CATEGORY, entry.category(), Field.Store.NO));
        }
        entry.audiences().forEach(audience -> doc.add(new StringField(AUDIENCE, audience, Field.Store.NO)));
        doc.add(new LongPoint(VALID_FROM, epochDay(entry.validFrom(), Long.MIN_VALUE)));
        doc.add(new LongPoint(VALID_TO, epochDay(entry.validTo(), Long.MAX_VALUE)));

        for (String name : names(entry)) {
            doc.add(new TextField(NAME, name, Field.Store.NO));
            doc.add(new TextField(NAME_BIGRAMS, name, Field.Store.NO));
        }
        doc.add(new Field(CONTENT, content(entry), HIGHLIGHTED));
        return doc;
    }

    /** What the entry is called: its title, the similar questions staff listed and its keywords. */
    static List<String> names(Entry entry) {
        List<String> names = new ArrayList<>(1 + entry.questions().size() + entry.keywords().size());
        names.add(entry.title());
        names.addAll(entry.questions());
        names.addAll(entry.keywords());
        return names;
    }

    /** Everything a snippet may quote, most telling first: summary, answer, body, conditions, materials, steps. */
    static String content(Entry entry) {
        List<String> parts = new ArrayList<>();
        parts.add(entry.summary());
        parts.add(entry.answer());
        parts.add(entry.body());
        if (entry.how() != null) {
            parts.add(entry.how().conditions());
            parts.add(String.join("；", entry.how().materials()));
            parts.add(String.join("；", entry.how().steps()));
        }
        if (entry.where() != null) {
            parts.add(entry.where().offices().stream()
                    .map(office -> Stream.of(office.name(), office.address())
                            .filter(Objects::nonNull).collect(Collectors.joining(" ")))
                    .collect(Collectors.joining("；")));
        }
        parts.add(entry.department());
        return parts.stream().filter(part -> part != null && !part.isBlank()).collect(Collectors.joining("\n"));
    }

    static long epochDay(LocalDate day, long whenOpen) {
        return day == null ? whenOpen : day.toEpochDay();
    }

    private static FieldType highlighted() {
        FieldType type = new FieldType(TextField.TYPE_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
    }

}
