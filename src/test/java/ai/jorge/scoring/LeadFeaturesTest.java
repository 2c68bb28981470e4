package ai.jorge.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.jorge.InvalidInputException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LeadFeaturesTest {
  @Test
  void from_map_of_to_map_gives_the_same_features() {
    LeadFeatures features = Leads.hotSeller();

    assertThat(LeadFeatures.fromMap(features.toMap())).isEqualTo(features);
    assertThat(features.toMap().keySet()).containsExactlyElementsOf(LeadFeatures.names());
  }

  @Test
  void from_map_names_every_unknown_and_every_missing_feature() {
    Map<String, Object> map = Leads.map(Leads.hotSeller());
    map.remove("price");
    map.remove("handoffs");
    map.put("zip", "91730");
    map.put("first_name", "Ana");

    InvalidInputException e =
        catchThrowableOfType(InvalidInputException.class, () -> LeadFeatures.fromMap(map));

    assertThat(e.details())
        .containsExactlyInAnyOrder(
            "unknown feature 'first_name'",
            "unknown feature 'zip'",
            "missing feature 'price'",
            "missing feature 'handoffs'");
  }

  @Test
  void from_map_names_values_of_the_wrong_type_or_outside_the_vocabulary() {
    Map<String, Object> map = Leads.map(Leads.hotSeller());
    map.put("timeline_days", "soon");
    map.put("motivation", "bored");
    map.put("opted_out", null);
    map.put("local_hour", 24);

    InvalidInputException e =
        catchThrowableOfType(InvalidInputException.class, () -> LeadFeatures.fromMap(map));

    assertThat(e.details())
        .hasSize(2)
        .anySatisfy(d -> assertThat(d).contains("timeline_days"))
        .anySatisfy(d -> assertThat(d).contains("opted_out"));
    map.put("timeline_days", 30);
    map.put("opted_out", false);
    InvalidInputException range =
        catchThrowableOfType(InvalidInputException.class, () -> LeadFeatures.fromMap(map));
    assertThat(range.details())
        .hasSize(2)
        .anySatisfy(d -> assertThat(d).contains("motivation"))
        .anySatisfy(d -> assertThat(d).contains("local_hour"));
  }

  @Test
  void from_map_accepts_json_numbers_of_any_type_when_the_value_fits() {
    Map<String, Object> map = Leads.map(Leads.hotSeller());
    map.put("timeline_days", 30.0);
    map.put("price", 650_000);
    map.put("mean_reply_latency_seconds", 95);

    assertThat(LeadFeatures.fromMap(map)).isEqualTo(Leads.hotSeller());
  }

  @Test
  void unanswered_questions_are_null_in_the_map() {
    assertThat(Leads.coldBuyer().toMap())
        .containsEntry("motivation", null)
        .containsEntry("urgency", null);
  }
}
