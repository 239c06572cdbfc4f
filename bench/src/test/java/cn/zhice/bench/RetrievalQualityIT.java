package cn.zhice.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Guards search quality: a change to analysis, weights or the shipped vocabulary that loses answers on the
 * development questions fails the build. The Guangdong dataset is used where {@code ../shared} has it.
 */
class RetrievalQualityIT {

    @Test
    void meetsRecallTargetsWithTheGuangdongServiceItems() throws IOException {
        Optional<Path> dataset = Corpus.locateDataset(Optional.empty(), Path.of(""));
        assumeTrue(dataset.isPresent(), "../shared/datasets/gd-service-items.jsonl is not here");

        RetrievalEval.EvalReport report = RetrievalEval.run(Corpus.load(dataset), dataset);

        assertThat(report.overall().questions()).isGreaterThanOrEqualTo(150);
        assertThat(report.overall().recallAt1()).as("recall@1").isGreaterThanOrEqualTo(0.90);
        assertThat(report.overall().recallAt3()).as("recall@3").isGreaterThanOrEqualTo(0.97);
    }

    @Test
    void demoQuestionsFindTheirAnswersInTheDemoKnowledgeBase() throws IOException {
        RetrievalEval.EvalReport report = RetrievalEval.run(Corpus.load(Optional.empty()), Optional.empty());

        assertThat(report.overall().questions()).isGreaterThanOrEqualTo(150);
        assertThat(report.overall().recallAt1()).as("recall@1").isGreaterThanOrEqualTo(0.95);
        assertThat(report.overall().recallAt3()).as("recall@3").isGreaterThanOrEqualTo(0.98);
    }
}
