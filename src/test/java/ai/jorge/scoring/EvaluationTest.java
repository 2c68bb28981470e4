package ai.jorge.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class EvaluationTest {
  static final boolean T = true;
  static final boolean F = false;

  @Test
  void auc_of_a_perfect_ranking_is_one_of_a_reversed_ranking_zero_and_of_ties_one_half() {
    boolean[] y = {F, F, T, T};

    assertThat(Evaluation.auc(new double[] {0.1, 0.2, 0.8, 0.9}, y)).isEqualTo(1.0);
    assertThat(Evaluation.auc(new double[] {0.9, 0.8, 0.2, 0.1}, y)).isEqualTo(0.0);
    assertThat(Evaluation.auc(new double[] {0.5, 0.5, 0.5, 0.5}, y)).isEqualTo(0.5);
  }

  @Test
  void auc_counts_a_tied_pair_as_one_half() {
    // pairs (pos, neg): (0.4,0.1)=1 (0.4,0.4)=0.5 (0.7,0.1)=1 (0.7,0.4)=1 -> 3.5 / 4
    assertThat(Evaluation.auc(new double[] {0.1, 0.4, 0.4, 0.7}, new boolean[] {F, F, T, T}))
        .isEqualTo(0.875);
  }

  @Test
  void auc_is_undefined_with_one_class() {
    assertThat(Evaluation.auc(new double[] {0.1, 0.2}, new boolean[] {T, T})).isNaN();
  }

  @Test
  void brier_is_the_mean_squared_error() {
    assertThat(Evaluation.brier(new double[] {0.9, 0.2}, new boolean[] {T, F}))
        .isCloseTo((0.01 + 0.04) / 2, within(1e-15));
  }

  @Test
  void ece_of_perfectly_calibrated_bins_is_zero() {
    double[] p = {0.25, 0.25, 0.25, 0.25, 0.75, 0.75, 0.75, 0.75};
    boolean[] y = {T, F, F, F, T, T, T, F};

    assertThat(Evaluation.expectedCalibrationError(p, y)).isCloseTo(0, within(1e-15));
  }

  @Test
  void ece_weights_each_bins_gap_by_its_share_of_leads() {
    // bin 0.1-0.2: 3 leads, mean 0.1, observed 1/3; bin 0.9-1.0: 1 lead, mean 1.0, observed 1
    double[] p = {0.1, 0.1, 0.1, 1.0};
    boolean[] y = {T, F, F, T};

    assertThat(Evaluation.expectedCalibrationError(p, y))
        .isCloseTo(3.0 / 4 * (1.0 / 3 - 0.1), within(1e-12));
    assertThat(Evaluation.reliability(p, y))
        .extracting(ReliabilityBin::lower, ReliabilityBin::count)
        .containsExactly(tuple(0.1, 3), tuple(0.9, 1));
  }

  @Test
  void top_decile_lift_compares_the_top_tenth_with_the_base_rate() {
    double[] p = new double[20];
    boolean[] y = new boolean[20];
    for (int i = 0; i < 20; i++) {
      p[i] = i / 20.0;
      y[i] = i >= 18 || i == 3;
    }
    // top 2 both converted (rate 1.0); base rate 3/20
    assertThat(Evaluation.topDecileLift(p, y)).isCloseTo(20.0 / 3, within(1e-12));
  }

  @Test
  void the_report_prints_every_metric_and_the_reliability_table() {
    ModelMetrics m =
        Evaluation.evaluate(new double[] {0.1, 0.1, 0.1, 1.0}, new boolean[] {T, F, F, T}, 16);

    assertThat(Evaluation.report(m))
        .contains(
            "AUC",
            "Brier score",
            "ECE (10 bins)",
            "Top-decile lift",
            "Reliability",
            "0.1 - 0.2",
            "16 learnt from");
    assertThat(m.baseRate()).isEqualTo(0.5);
    assertThat(m.holdoutRows()).isEqualTo(4);
  }
}
