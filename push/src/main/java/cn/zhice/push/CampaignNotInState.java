package cn.zhice.push;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The campaign is not in the state the action needs (approving a running one …). Answered as 409. */
public class CampaignNotInState extends ErrorResponseException {

    public CampaignNotInState(long id, CampaignStatus actual, String action) {
        super(HttpStatus.CONFLICT, problem(id, actual, action), null);
    }

    private static ProblemDetail problem(long id, CampaignStatus actual, String action) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "推送任务 " + id + " 当前状态为 " + actual + "，不能" + action);
        problem.setTitle("Campaign not in state");
        problem.setProperty("id", id);
        problem.setProperty("status", actual.name());
        return problem;
    }
}
