package ai.jorge.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Seller temperature. HOT: motivation known, a sale within 45 days accepted (or a timeline of 45
 * days or less), condition known and a price given. WARM: at least three of the four answered and a
 * timeline of 90 days or less or high urgency. COLD otherwise, and always when the lead said they
 * are not interested.
 */
final class SellerTemperature {
  private SellerTemperature() {}

  static Rating rate(SideState s) {
    Map<String, Object> a = s.answers();
    if (s.notInterested()) {
      return new Rating(Temperature.COLD, List.of("said they are not planning to sell"));
    }
    Long days = Answers.number(a, "timeline_days");
    boolean motivation = s.knows("motivation");
    boolean timelineKnown = a.get("accepts_fast_sale") instanceof Boolean || days != null;
    boolean fastOk = Answers.isTrue(a, "accepts_fast_sale") || (days != null && days <= 45);
    boolean condition = s.knows("condition");
    boolean price = Answers.number(a, "price") != null;
    List<String> reasons = new ArrayList<>();
    if (motivation) {
      reasons.add("motivation: " + a.get("motivation"));
    }
    if (fastOk) {
      reasons.add("a sale within 45 days works");
    } else if (days != null) {
      reasons.add("timeline: " + days + " days");
    } else if (timelineKnown) {
      reasons.add("a sale within 45 days does not work");
    }
    if (condition) {
      reasons.add("condition: " + a.get("condition"));
    }
    if (price) {
      reasons.add("price: " + Answers.dollars(Answers.number(a, "price")));
    }
    if (motivation && fastOk && condition && price) {
      return new Rating(Temperature.HOT, reasons);
    }
    int answered =
        (motivation ? 1 : 0) + (timelineKnown ? 1 : 0) + (condition ? 1 : 0) + (price ? 1 : 0);
    boolean soonEnough = days != null && days <= 90;
    boolean urgent = "high".equals(a.get("urgency"));
    if (urgent) {
      reasons.add("urgency: high");
    }
    reasons.add(answered + " of 4 questions answered");
    if (answered >= 3 && (soonEnough || urgent)) {
      return new Rating(Temperature.WARM, reasons);
    }
    if (answered >= 3) {
      reasons.add("no timeline within 90 days and urgency not high");
    }
    return new Rating(Temperature.COLD, reasons);
  }
}
