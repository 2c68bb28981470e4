package ai.jorge.crm;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * A call Jorge booked that must also be created on the GoHighLevel calendar: Jorge's appointment
 * row, the GHL contact, the GHL location the lead wrote from (null: the configured one), the start
 * as ISO-8601 with the team's offset, and the lead's name for the title.
 */
public record AppointmentBooking(
    long appointmentId, String ghlContactId, String locationId, String start, String leadName) {

  public static AppointmentBooking of(
      long appointmentId, String ghlContactId, String locationId, OffsetDateTime start, String leadName) {
    return new AppointmentBooking(
        appointmentId, ghlContactId, locationId, iso(start), leadName);
  }

  /** "Call with Maria (Jorge)": the lead's first name, so the agent sees who it is at a glance. */
  public String title() {
    String first = leadName == null ? "" : leadName.strip().split("\\s+", 2)[0];
    return first.isEmpty() ? "Call with a new lead (Jorge)" : "Call with " + first + " (Jorge)";
  }

  OffsetDateTime startTime() {
    return OffsetDateTime.parse(start);
  }

  static String iso(OffsetDateTime t) {
    return t.truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }
}
