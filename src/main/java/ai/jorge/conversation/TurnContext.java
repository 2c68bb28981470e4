package ai.jorge.conversation;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;

/**
 * Everything a turn needs besides the state. {@code openSlots} are free appointment start times
 * from the calendar (the service pre-fetches about the next 7 days). {@code silenced} means a human
 * holds the contact: answers, temperature and opt-out are still updated, but the bots send nothing.
 */
public record TurnContext(
    Instant now, ZoneId zone, List<ZonedDateTime> openSlots, boolean silenced) {
  public TurnContext {
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(zone, "zone");
    openSlots = openSlots == null ? List.of() : List.copyOf(openSlots);
  }

  ZonedDateTime localNow() {
    return now.atZone(zone);
  }
}
