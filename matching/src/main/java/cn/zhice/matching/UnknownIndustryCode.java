package cn.zhice.matching;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A text is not a code of GB/T 4754-2017. Answered as 400. */
public class UnknownIndustryCode extends ErrorResponseException {

    private final String reason;

    public UnknownIndustryCode(String code, String reason) {
        super(HttpStatus.BAD_REQUEST, problem(code, reason), null);
        this.reason = "行业代码“" + code + "”无效：" + reason;
    }

    @Override
    public String getMessage() {
        return reason;
    }

    private static ProblemDetail problem(String code, String reason) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "行业代码“" + code + "”无效：" + reason);
        problem.setTitle("Unknown industry code");
        problem.setProperty("industryCode", code);
        return problem;
    }
}
