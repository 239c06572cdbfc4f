package cn.zhice.matching;

/** Whether an enterprise qualifies for a policy, as 政策计算器 and targeting report it. */
public enum Eligibility {
    /** Every condition is met. */
    ELIGIBLE("符合条件"),
    /** Every condition the data can decide is met; the rest need staff review. */
    LIKELY("可能符合，需人工审核"),
    /** Some condition cannot be decided until the enterprise supplies data. */
    NEEDS_DATA("需补充信息"),
    /** A condition is not met (a hard one, or enough of them that the tree fails). */
    NOT_ELIGIBLE("不符合条件");

    private final String label;

    Eligibility(String label) {
        this.label = label;
    }

    /** The outcome in Chinese. */
    public String label() {
        return label;
    }
}
