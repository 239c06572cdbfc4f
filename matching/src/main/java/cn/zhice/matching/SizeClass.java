package cn.zhice.matching;

/** 企业规模 per 《中小企业划型标准规定》: 大型, 中型, 小型, 微型. */
public enum SizeClass {
    LARGE("大型"),
    MEDIUM("中型"),
    SMALL("小型"),
    MICRO("微型");

    private final String label;

    SizeClass(String label) {
        this.label = label;
    }

    /** 大型/中型/小型/微型. */
    public String label() {
        return label;
    }
}
