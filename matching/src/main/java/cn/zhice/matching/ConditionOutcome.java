package cn.zhice.matching;

/** The outcome of one eligibility condition for one enterprise (five-valued). */
public enum ConditionOutcome {
    /** The enterprise's data satisfies the condition. */
    MET("满足"),
    /** The enterprise's data contradicts the condition. */
    UNMET("不满足"),
    /** The profile lacks the data the condition needs. */
    UNKNOWN("缺少数据"),
    /** The condition names a qualification the profile does not record; staff must check it. */
    MANUAL("需人工审核"),
    /** The condition does not apply to this enterprise (e.g. size for 金融业, which the size standard excludes). */
    NOT_APPLICABLE("不适用");

    private final String label;

    ConditionOutcome(String label) {
        this.label = label;
    }

    /** The outcome in Chinese. */
    public String label() {
        return label;
    }
}
