package ai.jorge.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.jorge.Json;
import ai.jorge.support.Backend;
import ai.jorge.support.FakeGhl;
import ai.jorge.support.Ghl;
import ai.jorge.support.MutableClock;
import ai.jorge.support.TestApp;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Bookings reach the GoHighLevel calendar, on H2 and PostgreSQL against a fake GHL: a lead who
 * wrote in through the GHL webhook turns HOT, is offered two of the calendar's free slots and books
 * one; the CRM task queue then creates exactly that appointment in GHL and Jorge's row keeps GHL's
 * id. A 5xx is retried without creating it twice, a 4xx is recorded and not retried, and a time
 * Jorge booked is never offered to another lead while GHL still reports it free.
 */
class GhlAppointmentIT {
  private static final ObjectMapper JSON = Json.newMapper();
  private static final ZoneId LA = ZoneId.of("America/Los_Angeles");
  private static final DateTimeFormatter OFFER = DateTimeFormatter.ofPattern("EEEE 'at' h:mm a", Locale.US);
  private static final String[] TO_HOT = {
    "Hi, I'm thinking about selling my house",
    "We're relocating to Austin for my husband's job",
    "Yes, 30-45 days would actually be perfect",
    "It's move-in ready, we just redid the kitchen",
    "We'd want around $725k",
  };

  private final ZonedDateTime day3 =
      ZonedDateTime.now(LA).plusDays(3).truncatedTo(ChronoUnit.DAYS).withHour(10).withMinute(15);
  private final ZonedDateTime day3Later = day3.withMinute(30);
  private final ZonedDateTime day4 = day3.plusDays(1).withHour(15).withMinute(45);
  private final ZonedDateTime day5 = day3.plusDays(2).withHour(9).withMinute(0);

  private static TestApp start(Backend backend, FakeGhl ghl, MutableClock clock) {
    return TestApp.start(
        backend.create(),
        true,
        Map.of(
            "JORGE_GHL_API_TOKEN", "ghl-test-token",
            "JORGE_GHL_BASE_URL", ghl.baseUrl(),
            "JORGE_GHL_CALENDAR_ID", "cal-123"),
        clock);
  }

  private static String freeSlots(ZonedDateTime... slots) {
    ObjectNode answer = JSON.createObjectNode();
    for (ZonedDateTime s : slots) {
      ObjectNode day = answer.has(s.toLocalDate().toString())
          ? (ObjectNode) answer.get(s.toLocalDate().toString())
          : answer.putObject(s.toLocalDate().toString());
      (day.has("slots") ? (com.fasterxml.jackson.databind.node.ArrayNode) day.get("slots") : day.putArray("slots"))
          .add(s.toOffsetDateTime().toString());
    }
    return answer.put("traceId", "t").toString();
  }

  /** One inbound SMS through the GHL webhook; answers the bot's reply once the turn has run. */
  private static String inbound(TestApp app, String contact, String messageId, String text) {
    long before = outboundCount(app, contact);
    ObjectNode body = Ghl.sample("inbound-sms");
    body.put("contactId", contact).put("messageId", messageId).put("body", text).put("contactName", "Maria Lopez");
    var r = app.post("/api/v1/webhooks/ghl", body.toString());
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(15)).until(() -> outboundCount(app, contact) > before);
    return app.app().database().jdbi().withHandle(h -> h.createQuery(
            "SELECT m.body FROM messages m JOIN contacts c ON c.id = m.contact_id WHERE c.external_id = :e"
                + " AND m.direction = 'outbound' ORDER BY m.id DESC LIMIT 1")
        .bind("e", contact).mapTo(String.class).one());
  }

  private static long outboundCount(TestApp app, String contact) {
    return app.app().database().jdbi().withHandle(h -> h.createQuery(
            "SELECT COUNT(*) FROM messages m JOIN contacts c ON c.id = m.contact_id WHERE c.external_id = :e"
                + " AND m.direction = 'outbound'")
        .bind("e", contact).mapTo(Long.class).one());
  }

  private static String bookFirstOffered(TestApp app, String contact) {
    String offer = "";
    for (int i = 0; i < TO_HOT.length; i++) {
      offer = inbound(app, contact, contact + "-m" + i, TO_HOT[i]);
    }
    String booked = inbound(app, contact, contact + "-book", "The first one works");
    assertThat(booked).contains("You're all set");
    return offer;
  }

  private static Map<String, Object> appointmentOf(TestApp app, String contact) {
    return app.app().database().jdbi().withHandle(h -> h.createQuery(
            "SELECT a.status, a.ghl_appointment_id FROM appointments a JOIN contacts c ON c.id ="
                + " a.contact_id WHERE c.external_id = :e")
        .bind("e", contact).mapToMap().one());
  }

  private static Map<String, Object> bookingTask(TestApp app) {
    return app.app().database().jdbi().withHandle(h -> h.createQuery(
            "SELECT status, attempts, last_error FROM crm_tasks WHERE kind = 'appointment_booking'")
        .mapToMap().one());
  }

  private static List<FakeGhl.Call> createCalls(FakeGhl ghl) {
    return ghl.calls("POST", "/calendars/events/appointments");
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void a_ghl_lead_booking_an_offered_slot_creates_that_appointment_in_ghl_once_and_keeps_its_id(
      Backend backend) {
    MutableClock clock = MutableClock.now();
    try (FakeGhl ghl = new FakeGhl(); TestApp app = start(backend, ghl, clock)) {
      ghl.freeSlots(freeSlots(day3, day4));
      String contact = "ghl-book-" + backend;
      String offer = bookFirstOffered(app, contact);
      assertThat(offer).contains(OFFER.format(day3)).contains(OFFER.format(day4));

      await().atMost(Duration.ofSeconds(10))
          .until(() -> "ghl-appt-1".equals(appointmentOf(app, contact).get("ghl_appointment_id")));
      List<FakeGhl.Call> created = ghl.createdAppointments();
      assertThat(created).hasSize(1);
      FakeGhl.Call call = created.get(0);
      assertThat(call.authorization()).isEqualTo("Bearer ghl-test-token");
      assertThat(call.version()).isEqualTo("2021-04-15");
      assertThat(call.body().get("calendarId").asText()).isEqualTo("cal-123");
      assertThat(call.body().get("contactId").asText()).isEqualTo(contact);
      assertThat(call.body().get("locationId").asText()).isEqualTo("loc_rc_0001");
      assertThat(OffsetDateTime.parse(call.body().get("startTime").asText()).toInstant()).isEqualTo(day3.toInstant());
      assertThat(OffsetDateTime.parse(call.body().get("endTime").asText()).toInstant())
          .isEqualTo(day3.plusMinutes(30).toInstant());
      assertThat(call.body().get("title").asText()).isEqualTo("Call with Maria (Jorge)");
      assertThat(call.body().get("appointmentStatus").asText()).isEqualTo("confirmed");
      assertThat(bookingTask(app)).containsEntry("status", "done");
      assertThat(((Number) bookingTask(app).get("attempts")).intValue()).isEqualTo(1);

      clock.advance(Duration.ofHours(1));
      app.app().delivery().crmTasks().runOnce();
      inbound(app, contact, contact + "-thanks", "Great, thanks!");
      clock.advance(Duration.ofHours(1));
      app.app().delivery().crmTasks().runOnce();
      assertThat(createCalls(ghl)).as("one booking, one create call").hasSize(1);
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void a_500_from_ghl_is_retried_and_the_appointment_is_created_once(Backend backend) {
    MutableClock clock = MutableClock.now();
    try (FakeGhl ghl = new FakeGhl(); TestApp app = start(backend, ghl, clock)) {
      ghl.freeSlots(freeSlots(day3, day4));
      ghl.failAppointments(1, 500);
      String contact = "ghl-retry-" + backend;
      bookFirstOffered(app, contact);

      await().atMost(Duration.ofSeconds(10)).until(() -> createCalls(ghl).size() == 1
          && "pending".equals(bookingTask(app).get("status")));
      assertThat((String) bookingTask(app).get("last_error")).contains("500");
      assertThat(appointmentOf(app, contact).get("ghl_appointment_id")).isNull();

      await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).until(() -> {
        clock.advance(Duration.ofSeconds(5));
        return "ghl-appt-1".equals(appointmentOf(app, contact).get("ghl_appointment_id"));
      });
      assertThat(bookingTask(app)).containsEntry("status", "done");
      assertThat(((Number) bookingTask(app).get("attempts")).intValue()).isEqualTo(2);
      for (int round = 0; round < 3; round++) {
        clock.advance(Duration.ofMinutes(30));
        app.app().delivery().crmTasks().runOnce();
      }
      assertThat(createCalls(ghl)).hasSize(2);
      assertThat(ghl.createdAppointments()).hasSize(1);
      assertThat(ghl.createdAppointments().get(0).body().get("startTime").asText())
          .isEqualTo(createCalls(ghl).get(0).body().get("startTime").asText());
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void a_4xx_from_ghl_fails_the_booking_task_for_good_and_records_why(Backend backend) {
    MutableClock clock = MutableClock.now();
    try (FakeGhl ghl = new FakeGhl(); TestApp app = start(backend, ghl, clock)) {
      ghl.freeSlots(freeSlots(day3, day4));
      ghl.failAppointments(1, 422);
      String contact = "ghl-refused-" + backend;
      bookFirstOffered(app, contact);

      await().atMost(Duration.ofSeconds(10)).until(() -> "failed".equals(bookingTask(app).get("status")));
      assertThat((String) bookingTask(app).get("last_error")).contains("422").contains("no longer available");
      clock.advance(Duration.ofHours(1));
      app.app().delivery().crmTasks().runOnce();
      assertThat(createCalls(ghl)).hasSize(1);
      Map<String, Object> row = appointmentOf(app, contact);
      assertThat(row.get("ghl_appointment_id")).isNull();
      assertThat(row.get("status")).as("the lead was told they are booked; Jorge keeps it").isEqualTo("booked");
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void a_time_booked_in_jorge_but_not_yet_in_ghl_is_not_offered_to_the_next_lead(Backend backend) {
    MutableClock clock = MutableClock.now();
    try (FakeGhl ghl = new FakeGhl(); TestApp app = start(backend, ghl, clock)) {
      ghl.freeSlots(freeSlots(day3, day3Later, day4, day5));
      ghl.failAppointments(1_000, 503);
      String first = "ghl-first-" + backend;
      String offerToFirst = bookFirstOffered(app, first);
      assertThat(offerToFirst).contains(OFFER.format(day3)).contains(OFFER.format(day4));
      assertThat(bookedStart(app, first)).isEqualTo(day3.toInstant());

      String session = "web-second-" + backend;
      String offerToSecond = "";
      for (String t : TO_HOT) {
        offerToSecond = webChat(app, session, t);
      }
      assertThat(offerToSecond)
          .as("GHL still lists %s as free, but Jorge booked it (and %s overlaps it)", day3, day3Later)
          .doesNotContain(OFFER.format(day3)).doesNotContain(OFFER.format(day3Later))
          .contains(OFFER.format(day4)).contains(OFFER.format(day5));
      assertThat(webChat(app, session, "The first one works")).contains("You're all set");

      assertThat(app.count("appointments")).isEqualTo(2);
      long bookingTasks = app.app().database().jdbi().withHandle(h -> h.createQuery(
          "SELECT COUNT(*) FROM crm_tasks WHERE kind = 'appointment_booking'").mapTo(Long.class).one());
      assertThat(bookingTasks).as("the web chat lead has no GHL contact, so no GHL booking").isEqualTo(1);
      assertThat(createCalls(ghl)).isNotEmpty()
          .allSatisfy(c -> assertThat(c.body().get("contactId").asText()).isEqualTo(first));
    }
  }

  private static java.time.Instant bookedStart(TestApp app, String contact) {
    return app.app().database().jdbi().withHandle(h -> h.createQuery(
            "SELECT a.starts_at FROM appointments a JOIN contacts c ON c.id = a.contact_id WHERE c.external_id = :e")
        .bind("e", contact).mapTo(java.time.Instant.class).one());
  }

  private static String webChat(TestApp app, String session, String text) {
    var body = JSON.createObjectNode().put("session_id", session).put("text", text).put("name", "Ana Ruiz");
    var r = app.post("/api/v1/chat/messages", body.toString(), "Origin", TestApp.ORIGIN);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    StringBuilder sb = new StringBuilder();
    r.json().get("replies").forEach(x -> sb.append(x.get("text").asText()).append('\n'));
    return sb.toString();
  }
}
