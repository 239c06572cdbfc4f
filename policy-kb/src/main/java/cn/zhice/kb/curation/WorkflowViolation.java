package cn.zhice.kb.curation;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The requested step does not fit the entry's status or the actor (e.g. publishing one's own submission). */
public class WorkflowViolation extends ErrorResponseException {

    WorkflowViolation(HttpStatus status, String externalId, String detail) {
        super(status, problem(status, externalId, detail), null);
    }

    private static ProblemDetail problem(HttpStatus status, String externalId, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle("Workflow violation");
        problem.setProperty("externalId", externalId);
        return problem;
    }
}
