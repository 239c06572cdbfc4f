package cn.zhice.kb;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The policy categories staff file entries under; {@link #OTHER} (其他) is for guides and FAQs that fit none. */
public enum Category {
    TALENT("人才"),
    FINANCE("财政"),
    TAX("税务"),
    FINANCING("融资"),
    LAND("土地"),
    INNOVATION("创新"),
    TECHNOLOGY("科技"),
    OTHER("其他");

    private final String label;

    Category(String label) {
        this.label = label;
    }

    /** The Chinese label used in the import format and the UI. */
    public String label() {
        return label;
    }

    public static Optional<Category> fromLabel(String label) {
        return Arrays.stream(values()).filter(c -> c.label.equals(label)).findFirst();
    }

    public static List<String> labels() {
        return Arrays.stream(values()).map(Category::label).toList();
    }
}
