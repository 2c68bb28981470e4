package ai.jorge.scoring;

import java.util.HashMap;
import java.util.Map;

/** Test fixtures: example features and a shared trained model (trained once per test JVM). */
final class Leads {
  private Leads() {}

  static LeadFeatures hotSeller() {
    return new LeadFeatures(
        "sms",
        "seller",
        "relocation",
        "high",
        true,
        30,
        "minor_repairs",
        650_000L,
        null,
        null,
        null,
        4,
        6,
        6,
        95.0,
        72.5,
        2,
        3.5,
        10,
        2,
        false,
        0);
  }

  static LeadFeatures coldBuyer() {
    return new LeadFeatures(
        "api", "buyer", null, null, null, 180, null, 400_000L, "not_yet", 3.0, 2.0, 2, 1, 4, null,
        18.0, 0, 40.0, 23, 6, false, 0);
  }

  static Map<String, Object> map(LeadFeatures features) {
    return new HashMap<>(features.toMap());
  }

  static LeadModel defaultModel() {
    return Holder.DEFAULT;
  }

  private static final class Holder {
    static final LeadModel DEFAULT = DefaultModel.train();
  }
}
