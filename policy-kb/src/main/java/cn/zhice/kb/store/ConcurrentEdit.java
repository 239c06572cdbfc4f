package cn.zhice.kb.store;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Somebody else saved a new version of the entry first; the caller should reload and retry. Answered as 409. */
public class ConcurrentEdit extends ErrorResponseException {

    public ConcurrentEdit(String externalId) {
        super(HttpStatus.CONFLICT, problem(externalId), null);
    }

    private static ProblemDetail problem(String externalId) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.CONFLICT, "条目 " + externalId + " 已被他人修改，请刷新后重试");
        problem.setTitle("Concurrent edit");
        problem.setProperty("externalId", externalId);
        return problem;
    }
}
