package ai.jorge.crm;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * The default calendar: 30-minute slots in working hours (09:00–17:00, Monday to Friday) of the
 * team's time zone over the next 7 days, minus slots already booked in the database. Slots start
 * at least two hours out, so the agent has time to prepare.
 */
public final class LocalCalendar implements Calendar {
  private static final Duration SLOT = APPOINTMENT_LENGTH;
  private static final Duration LEAD_TIME = Duration.ofHours(2);
  private static final LocalTime OPEN = LocalTime.of(9, 0);
  private static final LocalTime CLOSE = LocalTime.of(17, 0);
  private final BookedSlots bookedSlots;
  private final ZoneId zone;

  public LocalCalendar(Jdbi jdbi, ZoneId zone) {
    this.bookedSlots = new BookedSlots(jdbi);
    this.zone = zone;
  }

  @Override
  public List<ZonedDateTime> openSlots(Instant from, int max) {
    Instant until = from.plus(Duration.ofDays(7));
    BookedSlots.Booked booked = bookedSlots.between(from, until);
    List<ZonedDateTime> out = new ArrayList<>();
    ZonedDateTime earliest = from.plus(LEAD_TIME).atZone(zone);
    ZonedDateTime day = earliest.truncatedTo(ChronoUnit.DAYS);
    while (out.size() < max && day.toInstant().isBefore(until)) {
      if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
        for (ZonedDateTime t = day.with(OPEN); t.toLocalTime().isBefore(CLOSE); t = t.plus(SLOT)) {
          if (!t.isBefore(earliest)
              && t.toInstant().isBefore(until)
              && !booked.blocks(t.toInstant())
              && out.size() < max) {
            out.add(t);
          }
        }
      }
      day = day.plusDays(1);
    }
    return out;
  }
}
