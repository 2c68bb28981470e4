package ai.jorge.conversation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What is known about one side (selling or buying) of a lead: the answers by key (strings, booleans
 * and numbers only, so it serialises as plain JSON), the temperature with the reasons for it, how
 * many times each question missed, and whether the lead said they are not interested.
 */
public record SideState(
    Map<String, Object> answers,
    Temperature temperature,
    List<String> reasons,
    Map<String, Integer> misses,
    boolean notInterested) {
  /** The value recorded for a question given up on after two unanswerable replies. */
  public static final String UNKNOWN = "unknown";

  public SideState {
    answers =
        answers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(answers));
    temperature = temperature == null ? Temperature.COLD : temperature;
    reasons = reasons == null ? List.of() : List.copyOf(reasons);
    misses = misses == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(misses));
  }

  public static SideState empty() {
    return new SideState(Map.of(), Temperature.COLD, List.of(), Map.of(), false);
  }

  /** True when the key holds a real answer, not {@link #UNKNOWN}. */
  public boolean knows(String key) {
    Object v = answers.get(key);
    return v != null && !UNKNOWN.equals(v);
  }

  SideState withAnswers(Map<String, Object> updates) {
    Map<String, Object> merged = new LinkedHashMap<>(answers);
    merged.putAll(updates);
    return new SideState(merged, temperature, reasons, misses, notInterested);
  }

  SideState withMisses(String slot, int count) {
    Map<String, Integer> m = new LinkedHashMap<>(misses);
    m.put(slot, count);
    return new SideState(answers, temperature, reasons, m, notInterested);
  }

  SideState withRating(Rating rating) {
    return new SideState(answers, rating.temperature(), rating.reasons(), misses, notInterested);
  }

  SideState withNotInterested(boolean value) {
    return new SideState(answers, temperature, reasons, misses, value);
  }

  int missesFor(String slot) {
    return misses.getOrDefault(slot, 0);
  }
}
