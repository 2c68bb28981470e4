package ai.jorge.crm;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * The default calendar: 30-minute slots in working hours (09:00–17:00, Monday to Friday) of the
 * team's time zone over the next 7 days, minus slots already booked in the database. Slots start
 * at least two hours out, so the agent has time to prepare.
 */
public final class LocalCalendar implements Calendar {
  private static final Duration SLOT = Duration.ofMinutes(30);
  private static final Duration LEAD_TIME = Duration.ofHours(2);
  private static final LocalTime OPEN = LocalTime.of(9, 0);
  private static final LocalTime CLOSE = LocalTime.of(17, 0);
  private final Jdbi jdbi;
  private final ZoneId zone;

  public LocalCalendar(Jdbi jdbi, ZoneId zone) {
    this.jdbi = jdbi;
    this.zone = zone;
  }

  @Override
  public List<ZonedDateTime> openSlots(Instant from, int max) {
    Instant until = from.plus(Duration.ofDays(7));
    Set<Instant> booked = booked(from, until);
    List<ZonedDateTime> out = new ArrayList<>();
    ZonedDateTime earliest = from.plus(LEAD_TIME).atZone(zone);
    ZonedDateTime day = earliest.truncatedTo(ChronoUnit.DAYS);
    while (out.size() < max && day.toInstant().isBefore(until)) {
      if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
        for (ZonedDateTime t = day.with(OPEN); t.toLocalTime().isBefore(CLOSE); t = t.plus(SLOT)) {
          if (!t.isBefore(earliest)
              && t.toInstant().isBefore(until)
              && !booked.contains(t.toInstant())
              && out.size() < max) {
            out.add(t);
          }
        }
      }
      day = day.plusDays(1);
    }
    return out;
  }

  private Set<Instant> booked(Instant from, Instant until) {
    return new HashSet<>(
        jdbi.withHandle(
            h ->
                h.createQuery(
                        "SELECT starts_at FROM appointments WHERE status = 'booked' AND starts_at"
                            + " >= :f AND starts_at < :u")
                    .bind("f", from)
                    .bind("u", until)
                    .mapTo(Instant.class)
                    .list()));
  }
}
