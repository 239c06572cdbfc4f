package cn.zhice.bot.dialogue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a reply to "您是想问：1…2…3…": a number ("2", "第二个", "选3"), "最后一个", or (part of) a title. */
final class Choices {

    private static final Pattern NUMBER = Pattern.compile("^(?:第|选)?\\s*([0-9]{1,2}|[一二三四五六七八九十两])\\s*(?:个|条|项|项目|[.、。)）])?$");
    private static final Map<Character, Integer> CHINESE = Map.of(
            '一', 1, '二', 2, '两', 2, '三', 3, '四', 4, '五', 5, '六', 6, '七', 7, '八', 8, '九', 9);

    private Choices() {}

    /** The 0-based index of the chosen item among {@code titles}, if the text picks one. */
    static Optional<Integer> pick(String text, List<String> titles) {
        String answer = text.strip().replaceAll("[吧吗呢啊。！!？?，,\\s]+$", "");
        if (answer.equals("最后一个") || answer.equals("最后一条")) {
            return titles.isEmpty() ? Optional.empty() : Optional.of(titles.size() - 1);
        }
        Matcher number = NUMBER.matcher(answer);
        if (number.matches()) {
            String value = number.group(1);
            int chosen = Character.isDigit(value.charAt(0))
                    ? Integer.parseInt(value)
                    : value.equals("十") ? 10 : CHINESE.getOrDefault(value.charAt(0), 0);
            return chosen >= 1 && chosen <= titles.size() ? Optional.of(chosen - 1) : Optional.empty();
        }
        if (answer.length() >= 4) {
            for (int i = 0; i < titles.size(); i++) {
                if (titles.get(i).contains(answer) || answer.contains(titles.get(i))) {
                    return Optional.of(i);
                }
            }
        }
        return Optional.empty();
    }
}
