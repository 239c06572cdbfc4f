package cn.zhice.push.sms;

import cn.zhice.push.Channel;
import cn.zhice.push.PushProperties;
import cn.zhice.push.SmsRejected;
import cn.zhice.push.delivery.Delivery;
import cn.zhice.push.delivery.DeliveryReports;
import cn.zhice.push.delivery.OptOuts;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The SMS gateway's signed callbacks: {@code POST /api/push/sms/status} (delivery reports) and
 * {@code POST /api/push/sms/inbound} (replies: T, TD, R, 退订, STOP, UNSUBSCRIBE opt out, START opts back in). Both
 * check {@code X-Twilio-Signature} against the public URL the gateway called.
 */
@RestController
class SmsCallbackController {

    private static final Logger log = LoggerFactory.getLogger(SmsCallbackController.class);
    private static final String EMPTY_TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>";

    private final TwilioSignature signature;
    private final String publicBaseUrl;
    private final DeliveryReports reports;
    private final OptOuts optOuts;

    SmsCallbackController(TwilioSignature signature, PushProperties properties, DeliveryReports reports, OptOuts optOuts) {
        this.signature = signature;
        this.publicBaseUrl = properties.baseUrl();
        this.reports = reports;
        this.optOuts = optOuts;
    }

    @PostMapping(path = "/api/push/sms/status", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<Void> status(HttpServletRequest request) {
        Map<String, String> form = verified(request);
        String sid = form.get("MessageSid");
        String state = form.getOrDefault("MessageStatus", "");
        Optional<Delivery> delivery = reports.find(request.getParameter("d"), sid);
        if (delivery.isEmpty()) {
            return ResponseEntity.noContent().build();
        }
        switch (state) {
            case "delivered" -> reports.delivered(delivery.get(), sid);
            case "undelivered", "failed" -> {
                int code = parse(form.get("ErrorCode"));
                boolean optedOut = TwilioSmsGateway.classify(400, code) == SmsRejected.ErrorClass.OPTED_OUT;
                String to = form.get("To");
                reports.undelivered(delivery.get(), sid, "短信未送达（错误码 " + code + "）", optedOut ? to : null);
            }
            default -> {
                // queued, sending, sent: intermediate states, nothing to record
            }
        }
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/api/push/sms/inbound", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            produces = MediaType.APPLICATION_XML_VALUE)
    String inbound(HttpServletRequest request) {
        Map<String, String> form = verified(request);
        String from = form.get("From");
        if (from == null || from.isBlank()) {
            return EMPTY_TWIML;
        }
        switch (OptOutKeywords.of(form.get("Body"))) {
            case OPT_OUT -> {
                optOuts.optOut(Channel.SMS, from, "reply");
                log.info("SMS opt-out by reply from {}", cn.zhice.matching.EnterpriseProfile.Contacts.mask(local(from)));
            }
            case OPT_IN -> optOuts.optIn(Channel.SMS, from);
            case NONE -> {
                // other replies are not commands; staff see them at the gateway
            }
        }
        return EMPTY_TWIML;
    }

    private Map<String, String> verified(HttpServletRequest request) {
        Set<String> queryNames = new HashSet<>();
        String query = request.getQueryString();
        if (query != null) {
            for (String pair : query.split("&")) {
                queryNames.add(URLDecoder.decode(pair.split("=", 2)[0], StandardCharsets.UTF_8));
            }
        }
        Map<String, String> form = new HashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (!queryNames.contains(name) && values.length > 0) {
                form.put(name, values[0]);
            }
        });
        String url = publicBaseUrl + request.getRequestURI() + (query == null ? "" : "?" + query);
        if (!signature.valid(request.getHeader("X-Twilio-Signature"), url, form)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "X-Twilio-Signature 校验失败");
            problem.setTitle("Invalid signature");
            throw new ErrorResponseException(HttpStatus.FORBIDDEN, problem, null);
        }
        return form;
    }

    private static String local(String number) {
        String digits = number.replaceAll("[^0-9]", "");
        return digits.length() > 11 ? digits.substring(digits.length() - 11) : digits;
    }

    private static int parse(String code) {
        try {
            return code == null ? 0 : Integer.parseInt(code.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
