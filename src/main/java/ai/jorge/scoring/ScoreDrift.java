package ai.jorge.scoring;

import ai.jorge.events.EventLog;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code jorge_model_drift}: the population stability index between the active model's predictions
 * on its holdout (the counts of its reliability table) and the probabilities of the scores stored
 * in the last 24 hours, over the same ten bins, each bin smoothed by half a lead. NaN while fewer
 * than {@value #MIN_RECENT} scores were stored in the window or the stored scores came from another
 * model version. Computed at most once a minute, when scraped. Thread-safe.
 */
public final class ScoreDrift {
  static final int MIN_RECENT = 100;
  static final double ALERT_PSI = 0.2;
  private static final Duration WINDOW = Duration.ofHours(24);
  private static final Duration CACHE = Duration.ofMinutes(1);

  private final Jdbi jdbi;
  private final ActiveModel model;
  private final Clock clock;
  private Instant computedAt = Instant.MIN;
  private double value = Double.NaN;

  public ScoreDrift(Jdbi jdbi, ActiveModel model, Clock clock, MeterRegistry meters) {
    this.jdbi = jdbi;
    this.model = model;
    this.clock = clock;
    Gauge.builder("jorge.model.drift", this, ScoreDrift::current)
        .description("PSI of recent lead scores against the active model's holdout")
        .strongReference(true)
        .register(meters);
  }

  synchronized double current() {
    Instant now = clock.instant();
    if (now.isBefore(computedAt.plus(CACHE))) {
      return value;
    }
    computedAt = now;
    try {
      value = compute(now);
    } catch (RuntimeException e) {
      value = Double.NaN;
    }
    return value;
  }

  /**
   * The daily drift check: recomputes the index and, above {@value #ALERT_PSI} (the usual
   * "significant shift" line), records a {@code system.alert} event for the dashboard.
   */
  public void check(EventLog events) {
    double psi;
    synchronized (this) {
      computedAt = Instant.MIN;
    }
    psi = current();
    if (psi > ALERT_PSI) {
      events.record(
          "system",
          "alert",
          Map.of(
              "alert", "model_drift",
              "psi", psi,
              "model_version", model.get().version(),
              "message", "lead scores have drifted from the model's holdout; consider retraining"));
    }
  }

  private double compute(Instant now) {
    LeadModel m = model.get();
    if (m == null) {
      return Double.NaN;
    }
    double[] expected = new double[Evaluation.BINS];
    for (ReliabilityBin bin : m.metrics().reliability()) {
      expected[Math.min((int) Math.round(bin.lower() * Evaluation.BINS), Evaluation.BINS - 1)] =
          bin.count();
    }
    double[] actual = new double[Evaluation.BINS];
    int n =
        jdbi.withHandle(
            h ->
                h
                    .createQuery(
                        "SELECT probability FROM scores WHERE scored_at > :t AND model_version ="
                            + " :v")
                    .bind("t", now.minus(WINDOW))
                    .bind("v", m.version())
                    .mapTo(Double.class)
                    .stream()
                    .mapToInt(
                        p -> {
                          actual[Math.min((int) (p * Evaluation.BINS), Evaluation.BINS - 1)]++;
                          return 1;
                        })
                    .sum());
    return n < MIN_RECENT ? Double.NaN : psi(expected, actual);
  }

  /**
   * Population stability index of two histograms over the same bins, half a count added to each.
   */
  static double psi(double[] expected, double[] actual) {
    double e = 0;
    double a = 0;
    for (int i = 0; i < expected.length; i++) {
      e += expected[i] + 0.5;
      a += actual[i] + 0.5;
    }
    double psi = 0;
    for (int i = 0; i < expected.length; i++) {
      double pe = (expected[i] + 0.5) / e;
      double pa = (actual[i] + 0.5) / a;
      psi += (pa - pe) * Math.log(pa / pe);
    }
    return psi;
  }
}
