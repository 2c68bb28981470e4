package ai.jorge.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.jorge.Json;
import ai.jorge.events.EventLog;
import ai.jorge.events.InProcessEventBus;
import ai.jorge.scoring.LeadModel;
import ai.jorge.store.Database;
import ai.jorge.support.Backend;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** PSI of recent lead scores against the model's evaluation distribution, as jorge_model_drift. */
class DriftCheckTest {
  private static final double[] UNIFORM = {.1, .1, .1, .1, .1, .1, .1, .1, .1, .1};

  private static List<Double> spread(int n, double from, double to) {
    List<Double> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(from + (to - from) * (i + 0.5) / n);
    }
    return out;
  }

  private static DriftCheck.Scores scores(double[] baseline, List<Double> recent) {
    return new DriftCheck.Scores() {
      @Override
      public Optional<double[]> baselineShares() {
        return Optional.of(baseline);
      }

      @Override
      public List<Double> recent(Instant since) {
        return recent;
      }
    };
  }

  @Test
  void the_same_distribution_has_no_drift() {
    var meters = new SimpleMeterRegistry();
    new DriftCheck(scores(UNIFORM, spread(1000, 0, 1)), meters, Clock.systemUTC()).run();
    assertThat(meters.get("jorge.model.drift").gauge().value()).isCloseTo(0, within(1e-9));
  }

  @Test
  void scores_piled_into_the_top_bins_exceed_the_alert_line() {
    var meters = new SimpleMeterRegistry();
    new DriftCheck(scores(UNIFORM, spread(500, 0.8, 1.0)), meters, Clock.systemUTC()).run();
    assertThat(meters.get("jorge.model.drift").gauge().value()).isGreaterThan(0.2);
  }

  @Test
  void too_few_recent_scores_leave_the_gauge_unmeasured() {
    var meters = new SimpleMeterRegistry();
    new DriftCheck(scores(UNIFORM, spread(5, 0, 1)), meters, Clock.systemUTC()).run();
    assertThat(meters.get("jorge.model.drift").gauge().value()).isNaN();
  }

  @Test
  void psi_matches_the_textbook_formula() {
    double[] expected = {0.5, 0.5};
    double[] actual = {0.6, 0.4};
    double want = (0.6 - 0.5) * Math.log(0.6 / 0.5) + (0.4 - 0.5) * Math.log(0.4 / 0.5);
    assertThat(DriftCheck.psi(expected, actual)).isCloseTo(want, within(1e-12));
  }

  @Test
  void recent_scores_are_read_from_lead_scored_events() {
    try (var testDb = Backend.H2.create()) {
      Database db = Database.migrateAndConnect(testDb.config(), new SimpleMeterRegistry());
      try {
        var log =
            new EventLog(db.jdbi(), new InProcessEventBus(), Json.newMapper(), Clock.systemUTC(), "t");
        log.record("leads", "lead.scored", Map.of("probability", 0.73));
        log.record("leads", "lead.scored", Map.of("score", 41));
        log.record("leads", "lead.updated", Map.of("probability", 0.99));
        LoggedScores source =
            new LoggedScores(
                db.jdbi(),
                Json.newMapper(),
                () -> {
                  throw new AssertionError("the model is not needed to read scores");
                });
        List<Double> recent = new ArrayList<>(source.recent(Instant.now().minusSeconds(60)));
        Collections.sort(recent);
        assertThat(recent).containsExactly(0.41, 0.73);
      } finally {
        db.close();
      }
    }
  }

  @Test
  void the_baseline_is_the_share_of_evaluation_leads_per_probability_bin() {
    LeadModel model = ai.jorge.scoring.DefaultModel.train();
    double[] shares = new LoggedScores(null, Json.newMapper(), () -> model).baselineShares().orElseThrow();
    assertThat(java.util.Arrays.stream(shares).sum()).isCloseTo(1.0, within(1e-9));
    int total = model.metrics().reliability().stream().mapToInt(b -> b.count()).sum();
    var first = model.metrics().reliability().get(0);
    int bin = (int) Math.round(first.lower() * 10);
    assertThat(shares[bin]).isCloseTo((double) first.count() / total, within(1e-9));
  }
}
