package ai.jorge.crm;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;

/** Where appointment times come from: the local working-hours calendar or the CRM's. */
public interface Calendar {
  /** How long a booked call with the agent lasts. */
  Duration APPOINTMENT_LENGTH = Duration.ofMinutes(30);

  /** Free appointment start times after {@code from}, earliest first, at most {@code max}. */
  List<ZonedDateTime> openSlots(Instant from, int max);
}
