package cn.zhice.bot.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhice.kb.EntryKind;
import cn.zhice.kb.SearchHit;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceChoiceTest {

    private static final double MIN_SCORE = 24;

    @Test
    void lookupAnswersTheQueryServiceOnTheSameSubjectHoweverFarBelowItScores() {
        SearchHit issuing = hit("A", "药品经营许可证核发", 120f);
        SearchHit unrelated = hit("B", "医疗机构执业登记", 40f);
        SearchHit lookup = hit("C", "药品经营许可查询", 35f);

        assertThat(ServiceChoice.choose("怎么查一家药店有没有药品经营许可证", List.of(issuing, unrelated, lookup), MIN_SCORE))
                .contains(lookup);
    }

    @Test
    void lookupOnAnotherSubjectMustScoreAtLeastHalfTheBestHit() {
        SearchHit issuing = hit("A", "最低生活保障申请", 80f);
        SearchHit close = hit("B", "社会救助业务进度查询", 41f);
        SearchHit far = hit("C", "社会救助业务进度查询", 39f);

        assertThat(ServiceChoice.choose("怎么查低保审批进度", List.of(issuing, close), MIN_SCORE)).contains(close);
        assertThat(ServiceChoice.choose("怎么查低保审批进度", List.of(issuing, far), MIN_SCORE)).isEmpty();
    }

    @Test
    void lookupWhoseBestHitIsAlreadyAQueryServiceIsDecided() {
        SearchHit lookup = hit("A", "护照办理进度查询", 44f);
        SearchHit faq = hit("B", "怎么查询办件进度？", 43.5f);

        assertThat(ServiceChoice.choose("护照办了很久了怎么查进度", List.of(lookup, faq), MIN_SCORE)).contains(lookup);
    }

    @Test
    void appointmentSkipsAnAppointmentForAVariantNobodyAskedFor() {
        SearchHit registration = hit("A", "内地居民离婚登记", 80f);
        SearchHit reissue = hit("B", "补领离婚证预约", 58f);
        SearchHit booking = hit("C", "离婚登记预约", 47f);

        assertThat(ServiceChoice.choose("离婚登记怎么网上预约", List.of(registration, reissue, booking), MIN_SCORE))
                .contains(booking);
    }

    @Test
    void generalServiceWinsOverASpecialVariantTheQuestionDoesNotDescribe() {
        SearchHit special = hit("A", "残疾人法律援助项目", 50f);
        SearchHit general = hit("B", "法律援助", 45f);
        List<SearchHit> hits = List.of(special, general);

        assertThat(ServiceChoice.choose("打官司请不起律师怎么申请法律援助", hits, MIN_SCORE)).contains(general);
        assertThat(ServiceChoice.choose("我是残疾人，怎么申请法律援助项目", hits, MIN_SCORE)).isEmpty();
    }

    @Test
    void plainServiceWinsOverAnUnaskedChangeOfItWhenTheyScoreAlike() {
        SearchHit change = hit("A", "出省《动物检疫合格证明》变更", 100f);
        SearchHit issue = hit("B", "出省《动物检疫合格证明》核发", 99f);
        List<SearchHit> hits = List.of(change, issue);

        assertThat(ServiceChoice.choose("生猪运出省，动物检疫合格证明在哪办", hits, MIN_SCORE)).contains(issue);
        assertThat(ServiceChoice.choose("动物检疫合格证明上的地址写错了怎么更改", hits, MIN_SCORE)).isEmpty();
    }

    @Test
    void leavesTheBestHitWhenNoRuleApplies() {
        SearchHit first = hit("A", "个体工商户设立登记", 69f);
        SearchHit second = hit("B", "重点群体创业就业税收扣减", 68f);

        assertThat(ServiceChoice.choose("开个体户要什么材料", List.of(first, second), MIN_SCORE)).isEmpty();
    }

    private static SearchHit hit(String id, String title, float score) {
        return new SearchHit(id, EntryKind.SERVICE_GUIDE, title, score, "");
    }
}
