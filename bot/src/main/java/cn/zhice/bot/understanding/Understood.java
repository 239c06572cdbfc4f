package cn.zhice.bot.understanding;

import java.util.List;

/**
 * What the bot made of one message: the normalised text (简体, half-width, no emoji), the best intent with its
 * confidence, the full ranking (best first) and the entities mentioned.
 */
public record Understood(
        String original,
        String normalized,
        Intent intent,
        double confidence,
        List<IntentScore> ranking,
        List<EntityMention> entities) {

    public Understood {
        ranking = List.copyOf(ranking);
        entities = List.copyOf(entities);
    }
}
