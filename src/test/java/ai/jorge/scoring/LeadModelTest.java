package ai.jorge.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LeadModelTest {
  private final LeadModel model = Leads.defaultModel();
  private final List<LabelledLead> leads = SyntheticLeads.generate(77, 500);

  @Test
  void contributions_of_all_features_plus_the_intercept_sum_to_the_logit() {
    for (LabelledLead lead : leads) {
      Score score = model.score(lead.features());
      double sum = score.intercept() + Arrays.stream(model.contributions(lead.features())).sum();

      assertThat(sum).isCloseTo(score.logit(), within(1e-9));
      assertThat(score.probability()).isCloseTo(1 / (1 + Math.exp(-score.logit())), within(1e-12));
      assertThat(score.score()).isEqualTo((int) Math.round(100 * score.probability()));
    }
  }

  @Test
  void the_logit_is_the_calibrated_logit_of_tribuos_own_prediction() {
    for (LabelledLead lead : leads) {
      assertThat(model.score(lead.features()).logit())
          .isCloseTo(model.tribuoLogit(lead.features()), within(1e-9));
    }
  }

  @Test
  void lists_the_three_largest_factors_each_way_in_order() {
    for (LabelledLead lead : leads) {
      Score score = model.score(lead.features());
      double[] all = model.contributions(lead.features());
      double[] sorted = Arrays.stream(all).sorted().toArray();

      assertThat(score.positive())
          .hasSizeLessThanOrEqualTo(3)
          .allSatisfy(f -> assertThat(f.contribution()).isPositive());
      assertThat(score.negative())
          .hasSizeLessThanOrEqualTo(3)
          .allSatisfy(f -> assertThat(f.contribution()).isNegative());
      assertThat(score.positive())
          .extracting(Factor::contribution)
          .containsExactlyElementsOf(
              Arrays.stream(sorted)
                  .map(c -> -c)
                  .sorted()
                  .map(c -> -c)
                  .filter(c -> c > 0)
                  .limit(3)
                  .boxed()
                  .toList());
      assertThat(score.negative())
          .extracting(Factor::contribution)
          .containsExactlyElementsOf(
              Arrays.stream(sorted).filter(c -> c < 0).limit(3).boxed().toList());
      for (Factor f : score.positive()) {
        assertThat(f.value()).isEqualTo(lead.features().toMap().get(f.feature()));
      }
    }
  }

  @Test
  void a_hot_seller_scores_higher_than_a_cold_buyer() {
    Score hot = model.score(Leads.hotSeller());
    Score cold = model.score(Leads.coldBuyer());

    assertThat(hot.probability()).isGreaterThan(cold.probability() + 0.3);
    assertThat(hot.modelVersion()).isEqualTo(DefaultModel.VERSION);
    assertThat(cold.negative()).extracting(Factor::feature).contains("financing");
  }

  @Test
  void a_serialisation_round_trip_gives_identical_scores_metrics_and_provenance() {
    LeadModel restored = LeadModel.fromBytes(model.toBytes());

    assertThat(restored.version()).isEqualTo(model.version());
    assertThat(restored.metrics()).isEqualTo(model.metrics());
    assertThat(restored.provenance()).isEqualTo(model.provenance());
    for (LabelledLead lead : leads) {
      assertThat(restored.score(lead.features())).isEqualTo(model.score(lead.features()));
    }
  }

  @Test
  void bytes_that_are_not_a_model_are_refused() {
    byte[] bytes = model.toBytes();

    assertThatThrownBy(() -> LeadModel.fromBytes("hello".getBytes()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LeadModel.fromBytes(Arrays.copyOf(bytes, bytes.length / 2)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void training_twice_with_the_same_seed_gives_the_same_model() {
    List<LabelledLead> data = SyntheticLeads.generate(5, 3_000);
    LeadModel first = new ModelTrainer(9).train(data, "a", "test").model();
    LeadModel second = new ModelTrainer(9).train(data, "a", "test").model();

    assertThat(second.metrics()).isEqualTo(first.metrics());
    for (LabelledLead lead : leads) {
      assertThat(second.score(lead.features())).isEqualTo(first.score(lead.features()));
    }
  }

  @Test
  void the_model_carries_its_provenance() {
    ModelProvenance p = model.provenance();

    assertThat(p.trainer()).isEqualTo("org.tribuo.classification.sgd.linear.LinearSGDTrainer");
    assertThat(p.tribuoVersion()).isEqualTo("4.3.2");
    assertThat(p.dataDescription()).contains("synthetic", "seed " + DefaultModel.SEED);
    assertThat(p.fitRows() + p.calibrationRows() + p.holdoutRows()).isEqualTo(DefaultModel.ROWS);
    assertThat(p.holdoutRows()).isEqualTo(model.metrics().holdoutRows());
    assertThat(p.hyperparameters()).containsKeys("optimiser", "epochs", "calibration");
  }
}
