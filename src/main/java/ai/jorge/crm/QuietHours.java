package ai.jorge.crm;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * Proactive messages (follow-ups, nurture) go out only from 08:00 to 21:00 in the contact's time
 * zone. Outside that window {@link #deferral} answers the next 08:00. Pure.
 */
public final class QuietHours {
  static final LocalTime OPENS = LocalTime.of(8, 0);
  static final LocalTime CLOSES = LocalTime.of(21, 0);

  private QuietHours() {}

  /** The next opening when {@code now} is in quiet hours for {@code zone}; empty when sending is fine. */
  public static Optional<ZonedDateTime> deferral(Instant now, ZoneId zone) {
    ZonedDateTime local = now.atZone(zone);
    LocalTime t = local.toLocalTime();
    if (!t.isBefore(OPENS) && t.isBefore(CLOSES)) {
      return Optional.empty();
    }
    ZonedDateTime opening = local.toLocalDate().atTime(OPENS).atZone(zone);
    return Optional.of(t.isBefore(OPENS) ? opening : opening.plusDays(1));
  }
}
