package ai.jorge.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daily model drift check (SPEC §7): the population stability index of the lead-score
 * probabilities of the last day against the distribution the model was evaluated on, in ten
 * equal-width probability bins, exposed as {@code jorge_model_drift} (NaN until a day with scores
 * was measured). PSI above 0.2 is the usual "the population moved" line the alert uses.
 * Thread-safe; run on one instance, each instance's gauge shows the value it last computed.
 */
public final class DriftCheck implements Runnable {
  public static final Duration EVERY = Duration.ofHours(24);
  static final int BINS = 10;
  private static final double EPSILON = 1e-4;
  private static final int MIN_RECENT = 20;
  private static final Logger log = LoggerFactory.getLogger(DriftCheck.class);

  private final Scores scores;
  private final Clock clock;
  private final AtomicReference<Double> last = new AtomicReference<>(Double.NaN);

  /** Where the probabilities come from. */
  public interface Scores {
    /** Share of the model's evaluation leads in each of the ten probability bins. */
    Optional<double[]> baselineShares();

    /** Probabilities (0–1) of the leads scored since {@code since}. */
    List<Double> recent(java.time.Instant since);
  }

  public DriftCheck(Scores scores, MeterRegistry meters, Clock clock) {
    this.scores = scores;
    this.clock = clock;
    Gauge.builder("jorge.model.drift", last, AtomicReference::get)
        .description("population stability index of recent lead scores vs the model's evaluation")
        .register(meters);
  }

  @Override
  public void run() {
    List<Double> recent = scores.recent(clock.instant().minus(EVERY));
    if (recent.size() < MIN_RECENT) {
      log.info("drift check: {} scores in the last day, too few to compare", recent.size());
      return;
    }
    Optional<double[]> baseline = scores.baselineShares();
    if (baseline.isEmpty()) {
      return;
    }
    double psi = psi(baseline.get(), shares(recent));
    last.set(psi);
    log.info("drift check: PSI {} over {} recent scores", String.format("%.4f", psi), recent.size());
  }

  /** The last PSI computed, NaN before the first. */
  public double lastPsi() {
    return last.get();
  }

  /** Share of probabilities in each of the ten bins {@code [0,0.1) … [0.9,1.0]}. */
  static double[] shares(List<Double> probabilities) {
    double[] out = new double[BINS];
    for (double p : probabilities) {
      out[Math.min(BINS - 1, Math.max(0, (int) Math.floor(p * BINS)))]++;
    }
    for (int i = 0; i < BINS; i++) {
      out[i] /= probabilities.size();
    }
    return out;
  }

  /** PSI = Σ (actual − expected) · ln(actual / expected), empty bins floored at 1e-4. */
  static double psi(double[] expected, double[] actual) {
    double sum = 0;
    for (int i = 0; i < expected.length; i++) {
      double e = Math.max(expected[i], EPSILON);
      double a = Math.max(actual[i], EPSILON);
      sum += (a - e) * Math.log(a / e);
    }
    return sum;
  }
}
