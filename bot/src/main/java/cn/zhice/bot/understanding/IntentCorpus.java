package cn.zhice.bot.understanding;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import opennlp.tools.doccat.DocumentSample;

/**
 * A labelled set of messages on the classpath, one {@code label<TAB>text} a line ({@code #} starts a comment), read
 * into doccat samples through the same normalisation and segmentation the bot applies to live messages.
 */
final class IntentCorpus {

    static final String TRAINING = "/understanding/intent-corpus.tsv";
    static final String HELD_OUT = "/understanding/intent-test.tsv";

    private IntentCorpus() {}

    static List<DocumentSample> read(String resource) {
        List<LabelledMessage> messages = messages(resource);
        TextNormalizer normalizer = new TextNormalizer();
        List<DocumentSample> samples = new ArrayList<>(messages.size());
        for (LabelledMessage message : messages) {
            samples.add(new DocumentSample(
                    message.intent().label(), IntentClassifier.input(normalizer, normalizer.normalize(message.text()))));
        }
        return samples;
    }

    static List<LabelledMessage> messages(String resource) {
        InputStream in = IntentCorpus.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("Intent corpus " + resource + " is not on the classpath");
        }
        List<LabelledMessage> messages = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                if (tab < 0) {
                    throw new IllegalStateException(resource + ":" + number + " has no tab between label and text");
                }
                messages.add(new LabelledMessage(Intent.fromLabel(line.substring(0, tab).strip()), line.substring(tab + 1)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return messages;
    }

    /** One line of a corpus. */
    record LabelledMessage(Intent intent, String text) {}
}
