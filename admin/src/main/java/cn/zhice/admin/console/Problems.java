package cn.zhice.admin.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.ui.Model;

/**
 * Turns the modules' ProblemDetail errors (invalid entry, workflow rule, bad import) into the message and field list
 * the console shows above a form, so pages never show a stack trace or an English status line.
 */
public final class Problems {

    private Problems() {}

    public static void flash(RedirectAttributes redirect, ErrorResponseException e) {
        redirect.addFlashAttribute("error", message(e));
        redirect.addFlashAttribute("errorDetails", details(e));
    }

    public static void show(Model model, ErrorResponseException e) {
        model.addAttribute("error", message(e));
        model.addAttribute("errorDetails", details(e));
    }

    public static String message(ErrorResponseException e) {
        ProblemDetail body = e.getBody();
        return body.getDetail() == null ? "操作未完成" : body.getDetail();
    }

    /** Field problems ({@code errors: [{field, message}]}) as 「field：message」 lines. */
    public static List<String> details(ErrorResponseException e) {
        Map<String, Object> properties = e.getBody().getProperties();
        List<String> lines = new ArrayList<>();
        if (properties != null && properties.get("errors") instanceof List<?> errors) {
            for (Object error : errors) {
                lines.add(describe(error));
            }
        }
        return lines;
    }

    private static String describe(Object error) {
        if (error instanceof Record record) {
            List<String> parts = new ArrayList<>();
            for (var component : record.getClass().getRecordComponents()) {
                try {
                    Object value = component.getAccessor().invoke(record);
                    if (value != null) {
                        parts.add(String.valueOf(value));
                    }
                } catch (ReflectiveOperationException ignored) {
                    // accessors of public records are always accessible; nothing to add if not
                }
            }
            return String.join("：", parts);
        }
        return String.valueOf(error);
    }
}
