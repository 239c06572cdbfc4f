package cn.zhice.matching.size;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An enterprise size standard as data: the 16 industry rows of 《中小企业划型标准规定》 (工信部联企业〔2011〕300号)
 * with their indicators, thresholds and and/or semantics, and the mapping of GB/T 4754-2017 codes to rows. Loaded
 * from a versioned file so that a revision of the standard is a data change, not a code change.
 *
 * @param id            the standard's document number, e.g. 工信部联企业〔2011〕300号
 * @param effectiveFrom the day the standard took effect
 * @param effectiveTo   the last day it applies, or null while in force
 * @param rows          the industry rows, in the order of the standard
 */
public record SizeStandard(String id, LocalDate effectiveFrom, LocalDate effectiveTo, List<Row> rows,
        Map<String, Mapping> mapping) {

    /** The standard in force, shipped with the application. */
    public static final String CURRENT = "/size-standard/gxb-2011-300.json";

    /** A measure the standard classifies by: 从业人员 (人), 营业收入 (万元) or 资产总额 (万元). */
    public enum Indicator {
        EMPLOYEES("employees", "从业人员", "人"),
        REVENUE("revenueWan", "营业收入", "万元"),
        ASSETS("assetsWan", "资产总额", "万元");

        private final String field;
        private final String label;
        private final String unit;

        Indicator(String field, String label, String unit) {
            this.field = field;
            this.label = label;
            this.unit = unit;
        }

        /** The request and profile field name, e.g. {@code revenueWan}. */
        public String field() {
            return field;
        }

        /** 从业人员, 营业收入 or 资产总额. */
        public String label() {
            return label;
        }

        /** 人 or 万元. */
        public String unit() {
            return unit;
        }

        static Indicator ofField(String field) {
            for (Indicator i : values()) {
                if (i.field.equals(field)) {
                    return i;
                }
            }
            throw new IllegalStateException("size standard names an unknown indicator: " + field);
        }
    }

    /** One threshold: the indicator is at least ({@code 及以上}) or below ({@code 以下}) the value. */
    public record Threshold(Indicator indicator, BigDecimal value, boolean atLeast) {}

    /**
     * One industry row.
     *
     * @param clause the clause of the standard, e.g. 四（二）
     * @param group  the industry group, e.g. 工业
     * @param sme    thresholds of which any one makes an enterprise 中小微型 (else 大型)
     * @param medium thresholds that must all hold for 中型
     * @param small  thresholds that must all hold for 小型 (failing any one is 微型)
     */
    public record Row(String clause, String group, List<Threshold> sme, List<Threshold> medium, List<Threshold> small) {

        /** The indicators this row classifies by, in the order the standard names them. */
        public List<Indicator> indicators() {
            List<Indicator> all = new ArrayList<>();
            for (Threshold t : sme) {
                if (!all.contains(t.indicator())) {
                    all.add(t.indicator());
                }
            }
            return all;
        }
    }

    /** Where a code leads: a row, or a reason why the standard does not cover it or the code is too coarse. */
    public record Mapping(Row row, String notCovered, String tooCoarse) {}

    /** Loads a standard from a classpath resource. */
    public static SizeStandard load(String resource) {
        try (InputStream in = SizeStandard.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no size standard at " + resource);
            }
            return parse(JsonMapper.builder().build().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SizeStandard parse(JsonNode root) {
        List<Row> rows = new ArrayList<>();
        Map<String, Mapping> mapping = new HashMap<>();
        for (JsonNode r : root.get("rows")) {
            Row row = new Row(r.get("clause").asString(), r.get("group").asString(),
                    thresholds(r.get("sme").get("any")), thresholds(r.get("medium").get("all")),
                    thresholds(r.get("small").get("all")));
            rows.add(row);
            put(mapping, r.get("codes"), new Mapping(row, null, null));
        }
        for (JsonNode n : root.get("notCovered")) {
            put(mapping, n.get("codes"), new Mapping(null, n.get("reason").asString(), null));
        }
        for (JsonNode n : root.get("tooCoarse")) {
            put(mapping, n.get("codes"), new Mapping(null, null, n.get("reason").asString()));
        }
        JsonNode to = root.get("effectiveTo");
        return new SizeStandard(root.get("standard").asString(), LocalDate.parse(root.get("effectiveFrom").asString()),
                to == null || to.isNull() ? null : LocalDate.parse(to.asString()), List.copyOf(rows), Map.copyOf(mapping));
    }

    private static void put(Map<String, Mapping> mapping, JsonNode codes, Mapping target) {
        for (JsonNode code : codes) {
            if (mapping.put(code.asString(), target) != null) {
                throw new IllegalStateException("size standard maps code " + code.asString() + " twice");
            }
        }
    }

    private static List<Threshold> thresholds(JsonNode list) {
        List<Threshold> thresholds = new ArrayList<>();
        for (JsonNode t : list) {
            Indicator indicator = Indicator.ofField(t.get("indicator").asString());
            boolean atLeast = t.has("atLeast");
            thresholds.add(new Threshold(indicator, t.get(atLeast ? "atLeast" : "below").decimalValue(), atLeast));
        }
        return List.copyOf(thresholds);
    }

    /** The row with the given group name, e.g. 工业. */
    public Row row(String group) {
        return rows.stream().filter(r -> r.group().equals(group)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no row " + group));
    }
}
