package ai.jorge.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShippedDefaultModelTest {
  @Test
  void the_model_shipped_in_the_jar_is_the_one_the_default_training_produces() {
    assertThat(getClass().getResource(ShippedDefaultModel.RESOURCE))
        .as("regenerate with ShippedDefaultModelWriter.main")
        .isNotNull();
    LeadModel shipped = ShippedDefaultModel.load();
    LeadModel trained = Leads.defaultModel();

    assertThat(shipped.version()).isEqualTo(DefaultModel.VERSION);
    assertThat(shipped.metrics()).isEqualTo(trained.metrics());
    assertThat(shipped.provenance().dataDescription())
        .isEqualTo(trained.provenance().dataDescription());
    List<LabelledLead> leads = SyntheticLeads.generate(8, 2_000);
    for (LabelledLead lead : leads) {
      assertThat(shipped.score(lead.features()).logit())
          .as("regenerate with ShippedDefaultModelWriter.main")
          .isEqualTo(trained.score(lead.features()).logit());
    }
  }
}
