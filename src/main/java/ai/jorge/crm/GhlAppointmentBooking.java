package ai.jorge.crm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates a call Jorge booked on the configured GoHighLevel calendar ({@code POST
 * /calendars/events/appointments}, status {@code confirmed}, 30 minutes) and records the id GHL
 * gives it on Jorge's appointment row. Runs from the CRM task queue (never inside a turn), so 429s
 * and 5xx are retried with the queue's backoff and any other 4xx (GHL refusing the slot, an unknown
 * contact) fails the task for good with GHL's answer in {@code crm_tasks.last_error}. A row that
 * already carries a GHL id, or is no longer booked, is not sent again. Thread-safe.
 */
public final class GhlAppointmentBooking implements CrmTaskDispatcher.Handler {
  static final String PATH = "/calendars/events/appointments";
  private static final Logger log = LoggerFactory.getLogger(GhlAppointmentBooking.class);

  private final GhlClient client;
  private final Jdbi jdbi;
  private final ObjectMapper json;
  private final String calendarId;
  private final Optional<String> defaultLocation;

  public GhlAppointmentBooking(
      GhlClient client, Jdbi jdbi, ObjectMapper json, String calendarId, Optional<String> defaultLocation) {
    this.client = client;
    this.jdbi = jdbi;
    this.json = json;
    this.calendarId = calendarId;
    this.defaultLocation = defaultLocation;
  }

  @Override
  public void handle(CrmTask task) throws Channel.DeliveryException {
    AppointmentBooking booking;
    try {
      booking = json.readValue(task.payload(), AppointmentBooking.class);
    } catch (IOException e) {
      throw new Channel.DeliveryException("unreadable appointment booking: " + e.getMessage(), false);
    }
    if (!stillToSend(booking.appointmentId())) {
      return;
    }
    String location = booking.locationId() != null ? booking.locationId() : defaultLocation.orElse(null);
    if (location == null) {
      throw new Channel.DeliveryException(
          "no GHL location id: the contact has none and JORGE_GHL_LOCATION_ID is not set", false);
    }
    JsonNode answer = client.call("POST", PATH, request(booking, calendarId, location));
    Optional<String> id = appointmentId(answer);
    if (id.isEmpty()) {
      log.warn("GHL created appointment {} without answering an id", booking.appointmentId());
      return;
    }
    jdbi.useHandle(
        h ->
            h.createUpdate("UPDATE appointments SET ghl_appointment_id = :g WHERE id = :id")
                .bind("g", id.get())
                .bind("id", booking.appointmentId())
                .execute());
  }

  private boolean stillToSend(long appointmentId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT COUNT(*) FROM appointments WHERE id = :id AND status = 'booked' AND"
                        + " ghl_appointment_id IS NULL")
                .bind("id", appointmentId)
                .mapTo(Integer.class)
                .one()
            == 1);
  }

  /** The create-appointment body GHL documents: calendar, location, contact, times, title, status. */
  static Map<String, Object> request(AppointmentBooking b, String calendarId, String locationId) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("calendarId", calendarId);
    body.put("locationId", locationId);
    body.put("contactId", b.ghlContactId());
    body.put("startTime", AppointmentBooking.iso(b.startTime()));
    body.put("endTime", AppointmentBooking.iso(b.startTime().plus(Calendar.APPOINTMENT_LENGTH)));
    body.put("title", b.title());
    body.put("appointmentStatus", "confirmed");
    return body;
  }

  /** The new appointment's id: GHL answers the created appointment object, id at the top. */
  static Optional<String> appointmentId(JsonNode answer) {
    JsonNode id = answer.get("id");
    return id == null || !id.isTextual() || id.asText().isBlank() ? Optional.empty() : Optional.of(id.asText());
  }
}
