package cn.zhice.bot.wechat;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import me.chanjar.weixin.common.error.WxRuntimeException;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.config.WxMpConfigStorage;
import me.chanjar.weixin.mp.util.crypto.WxMpCryptUtil;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * WeChat's 服务器配置 URL: {@code GET} verifies the server by echoing {@code echostr}, {@code POST} receives messages
 * and events in plain or 安全模式 ({@code encrypt_type=aes}). Requests are verified before their body is read, and
 * nothing from them (openid, text) is logged.
 */
@RestController
@RequestMapping("/wechat/portal")
class WeChatPortal {

    private static final MediaType XML_UTF8 = new MediaType(MediaType.APPLICATION_XML, StandardCharsets.UTF_8);
    private static final MediaType TEXT_UTF8 = new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8);
    // Greedy: the cipher text's characters cannot end it early, and a reluctant group would retry the end at every one.
    private static final Pattern ENCRYPT = Pattern.compile("<Encrypt>\\s*(?:<!\\[CDATA\\[)?([A-Za-z0-9+/=\\s]+)(?:]]>)?\\s*</Encrypt>");
    private static final Pattern WHITESPACE = Pattern.compile("\\s");

    private final WeChatProperties properties;
    private final CallbackGuard guard;
    /** The account's AES key decoded once; null without one (plain mode only). Immutable, so shared by all requests. */
    private final WxMpCryptUtil crypto;
    private final Answering answering;

    WeChatPortal(WeChatProperties properties, CallbackGuard guard, WxMpConfigStorage account,
            Answering answering) {
        this.properties = properties;
        this.guard = guard;
        this.crypto = properties.safeModeConfigured() ? new WxMpCryptUtil(account) : null;
        this.answering = answering;
    }

    @GetMapping
    ResponseEntity<String> verify(@RequestParam(required = false) String signature,
            @RequestParam(required = false) String timestamp, @RequestParam(required = false) String nonce,
            @RequestParam(required = false) String echostr) {
        requireConfigured(false);
        guard.verifySignature(signature, timestamp, nonce);
        if (echostr == null || echostr.isBlank()) {
            throw new MissingParameters();
        }
        return ResponseEntity.ok().contentType(TEXT_UTF8).body(echostr);
    }

    @PostMapping
    ResponseEntity<String> receive(@RequestParam(required = false) String signature,
            @RequestParam(required = false) String timestamp, @RequestParam(required = false) String nonce,
            @RequestParam(name = "encrypt_type", required = false) String encryptType,
            @RequestParam(name = "msg_signature", required = false) String msgSignature,
            HttpServletRequest request) throws IOException, InterruptedException {
        boolean safeMode = "aes".equalsIgnoreCase(encryptType);
        requireConfigured(safeMode);
        guard.verifySignature(signature, timestamp, nonce);
        byte[] body = CallbackGuard.readBody(request.getContentLengthLong(), request.getInputStream());
        String xml = CallbackGuard.requireSafeXml(new String(body, StandardCharsets.UTF_8));
        WxMpXmlMessage message = safeMode ? decrypt(xml, msgSignature, timestamp, nonce) : parse(xml);
        String reply = answering.answer(message);
        if (Answering.SUCCESS.equals(reply)) {
            return ResponseEntity.ok().contentType(TEXT_UTF8).body(reply);
        }
        return ResponseEntity.ok().contentType(XML_UTF8).body(safeMode ? crypto.encrypt(reply) : reply);
    }

    @ExceptionHandler(CallbackRejected.class)
    ResponseEntity<ProblemDetail> rejected(CallbackRejected rejection) {
        return ResponseEntity.status(rejection.getStatusCode())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(rejection.getBody());
    }

    private WxMpXmlMessage decrypt(String envelope, String msgSignature, String timestamp, String nonce) {
        Matcher encrypt = ENCRYPT.matcher(envelope);
        if (!encrypt.find()) {
            throw new MalformedMessage();
        }
        String cipherText = WHITESPACE.matcher(encrypt.group(1)).replaceAll("");
        guard.verifyMessageSignature(msgSignature, timestamp, nonce, cipherText);
        String plain;
        try {
            plain = crypto.decrypt(cipherText);
        } catch (WxRuntimeException | IllegalArgumentException e) {
            throw new MalformedMessage();
        }
        return parse(CallbackGuard.requireSafeXml(plain));
    }

    /**
     * The message bound by WxJava's XStream mapping ({@link InboundXml}), with WxJava's fix-up for WeChat's split
     * {@code PicList}. Not {@code WxMpXmlMessage.fromXml(String)}: that also parses the XML a second time into a map
     * of all fields, with a new dom4j reader per call whose refused parser features throw and catch several exceptions
     * each time — more than a third of the callback's own cost under load — and nothing here reads that map.
     */
    private static WxMpXmlMessage parse(String xml) {
        WxMpXmlMessage message;
        try {
            message = InboundXml.parse(xml.replace("</PicList><PicList>", ""));
        } catch (RuntimeException e) {
            throw new MalformedMessage();
        }
        if (message.getFromUser() == null || message.getMsgType() == null || message.getCreateTime() == null) {
            throw new MalformedMessage();
        }
        return message;
    }

    private void requireConfigured(boolean safeMode) {
        if (safeMode ? !properties.safeModeConfigured() : !properties.configured()) {
            throw new WeChatNotConfigured();
        }
    }
}
