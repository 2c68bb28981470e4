package ai.jorge.dashboard;

import ai.jorge.conversation.SideState;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The four questions of each bot (SPEC §3.3, §3.4) as predicates over a side's answers. A question
 * is <em>reached</em> once the bot has dealt with it (answered, or recorded as unknown after two
 * misses, as the bots do) and <em>answered</em> only with a real value. Stateless.
 */
final class Funnel {
  static final List<String> BUYER_CRITERIA =
      List.of("criteria", "beds", "baths", "sqft_min", "price_min", "price_max", "area");

  /** One question: its slot name and whether a side holds an answer to it. */
  record Step(String slot, Predicate<Map<String, Object>> reached, Predicate<SideState> answered) {}

  static final List<Step> SELLER =
      List.of(
          step("motivation", "motivation"),
          new Step(
              "timeline",
              a -> a.containsKey("accepts_fast_sale") || a.containsKey("timeline_days"),
              s -> s.knows("accepts_fast_sale") || s.knows("timeline_days")),
          step("condition", "condition"),
          step("price", "price"));

  static final List<Step> BUYER =
      List.of(
          new Step(
              "criteria",
              a -> BUYER_CRITERIA.stream().anyMatch(a::containsKey),
              s -> BUYER_CRITERIA.stream().anyMatch(s::knows)),
          step("financing", "financing"),
          step("timeline", "timeline_days"),
          step("motivation", "motivation"));

  private Funnel() {}

  private static Step step(String slot, String key) {
    return new Step(slot, a -> a.containsKey(key), s -> s.knows(key));
  }

  /** True when every question of a side has a real answer. */
  static boolean qualified(SideState side, List<Step> steps) {
    return side != null && steps.stream().allMatch(st -> st.answered().test(side));
  }
}
