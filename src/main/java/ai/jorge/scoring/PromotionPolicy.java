package ai.jorge.scoring;

/**
 * Decides whether a retrained candidate replaces the current model: only when, on the same
 * time-ordered holdout, its AUC is no lower and its expected calibration error no higher than the
 * current model's, each within a tolerance (zero by default). Metrics that are NaN never promote.
 * Immutable and thread-safe.
 */
public final class PromotionPolicy {
  private final double aucTolerance;
  private final double eceTolerance;

  /** The strict policy of the spec: no worse on either metric. */
  public PromotionPolicy() {
    this(0, 0);
  }

  /**
   * A policy that forgives a candidate an AUC lower by at most {@code aucTolerance} and an ECE
   * higher by at most {@code eceTolerance}.
   */
  public PromotionPolicy(double aucTolerance, double eceTolerance) {
    if (!(aucTolerance >= 0) || !(eceTolerance >= 0)) {
      throw new IllegalArgumentException("tolerances must be >= 0");
    }
    this.aucTolerance = aucTolerance;
    this.eceTolerance = eceTolerance;
  }

  /**
   * True when {@code candidate} is no worse than {@code current}. Both must be measured on the same
   * holdout: evaluate the current model on {@link TrainedModel#holdout()} with {@link
   * Evaluation#evaluate(LeadModel, java.util.List)}.
   */
  public boolean shouldPromote(ModelMetrics current, ModelMetrics candidate) {
    if (Double.isNaN(candidate.auc()) || Double.isNaN(candidate.ece())) {
      return false;
    }
    if (Double.isNaN(current.auc()) || Double.isNaN(current.ece())) {
      return true;
    }
    return candidate.auc() >= current.auc() - aucTolerance
        && candidate.ece() <= current.ece() + eceTolerance;
  }
}
