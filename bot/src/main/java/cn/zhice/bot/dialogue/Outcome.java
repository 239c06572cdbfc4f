package cn.zhice.bot.dialogue;

/** What became of a turn, for the conversation log and the staff console's 未解决问题. */
enum Outcome {
    ANSWERED,
    CLARIFIED,
    MISSED,
    OUT_OF_SCOPE,
    CHITCHAT,
    HANDOFF,
    FEEDBACK,
    /** 满意/不满意 about the previous answer, stored on that answer's turn. */
    RATING,
    SETTING
}
