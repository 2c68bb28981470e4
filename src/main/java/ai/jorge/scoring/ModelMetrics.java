package ai.jorge.scoring;

import java.util.List;

/**
 * How well a model's probabilities matched outcomes on held-out leads. {@code auc} and {@code
 * topDecileLift} are NaN when the holdout has only one class. Immutable.
 *
 * @param auc area under the ROC curve (rank statistic, ties count one half)
 * @param brier mean squared error of the probabilities
 * @param ece expected calibration error over ten equal-width bins
 * @param topDecileLift conversion rate of the top 10 % by probability divided by {@code baseRate}
 * @param reliability the non-empty bins of the ten equal-width probability bins
 * @param trainRows rows the model learnt from (weights and calibration)
 * @param holdoutRows rows the metrics were computed on
 * @param baseRate conversion rate in the holdout
 */
public record ModelMetrics(
    double auc,
    double brier,
    double ece,
    double topDecileLift,
    List<ReliabilityBin> reliability,
    int trainRows,
    int holdoutRows,
    double baseRate) {
  public ModelMetrics {
    reliability = List.copyOf(reliability);
  }
}
