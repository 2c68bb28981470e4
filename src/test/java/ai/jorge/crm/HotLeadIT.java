package ai.jorge.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.jorge.Json;
import ai.jorge.support.Backend;
import ai.jorge.support.FakeGhl;
import ai.jorge.support.TestApp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A lead turning HOT over the chat API, on H2 and PostgreSQL: the agent's webhook gets the alert
 * with the gathered facts within 5 s (and the lead never sees it), the lead is offered two times
 * in prose, and the reply books one that is never offered again. Also: times come from the GHL
 * calendar when one is configured.
 */
class HotLeadIT {
  private static final ObjectMapper JSON = Json.newMapper();
  private static final String[] TO_HOT = {
    "Hi, I'm thinking about selling my house",
    "We're relocating to Austin for my husband's job",
    "Yes, 30-45 days would actually be perfect",
    "It's move-in ready, we just redid the kitchen",
  };

  private static TestApp.Response chat(TestApp app, String session, String text) {
    var body = JSON.createObjectNode().put("session_id", session).put("text", text)
        .put("name", "Maria Lopez").put("phone", "+19095550142").put("email", "maria@example.com");
    var r = app.post("/api/v1/chat/messages", body.toString(), "Origin", TestApp.ORIGIN);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r;
  }

  private static String replies(TestApp.Response r) {
    StringBuilder sb = new StringBuilder();
    r.json().get("replies").forEach(x -> sb.append(x.get("text").asText()).append('\n'));
    return sb.toString();
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void a_lead_turning_hot_alerts_the_agent_within_5_seconds_and_books_the_offered_time(Backend backend)
      throws Exception {
    try (MockWebServer notifier = new MockWebServer()) {
      notifier.start();
      notifier.enqueue(new MockResponse.Builder().code(200).build());
      try (TestApp app = TestApp.start(backend, Map.of("JORGE_NOTIFY_WEBHOOK_URL", notifier.url("/hooks/hot").toString()))) {
        String session = "hot-" + backend;
        for (String t : TO_HOT) {
          chat(app, session, t);
        }
        assertThat(notifier.takeRequest(300, TimeUnit.MILLISECONDS)).as("not HOT yet, no alert").isNull();

        long started = System.nanoTime();
        var hot = chat(app, session, "We'd want around $725k");
        RecordedRequest alert = notifier.takeRequest(5, TimeUnit.SECONDS);
        long elapsedMs = Duration.ofNanos(System.nanoTime() - started).toMillis();
        assertThat(alert).as("agent alert within 5 s").isNotNull();
        assertThat(elapsedMs).isLessThanOrEqualTo(5_000);

        JsonNode a = JSON.readTree(alert.getBody().utf8());
        assertThat(alert.getUrl().encodedPath()).isEqualTo("/hooks/hot");
        assertThat(a.get("type").asText()).isEqualTo("lead.hot");
        assertThat(a.get("name").asText()).isEqualTo("Maria Lopez");
        assertThat(a.get("phone").asText()).isEqualTo("+19095550142");
        assertThat(a.get("email").asText()).isEqualTo("maria@example.com");
        assertThat(a.get("side").asText()).isEqualTo("seller");
        assertThat(a.get("temperature").asText()).isEqualTo("HOT");
        assertThat(a.get("answers").get("motivation").asText()).isEqualTo("relocation");
        assertThat(a.get("answers").get("price").asLong()).isEqualTo(725_000);
        assertThat(a.get("answers").get("condition").asText()).isEqualTo("move_in_ready");
        assertThat(a.get("offered_slots")).hasSize(2);

        JsonNode h = hot.json();
        assertThat(h.get("temperature").asText()).isEqualTo("HOT");
        assertThat(h.get("asking").asText()).isEqualTo("appointment");
        String offer = replies(hot);
        assertThat(offer).containsPattern("\\w+day at \\d{1,2}:\\d\\d [AP]M or \\w+day at \\d{1,2}:\\d\\d [AP]M");
        assertThat(offer).doesNotContainPattern("(?m)^\\s*1[.)]");

        String contactId = h.get("contact_id").asText();
        JsonNode view = app.get("/api/v1/contacts/" + contactId, TestApp.admin()).json();
        assertThat(view.get("transcript").toString()).doesNotContain("lead.hot").doesNotContain("725000");
        long alertRowsToLead = app.app().database().jdbi().withHandle(x -> x.createQuery(
                "SELECT COUNT(*) FROM outbox WHERE body LIKE '%lead.hot%' OR kind = 'agent_alert'").mapTo(Long.class).one());
        assertThat(alertRowsToLead).as("the alert never goes through the lead's outbox").isZero();

        var booked = chat(app, session, "The first one works");
        String first = a.get("offered_slots").get(0).asText();
        String day = ZonedDateTime.parse(first).format(DateTimeFormatter.ofPattern("EEEE", Locale.US));
        assertThat(replies(booked)).contains("You're all set for " + day);
        JsonNode appointment = booked.json().get("qualification").get("appointment");
        assertThat(ZonedDateTime.parse(appointment.get("start").asText()).toInstant())
            .isEqualTo(ZonedDateTime.parse(first).toInstant());
        assertThat(app.count("appointments")).isEqualTo(1);

        var after = chat(app, session, "Great, thanks!");
        assertThat(replies(after)).doesNotContain("which works better").doesNotContain(" or ");
        assertThat(app.count("appointments")).isEqualTo(1);
        JsonNode followups = app.get("/api/v1/contacts/" + contactId, TestApp.admin()).json().get("followups");
        assertThat(followups.toString()).doesNotContain("\"pending\"");
        assertThat(notifier.getRequestCount()).as("one alert per lead turning HOT").isEqualTo(1);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void with_a_ghl_calendar_configured_the_offered_times_are_its_free_slots(Backend backend) {
    ZoneId la = ZoneId.of("America/Los_Angeles");
    ZonedDateTime day3 = ZonedDateTime.now(la).plusDays(3).truncatedTo(ChronoUnit.DAYS).withHour(10).withMinute(15);
    ZonedDateTime day4 = day3.plusDays(1).withHour(15).withMinute(45);
    try (FakeGhl ghl = new FakeGhl()) {
      ghl.freeSlots("{\"" + day3.toLocalDate() + "\":{\"slots\":[\"" + day3.toOffsetDateTime() + "\"]},\""
          + day4.toLocalDate() + "\":{\"slots\":[\"" + day4.toOffsetDateTime() + "\"]},\"traceId\":\"t\"}");
      try (TestApp app = TestApp.start(backend, Map.of(
          "JORGE_GHL_API_TOKEN", "ghl-test-token", "JORGE_GHL_BASE_URL", ghl.baseUrl(),
          "JORGE_GHL_CALENDAR_ID", "cal-123"))) {
        String session = "ghl-cal-" + backend;
        for (String t : TO_HOT) {
          chat(app, session, t);
        }
        String offer = replies(chat(app, session, "We'd want around $725k"));
        DateTimeFormatter f = DateTimeFormatter.ofPattern("EEEE 'at' h:mm a", Locale.US);
        assertThat(offer).contains(f.format(day3)).contains(f.format(day4));
        var calls = ghl.calls("GET", "/calendars/cal-123/free-slots");
        assertThat(calls).isNotEmpty();
        assertThat(calls.get(0).authorization()).isEqualTo("Bearer ghl-test-token");
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void an_alert_the_agents_webhook_refuses_at_first_is_retried_from_the_durable_queue(Backend backend)
      throws Exception {
    try (MockWebServer notifier = new MockWebServer()) {
      notifier.start();
      notifier.enqueue(new MockResponse.Builder().code(503).build());
      notifier.enqueue(new MockResponse.Builder().code(200).build());
      try (TestApp app = TestApp.start(backend, Map.of("JORGE_NOTIFY_WEBHOOK_URL", notifier.url("/hot").toString()))) {
        String session = "hot-retry-" + backend;
        for (String t : TO_HOT) {
          chat(app, session, t);
        }
        chat(app, session, "We'd want around $725k");
        RecordedRequest refused = notifier.takeRequest(5, TimeUnit.SECONDS);
        RecordedRequest delivered = notifier.takeRequest(10, TimeUnit.SECONDS);
        assertThat(refused).isNotNull();
        assertThat(delivered).isNotNull();
        assertThat(delivered.getBody().utf8()).isEqualTo(refused.getBody().utf8());
        await().atMost(Duration.ofSeconds(5)).until(() -> "done".equals(app.app().database().jdbi().withHandle(h ->
            h.createQuery("SELECT status FROM crm_tasks WHERE kind = 'agent_alert'").mapTo(String.class).one())));
        int attempts = app.app().database().jdbi().withHandle(h -> h.createQuery(
                "SELECT attempts FROM crm_tasks WHERE kind = 'agent_alert'").mapTo(Integer.class).one());
        assertThat(attempts).isEqualTo(2);
      }
    }
  }
}
