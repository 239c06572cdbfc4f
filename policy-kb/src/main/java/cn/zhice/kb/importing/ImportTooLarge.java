package cn.zhice.kb.importing;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.util.unit.DataSize;
import org.springframework.web.ErrorResponseException;

/** The upload exceeds {@code zhice.kb.import-max-size}; answered as 413. */
class ImportTooLarge extends ErrorResponseException {

    ImportTooLarge(DataSize limit) {
        super(HttpStatus.PAYLOAD_TOO_LARGE, problem(limit), null);
    }

    private static ProblemDetail problem(DataSize limit) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
                "导入文件超过 " + limit.toMegabytes() + " MB，请拆分后分批导入");
        problem.setTitle("Import too large");
        return problem;
    }
}
