package cn.zhice.admin.console;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A console page that fails (an entry or enterprise that does not exist, a malformed USCC in the address) shows a
 * Chinese error page in the console's frame instead of the API's ProblemDetail JSON.
 */
@ControllerAdvice(basePackages = {"cn.zhice.admin.console", "cn.zhice.admin.kb", "cn.zhice.admin.enterprises",
        "cn.zhice.admin.unanswered", "cn.zhice.admin.tickets", "cn.zhice.admin.dashboard", "cn.zhice.admin.audit",
        "cn.zhice.admin.campaigns"})
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleErrors {

    @ExceptionHandler(ErrorResponseException.class)
    String failed(ErrorResponseException e, HttpServletResponse response, Model model) {
        response.setStatus(e.getStatusCode().value());
        model.addAttribute("status", e.getStatusCode().value());
        model.addAttribute("message", Problems.message(e));
        return "admin/error";
    }
}
