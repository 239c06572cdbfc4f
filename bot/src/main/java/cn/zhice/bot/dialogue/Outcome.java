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
    SETTING
}
