package cn.zhice.kb.importing;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** An import with at least one bad line: nothing was written; 400 lists every bad line in {@code errors}. */
public class ImportRejected extends ErrorResponseException {

    ImportRejected(List<ImportError> errors) {
        super(HttpStatus.BAD_REQUEST, problem(errors), null);
    }

    private static ProblemDetail problem(List<ImportError> errors) {
        long lines = errors.stream().mapToInt(ImportError::line).distinct().count();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "导入未执行：" + lines + " 行有错误，修正后请重新导入整个文件（未写入任何条目）");
        problem.setTitle("Import rejected");
        problem.setProperty("imported", 0);
        problem.setProperty("updated", 0);
        problem.setProperty("errors", errors);
        return problem;
    }
}
