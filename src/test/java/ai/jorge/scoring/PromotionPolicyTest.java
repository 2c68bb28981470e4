package ai.jorge.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PromotionPolicyTest {
  private final PromotionPolicy policy = new PromotionPolicy();
  private final List<LabelledLead> data = SyntheticLeads.generate(31, 6_000);

  private List<LabelledLead> shuffledLabels() {
    List<Boolean> labels = new ArrayList<>(data.stream().map(LabelledLead::converted).toList());
    Collections.shuffle(labels, new Random(1));
    List<LabelledLead> shuffled = new ArrayList<>();
    for (int i = 0; i < data.size(); i++) {
      shuffled.add(new LabelledLead(data.get(i).features(), labels.get(i), data.get(i).at()));
    }
    return shuffled;
  }

  @Test
  void refuses_a_candidate_trained_on_shuffled_labels() {
    TrainedModel current = new ModelTrainer().train(data, "current", "test");
    TrainedModel candidate = new ModelTrainer().train(shuffledLabels(), "candidate", "shuffled");
    List<LabelledLead> holdout = current.holdout();

    assertThat(
            policy.shouldPromote(
                Evaluation.evaluate(current.model(), holdout),
                Evaluation.evaluate(candidate.model(), holdout)))
        .isFalse();
  }

  @Test
  void promotes_a_better_candidate_over_a_model_trained_on_noise() {
    TrainedModel current = new ModelTrainer().train(shuffledLabels(), "current", "shuffled");
    TrainedModel candidate = new ModelTrainer().train(data, "candidate", "test");
    List<LabelledLead> holdout = candidate.holdout();

    assertThat(
            policy.shouldPromote(
                Evaluation.evaluate(current.model(), holdout), candidate.model().metrics()))
        .isTrue();
  }

  @Test
  void promotes_an_equal_candidate() {
    ModelMetrics m = Leads.defaultModel().metrics();

    assertThat(policy.shouldPromote(m, m)).isTrue();
  }

  @Test
  void refuses_a_candidate_worse_on_either_metric_unless_within_the_tolerance() {
    ModelMetrics current = metrics(0.80, 0.020);

    assertThat(policy.shouldPromote(current, metrics(0.799, 0.020))).isFalse();
    assertThat(policy.shouldPromote(current, metrics(0.85, 0.021))).isFalse();
    assertThat(new PromotionPolicy(0.005, 0.002).shouldPromote(current, metrics(0.799, 0.021)))
        .isTrue();
    assertThat(policy.shouldPromote(current, metrics(Double.NaN, 0.0))).isFalse();
  }

  private static ModelMetrics metrics(double auc, double ece) {
    return new ModelMetrics(auc, 0.1, ece, 3.0, List.of(), 1_000, 250, 0.2);
  }
}
