package cn.zhice.matching.size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** An industry code spans rows of the size standard with different thresholds, e.g. 门类 F (批发 and 零售). 400. */
public class IndustryCodeTooCoarse extends ErrorResponseException {

    public IndustryCodeTooCoarse(String code, String reason) {
        super(HttpStatus.BAD_REQUEST, problem(code, reason), null);
    }

    private static ProblemDetail problem(String code, String reason) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, reason);
        problem.setTitle("Industry code too coarse");
        problem.setProperty("industryCode", code);
        return problem;
    }
}
