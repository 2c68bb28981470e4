package ai.jorge.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Buyer temperature. HOT: pre-approved or paying cash and moving within 30 days. WARM: moving
 * within 90 days. COLD otherwise, and always when the lead said they are not interested.
 */
final class BuyerTemperature {
  private BuyerTemperature() {}

  static Rating rate(SideState s) {
    Map<String, Object> a = s.answers();
    if (s.notInterested()) {
      return new Rating(Temperature.COLD, List.of("said they are not planning to buy"));
    }
    String financing = Answers.string(a, "financing");
    Long days = Answers.number(a, "timeline_days");
    boolean funded = "preapproved".equals(financing) || "cash".equals(financing);
    List<String> reasons = new ArrayList<>();
    reasons.add(financing == null ? "financing unknown" : "financing: " + financing);
    reasons.add(days == null ? "timeline unknown" : "moving within " + days + " days");
    if (funded && days != null && days <= 30) {
      return new Rating(Temperature.HOT, reasons);
    }
    if (days != null && days <= 90) {
      return new Rating(Temperature.WARM, reasons);
    }
    return new Rating(Temperature.COLD, reasons);
  }
}
