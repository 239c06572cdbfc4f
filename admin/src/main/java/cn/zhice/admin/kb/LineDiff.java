package cn.zhice.admin.kb;

import java.util.ArrayList;
import java.util.List;

/**
 * A line diff of two versions' JSON, by longest common subsequence: enough for entries of a few hundred lines and
 * easier to read than a character diff of Chinese text.
 */
final class LineDiff {

    private LineDiff() {}

    enum Kind { SAME, ADDED, REMOVED }

    record Line(Kind kind, String text) {}

    static List<Line> of(List<String> before, List<String> after) {
        int n = before.size();
        int m = after.size();
        int[][] common = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                common[i][j] = before.get(i).equals(after.get(j))
                        ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<Line> lines = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < n && j < m) {
            if (before.get(i).equals(after.get(j))) {
                lines.add(new Line(Kind.SAME, before.get(i)));
                i++;
                j++;
            } else if (common[i + 1][j] >= common[i][j + 1]) {
                lines.add(new Line(Kind.REMOVED, before.get(i++)));
            } else {
                lines.add(new Line(Kind.ADDED, after.get(j++)));
            }
        }
        while (i < n) {
            lines.add(new Line(Kind.REMOVED, before.get(i++)));
        }
        while (j < m) {
            lines.add(new Line(Kind.ADDED, after.get(j++)));
        }
        return lines;
    }
}
