package ai.jorge.conversation;

import java.util.LinkedHashMap;
import java.util.Map;

/** Renders a state as the {@code qualification} object of the API and the contact view. */
final class Qualification {
  private Qualification() {}

  static Map<String, Object> of(ConversationState s) {
    Map<String, Object> q = new LinkedHashMap<>();
    q.put("seller", side(s.seller()));
    q.put("buyer", side(s.buyer()));
    q.put("opted_out", s.optedOut());
    q.put("appointment", appointment(s.appointment()));
    return q;
  }

  static String wire(Enum<?> e) {
    return e == null ? null : e.name().toLowerCase(java.util.Locale.ROOT);
  }

  private static Map<String, Object> side(SideState side) {
    if (side == null) {
      return null;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("temperature", side.temperature() == null ? null : side.temperature().name());
    m.put("answers", side.answers());
    m.put("reasons", side.reasons());
    return m;
  }

  private static Map<String, Object> appointment(Appointment a) {
    if (a == null) {
      return null;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("start", a.start().toOffsetDateTime().toString());
    m.put("booked_at", a.bookedAt().toString());
    return m;
  }
}
