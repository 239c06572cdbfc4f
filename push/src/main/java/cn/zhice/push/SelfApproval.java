package cn.zhice.push;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A reviewer tried to approve a campaign they created themselves (four-eyes rule). Answered as 403. */
public class SelfApproval extends ErrorResponseException {

    public SelfApproval(long id, String actor) {
        super(HttpStatus.FORBIDDEN, problem(id, actor), null);
    }

    private static ProblemDetail problem(long id, String actor) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                "推送任务 " + id + " 由 " + actor + " 创建，须由其他审核人批准");
        problem.setTitle("Self approval");
        problem.setProperty("id", id);
        return problem;
    }
}
