package cn.zhice.matching;

/**
 * 市场主体/机构类型 as encoded in the first two characters of a USCC (GB 32100-2015 表1 登记管理部门代码 and
 * 机构类别代码). The label is the term rule trees use ({@code registrationType}).
 */
public enum RegistrationType {
    ENTERPRISE("企业法人"),
    INDIVIDUAL_BUSINESS("个体工商户"),
    FARMERS_COOPERATIVE("农民专业合作社"),
    GOVERNMENT_AGENCY("机关"),
    PUBLIC_INSTITUTION("事业单位法人"),
    SOCIAL_ORGANISATION("社会组织法人"),
    OTHER("其他组织");

    private final String label;

    RegistrationType(String label) {
        this.label = label;
    }

    /** The Chinese term, as used in rule trees and explanations. */
    public String label() {
        return label;
    }

    /** The type for a registration authority code and an organisation type code. */
    static RegistrationType of(char authority, char type) {
        return switch (authority) {
            // 9 = 市场监督管理部门 (原工商): 1 企业, 2 个体工商户, 3 农民专业合作社
            case '9' -> switch (type) {
                case '1' -> ENTERPRISE;
                case '2' -> INDIVIDUAL_BUSINESS;
                case '3' -> FARMERS_COOPERATIVE;
                default -> OTHER;
            };
            // 1 = 机构编制: 1 机关, 2 事业单位
            case '1' -> switch (type) {
                case '1' -> GOVERNMENT_AGENCY;
                case '2' -> PUBLIC_INSTITUTION;
                default -> OTHER;
            };
            // 5 = 民政: 1 社会团体, 2 民办非企业单位, 3 基金会
            case '5' -> type == '1' || type == '2' || type == '3' ? SOCIAL_ORGANISATION : OTHER;
            default -> OTHER;
        };
    }

    /** The type whose label is {@code label}, or null. */
    public static RegistrationType ofLabel(String label) {
        for (RegistrationType t : values()) {
            if (t.label.equals(label)) {
                return t;
            }
        }
        return null;
    }
}
