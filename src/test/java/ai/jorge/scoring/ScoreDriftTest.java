package ai.jorge.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScoreDriftTest {
  @Test
  void the_same_distribution_has_no_drift_and_a_shifted_one_has_a_large_index() {
    double[] holdout = {400, 200, 100, 80, 60, 50, 40, 30, 25, 15};
    double[] same = {800, 400, 200, 160, 120, 100, 80, 60, 50, 30};
    double[] shifted = {15, 25, 30, 40, 50, 60, 80, 100, 200, 400};

    assertThat(ScoreDrift.psi(holdout, same))
        .isCloseTo(0, org.assertj.core.data.Offset.offset(1e-3));
    assertThat(ScoreDrift.psi(holdout, shifted)).isGreaterThan(0.2);
  }

  @Test
  void an_empty_bin_on_one_side_stays_finite() {
    double[] holdout = {100, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    double[] recent = {0, 0, 0, 0, 0, 0, 0, 0, 0, 100};

    assertThat(ScoreDrift.psi(holdout, recent)).isFinite().isGreaterThan(1);
  }
}
