package cn.zhice.kb.search;

import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;

/**
 * Id, kind and title of the hits, read from doc values. Doc values iterate forwards only, so the hits are read in
 * index order with one iterator per segment and field, instead of a new iterator (and its buffers) per hit.
 */
final class HitFields {

    private final String[] ids;
    private final String[] kinds;
    private final String[] titles;

    HitFields(IndexSearcher searcher, ScoreDoc[] hits) throws IOException {
        ids = new String[hits.length];
        kinds = new String[hits.length];
        titles = new String[hits.length];
        Integer[] inIndexOrder = new Integer[hits.length];
        Arrays.setAll(inIndexOrder, i -> i);
        Arrays.sort(inIndexOrder, Comparator.comparingInt(i -> hits[i].doc));
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = null;
        SortedDocValues id = null;
        SortedDocValues kind = null;
        BinaryDocValues title = null;
        for (int i : inIndexOrder) {
            int doc = hits[i].doc;
            if (leaf == null || doc >= leaf.docBase + leaf.reader().maxDoc()) {
                leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
                id = DocValues.getSorted(leaf.reader(), EntryFields.ID);
                kind = DocValues.getSorted(leaf.reader(), EntryFields.KIND);
                title = DocValues.getBinary(leaf.reader(), EntryFields.TITLE);
            }
            int inLeaf = doc - leaf.docBase;
            ids[i] = sorted(id, EntryFields.ID, inLeaf);
            kinds[i] = sorted(kind, EntryFields.KIND, inLeaf);
            titles[i] = binary(title, inLeaf);
        }
    }

    String id(int hit) {
        return ids[hit];
    }

    String kind(int hit) {
        return kinds[hit];
    }

    String title(int hit) {
        return titles[hit];
    }

    private static String sorted(SortedDocValues values, String field, int doc) throws IOException {
        if (!values.advanceExact(doc)) {
            throw new IllegalStateException("Indexed entry without " + field);
        }
        return values.lookupOrd(values.ordValue()).utf8ToString();
    }

    private static String binary(BinaryDocValues values, int doc) throws IOException {
        if (!values.advanceExact(doc)) {
            throw new IllegalStateException("Indexed entry without " + EntryFields.TITLE);
        }
        return values.binaryValue().utf8ToString();
    }
}
