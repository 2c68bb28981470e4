package ai.jorge.scoring;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One scored lead as the API shows it: the model's {@link Score}, the expected commission and days
 * to close, and when it was scored. {@code leadId} and {@code temperature} (the rule-based one,
 * kept separate from the probability) are null when pre-computed features were scored. Immutable.
 */
public record LeadScore(
    String leadId,
    Score score,
    Double expectedCommission,
    int expectedCloseDays,
    Instant scoredAt,
    String temperature) {

  /** The response body of {@code POST /api/v1/ml/score}. */
  public Map<String, Object> view() {
    Map<String, Object> v = new LinkedHashMap<>();
    if (leadId != null) {
      v.put("lead_id", leadId);
    }
    v.put("probability", score.probability());
    v.put("score", score.score());
    v.put("model_version", score.modelVersion());
    v.put("factors", factors(score));
    v.put("expected_commission", expectedCommission);
    v.put("expected_close_days", expectedCloseDays);
    v.put("scored_at", scoredAt);
    if (leadId != null) {
      v.put("temperature", temperature);
    }
    return v;
  }

  static Map<String, Object> factors(Score score) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("positive", factorList(score.positive()));
    f.put("negative", factorList(score.negative()));
    return f;
  }

  private static List<Map<String, Object>> factorList(List<Factor> factors) {
    return factors.stream()
        .map(
            x -> {
              Map<String, Object> m = new LinkedHashMap<>();
              m.put("feature", x.feature());
              m.put("value", x.value());
              m.put("contribution", x.contribution());
              return m;
            })
        .toList();
  }
}
