package ai.jorge.conversation;

import java.util.Locale;

/** A question the bots can be waiting on; the wire name is what {@code asking} holds. */
enum Slot {
  INTENT,
  MOTIVATION,
  TIMELINE,
  CONDITION,
  PRICE,
  CRITERIA,
  FINANCING,
  APPOINTMENT;

  String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Slot fromWire(String wire) {
    if (wire == null) {
      return null;
    }
    for (Slot s : values()) {
      if (s.wire().equals(wire)) {
        return s;
      }
    }
    return null;
  }
}
