package cn.zhice.matching.size;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhice.matching.IndustryCode;
import cn.zhice.matching.SizeClass;
import cn.zhice.matching.size.SizeClassifier.Indicators;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SizeClassifierTest {

    private static final SizeClassifier classifier = new SizeClassifier(SizeStandard.load(SizeStandard.CURRENT));

    /**
     * The standard transcribed independently of the data file, clause 四（一） to 四（十六）: upper bounds of 中小微型
     * (employees, revenue, assets), lower bounds of 中型 and of 小型; null where the row does not use the indicator.
     */
    private record Expected(String code, String group, Integer[] upper, Integer[] medium, Integer[] small) {}

    private static Integer[] v(Integer employees, Integer revenue, Integer assets) {
        return new Integer[] {employees, revenue, assets};
    }

    private static final List<Expected> STANDARD = List.of(
            new Expected("A01", "农、林、牧、渔业", v(null, 20000, null), v(null, 500, null), v(null, 50, null)),
            new Expected("C13", "工业", v(1000, 40000, null), v(300, 2000, null), v(20, 300, null)),
            new Expected("E48", "建筑业", v(null, 80000, 80000), v(null, 6000, 5000), v(null, 300, 300)),
            new Expected("5111", "批发业", v(200, 40000, null), v(20, 5000, null), v(5, 1000, null)),
            new Expected("5211", "零售业", v(300, 20000, null), v(50, 500, null), v(10, 100, null)),
            new Expected("G54", "交通运输业", v(1000, 30000, null), v(300, 3000, null), v(20, 200, null)),
            new Expected("5920", "仓储业", v(200, 30000, null), v(100, 1000, null), v(20, 100, null)),
            new Expected("60", "邮政业", v(1000, 30000, null), v(300, 2000, null), v(20, 100, null)),
            new Expected("61", "住宿业", v(300, 10000, null), v(100, 2000, null), v(10, 100, null)),
            new Expected("62", "餐饮业", v(300, 10000, null), v(100, 2000, null), v(10, 100, null)),
            new Expected("I63", "信息传输业", v(2000, 100000, null), v(100, 1000, null), v(10, 100, null)),
            new Expected("65", "软件和信息技术服务业", v(300, 10000, null), v(100, 1000, null), v(10, 50, null)),
            new Expected("7010", "房地产开发经营", v(null, 200000, 10000), v(null, 1000, 5000), v(null, 100, 2000)),
            new Expected("7020", "物业管理", v(1000, 5000, null), v(300, 1000, null), v(100, 500, null)),
            new Expected("L72", "租赁和商务服务业", v(300, null, 120000), v(100, null, 8000), v(10, null, 100)),
            new Expected("M73", "其他未列明行业", v(300, null, null), v(100, null, null), v(10, null, null)));

    private static final BigDecimal[] DELTA = {BigDecimal.ONE, new BigDecimal("0.01"), new BigDecimal("0.01")};
    private static final String[] NAMES = {"employees", "revenueWan", "assetsWan"};

    static Stream<Arguments> everyThresholdOfEveryRow() {
        List<Arguments> cases = new ArrayList<>();
        for (Expected row : STANDARD) {
            for (int i = 0; i < 3; i++) {
                if (row.upper()[i] != null) {
                    add(cases, row, "大型上限", row.upper(), i, SizeClass.MEDIUM, SizeClass.LARGE);
                    add(cases, row, "中型下限", row.medium(), i, SizeClass.SMALL, SizeClass.MEDIUM);
                    add(cases, row, "小型下限", row.small(), i, SizeClass.MICRO, SizeClass.SMALL);
                }
            }
        }
        return cases.stream();
    }

    private static void add(List<Arguments> cases, Expected row, String which, Integer[] level, int i,
            SizeClass below, SizeClass atOrAbove) {
        BigDecimal at = BigDecimal.valueOf(level[i]);
        for (int step = -1; step <= 1; step++) {
            BigDecimal[] values = new BigDecimal[3];
            for (int j = 0; j < 3; j++) {
                values[j] = level[j] == null ? null : BigDecimal.valueOf(level[j]);
            }
            values[i] = at.add(DELTA[i].multiply(BigDecimal.valueOf(step)));
            String name = row.group() + " " + which + " " + NAMES[i] + (step < 0 ? " 低于" : step == 0 ? " 等于" : " 高于");
            cases.add(Arguments.of(name, row.code(), row.group(), values, step < 0 ? below : atOrAbove));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyThresholdOfEveryRow")
    void classifiesAtJustBelowAndJustAboveEveryThreshold(String name, String code, String group, BigDecimal[] values,
            SizeClass expected) {
        Indicators indicators = new Indicators(values[0] == null ? null : values[0].intValueExact(), values[1], values[2]);

        SizeClassification result = classifier.classify(IndustryCode.parse(code), indicators);

        assertThat(result.industryGroup()).isEqualTo(group);
        assertThat(result.size()).as(result.explanation()).isEqualTo(expected);
    }

    @Test
    void coversSixteenRowsWithOneHundredAndFortyFourBoundaryCases() {
        assertThat(classifier.standard().rows()).hasSize(16);
        assertThat(classifier.standard().rows()).extracting(SizeStandard.Row::group)
                .containsExactlyElementsOf(STANDARD.stream().map(Expected::group).toList());
        assertThat(everyThresholdOfEveryRow().count()).isEqualTo(3 * 3 * STANDARD.stream()
                .mapToLong(e -> Stream.of(e.upper()).filter(x -> x != null).count()).sum());
    }

    @Test
    void industryNeedsBothIndicatorsForMediumButEitherShortfallMakesMicro() {
        Indicators manyPeopleLittleRevenue = new Indicators(500, new BigDecimal("299.99"), null);

        assertThat(classifier.classify(IndustryCode.parse("C13"), manyPeopleLittleRevenue).size()).isEqualTo(SizeClass.MICRO);
    }

    @Test
    void industryIsLargeOnlyWhenBothUpperBoundsAreReached() {
        assertThat(classifier.classify(IndustryCode.parse("C13"), new Indicators(5000, new BigDecimal("39999"), null)).size())
                .isEqualTo(SizeClass.MEDIUM);
        assertThat(classifier.classify(IndustryCode.parse("C13"), new Indicators(1000, new BigDecimal("40000"), null)).size())
                .isEqualTo(SizeClass.LARGE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"C13", "13", "c1311", "C", "B06", "D44"})
    void readsSectionDivisionAndClassCodesOfIndustry(String code) {
        assertThat(classifier.classify(IndustryCode.parse(code), new Indicators(120, new BigDecimal("3000.5"), null))
                .industryGroup()).isEqualTo("工业");
    }

    @Test
    void mapsLoadingAndUnloadingToTransportAndStorageToWarehousing() {
        Indicators indicators = new Indicators(50, new BigDecimal(500), null);
        assertThat(classifier.classify(IndustryCode.parse("5910"), indicators).industryGroup()).isEqualTo("交通运输业");
        assertThat(classifier.classify(IndustryCode.parse("5941"), indicators).industryGroup()).isEqualTo("仓储业");
        assertThat(classifier.classify(IndustryCode.parse("7030"), indicators).industryGroup()).isEqualTo("其他未列明行业");
        assertThat(classifier.classify(IndustryCode.parse("P83"), indicators).industryGroup()).isEqualTo("其他未列明行业");
    }

    @Test
    void reportsFinanceAsNotCoveredByTheStandard() {
        SizeClassification result = classifier.classify(IndustryCode.parse("J66"), new Indicators(10, BigDecimal.TEN, null));

        assertThat(result.covered()).isFalse();
        assertThat(result.size()).isNull();
        assertThat(result.explanation()).contains("金融业不适用本规定");
    }

    @Test
    void reportsRailwayAsNotCoveredByTheStandard() {
        assertThat(classifier.classify(IndustryCode.parse("53"), new Indicators(10, BigDecimal.TEN, null)).covered()).isFalse();
    }

    @Test
    void rejectsSectionThatSpansRowsWithDifferentThresholds() {
        assertThatThrownBy(() -> classifier.classify(IndustryCode.parse("F"), new Indicators(10, BigDecimal.TEN, null)))
                .isInstanceOf(IndustryCodeTooCoarse.class);
        assertThatThrownBy(() -> classifier.classify(IndustryCode.parse("70"), new Indicators(10, BigDecimal.TEN, BigDecimal.TEN)))
                .isInstanceOf(IndustryCodeTooCoarse.class);
    }

    @Test
    void namesTheMissingIndicatorTheRowNeeds() {
        assertThatThrownBy(() -> classifier.classify(IndustryCode.parse("E"), new Indicators(100, BigDecimal.TEN, null)))
                .isInstanceOfSatisfying(MissingIndicator.class, e -> {
                    assertThat(e.getBody().getDetail()).contains("资产总额（assetsWan）");
                    assertThat(e.getBody().getProperties()).containsEntry("missing", List.of("assetsWan"));
                });
    }

    @Test
    void doesNotNeedIndicatorsTheRowIgnores() {
        assertThat(classifier.classify(IndustryCode.parse("A"), new Indicators(null, new BigDecimal(600), null)).size())
                .isEqualTo(SizeClass.MEDIUM);
    }

    @Test
    void explainsEachClauseInChinese() {
        SizeClassification result = classifier.classify(IndustryCode.parse("C13"),
                new Indicators(120, new BigDecimal("3000.5"), new BigDecimal(800)));

        assertThat(result.size()).isEqualTo(SizeClass.SMALL);
        assertThat(result.standard()).isEqualTo("工信部联企业〔2011〕300号");
        assertThat(result.explanation())
                .contains("第四（二）项", "工业", "从业人员120人", "营业收入3000.5万元",
                        "中型企业须从业人员300人及以上且营业收入2000万元及以上：不满足（从业人员120人低于300人）",
                        "小型企业须从业人员20人及以上且营业收入300万元及以上：满足", "结论：小型企业");
    }

    @Test
    void readsEffectiveDateOfTheStandard() {
        assertThat(classifier.standard().effectiveFrom()).hasToString("2011-06-18");
        assertThat(classifier.standard().effectiveTo()).isNull();
    }
}
