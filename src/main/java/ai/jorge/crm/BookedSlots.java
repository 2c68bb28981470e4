package ai.jorge.crm;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * The appointments Jorge itself has booked ({@code appointments} rows with status {@code booked}),
 * so a calendar never offers a time that would overlap one, whether or not the CRM knows about it
 * yet. Thread-safe.
 */
final class BookedSlots {
  private final Jdbi jdbi;

  BookedSlots(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** The booked calls that overlap the window {@code [from, until)}. */
  Booked between(Instant from, Instant until) {
    return new Booked(
        jdbi.withHandle(
            h ->
                h.createQuery(
                        "SELECT starts_at FROM appointments WHERE status = 'booked' AND starts_at"
                            + " > :f AND starts_at < :u")
                    .bind("f", from.minus(Calendar.APPOINTMENT_LENGTH))
                    .bind("u", until)
                    .mapTo(Instant.class)
                    .list()));
  }

  /** Start times of booked calls; a slot is taken when its call would overlap one of them. */
  record Booked(List<Instant> starts) {
    Booked {
      starts = List.copyOf(starts);
    }

    boolean blocks(Instant slotStart) {
      Instant slotEnd = slotStart.plus(Calendar.APPOINTMENT_LENGTH);
      return starts.stream()
          .anyMatch(
              b -> b.isBefore(slotEnd) && slotStart.isBefore(b.plus(Calendar.APPOINTMENT_LENGTH)));
    }
  }
}
