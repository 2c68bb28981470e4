package ai.jorge.conversation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Configuration of the bots: the persona's name, the longest reply allowed, the areas the team
 * serves (canonical spellings, matched in buyer criteria) and the question and reply texts by key.
 * A key missing from {@code texts} falls back to its default; see {@link #defaults()} for every key
 * and its default wording.
 */
public record BotSettings(
    String agentName, int maxReplyChars, List<String> serviceAreas, Map<String, String> texts) {
  public static final List<String> DEFAULT_SERVICE_AREAS =
      List.of(
          "Rancho Cucamonga",
          "Ontario",
          "Upland",
          "Fontana",
          "Chino",
          "Chino Hills",
          "Claremont",
          "Montclair",
          "Eastvale",
          "Corona",
          "Riverside",
          "San Bernardino",
          "Redlands",
          "Pomona");

  public BotSettings {
    agentName = agentName == null || agentName.isBlank() ? "Jorge" : agentName.strip();
    if (maxReplyChars < 40) {
      throw new IllegalArgumentException("maxReplyChars must be at least 40, was " + maxReplyChars);
    }
    serviceAreas = serviceAreas == null ? DEFAULT_SERVICE_AREAS : List.copyOf(serviceAreas);
    texts = texts == null ? Map.of() : Map.copyOf(texts);
  }

  public static BotSettings defaults() {
    return new BotSettings("Jorge", 320, DEFAULT_SERVICE_AREAS, new TreeMap<>(DefaultTexts.ALL));
  }

  /** The text for a key with {agent} filled in; configured wording wins over the default. */
  String text(String key) {
    String t = texts.get(key);
    if (t == null) {
      t = DefaultTexts.ALL.getOrDefault(key, "");
    }
    return t.replace("{agent}", agentName);
  }

  /** The text for a key with {agent} and the given placeholders filled in. */
  String text(String key, Map<String, String> values) {
    String t = text(key);
    for (Map.Entry<String, String> e : new LinkedHashMap<>(values).entrySet()) {
      t = t.replace("{" + e.getKey() + "}", e.getValue());
    }
    return t;
  }
}
