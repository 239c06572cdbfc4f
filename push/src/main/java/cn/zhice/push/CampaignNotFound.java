package cn.zhice.push;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** No campaign (or delivery) has the requested id. Answered as 404. */
public class CampaignNotFound extends ErrorResponseException {

    public CampaignNotFound(long id) {
        super(HttpStatus.NOT_FOUND, problem(id), null);
    }

    private static ProblemDetail problem(long id) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "没有编号为 " + id + " 的推送任务");
        problem.setTitle("Campaign not found");
        problem.setProperty("id", id);
        return problem;
    }
}
