package cn.zhice.bot.understanding;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import opennlp.tools.doccat.BagOfWordsFeatureGenerator;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.doccat.DocumentCategorizerEventStream;
import opennlp.tools.ml.AbstractEventTrainer;
import opennlp.tools.ml.EventTrainer;
import opennlp.tools.ml.TrainerFactory;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.monitoring.LogLikelihoodThresholdBreached;
import opennlp.tools.monitoring.StopCriteria;
import opennlp.tools.monitoring.TrainingMeasure;
import opennlp.tools.monitoring.TrainingProgressMonitor;
import opennlp.tools.ml.maxent.GISTrainer;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingConfiguration;
import opennlp.tools.util.TrainingParameters;

/**
 * OpenNLP doccat over smartcn words and character bigrams, trained from the labelled corpus when the bot starts.
 * Training is deterministic: one thread, an in-memory indexer and a fixed number of iterations.
 */
final class IntentClassifier {

    static final String LANGUAGE = "zh";

    private final DoccatModel model;
    // DocumentCategorizerME is not thread-safe; OpenNLP's own ThreadSafe* wrappers keep one per thread like this.
    private final ThreadLocal<DocumentCategorizerME> categorizer;

    private IntentClassifier(DoccatModel model) {
        this.model = model;
        this.categorizer = ThreadLocal.withInitial(() -> new DocumentCategorizerME(model));
    }

    static IntentClassifier train(List<DocumentSample> corpus) {
        TrainingParameters parameters = parameters();
        DoccatFactory factory = factory();
        Map<String, String> manifest = new HashMap<>();
        // What DocumentCategorizerME.train does, with a quiet progress monitor: the default one logs every iteration.
        EventTrainer trainer = TrainerFactory.getEventTrainer(parameters, manifest,
                new TrainingConfiguration(new QuietProgress(), new LogLikelihoodThresholdBreached(parameters)));
        try {
            MaxentModel maxent = trainer.train(new DocumentCategorizerEventStream(
                    ObjectStreamUtils.createObjectStream(corpus), factory.getFeatureGenerators()));
            return new IntentClassifier(new DoccatModel(LANGUAGE, maxent, manifest, factory));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static IntentClassifier trainFromCorpus() {
        return train(IntentCorpus.read(IntentCorpus.TRAINING));
    }

    static TrainingParameters parameters() {
        TrainingParameters parameters = new TrainingParameters();
        parameters.put(TrainingParameters.ALGORITHM_PARAM, GISTrainer.MAXENT_VALUE);
        parameters.put(TrainingParameters.ITERATIONS_PARAM, 200);
        // Most intent cues occur in a handful of examples; the default cutoff of 5 would drop them.
        parameters.put(TrainingParameters.CUTOFF_PARAM, 1);
        parameters.put(TrainingParameters.THREADS_PARAM, 1);
        // In memory: the default two-pass indexer spills to temporary files.
        parameters.put(AbstractEventTrainer.DATA_INDEXER_PARAM, AbstractEventTrainer.DATA_INDEXER_ONE_PASS_VALUE);
        return parameters;
    }

    static DoccatFactory factory() {
        return new DoccatFactory(new FeatureGenerator[] {new BagOfWordsFeatureGenerator(), new CharacterBigrams()});
    }

    /** What doccat sees of a normalised message: its words, without a filler opening unless that is all there is. */
    static String[] input(TextNormalizer normalizer, String normalized) {
        String question = normalizer.withoutOpening(normalized);
        return MessageTokens.of(question.isEmpty() ? normalized : question);
    }

    DoccatModel model() {
        return model;
    }

    /** Training progress goes nowhere; training stops where the default monitor would. */
    private static final class QuietProgress implements TrainingProgressMonitor {

        private volatile boolean finished;

        @Override
        public void finishedIteration(int iteration, int correct, int total, TrainingMeasure measure, double value) {}

        @Override
        public void finishedTraining(int iterations, StopCriteria<?> stopCriteria) {
            finished = true;
        }

        @Override
        public boolean isTrainingFinished() {
            return finished;
        }

        @Override
        public void display(boolean finished) {}
    }

    /** Every intent with its probability, best first; ties keep the enum order so results are reproducible. */
    List<IntentScore> rank(String[] input) {
        DocumentCategorizerME me = categorizer.get();
        double[] probabilities = me.categorize(input);
        List<IntentScore> ranking = new ArrayList<>(probabilities.length);
        for (int i = 0; i < probabilities.length; i++) {
            ranking.add(new IntentScore(Intent.fromLabel(me.getCategory(i)), probabilities[i]));
        }
        ranking.sort(Comparator.comparingDouble(IntentScore::probability).reversed()
                .thenComparing(IntentScore::intent));
        return ranking;
    }
}
