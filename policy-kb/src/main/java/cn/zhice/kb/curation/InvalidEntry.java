package cn.zhice.kb.curation;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** An entry with invalid content; answered as 400 listing every problem in {@code errors}. */
public class InvalidEntry extends ErrorResponseException {

    InvalidEntry(String externalId, List<FieldProblem> problems) {
        super(HttpStatus.BAD_REQUEST, problem(externalId, problems), null);
    }

    private static ProblemDetail problem(String externalId, List<FieldProblem> problems) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "条目内容有误，请修改标出的字段");
        problem.setTitle("Invalid entry");
        problem.setProperty("externalId", externalId);
        problem.setProperty("errors", problems);
        return problem;
    }
}
