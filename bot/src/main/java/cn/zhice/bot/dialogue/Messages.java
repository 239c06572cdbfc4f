package cn.zhice.bot.dialogue;

/** What the bot says when it is not quoting the knowledge base: short, friendly, and always saying what it can do. */
final class Messages {

    static final String THANKS = "不客气！还有其他问题随时问我。";
    static final String FEEDBACK = "感谢您的意见，我们已记录并转交工作人员，会持续改进。";
    static final String SUBSCRIBED = "已为您开启政策推送，有适合您的新政策时会第一时间通知您。回复「退订」可随时关闭。";
    static final String UNSUBSCRIBED = "已为您退订政策推送，今后不再向您推送。如需恢复，回复「订阅推送」即可。";
    static final String ASK_USCC = "请回复您企业的18位统一社会信用代码（营业执照上可以找到），绑定后可为您匹配可申报的政策。";
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

    static String bound(String uscc) {
        return "已绑定企业（统一社会信用代码 " + uscc.substring(0, 4) + "…" + uscc.substring(14)
                + "）。问「我能申请哪些政策」即可查看为您匹配的政策。";
    }
}
