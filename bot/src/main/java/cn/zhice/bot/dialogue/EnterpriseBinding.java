package cn.zhice.bot.dialogue;

import cn.zhice.bot.VerificationCodeSender;
import cn.zhice.matching.EnterpriseProfile;
import cn.zhice.matching.InvalidUscc;
import cn.zhice.matching.PolicyTargeting;
import cn.zhice.matching.Uscc;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * 企业绑定: links a chat user to an enterprise after proving they can read the enterprise's registered mobile. The
 * user gives the USCC (checked per GB 32100 and looked up in matching), a 6-digit code goes to the registered mobile,
 * and the user replies with it. Codes expire, allow a few attempts, and are kept in Redis only as a salted hash.
 */
@Component
class EnterpriseBinding {

    /** Where a user is in the binding conversation. */
    enum Stage { NONE, AWAITING_USCC, AWAITING_CODE }

    private static final Logger log = LoggerFactory.getLogger(EnterpriseBinding.class);
    private static final int MAX_LISTED_POLICIES = 8;
    private static final int MAX_WHY_LENGTH = 60;

    private final StringRedisTemplate redis;
    private final PolicyTargeting targeting;
    private final Conversations conversations;
    private final ObjectProvider<VerificationCodeSender> senders;
    private final BotProperties properties;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final VerificationCodeSender fallback = new LoggingVerificationCodeSender();

    EnterpriseBinding(StringRedisTemplate redis, PolicyTargeting targeting, Conversations conversations,
            ObjectProvider<VerificationCodeSender> senders, BotProperties properties, Clock clock) {
        this.redis = redis;
        this.targeting = targeting;
        this.conversations = conversations;
        this.senders = senders;
        this.properties = properties;
        this.clock = clock;
    }

    Stage stage(Turn turn) {
        Object stage = redis.opsForHash().get(key(turn), "stage");
        return stage == null ? Stage.NONE : Stage.valueOf(stage.toString());
    }

    /** "绑定企业": asks for the USCC. */
    String start(Turn turn) {
        redis.delete(key(turn));
        redis.opsForHash().put(key(turn), "stage", Stage.AWAITING_USCC.name());
        redis.expire(key(turn), properties.sessionTtl());
        return Messages.ASK_USCC;
    }

    String cancel(Turn turn) {
        redis.delete(key(turn));
        return Messages.BINDING_CANCELLED;
    }

    /** A USCC as typed: validated, looked up, and a code sent to the enterprise's registered mobile. */
    String submitUscc(Turn turn, String typed) {
        Uscc uscc;
        try {
            uscc = Uscc.parse(typed);
        } catch (InvalidUscc e) {
            keepAwaitingUscc(turn);
            return Messages.invalidUscc(e.reason());
        }
        Optional<EnterpriseProfile> enterprise = targeting.enterprise(uscc);
        if (enterprise.isEmpty()) {
            keepAwaitingUscc(turn);
            return Messages.UNKNOWN_ENTERPRISE;
        }
        String mobile = enterprise.get().contacts().mobile();
        if (mobile == null || mobile.isBlank()) {
            redis.delete(key(turn));
            return Messages.NO_REGISTERED_MOBILE;
        }
        Map<Object, Object> pending = redis.opsForHash().entries(key(turn));
        Object sentAt = pending.get("sentAt");
        if (sentAt != null && uscc.value().equals(pending.get("uscc"))
                && clock.millis() - Long.parseLong(sentAt.toString()) < properties.binding().resendInterval().toMillis()) {
            return Messages.CODE_ALREADY_SENT;
        }
        String code = "%06d".formatted(random.nextInt(1_000_000));
        String salt = HexFormat.of().formatHex(salt());
        try {
            senders.getIfAvailable(() -> fallback).send(mobile, code, enterprise.get().name(),
                    properties.binding().codeTtl());
        } catch (RuntimeException e) {
            log.warn("Sending a binding code failed: {}", e.toString());
            return Messages.CODE_NOT_SENT;
        }
        redis.delete(key(turn));
        redis.opsForHash().putAll(key(turn), Map.of(
                "stage", Stage.AWAITING_CODE.name(),
                "uscc", uscc.value(),
                "salt", salt,
                "code", digest(salt, code),
                "attempts", "0",
                "sentAt", Long.toString(clock.millis())));
        redis.expire(key(turn), properties.binding().codeTtl());
        return Messages.codeSent(EnterpriseProfile.Contacts.mask(mobile), properties.binding().codeTtl());
    }

    /** A 6-digit reply while a code is pending: links the user on a match, counts the attempt otherwise. */
    String submitCode(Turn turn, String code) {
        Map<Object, Object> pending = redis.opsForHash().entries(key(turn));
        if (!Stage.AWAITING_CODE.name().equals(pending.get("stage"))) {
            return Messages.CODE_EXPIRED;
        }
        String expected = pending.get("code").toString();
        if (MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                digest(pending.get("salt").toString(), code).getBytes(StandardCharsets.UTF_8))) {
            redis.delete(key(turn));
            String uscc = pending.get("uscc").toString();
            conversations.bindEnterprise(turn, uscc);
            return Messages.bound(uscc);
        }
        long attempts = redis.opsForHash().increment(key(turn), "attempts", 1);
        int left = properties.binding().maxAttempts() - (int) attempts;
        if (left <= 0) {
            redis.delete(key(turn));
            return Messages.TOO_MANY_ATTEMPTS;
        }
        return Messages.wrongCode(left);
    }

    /** The enterprise this user acts for, if bound. */
    Optional<Uscc> bound(Turn turn) {
        return conversations.boundEnterprise(turn).map(Uscc::parse);
    }

    /** "我能申请哪些政策" for a bound user: 政策计算器's eligible and likely policies, each with a short why. */
    String policiesFor(Uscc uscc) {
        List<PolicyTargeting.PolicyMatch> matches = targeting.policiesFor(uscc);
        String name = targeting.enterprise(uscc).map(EnterpriseProfile::name).orElse(uscc.value());
        if (matches.isEmpty()) {
            return Messages.noMatchingPolicies(name);
        }
        StringBuilder text = new StringBuilder("根据「").append(name).append("」登记的信息，以下政策可能适合您：\n");
        int shown = Math.min(matches.size(), MAX_LISTED_POLICIES);
        for (int i = 0; i < shown; i++) {
            PolicyTargeting.PolicyMatch match = matches.get(i);
            text.append(i + 1).append(". ").append(match.title()).append("（").append(match.eligibility().label())
                    .append("）");
            String why = why(match.explanation());
            if (!why.isEmpty()) {
                text.append("：").append(why);
            }
            text.append('\n');
        }
        if (matches.size() > shown) {
            text.append("另有 ").append(matches.size() - shown).append(" 项，可在政务服务网「政策计算器」查看全部。\n");
        }
        return text.append("回复政策名称可查看申报条件和流程。").toString();
    }

    private static String why(String explanation) {
        if (explanation == null) {
            return "";
        }
        String first = explanation.strip().lines().map(String::strip).filter(line -> !line.isEmpty())
                .findFirst().orElse("");
        return first.length() <= MAX_WHY_LENGTH ? first : first.substring(0, MAX_WHY_LENGTH) + "…";
    }

    private void keepAwaitingUscc(Turn turn) {
        redis.opsForHash().put(key(turn), "stage", Stage.AWAITING_USCC.name());
        redis.expire(key(turn), properties.sessionTtl());
    }

    private byte[] salt() {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        return salt;
    }

    private static String digest(String salt, String code) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) ':');
            return HexFormat.of().formatHex(sha.digest(code.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private String key(Turn turn) {
        return properties.keyPrefix() + "binding:" + UserKeys.hash(turn.userId());
    }
}
