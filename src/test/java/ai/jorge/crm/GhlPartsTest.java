package ai.jorge.crm;

import static org.assertj.core.api.Assertions.assertThat;

import ai.jorge.Json;
import java.time.Duration;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/**
 * Pure parts of the CRM edge: backoff, free-slot parsing, GHL message types, the GHL appointment
 * body and which slots a booked call blocks.
 */
class GhlPartsTest {
  @Test
  void backoff_doubles_from_2_seconds_caps_at_10_minutes_and_honours_retry_after() {
    var plain = new Channel.DeliveryException("500", true);
    assertThat(Backoff.DEFAULT.after(1, plain)).isEqualTo(Duration.ofSeconds(2));
    assertThat(Backoff.DEFAULT.after(2, plain)).isEqualTo(Duration.ofSeconds(4));
    assertThat(Backoff.DEFAULT.after(5, plain)).isEqualTo(Duration.ofSeconds(32));
    assertThat(Backoff.DEFAULT.after(40, plain)).isEqualTo(Duration.ofMinutes(10));
    var limited = new Channel.DeliveryException("429", true, Duration.ofSeconds(90));
    assertThat(Backoff.DEFAULT.after(1, limited)).isEqualTo(Duration.ofSeconds(90));
  }

  @Test
  void free_slots_are_read_from_every_day_sorted_and_in_the_team_zone() throws Exception {
    var answer = Json.newMapper().readTree(
        "{\"2025-06-04\":{\"slots\":[\"2025-06-04T14:00:00-07:00\",\"2025-06-04T09:30:00-07:00\"]},"
            + "\"2025-06-03\":{\"slots\":[\"2025-06-03T17:00:00Z\"]},\"traceId\":\"abc\"}");
    var slots = GhlCalendar.parse(answer, ZoneId.of("America/Los_Angeles"));
    assertThat(slots).extracting(s -> s.toLocalDateTime().toString())
        .containsExactly("2025-06-03T10:00", "2025-06-04T09:30", "2025-06-04T14:00");
  }

  @Test
  void channels_map_to_ghl_message_types() {
    assertThat(GhlChannel.type("sms")).isEqualTo("SMS");
    assertThat(GhlChannel.type("live_chat")).isEqualTo("Live_Chat");
    assertThat(GhlChannel.type(null)).isEqualTo("SMS");
  }

  @Test
  void a_booking_maps_to_the_ghl_create_appointment_body_with_a_30_minute_end() {
    var booking = AppointmentBooking.of(
        7, "ct_8f3k2m1q", "loc_rc_0001",
        java.time.OffsetDateTime.parse("2025-06-03T10:15:00-07:00"), "  Maria   Lopez ");
    var body = GhlAppointmentBooking.request(booking, "cal-123", "loc_rc_0001");
    assertThat(body).containsExactly(
        java.util.Map.entry("calendarId", "cal-123"),
        java.util.Map.entry("locationId", "loc_rc_0001"),
        java.util.Map.entry("contactId", "ct_8f3k2m1q"),
        java.util.Map.entry("startTime", "2025-06-03T10:15:00-07:00"),
        java.util.Map.entry("endTime", "2025-06-03T10:45:00-07:00"),
        java.util.Map.entry("title", "Call with Maria (Jorge)"),
        java.util.Map.entry("appointmentStatus", "confirmed"));
  }

  @Test
  void a_lead_without_a_name_still_gets_a_readable_title() {
    var at = java.time.OffsetDateTime.parse("2025-06-03T10:00:00Z");
    assertThat(AppointmentBooking.of(1, "c", null, at, null).title()).isEqualTo("Call with a new lead (Jorge)");
    assertThat(AppointmentBooking.of(1, "c", null, at, " ").title()).isEqualTo("Call with a new lead (Jorge)");
  }

  @Test
  void the_ghl_appointment_id_is_read_from_the_top_of_the_answer() throws Exception {
    var json = Json.newMapper();
    assertThat(GhlAppointmentBooking.appointmentId(json.readTree("{\"id\":\"ocQHyuzHvysMo5N5VsXc\",\"calendarId\":\"c\"}")))
        .contains("ocQHyuzHvysMo5N5VsXc");
    assertThat(GhlAppointmentBooking.appointmentId(json.readTree("{\"traceId\":\"t\"}"))).isEmpty();
    assertThat(GhlAppointmentBooking.appointmentId(json.readTree("{\"id\":\"\"}"))).isEmpty();
  }

  @Test
  void a_booked_call_blocks_every_slot_whose_half_hour_overlaps_it() {
    var ten = java.time.Instant.parse("2025-06-03T17:00:00Z");
    var booked = new BookedSlots.Booked(java.util.List.of(ten));
    assertThat(booked.blocks(ten)).isTrue();
    assertThat(booked.blocks(ten.plusSeconds(15 * 60))).isTrue();
    assertThat(booked.blocks(ten.minusSeconds(15 * 60))).isTrue();
    assertThat(booked.blocks(ten.plusSeconds(30 * 60))).isFalse();
    assertThat(booked.blocks(ten.minusSeconds(30 * 60))).isFalse();
  }
}
