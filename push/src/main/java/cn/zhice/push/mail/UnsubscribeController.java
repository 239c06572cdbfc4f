package cn.zhice.push.mail;

import cn.zhice.matching.PolicyTargeting;
import cn.zhice.matching.Uscc;
import cn.zhice.push.delivery.Addresses;
import cn.zhice.push.delivery.Delivery;
import cn.zhice.push.delivery.OptOuts;
import cn.zhice.push.delivery.Outbox;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * The unsubscribe link every message carries: {@code GET} shows a confirmation button (link scanners must not
 * unsubscribe anyone), {@code POST} — the button, or a mail client's RFC 8058 one-click request — opts the address out
 * of the message's channel.
 */
@Controller
class UnsubscribeController {

    private final Outbox outbox;
    private final OptOuts optOuts;
    private final PolicyTargeting targeting;

    UnsubscribeController(Outbox outbox, OptOuts optOuts, PolicyTargeting targeting) {
        this.outbox = outbox;
        this.optOuts = optOuts;
        this.targeting = targeting;
    }

    @GetMapping("/api/push/unsubscribe/{code}")
    String confirm(@PathVariable String code, Model model) {
        Delivery delivery = delivery(code);
        model.addAttribute("code", code);
        model.addAttribute("channel", delivery.channel().label());
        model.addAttribute("done", false);
        return "push/unsubscribe";
    }

    @PostMapping("/api/push/unsubscribe/{code}")
    String unsubscribe(@PathVariable String code, Model model) {
        Delivery delivery = delivery(code);
        Optional<String> address = targeting.enterprise(new Uscc(delivery.uscc()))
                .map(profile -> Addresses.of(profile, delivery.channel()));
        address.ifPresent(value -> optOuts.optOut(delivery.channel(), value, "link"));
        model.addAttribute("code", code);
        model.addAttribute("channel", delivery.channel().label());
        model.addAttribute("done", true);
        return "push/unsubscribe";
    }

    private Delivery delivery(String code) {
        return outbox.byCode(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "链接无效或已过期"));
    }
}
