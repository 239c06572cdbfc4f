package cn.zhice.kb.search;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhice.kb.Entry;
import cn.zhice.kb.EntryKind;
import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

class HitFieldsTest {

    @Test
    void readsEachHitsFieldsAcrossSegmentsWhateverTheRankOrder() throws IOException {
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
            try (IndexWriter writer = new IndexWriter(directory,
                    new IndexWriterConfig().setMergePolicy(NoMergePolicy.INSTANCE))) {
                writer.addDocument(EntryDocuments.of(entry("SG-1", EntryKind.SERVICE_GUIDE, "营业执照办理")));
                writer.addDocument(EntryDocuments.of(entry("POL-2", EntryKind.POLICY, "高新技术企业认定奖励")));
                writer.commit();
                writer.addDocument(EntryDocuments.of(entry("FAQ-3", EntryKind.FAQ, "社保怎么缴")));
                writer.addDocument(EntryDocuments.of(entry("SG-4", EntryKind.SERVICE_GUIDE, "出生医学证明")));
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                assertThat(reader.leaves()).hasSize(2);
                // ranked against index order, jumping between the segments and back
                ScoreDoc[] ranked = {new ScoreDoc(3, 4f), new ScoreDoc(0, 3f), new ScoreDoc(2, 2f), new ScoreDoc(1, 1f)};

                HitFields fields = new HitFields(new IndexSearcher(reader), ranked);

                assertThat(List.of(fields.id(0), fields.id(1), fields.id(2), fields.id(3)))
                        .containsExactly("SG-4", "SG-1", "FAQ-3", "POL-2");
                assertThat(List.of(fields.kind(0), fields.kind(1), fields.kind(2), fields.kind(3)))
                        .containsExactly("SERVICE_GUIDE", "SERVICE_GUIDE", "FAQ", "POLICY");
                assertThat(List.of(fields.title(0), fields.title(1), fields.title(2), fields.title(3)))
                        .containsExactly("出生医学证明", "营业执照办理", "社保怎么缴", "高新技术企业认定奖励");
            }
        }
    }

    private static Entry entry(String id, EntryKind kind, String title) {
        return new Entry(id, kind, title, title + "。", null, "其他", "青禾区政务服务中心", "滨江市青禾区", null, null,
                null, null, null, null, null, List.of(), List.of(), List.of(), null, null, null);
    }
}
