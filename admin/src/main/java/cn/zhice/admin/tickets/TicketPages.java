package cn.zhice.admin.tickets;

import cn.zhice.admin.audit.AuditTrail;
import cn.zhice.bot.ConversationLog;
import cn.zhice.bot.WeChatDeliveryFailed;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 人工会话: tickets from the bot's handoff; a reply goes back to the user as a WeChat 客服 message. */
@Controller
@RequestMapping("/admin/tickets")
class TicketPages {

    private final ConversationLog conversations;

    TicketPages(ConversationLog conversations) {
        this.conversations = conversations;
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "false") boolean all, Model model) {
        model.addAttribute("tickets", conversations.tickets(!all, 200));
        model.addAttribute("all", all);
        return "admin/tickets";
    }

    @PostMapping("/{id}/reply")
    String reply(@PathVariable long id, @RequestParam String answer, Principal user, HttpServletRequest request,
            RedirectAttributes redirect) {
        if (answer.isBlank() || conversations.ticket(id).isEmpty()) {
            AuditTrail.skip(request);
            redirect.addFlashAttribute("error", "请填写回复内容");
            return "redirect:/admin/tickets";
        }
        try {
            conversations.reply(id, user.getName(), answer.strip());
            AuditTrail.summary(request, "回复工单 #" + id);
            redirect.addFlashAttribute("ok", "已回复工单 #" + id);
        } catch (WeChatDeliveryFailed e) {
            AuditTrail.skip(request);
            redirect.addFlashAttribute("error", e.errorCode() == 45015
                    ? "用户超过 48 小时未与公众号互动，微信不允许再发送客服消息；工单保持未处理"
                    : "微信发送失败（错误码 " + e.errorCode() + "），请稍后重试");
        }
        return "redirect:/admin/tickets";
    }
}
