package cn.zhice.bot.understanding;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import opennlp.tools.doccat.FeatureGenerator;

/**
 * Character bigrams over the message (the tokens joined again), as doccat features. They survive segmentation
 * errors and typos that split a word differently (在那办 / 在哪办), which word features alone do not.
 *
 * <p>Public with a public constructor because OpenNLP re-creates a model's feature generators reflectively from the
 * class names in its manifest (as the cross-validator does for every fold).
 */
public final class CharacterBigrams implements FeatureGenerator {

    public CharacterBigrams() {}

    @Override
    public Collection<String> extractFeatures(String[] tokens, Map<String, Object> extraInformation) {
        String text = String.join("", tokens);
        List<String> features = new ArrayList<>(text.length() + 1);
        if (text.codePointCount(0, text.length()) == 1) {
            features.add("c=" + text);
        }
        int[] codePoints = text.codePoints().toArray();
        for (int i = 0; i + 1 < codePoints.length; i++) {
            features.add("cb=" + Character.toString(codePoints[i]) + Character.toString(codePoints[i + 1]));
        }
        return features;
    }
}
