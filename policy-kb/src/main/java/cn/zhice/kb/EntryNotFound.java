package cn.zhice.kb;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** No entry has the requested external id. Answered as 404 ProblemDetail. */
public class EntryNotFound extends ErrorResponseException {

    public EntryNotFound(String externalId) {
        super(HttpStatus.NOT_FOUND, problem(externalId), null);
    }

    private static ProblemDetail problem(String externalId) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "知识库中没有编号为 " + externalId + " 的条目");
        problem.setTitle("Entry not found");
        problem.setProperty("externalId", externalId);
        return problem;
    }
}
