package ai.jorge.scoring;

import ai.jorge.InvalidInputException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tribuo.MutableDataset;
import org.tribuo.Tribuo;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Trains a {@link LeadModel}: sorts the leads by time, fits a Tribuo logistic regression on the
 * oldest 64 %, fits Platt scaling on the next 16 % and measures the calibrated model on the newest
 * 20 %, which it never saw. The same data, version and seed always give the same weights. Stateless
 * apart from its seed; thread-safe.
 */
public final class ModelTrainer {
  public static final long DEFAULT_SEED = 1L;
  static final double HOLDOUT_FRACTION = 0.20;
  static final double CALIBRATION_FRACTION = 0.16;
  static final int MIN_ROWS = 100;

  static final int EPOCHS = 10;
  static final int MINIBATCH = 1;
  static final double LEARNING_RATE = 0.05;
  static final double EPSILON = 0.1;

  private final long seed;

  public ModelTrainer() {
    this(DEFAULT_SEED);
  }

  public ModelTrainer(long seed) {
    this.seed = seed;
  }

  /**
   * Trains, calibrates and evaluates a model.
   *
   * @throws InvalidInputException when there are fewer than 100 leads or a time slice lacks
   *     converted or unconverted leads
   */
  public TrainedModel train(List<LabelledLead> data, String version, String dataDescription) {
    List<LabelledLead> sorted = byTime(data);
    int n = sorted.size();
    int holdoutStart = n - (int) Math.round(n * HOLDOUT_FRACTION);
    int calibrationStart = holdoutStart - (int) Math.round(n * CALIBRATION_FRACTION);
    List<LabelledLead> fit = sorted.subList(0, calibrationStart);
    List<LabelledLead> calibration = sorted.subList(calibrationStart, holdoutStart);
    List<LabelledLead> holdout = sorted.subList(holdoutStart, n);
    requireUsable(n, fit, calibration, holdout);

    FeatureEncoder encoder = FeatureEncoder.fit(fit.stream().map(LabelledLead::features).toList());
    LinearSGDModel tribuo = fitTribuo(encoder, fit, dataDescription);
    LeadModel uncalibrated =
        new LeadModel(version, encoder, tribuo, PlattScaling.IDENTITY, null, null);
    PlattScaling platt = calibrate(uncalibrated, calibration);
    LeadModel calibrated = new LeadModel(version, encoder, tribuo, platt, null, null);

    double[] p = new double[holdout.size()];
    boolean[] y = new boolean[holdout.size()];
    for (int i = 0; i < p.length; i++) {
      p[i] = calibrated.score(holdout.get(i).features()).probability();
      y[i] = holdout.get(i).converted();
    }
    ModelMetrics metrics = Evaluation.evaluate(p, y, fit.size() + calibration.size());
    ModelProvenance provenance =
        new ModelProvenance(
            LinearSGDTrainer.class.getName(),
            hyperparameters(),
            seed,
            dataDescription,
            fit.size(),
            calibration.size(),
            holdout.size(),
            Instant.now(),
            Tribuo.VERSION);
    return new TrainedModel(
        new LeadModel(version, encoder, tribuo, platt, metrics, provenance), holdout);
  }

  /** The newest 20 % of {@code data} by time: the slice {@link #train} holds out. */
  public static List<LabelledLead> holdout(List<LabelledLead> data) {
    List<LabelledLead> sorted = byTime(data);
    int n = sorted.size();
    return List.copyOf(sorted.subList(n - (int) Math.round(n * HOLDOUT_FRACTION), n));
  }

  private LinearSGDModel fitTribuo(
      FeatureEncoder encoder, List<LabelledLead> fit, String dataDescription) {
    Instant newest = fit.get(fit.size() - 1).at();
    MutableDataset<Label> dataset =
        new MutableDataset<>(
            new SimpleDataSourceProvenance(
                dataDescription, newest.atOffset(ZoneOffset.UTC), TribuoData.FACTORY),
            TribuoData.FACTORY);
    for (LabelledLead lead : fit) {
      dataset.add(
          TribuoData.example(encoder.encode(lead.features()), TribuoData.label(lead.converted())));
    }
    LinearSGDTrainer trainer =
        new LinearSGDTrainer(
            new LogMulticlass(), new AdaGrad(LEARNING_RATE, EPSILON), EPOCHS, -1, MINIBATCH, seed);
    return trainer.train(dataset);
  }

  private static PlattScaling calibrate(LeadModel uncalibrated, List<LabelledLead> slice) {
    double[] logits = new double[slice.size()];
    boolean[] converted = new boolean[slice.size()];
    for (int i = 0; i < logits.length; i++) {
      logits[i] = uncalibrated.score(slice.get(i).features()).logit();
      converted[i] = slice.get(i).converted();
    }
    return PlattScaling.fit(logits, converted);
  }

  private Map<String, String> hyperparameters() {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("objective", "LogMulticlass");
    h.put("optimiser", "AdaGrad(learningRate=" + LEARNING_RATE + ",epsilon=" + EPSILON + ")");
    h.put("epochs", Integer.toString(EPOCHS));
    h.put("minibatchSize", Integer.toString(MINIBATCH));
    h.put("calibration", "Platt scaling on the logit");
    h.put("split", "time-ordered: fit 64 %, calibration 16 %, holdout 20 %");
    h.put("encoding", "one-hot categories, standardised numerics, missing-value indicators");
    return h;
  }

  private static List<LabelledLead> byTime(List<LabelledLead> data) {
    List<LabelledLead> sorted = new ArrayList<>(data);
    sorted.sort(Comparator.comparing(LabelledLead::at));
    return sorted;
  }

  private static void requireUsable(
      int n, List<LabelledLead> fit, List<LabelledLead> calibration, List<LabelledLead> holdout) {
    List<String> problems = new ArrayList<>();
    if (n < MIN_ROWS) {
      problems.add("need at least " + MIN_ROWS + " leads, got " + n);
    } else {
      bothOutcomes("fit (oldest 64 %)", fit, problems);
      bothOutcomes("calibration (next 16 %)", calibration, problems);
      bothOutcomes("holdout (newest 20 %)", holdout, problems);
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException("training data cannot train a model", problems);
    }
  }

  private static void bothOutcomes(String slice, List<LabelledLead> leads, List<String> problems) {
    long converted = leads.stream().filter(LabelledLead::converted).count();
    if (converted == 0 || converted == leads.size()) {
      problems.add(slice + " needs both converted and unconverted leads");
    }
  }
}
