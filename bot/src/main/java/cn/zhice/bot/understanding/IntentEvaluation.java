package cn.zhice.bot.understanding;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import opennlp.tools.cmdline.doccat.DoccatFineGrainedReportListener;
import opennlp.tools.doccat.DoccatCrossValidator;
import opennlp.tools.doccat.DocumentCategorizerEvaluator;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.util.ObjectStreamUtils;

/**
 * Prints how well the intent classifier does, with OpenNLP's own evaluators: 10-fold cross-validated accuracy on
 * the training corpus, then per-intent precision/recall/F1 and the confusion matrix on the held-out test file.
 * Run it with {@code bot/run-intent-eval.sh}.
 */
final class IntentEvaluation {

    static final int FOLDS = 10;

    private IntentEvaluation() {}

    public static void main(String[] args) throws IOException {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        List<DocumentSample> corpus = IntentCorpus.read(IntentCorpus.TRAINING);
        List<DocumentSample> heldOut = IntentCorpus.read(IntentCorpus.HELD_OUT);

        long started = System.nanoTime();
        IntentClassifier classifier = IntentClassifier.train(corpus);
        long trainingMillis = (System.nanoTime() - started) / 1_000_000;
        out.printf("Training corpus: %d messages, trained in %d ms%n", corpus.size(), trainingMillis);

        out.printf("%n=== %d-fold cross-validation on the training corpus ===%n", FOLDS);
        out.printf("Accuracy: %.4f%n", crossValidatedAccuracy(corpus));

        out.printf("%n=== Held-out test set (%d messages) ===%n", heldOut.size());
        DoccatFineGrainedReportListener report = new DoccatFineGrainedReportListener(out);
        DocumentCategorizerEvaluator evaluator =
                new DocumentCategorizerEvaluator(new DocumentCategorizerME(classifier.model()), report);
        evaluator.evaluate(ObjectStreamUtils.createObjectStream(heldOut));
        report.writeReport();
        out.printf("%nHeld-out accuracy: %.4f%n", evaluator.getAccuracy());
    }

    static double crossValidatedAccuracy(List<DocumentSample> corpus) throws IOException {
        DoccatCrossValidator validator =
                new DoccatCrossValidator(IntentClassifier.LANGUAGE, IntentClassifier.parameters(), IntentClassifier.factory());
        validator.evaluate(ObjectStreamUtils.createObjectStream(corpus), FOLDS);
        return validator.getDocumentAccuracy();
    }

    static double heldOutAccuracy(IntentClassifier classifier) {
        DocumentCategorizerEvaluator evaluator =
                new DocumentCategorizerEvaluator(new DocumentCategorizerME(classifier.model()));
        try {
            evaluator.evaluate(ObjectStreamUtils.createObjectStream(IntentCorpus.read(IntentCorpus.HELD_OUT)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return evaluator.getAccuracy();
    }
}
