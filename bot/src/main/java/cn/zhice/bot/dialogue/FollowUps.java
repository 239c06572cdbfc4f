package cn.zhice.bot.dialogue;

import java.util.Comparator;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Tells a follow-up about the entry under discussion ("要带什么材料？", "这个在哪办", "我们公司能申请吗") from a new
 * question: a follow-up either points back (这个, 该, 它) or has nothing left once question and intent words are
 * removed, so it names no subject of its own.
 */
final class FollowUps {

    private static final Pattern POINTS_BACK = Pattern.compile("(这个|这项|该|它|此|那个|上面|刚才)");
    /** Longest first, so that 什么时候 is removed whole rather than as 什么 leaving 时候. */
    private static final Pattern QUESTION_WORDS = Pattern.compile(Stream.of(
                    "请问", "你好", "您好", "麻烦", "一下", "需要", "要", "带", "准备", "提交", "提供", "什么时候", "什么", "啥",
                    "哪些", "哪里", "哪儿", "在哪", "去哪", "哪个", "怎么", "怎样", "如何", "咋", "办理", "办", "申请", "申报",
                    "流程", "步骤", "手续", "材料", "资料", "证件", "电话", "号码", "联系", "地址", "地点", "窗口", "时间",
                    "时限", "多久", "几天", "截止", "期限", "条件", "要求", "资格", "符合", "能不能", "可不可以", "能否", "能",
                    "可以", "多少", "费用", "收费", "钱", "网上", "线上", "还", "再", "也", "都", "我们", "我", "咱们", "公司",
                    "单位", "企业", "是", "有", "吗", "呢", "啊", "吧", "的", "了", "得", "去", "查", "看", "找")
            .sorted(Comparator.comparingInt(String::length).reversed())
            .collect(Collectors.joining("|", "(", ")")));

    private FollowUps() {}

    static boolean refersBack(String text) {
        if (POINTS_BACK.matcher(text).find()) {
            return true;
        }
        return QUESTION_WORDS.matcher(text).replaceAll("").replaceAll("[\\p{P}\\s]", "").length() <= 1;
    }
}
