package cn.zhice.bot.dialogue;

import java.time.Duration;

/** What the bot says when it is not quoting the knowledge base: short, friendly, and always saying what it can do. */
final class Messages {

    static final String THANKS = "不客气！还有其他问题随时问我。";
    static final String FEEDBACK = "感谢您的意见，我们已记录并转交工作人员，会持续改进。";
    static final String RATE_HINT = "\n满意请回复1，不满意请回复2";
    static final String RATED_SATISFIED = "感谢您的评价！还有其他问题随时问我。";
    static final String RATED_DISSATISFIED = "抱歉这次回答没能帮到您。您的评价已记录，工作人员会查看并改进；需要人工帮助请回复「人工」。";
    static final String SUBSCRIBED = "已为您开启政策推送，有适合您的新政策时会第一时间通知您。回复「退订」可随时关闭。";
    static final String UNSUBSCRIBED = "已为您退订政策推送，今后不再向您推送。如需恢复，回复「订阅推送」即可。";
    static final String ASK_USCC = "请回复您企业的18位统一社会信用代码（营业执照上可以找到），绑定后可为您匹配可申报的政策。";
    static final String BINDING_CANCELLED = "已取消企业绑定。需要时回复「绑定企业」即可重新开始。";
    static final String UNKNOWN_ENTERPRISE = "没有找到这个统一社会信用代码对应的企业。请核对后重新发送；如企业刚迁入本区，"
            + "可回复「人工」请工作人员登记。";
    static final String NO_REGISTERED_MOBILE = "该企业没有登记手机号，无法发送验证码。请回复「人工」联系工作人员核实后绑定。";
    static final String CODE_ALREADY_SENT = "验证码刚刚已发送，请查看企业登记手机的短信，一分钟后可重新获取。";
    static final String CODE_NOT_SENT = "验证码发送失败，请稍后再试，或回复「人工」联系工作人员。";
    static final String CODE_EXPIRED = "验证码已过期或尚未发送，请回复「绑定企业」重新获取。";
    static final String TOO_MANY_ATTEMPTS = "验证码错误次数过多，本次绑定已取消。请回复「绑定企业」重新获取验证码。";
    static final String BIND_FIRST = "绑定企业后，我可以根据企业登记的信息为您匹配可申报的政策。回复「绑定企业」开始绑定。";
    static final String CLARIFY_HEADER = "您是想问：";
    static final String MORE_HEADER = "还有这些：";
    static final String CHOOSE_HINT = "回复序号查看详情，回复「更多」看其他结果。";
    static final String NO_MORE = "没有更多结果了。您可以换个说法再问，或回复「人工」联系工作人员。";
    static final String TRANSFERRING = "正在为您转接人工客服，请稍候……";

    private Messages() {}

    static String capabilities() {
        return """
                我可以帮您：
                1. 查政策：如「有什么人才政策」「高企认定有什么奖励」
                2. 问办事：如「营业执照在哪办」「要带什么材料」
                3. 政务公开与依申请公开：如「怎么申请信息公开」
                也可以回复「人工」联系工作人员。""";
    }

    static String welcome(String name) {
        return "您好，欢迎关注！我是" + name + "，可以随时为您解答政策和办事问题。\n" + capabilities();
    }

    static String greeting(String name) {
        return "您好，我是" + name + "。\n" + capabilities();
    }

    static String outOfScope() {
        return "抱歉，这个问题不在我能回答的范围内。\n" + capabilities();
    }

    static String miss(String question) {
        String shown = question.length() > 30 ? question.substring(0, 30) + "…" : question;
        return "抱歉，没有找到与「" + shown + "」相关的政策或办事指南。可以换个说法试试，比如「营业执照怎么办理」，"
                + "或回复「人工」联系工作人员。";
    }

    static String ticket(long number) {
        return "已为您记录问题（工单号 " + number + "），工作人员会在工作时间尽快回复您。";
    }

    static String invalidUscc(String reason) {
        return "统一社会信用代码有误：" + reason + "。请核对营业执照后重新发送，回复「取消」可退出绑定。";
    }

    static String codeSent(String maskedMobile, Duration validFor) {
        return "验证码已发送至企业登记的手机 " + maskedMobile + "，" + validFor.toMinutes()
                + " 分钟内有效。请直接回复6位验证码完成绑定。";
    }

    static String wrongCode(int attemptsLeft) {
        return "验证码不正确，还可以再试 " + attemptsLeft + " 次。";
    }

    static String noMatchingPolicies(String enterprise) {
        return "根据「" + enterprise + "」目前登记的信息，暂未匹配到可申报的政策。企业信息有变化时，可联系工作人员更新。";
    }

    static String bound(String uscc) {
        return "已绑定企业（统一社会信用代码 " + uscc.substring(0, 4) + "…" + uscc.substring(14)
                + "）。问「我能申请哪些政策」即可查看为您匹配的政策。";
    }
}
