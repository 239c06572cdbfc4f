package cn.zhice.matching;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** An enterprise import had bad lines; nothing was imported. Answered as 400 listing each line and what is wrong. */
public class ImportRejected extends ErrorResponseException {

    /** One bad line: its 1-based number, the field (or null for the whole line) and the reason in Chinese. */
    public record LineError(int line, String field, String reason) {}

    private final List<LineError> errors;

    public ImportRejected(List<LineError> errors) {
        super(HttpStatus.BAD_REQUEST, problem(errors), null);
        this.errors = List.copyOf(errors);
    }

    /** The bad lines, in line order. */
    public List<LineError> errors() {
        return errors;
    }

    private static ProblemDetail problem(List<LineError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "导入未执行：" + errors.size() + "处错误，请修正后整体重新导入");
        problem.setTitle("Import rejected");
        problem.setProperty("errors", errors);
        return problem;
    }
}
