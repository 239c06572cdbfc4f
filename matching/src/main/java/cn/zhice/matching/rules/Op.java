package cn.zhice.matching.rules;

/** A rule-tree leaf operator (docs/kb-format.md). */
public enum Op {
    EQ("eq", "为"),
    IN("in", "属于"),
    GTE("gte", "≥"),
    LTE("lte", "≤"),
    GT("gt", ">"),
    LT("lt", "<"),
    CONTAINS("contains", "包含"),
    CONTAINS_ANY("containsAny", "包含以下任一"),
    EXISTS("exists", "已填写");

    private final String key;
    private final String label;

    Op(String key, String label) {
        this.key = key;
        this.label = label;
    }

    /** The name in the rule tree, e.g. {@code containsAny}. */
    public String key() {
        return key;
    }

    String label() {
        return label;
    }

    /** Whether the operator takes a list of values. */
    boolean takesList() {
        return this == IN || this == CONTAINS_ANY;
    }

    /** Whether the operator compares order (numbers only). */
    boolean ordered() {
        return this == GTE || this == LTE || this == GT || this == LT;
    }

    static Op ofKey(String key) {
        for (Op op : values()) {
            if (op.key.equals(key)) {
                return op;
            }
        }
        return null;
    }
}
