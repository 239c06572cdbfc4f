package cn.zhice.matching;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** No enterprise profile has the requested USCC. Answered as 404. */
public class EnterpriseNotFound extends ErrorResponseException {

    public EnterpriseNotFound(Uscc uscc) {
        super(HttpStatus.NOT_FOUND, problem(uscc), null);
    }

    private static ProblemDetail problem(Uscc uscc) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "没有统一社会信用代码为 " + uscc + " 的企业");
        problem.setTitle("Enterprise not found");
        problem.setProperty("uscc", uscc.value());
        return problem;
    }
}
