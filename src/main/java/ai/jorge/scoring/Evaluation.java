package ai.jorge.scoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Quality metrics of predicted probabilities against outcomes: AUC, Brier score, expected
 * calibration error, top-decile lift and a reliability table, plus the human-readable report that
 * {@code jorge train} and {@code jorge evaluate} print. Stateless and thread-safe.
 */
public final class Evaluation {
  static final int BINS = 10;

  private Evaluation() {}

  /** Scores every lead with {@code model} and compares with the outcomes. */
  public static ModelMetrics evaluate(LeadModel model, List<LabelledLead> leads) {
    double[] p = new double[leads.size()];
    boolean[] y = new boolean[leads.size()];
    for (int i = 0; i < p.length; i++) {
      p[i] = model.score(leads.get(i).features()).probability();
      y[i] = leads.get(i).converted();
    }
    return evaluate(p, y, model.metrics().trainRows());
  }

  public static ModelMetrics evaluate(double[] probabilities, boolean[] converted, int trainRows) {
    if (probabilities.length != converted.length) {
      throw new IllegalArgumentException(
          probabilities.length + " probabilities but " + converted.length + " outcomes");
    }
    return new ModelMetrics(
        auc(probabilities, converted),
        brier(probabilities, converted),
        expectedCalibrationError(probabilities, converted),
        topDecileLift(probabilities, converted),
        reliability(probabilities, converted),
        trainRows,
        probabilities.length,
        baseRate(converted));
  }

  /** Mann-Whitney rank statistic; tied probabilities share their average rank. */
  public static double auc(double[] p, boolean[] y) {
    int n = p.length;
    Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
    double positiveRankSum = 0;
    long positives = 0;
    int i = 0;
    while (i < n) {
      int j = i;
      while (j + 1 < n && p[order[j + 1]] == p[order[i]]) {
        j++;
      }
      double averageRank = (i + j) / 2.0 + 1;
      for (int k = i; k <= j; k++) {
        if (y[order[k]]) {
          positiveRankSum += averageRank;
          positives++;
        }
      }
      i = j + 1;
    }
    long negatives = n - positives;
    if (positives == 0 || negatives == 0) {
      return Double.NaN;
    }
    return (positiveRankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
  }

  public static double brier(double[] p, boolean[] y) {
    double sum = 0;
    for (int i = 0; i < p.length; i++) {
      double e = p[i] - (y[i] ? 1 : 0);
      sum += e * e;
    }
    return p.length == 0 ? Double.NaN : sum / p.length;
  }

  /** Count-weighted mean of |mean prediction − observed rate| over ten equal-width bins. */
  public static double expectedCalibrationError(double[] p, boolean[] y) {
    double sum = 0;
    for (ReliabilityBin bin : reliability(p, y)) {
      sum += bin.count() * Math.abs(bin.meanPredicted() - bin.observedRate());
    }
    return p.length == 0 ? Double.NaN : sum / p.length;
  }

  /** Conversion rate of the top tenth (rounded up) by probability over the overall rate. */
  public static double topDecileLift(double[] p, boolean[] y) {
    double base = baseRate(y);
    if (p.length == 0 || base == 0) {
      return Double.NaN;
    }
    int top = (int) Math.ceil(p.length / 10.0);
    int[] order =
        IntStream.range(0, p.length)
            .boxed()
            .sorted(Comparator.comparingDouble((Integer i) -> -p[i]))
            .mapToInt(Integer::intValue)
            .toArray();
    int converted = 0;
    for (int k = 0; k < top; k++) {
      converted += y[order[k]] ? 1 : 0;
    }
    return ((double) converted / top) / base;
  }

  public static List<ReliabilityBin> reliability(double[] p, boolean[] y) {
    int[] count = new int[BINS];
    double[] predicted = new double[BINS];
    int[] positives = new int[BINS];
    for (int i = 0; i < p.length; i++) {
      int bin = Math.min((int) (p[i] * BINS), BINS - 1);
      count[bin]++;
      predicted[bin] += p[i];
      positives[bin] += y[i] ? 1 : 0;
    }
    List<ReliabilityBin> bins = new ArrayList<>();
    for (int b = 0; b < BINS; b++) {
      if (count[b] > 0) {
        bins.add(
            new ReliabilityBin(
                (double) b / BINS,
                (double) (b + 1) / BINS,
                count[b],
                predicted[b] / count[b],
                (double) positives[b] / count[b]));
      }
    }
    return bins;
  }

  static double baseRate(boolean[] y) {
    int positives = 0;
    for (boolean c : y) {
      positives += c ? 1 : 0;
    }
    return y.length == 0 ? Double.NaN : (double) positives / y.length;
  }

  /** The quality report: metrics, then the reliability table. */
  public static String report(ModelMetrics m) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "rows: %d learnt from, %d held out (newest); holdout conversion rate %.1f %%%n",
            m.trainRows(),
            m.holdoutRows(),
            100 * m.baseRate()));
    out.append(String.format(Locale.ROOT, "AUC               %.4f%n", m.auc()));
    out.append(String.format(Locale.ROOT, "Brier score       %.4f%n", m.brier()));
    out.append(String.format(Locale.ROOT, "ECE (10 bins)     %.4f%n", m.ece()));
    out.append(String.format(Locale.ROOT, "Top-decile lift   %.2fx%n", m.topDecileLift()));
    out.append(String.format(Locale.ROOT, "Reliability:%n"));
    out.append(
        String.format(
            Locale.ROOT,
            "  %-11s %7s %15s %9s%n",
            "predicted",
            "leads",
            "mean predicted",
            "observed"));
    for (ReliabilityBin bin : m.reliability()) {
      out.append(
          String.format(
              Locale.ROOT,
              "  %.1f - %.1f   %7d %15.3f %9.3f%n",
              bin.lower(),
              bin.upper(),
              bin.count(),
              bin.meanPredicted(),
              bin.observedRate()));
    }
    return out.toString();
  }
}
