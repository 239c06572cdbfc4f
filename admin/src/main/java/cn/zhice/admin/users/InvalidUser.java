package cn.zhice.admin.users;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A new staff account that breaks a rule (password too short, username taken); answered as ProblemDetail. */
class InvalidUser extends ErrorResponseException {

    InvalidUser(HttpStatus status, String detail) {
        super(status, problem(status, detail), null);
    }

    private static ProblemDetail problem(HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle("Invalid user");
        return problem;
    }
}
