package cn.zhice.admin.unanswered;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhice.bot.ConversationLog.Flag;
import cn.zhice.bot.ConversationLog.FlaggedTurn;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class QuestionClustersTest {

    private final AtomicLong ids = new AtomicLong();

    @Test
    void groupsDifferentWordingsOfTheSameQuestionAndCountsThem() {
        List<QuestionClusters.Cluster> clusters = QuestionClusters.of(List.of(
                turn("宠物狗办证去哪里"), turn("宠物狗办证在哪里办？"), turn("公积金怎么提取"), turn("宠物狗怎么办证"),
                turn("公积金提取流程")));

        assertThat(clusters).hasSize(2);
        assertThat(clusters.get(0).wording()).isEqualTo("宠物狗办证去哪里");
        assertThat(clusters.get(0).count()).isEqualTo(3);
        assertThat(clusters.get(1).count()).isEqualTo(2);
        assertThat(clusters.get(1).turns()).extracting(FlaggedTurn::text).containsExactly("公积金怎么提取", "公积金提取流程");
    }

    @Test
    void keepsUnrelatedQuestionsApart() {
        assertThat(QuestionClusters.of(List.of(turn("营业执照怎么办"), turn("退休金什么时候发"), turn("犬只年检"))))
                .hasSize(3);
    }

    @Test
    void measuresSimilarityAsJaccardOfCharacterBigramsIgnoringPunctuation() {
        assertThat(QuestionClusters.bigrams("社保，卡")).containsExactlyInAnyOrder("社保", "保卡");
        assertThat(QuestionClusters.jaccard(QuestionClusters.bigrams("社保卡"), QuestionClusters.bigrams("社保卡！")))
                .isEqualTo(1.0);
        assertThat(QuestionClusters.jaccard(QuestionClusters.bigrams("社保卡"), QuestionClusters.bigrams("医保卡")))
                .isEqualTo(1.0 / 3);
    }

    private FlaggedTurn turn(String text) {
        return new FlaggedTurn(ids.incrementAndGet(), "WECHAT", text, text, "policy_lookup", Flag.UNANSWERED,
                OffsetDateTime.now());
    }
}
