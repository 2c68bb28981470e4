package ai.jorge.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Enforces the thresholds written in docs/scoring.md ("Thresholds the tests enforce"). */
class DefaultModelTest {
  static final long OTHER_SEED = 4_242L;
  static final double MIN_AUC = 0.83;
  static final double MAX_ECE = 0.025;
  static final double MAX_BRIER = 0.125;
  static final double MIN_LIFT = 3.0;

  @Test
  void the_default_model_reaches_its_documented_quality_on_leads_from_another_seed() {
    ModelMetrics m =
        Evaluation.evaluate(
            Leads.defaultModel(), SyntheticLeads.generate(OTHER_SEED, DefaultModel.ROWS));

    assertThat(m.auc()).isGreaterThanOrEqualTo(MIN_AUC);
    assertThat(m.ece()).isLessThanOrEqualTo(MAX_ECE);
    assertThat(m.brier()).isLessThanOrEqualTo(MAX_BRIER);
    assertThat(m.topDecileLift()).isGreaterThanOrEqualTo(MIN_LIFT);
  }

  @Test
  void the_default_model_reaches_its_documented_quality_on_its_own_time_ordered_holdout() {
    ModelMetrics m = Leads.defaultModel().metrics();

    assertThat(m.holdoutRows()).isEqualTo(DefaultModel.ROWS / 5);
    assertThat(m.auc()).isGreaterThanOrEqualTo(MIN_AUC);
    assertThat(m.ece()).isLessThanOrEqualTo(MAX_ECE);
  }
}
