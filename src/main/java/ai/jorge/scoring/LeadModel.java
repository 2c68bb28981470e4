package ai.jorge.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.math.la.DenseMatrix;

/**
 * A trained, calibrated lead-conversion model: scores leads with per-feature explanations and
 * carries its version, metrics and provenance. Scoring is a dot product with a weight vector taken
 * from the Tribuo model's weights once, at construction, and scaled by the Platt calibration, so
 * every contribution is exact and a score takes microseconds. Immutable and thread-safe; persist it
 * with {@link #toBytes()}.
 */
public final class LeadModel {
  private static final int TOP = 3;

  private final String version;
  private final FeatureEncoder encoder;
  private final LinearSGDModel tribuo;
  private final PlattScaling calibration;
  private final ModelMetrics metrics;
  private final ModelProvenance provenance;
  private final double[] weights;
  private final double intercept;

  LeadModel(
      String version,
      FeatureEncoder encoder,
      LinearSGDModel tribuo,
      PlattScaling calibration,
      ModelMetrics metrics,
      ModelProvenance provenance) {
    this.version = Objects.requireNonNull(version, "version");
    this.encoder = encoder;
    this.tribuo = tribuo;
    this.calibration = calibration;
    this.metrics = metrics;
    this.provenance = provenance;
    DenseMatrix w = tribuo.getWeightsCopy();
    int positive = tribuo.getOutputIDInfo().getID(TribuoData.label(true));
    int negative = tribuo.getOutputIDInfo().getID(TribuoData.label(false));
    if (positive < 0 || negative < 0) {
      throw new IllegalArgumentException("the Tribuo model must know both outcomes");
    }
    ImmutableFeatureMap features = tribuo.getFeatureIDMap();
    List<String> columns = FeatureEncoder.names();
    for (var info : features) {
      if (!columns.contains(info.getName())) {
        throw new IllegalArgumentException(
            "the Tribuo model has an unknown column " + info.getName());
      }
    }
    this.weights = new double[columns.size()];
    for (int j = 0; j < weights.length; j++) {
      int id = features.getID(columns.get(j));
      weights[j] = id < 0 ? 0 : calibration.slope() * (w.get(positive, id) - w.get(negative, id));
    }
    int bias = w.getDimension2Size() - 1;
    this.intercept = calibration.apply(w.get(positive, bias) - w.get(negative, bias));
  }

  /** Scores one lead: calibrated probability, 0–100 score and the top factors either way. */
  public Score score(LeadFeatures features) {
    double[] contributions = contributions(features);
    double logit = intercept;
    for (double c : contributions) {
      logit += c;
    }
    double probability = PlattScaling.sigmoid(logit);
    return new Score(
        probability,
        (int) Math.round(100 * probability),
        version,
        top(features, contributions, 1),
        top(features, contributions, -1),
        logit,
        intercept);
  }

  public String version() {
    return version;
  }

  public ModelMetrics metrics() {
    return metrics;
  }

  public ModelProvenance provenance() {
    return provenance;
  }

  /** The model, its calibration and its metadata, for {@link #fromBytes(byte[])}. */
  public byte[] toBytes() {
    return ModelArtifact.write(this);
  }

  /**
   * Restores a model written by {@link #toBytes()}.
   *
   * @throws IllegalArgumentException when the bytes are not a model of this feature schema
   */
  public static LeadModel fromBytes(byte[] bytes) {
    return ModelArtifact.read(bytes);
  }

  /**
   * Every feature's contribution to the calibrated logit, in {@link LeadFeatures#names()} order.
   */
  double[] contributions(LeadFeatures features) {
    double[] x = encoder.encode(features);
    double[] contributions = new double[FeatureSchema.size()];
    for (int j = 0; j < x.length; j++) {
      contributions[FeatureEncoder.featureOf(j)] += weights[j] * x[j];
    }
    return contributions;
  }

  /** The calibrated logit computed by Tribuo's own prediction, for verification. */
  double tribuoLogit(LeadFeatures features) {
    Prediction<Label> prediction =
        tribuo.predict(
            TribuoData.example(encoder.encode(features), TribuoData.FACTORY.getUnknownOutput()));
    double converted = prediction.getOutputScores().get(TribuoData.CONVERTED).getScore();
    double notConverted = prediction.getOutputScores().get(TribuoData.NOT_CONVERTED).getScore();
    return calibration.apply(Math.log(converted) - Math.log(notConverted));
  }

  FeatureEncoder encoder() {
    return encoder;
  }

  LinearSGDModel tribuo() {
    return tribuo;
  }

  PlattScaling calibration() {
    return calibration;
  }

  private static List<Factor> top(LeadFeatures features, double[] contributions, int sign) {
    List<Factor> factors = new ArrayList<>(TOP);
    boolean[] taken = new boolean[contributions.length];
    for (int n = 0; n < TOP; n++) {
      int best = -1;
      for (int k = 0; k < contributions.length; k++) {
        double c = sign * contributions[k];
        if (!taken[k] && c > 0 && (best < 0 || c > sign * contributions[best])) {
          best = k;
        }
      }
      if (best < 0) {
        break;
      }
      taken[best] = true;
      factors.add(
          new Factor(FeatureSchema.NAMES.get(best), features.value(best), contributions[best]));
    }
    return factors;
  }
}
