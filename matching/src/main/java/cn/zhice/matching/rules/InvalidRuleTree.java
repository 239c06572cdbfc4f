package cn.zhice.matching.rules;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** An eligibility rule tree breaks the format of docs/kb-format.md; names the path of the bad node. 400. */
public class InvalidRuleTree extends ErrorResponseException {

    private final String path;
    private final String reason;

    public InvalidRuleTree(String path, String reason) {
        super(HttpStatus.BAD_REQUEST, problem(path, reason), null);
        this.path = path;
        this.reason = reason;
    }

    /** Where the bad node is, e.g. {@code $.all[2].any[0].op}. */
    public String path() {
        return path;
    }

    @Override
    public String getMessage() {
        return path + ": " + reason;
    }

    private static ProblemDetail problem(String path, String reason) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "适用条件 " + path + "：" + reason);
        problem.setTitle("Invalid rule tree");
        problem.setProperty("path", path);
        return problem;
    }
}
