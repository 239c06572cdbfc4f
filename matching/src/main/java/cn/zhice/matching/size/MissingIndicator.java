package cn.zhice.matching.size;

import cn.zhice.matching.size.SizeStandard.Indicator;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The industry's row of the size standard needs an indicator that was not given. Answered as 400 naming it. */
public class MissingIndicator extends ErrorResponseException {

    public MissingIndicator(String group, List<Indicator> missing) {
        super(HttpStatus.BAD_REQUEST, problem(group, missing), null);
    }

    private static ProblemDetail problem(String group, List<Indicator> missing) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, group + "划型需要"
                + missing.stream().map(i -> i.label() + "（" + i.field() + "）").collect(Collectors.joining("、")));
        problem.setTitle("Missing indicator");
        problem.setProperty("missing", missing.stream().map(Indicator::field).toList());
        return problem;
    }
}
