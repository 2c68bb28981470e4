package ai.jorge.followup;

import java.util.HashMap;
import java.util.Map;

/**
 * What a follow-up says, in the persona's voice: it re-asks the question the lead left open (never
 * one already answered), or checks in when nothing is open; long-term touches are lighter.
 * Keys: {@code intent}, {@code <side>.<slot>} (e.g. {@code seller.timeline}), {@code appointment},
 * {@code checkin}, {@code long_term}. Placeholders: {agent}, {name} (" Maria" or empty).
 * Immutable; configured wording overrides the defaults key by key.
 */
public record FollowUpTexts(Map<String, String> texts) {
  static final Map<String, String> DEFAULTS =
      Map.ofEntries(
          Map.entry("intent", "Hi{name}, it's {agent}'s assistant again. Are you thinking about buying, selling, or both? Happy to help either way."),
          Map.entry("seller.motivation", "Hi{name}, just checking in from {agent}'s team. Are you still thinking about selling? I'd love to hear what's prompting the move."),
          Map.entry("seller.timeline", "Hi{name}, following up from {agent}'s team. Would a sale in the next 30 to 45 days still work for you?"),
          Map.entry("seller.condition", "Hi{name}, {agent}'s team here. Whenever you have a minute: is the home move-in ready, or would it need some work?"),
          Map.entry("seller.price", "Hi{name}, checking in from {agent}'s team. Have you had a chance to think about a price that would feel good to you?"),
          Map.entry("buyer.criteria", "Hi{name}, {agent}'s team here. Still looking? Tell me beds, baths, area and budget and I'll keep an eye out."),
          Map.entry("buyer.financing", "Hi{name}, following up from {agent}'s team. Are you pre-approved yet, or planning to pay cash?"),
          Map.entry("buyer.timeline", "Hi{name}, checking in from {agent}'s team. When are you hoping to move?"),
          Map.entry("buyer.motivation", "Hi{name}, {agent}'s team here. What's prompting the move? It helps me find the right fit."),
          Map.entry("appointment", "Hi{name}, {agent} would still love to talk through next steps. Would you like me to find a time that works for you?"),
          Map.entry("checkin", "Hi{name}, {agent}'s team here, just checking in. Anything new with your plans? I'm here whenever you're ready."),
          Map.entry("long_term", "Hi{name}, {agent}'s team checking in. The market keeps moving; if your plans change, just text me here."));

  public FollowUpTexts {
    Map<String, String> merged = new HashMap<>(DEFAULTS);
    if (texts != null) {
      merged.putAll(texts);
    }
    texts = Map.copyOf(merged);
  }

  public static FollowUpTexts defaults() {
    return new FollowUpTexts(Map.of());
  }

  /**
   * The text for a follow-up: long-term touches use {@code long_term}; otherwise the open
   * question's key, else {@code checkin}.
   */
  String render(String side, String asking, boolean longTerm, String agent, String fullName) {
    String key;
    if (longTerm) {
      key = "long_term";
    } else if ("intent".equals(asking) || "appointment".equals(asking)) {
      key = asking;
    } else if (side != null && asking != null && texts.containsKey(side + "." + asking)) {
      key = side + "." + asking;
    } else {
      key = "checkin";
    }
    String first = fullName == null || fullName.isBlank() ? "" : " " + fullName.trim().split("\\s+")[0];
    return texts.get(key).replace("{agent}", agent).replace("{name}", first);
  }
}
