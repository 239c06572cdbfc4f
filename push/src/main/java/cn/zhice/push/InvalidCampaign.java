package cn.zhice.push;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A campaign request that cannot be run as given (no channels, a schedule in the past …). Answered as 400. */
public class InvalidCampaign extends ErrorResponseException {

    public InvalidCampaign(String field, String detail) {
        super(HttpStatus.BAD_REQUEST, problem(field, detail), null);
    }

    private static ProblemDetail problem(String field, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Invalid campaign");
        problem.setProperty("field", field);
        return problem;
    }
}
