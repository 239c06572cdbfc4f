package cn.zhice.matching;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A text is not a valid 统一社会信用代码; the detail says which rule of GB 32100-2015 it breaks. Answered as 400. */
public class InvalidUscc extends ErrorResponseException {

    private final String reason;

    public InvalidUscc(String value, String reason) {
        super(HttpStatus.BAD_REQUEST, problem(value, reason), null);
        this.reason = reason;
    }

    /** Which rule the code breaks, in Chinese. */
    public String reason() {
        return reason;
    }

    @Override
    public String getMessage() {
        return reason;
    }

    private static ProblemDetail problem(String value, String reason) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, reason);
        problem.setTitle("Invalid USCC");
        problem.setProperty("uscc", value);
        return problem;
    }
}
