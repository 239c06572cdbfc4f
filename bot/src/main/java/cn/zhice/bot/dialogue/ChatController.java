package cn.zhice.bot.dialogue;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/chat}: the same conversation as WeChat, for the staff console's chat test page and web clients,
 * with the intent and candidates shown beside the reply.
 */
@RestController
class ChatController {

    private final Dialogue dialogue;

    ChatController(Dialogue dialogue) {
        this.dialogue = dialogue;
    }

    @PostMapping("/api/chat")
    ChatResponse chat(@Valid @RequestBody ChatRequest request) {
        Reply reply = dialogue.respond(new Turn("web:" + request.userId(), request.text(), Channel.WEB));
        return new ChatResponse(
                reply.intent().label(),
                reply.text(),
                reply.answer(),
                reply.candidates());
    }

    /** A message from a web chat user. */
    record ChatRequest(
            @NotBlank(message = "必填") @Size(max = 64, message = "最长 64 个字符") String userId,
            @NotBlank(message = "请输入问题") @Size(max = 500, message = "问题最长 500 个字") String text) {}

    /**
     * The contract of {@code /api/chat}: the reply exactly as the user sees it, with what the bot considered;
     * {@code answer} is present as null when the reply quotes no entry.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ChatResponse(String intent, String reply, Reply.AnswerRef answer, List<Reply.Candidate> candidates) {}
}
