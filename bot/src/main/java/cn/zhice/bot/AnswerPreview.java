package cn.zhice.bot;

import cn.zhice.kb.Entry;

/**
 * 预览回答: how the bot would answer a question from one entry, draft or published, with the bot's own intent
 * classification and answer composer; lets editors see a change before it goes live.
 */
public interface AnswerPreview {

    /** The reply for {@code question} (blank: the entry's overview) answered from {@code entry}. */
    Preview preview(Entry entry, String question);

    /** The intent the question was read as (its label, e.g. {@code how_to_apply}) and the reply text. */
    record Preview(String intent, String reply) {}
}
