package cn.zhice.push.page;

import cn.zhice.kb.Entry;
import cn.zhice.kb.KnowledgeBase;
import cn.zhice.matching.Eligibility;
import cn.zhice.matching.PolicyTargeting;
import cn.zhice.matching.Uscc;
import cn.zhice.push.PushProperties;
import cn.zhice.push.delivery.Delivery;
import cn.zhice.push.delivery.Outbox;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The tracked policy page every message links to, {@code /p/{code}}: the policy, why this enterprise received it
 * (the conditions it meets), 有用/没用 buttons, and a QR code for sharing. Opening it counts as a click.
 */
@Controller
class PolicyPageController {

    private final Outbox outbox;
    private final Engagement engagement;
    private final KnowledgeBase knowledgeBase;
    private final PolicyTargeting targeting;
    private final String baseUrl;

    PolicyPageController(Outbox outbox, DataSource dataSource, Clock clock, KnowledgeBase knowledgeBase,
            PolicyTargeting targeting, PushProperties properties) {
        this.outbox = outbox;
        this.engagement = new Engagement(new JdbcTemplate(dataSource), clock);
        this.knowledgeBase = knowledgeBase;
        this.targeting = targeting;
        this.baseUrl = properties.baseUrl();
    }

    @GetMapping("/p/{code}")
    String page(@PathVariable String code, Model model) {
        Delivery delivery = delivery(code);
        engagement.clicked(delivery.id());
        Entry policy = knowledgeBase.visible(delivery.policyExternalId()).orElse(null);
        List<String> reasons = targeting.match(new Uscc(delivery.uscc()), delivery.policyExternalId())
                .map(PolicyTargeting.Match::metConditions).orElse(List.of());
        model.addAttribute("code", code);
        model.addAttribute("policy", policy);
        model.addAttribute("reasons", reasons);
        model.addAttribute("eligibility", label(delivery.eligibility()));
        model.addAttribute("vote", engagement.vote(delivery.id()).orElse(null));
        model.addAttribute("url", baseUrl + "/p/" + code);
        return "push/page";
    }

    @PostMapping("/p/{code}/feedback")
    String feedback(@PathVariable String code, @RequestParam boolean useful) {
        Delivery delivery = delivery(code);
        engagement.vote(delivery.id(), useful);
        return "redirect:/p/" + code + "#feedback";
    }

    @GetMapping(path = "/p/{code}/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> qr(@PathVariable String code) {
        delivery(code);
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(java.time.Duration.ofDays(1)))
                .body(QrCodes.png(baseUrl + "/p/" + code, 240));
    }

    private Delivery delivery(String code) {
        return outbox.byCode(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "链接无效或已过期"));
    }

    private static String label(String eligibility) {
        try {
            return Eligibility.valueOf(eligibility).label();
        } catch (IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }
}
