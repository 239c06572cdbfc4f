package cn.zhice.kb;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * An entry's field does not fit in an Excel cell (32,767 characters), so the knowledge base cannot be exported as a
 * workbook; the JSON Lines export has no such limit. Answered as 422 ProblemDetail.
 */
public class WorkbookCellTooLong extends ErrorResponseException {

    public WorkbookCellTooLong(String externalId, String field) {
        super(HttpStatus.UNPROCESSABLE_ENTITY, problem(externalId, field), null);
    }

    private static ProblemDetail problem(String externalId, String field) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY,
                "条目 " + externalId + " 的 " + field + " 超过 Excel 单元格上限（32767 字），请改用 JSONL 导出");
        problem.setTitle("Field too long for a workbook cell");
        problem.setProperty("externalId", externalId);
        problem.setProperty("field", field);
        return problem;
    }
}
