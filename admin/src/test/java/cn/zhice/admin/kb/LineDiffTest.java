package cn.zhice.admin.kb;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhice.admin.kb.LineDiff.Kind;
import cn.zhice.admin.kb.LineDiff.Line;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineDiffTest {

    @Test
    void marksChangedLinesAsRemovedThenAddedAndKeepsTheRest() {
        List<Line> diff = LineDiff.of(
                List.of("{", "\"title\" : \"旧标题\",", "\"category\" : \"其他\"", "}"),
                List.of("{", "\"title\" : \"新标题\",", "\"category\" : \"其他\"", "\"answer\" : \"答\"", "}"));

        assertThat(diff).containsExactly(
                new Line(Kind.SAME, "{"),
                new Line(Kind.REMOVED, "\"title\" : \"旧标题\","),
                new Line(Kind.ADDED, "\"title\" : \"新标题\","),
                new Line(Kind.SAME, "\"category\" : \"其他\""),
                new Line(Kind.ADDED, "\"answer\" : \"答\""),
                new Line(Kind.SAME, "}"));
    }

    @Test
    void reportsEverythingAsAddedAgainstNothing() {
        assertThat(LineDiff.of(List.of(), List.of("a", "b"))).extracting(Line::kind).containsExactly(Kind.ADDED, Kind.ADDED);
    }
}
