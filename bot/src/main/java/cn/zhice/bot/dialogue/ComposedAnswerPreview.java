package cn.zhice.bot.dialogue;

import cn.zhice.bot.AnswerPreview;
import cn.zhice.bot.understanding.Intent;
import cn.zhice.bot.understanding.Understanding;
import cn.zhice.kb.Entry;
import java.util.Set;
import org.springframework.stereotype.Component;

/** {@link AnswerPreview} with the dialogue's own understanding and {@link AnswerComposer}. */
@Component
class ComposedAnswerPreview implements AnswerPreview {

    /** Intents that do not ask about an entry; a preview answers them with the entry's overview. */
    private static final Set<Intent> NOT_ABOUT_AN_ENTRY = Set.of(Intent.GREETING, Intent.THANKS, Intent.HUMAN_AGENT,
            Intent.FEEDBACK, Intent.SUBSCRIBE_PUSH, Intent.UNSUBSCRIBE_PUSH, Intent.BIND_ENTERPRISE, Intent.OUT_OF_SCOPE);

    private final Understanding understanding;

    ComposedAnswerPreview(Understanding understanding) {
        this.understanding = understanding;
    }

    @Override
    public Preview preview(Entry entry, String question) {
        Intent intent = question == null || question.isBlank()
                ? Intent.POLICY_LOOKUP
                : understanding.understand(question).intent();
        if (NOT_ABOUT_AN_ENTRY.contains(intent)) {
            intent = Intent.POLICY_LOOKUP;
        }
        return new Preview(intent.label(), AnswerComposer.compose(entry, intent));
    }
}
