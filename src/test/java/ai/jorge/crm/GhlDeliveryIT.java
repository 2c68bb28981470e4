package ai.jorge.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.jorge.support.Backend;
import ai.jorge.support.FakeGhl;
import ai.jorge.support.Ghl;
import ai.jorge.support.MutableClock;
import ai.jorge.support.TestApp;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Outbound SMS, tags and custom fields through the GoHighLevel adapter against a fake GHL server,
 * on H2 and PostgreSQL: outages (500s) delay messages and lose none, each message is acknowledged
 * once, 429 waits for its Retry-After, other 4xx give up at once. A test clock skips the backoff
 * waits instead of sleeping through them.
 */
class GhlDeliveryIT {
  private static TestApp start(Backend backend, FakeGhl ghl, MutableClock clock) {
    return TestApp.start(
        backend.create(),
        true,
        Map.of("JORGE_GHL_API_TOKEN", "ghl-test-token", "JORGE_GHL_BASE_URL", ghl.baseUrl()),
        clock);
  }

  private static void inbound(TestApp app, String contact, String messageId, String text) {
    ObjectNode body = Ghl.sample("inbound-sms");
    body.put("contactId", contact).put("messageId", messageId).put("body", text);
    var r = app.post("/api/v1/webhooks/ghl", body.toString());
    assertThat(r.status()).as(r.body()).isEqualTo(200);
  }

  private static List<Map<String, Object>> outbox(TestApp app) {
    return app.app().database().jdbi().withHandle(h -> h.createQuery(
            "SELECT id, status, attempts, provider_message_id, last_error, next_attempt_at, body FROM outbox ORDER BY id")
        .mapToMap().list());
  }

  private static long outboxWith(TestApp app, String status) {
    return app.app().database().jdbi().withHandle(h -> h.createQuery(
            "SELECT COUNT(*) FROM outbox WHERE status = :s").bind("s", status).mapTo(Long.class).one());
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void a_ghl_outage_delays_replies_and_loses_none_and_each_is_delivered_once(Backend backend) {
    MutableClock clock = MutableClock.now();
    try (FakeGhl ghl = new FakeGhl(); TestApp app = start(backend, ghl, clock)) {
      ghl.fail(7, 500, null);
      for (int i = 1; i <= 3; i++) {
        inbound(app, "ghl-outage-" + i, "m-outage-" + i, "Hi, I'm thinking about selling my house");
      }
      await().atMost(Duration.ofSeconds(30)).until(() -> app.count("outbox") == 3);
      await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(200))
          .until(
              () -> {
                clock.advance(Duration.ofSeconds(30));
                return outboxWith(app, "sent") == 3;
              });

      List<Map<String, Object>> rows = outbox(app);
      assertThat(rows).allSatisfy(r -> assertThat(r.get("provider_message_id")).isNotNull());
      int attempts = rows.stream().mapToInt(r -> ((Number) r.get("attempts")).intValue()).sum();
      assertThat(attempts).as("3 deliveries + 7 failed tries").isEqualTo(10);
      assertThat(rows).anySatisfy(r -> assertThat(((Number) r.get("attempts")).intValue()).isGreaterThanOrEqualTo(3));
      assertThat(rows).allSatisfy(r -> assertThat((String) r.get("last_error")).contains("500"));

      List<FakeGhl.Call> acked = ghl.acknowledgedSends();
      assertThat(acked).hasSize(3);
      assertThat(acked.stream().map(c -> c.body().get("contactId").asText()).collect(Collectors.toSet()))
          .containsExactlyInAnyOrder("ghl-outage-1", "ghl-outage-2", "ghl-outage-3");
      assertThat(acked).allSatisfy(c -> {
        assertThat(c.authorization()).isEqualTo("Bearer ghl-test-token");
        assertThat(c.version()).isEqualTo("2021-04-15");
        assertThat(c.body().get("type").asText()).isEqualTo("SMS");
        assertThat(c.body().get("message").asText()).contains("What's got you thinking about selling");
      });
      assertThat(ghl.calls("POST", "/conversations/messages")).hasSize(10);

      for (int round = 0; round < 3; round++) {
        clock.advance(Duration.ofMinutes(30));
        app.app().delivery().outbox().runOnce();
      }
      assertThat(ghl.acknowledgedSends()).as("a confirmed row is never sent again").hasSize(3);
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void a_429_waits_for_its_retry_after_before_trying_again(Backend backend) {
    MutableClock clock = MutableClock.now();
    try (FakeGhl ghl = new FakeGhl(); TestApp app = start(backend, ghl, clock)) {
      ghl.fail(1, 429, "120");
      Instant before = clock.instant();
      inbound(app, "ghl-429", "m-429", "Hi, I'm thinking about selling my house");
      await().atMost(Duration.ofSeconds(30)).until(() -> ghl.calls("POST", "/conversations/messages").size() == 1
          && ((Number) outbox(app).get(0).get("attempts")).intValue() == 1
          && "pending".equals(outbox(app).get(0).get("status")));
      Instant next = nextAttempt(app);
      assertThat(next).isAfterOrEqualTo(before.plus(Duration.ofSeconds(119)));

      app.app().delivery().outbox().runOnce();
      assertThat(ghl.acknowledgedSends()).as("not before Retry-After").isEmpty();
      clock.advance(Duration.ofSeconds(125));
      await().atMost(Duration.ofSeconds(10)).until(() -> outboxWith(app, "sent") == 1);
      assertThat(ghl.acknowledgedSends()).hasSize(1);
    }
  }

  private static Instant nextAttempt(TestApp app) {
    return app.app().database().jdbi().withHandle(h -> h.createQuery(
            "SELECT next_attempt_at FROM outbox ORDER BY id LIMIT 1").mapTo(Instant.class).one());
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void a_4xx_other_than_429_fails_the_message_without_retrying(Backend backend) {
    MutableClock clock = MutableClock.now();
    try (FakeGhl ghl = new FakeGhl(); TestApp app = start(backend, ghl, clock)) {
      ghl.fail(1, 422, null);
      inbound(app, "ghl-422", "m-422", "Hi, I'm thinking about selling my house");
      await().atMost(Duration.ofSeconds(30)).until(() -> outboxWith(app, "failed") == 1);
      clock.advance(Duration.ofHours(1));
      app.app().delivery().outbox().runOnce();
      assertThat(ghl.calls("POST", "/conversations/messages")).hasSize(1);
      assertThat((String) outbox(app).get(0).get("last_error")).contains("422");
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void temperature_tags_and_answers_reach_the_ghl_contact_after_the_turn(Backend backend) {
    MutableClock clock = MutableClock.now();
    try (FakeGhl ghl = new FakeGhl(); TestApp app = start(backend, ghl, clock)) {
      String c = "ghl-sync";
      inbound(app, c, "m-sync-1", "Hi, I'm thinking about selling my house");
      inbound(app, c, "m-sync-2", "We're relocating to Austin for my husband's job");
      await().atMost(Duration.ofSeconds(30)).until(() -> ghl.calls("PUT", "/contacts/" + c).stream()
          .anyMatch(call -> call.body().toString().contains("relocation")));

      var tagAdds = ghl.calls("POST", "/contacts/" + c + "/tags");
      assertThat(tagAdds).isNotEmpty();
      assertThat(tagAdds.get(tagAdds.size() - 1).body().get("tags").get(0).asText()).isEqualTo("jorge-cold");
      var removals = ghl.calls("DELETE", "/contacts/" + c + "/tags");
      assertThat(removals.get(removals.size() - 1).body().get("tags").toString())
          .contains("jorge-hot").contains("jorge-warm").doesNotContain("jorge-cold");
      var fields = ghl.calls("PUT", "/contacts/" + c);
      assertThat(fields.get(fields.size() - 1).body().toString())
          .contains("\"key\":\"jorge_seller_motivation\"").contains("\"field_value\":\"relocation\"");
      assertThat(ghl.calls()).allSatisfy(call -> assertThat(call.authorization()).isEqualTo("Bearer ghl-test-token"));
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void a_follow_up_delayed_by_an_outage_into_quiet_hours_waits_for_8am(Backend backend) {
    java.time.ZoneId la = java.time.ZoneId.of("America/Los_Angeles");
    MutableClock clock = new MutableClock(java.time.ZonedDateTime.of(2025, 6, 1, 20, 55, 0, 0, la).toInstant());
    try (FakeGhl ghl = new FakeGhl(); TestApp app = start(backend, ghl, clock)) {
      inbound(app, "ghl-late", "m-late", "Hi, I'm thinking about selling my house");
      await().atMost(Duration.ofSeconds(30)).until(() -> ghl.acknowledgedSends().size() == 1);

      ghl.fail(1_000, 500, null);
      clock.advance(Duration.ofDays(2).plusMinutes(1));
      assertThat(app.app().delivery().followUps().runOnce()).as("20:56 is inside the window").isEqualTo(1);
      await().atMost(Duration.ofSeconds(10)).until(() -> ghl.calls("POST", "/conversations/messages").size() >= 2);

      ghl.fail(0, 500, null);
      clock.advanceTo(java.time.ZonedDateTime.of(2025, 6, 3, 21, 30, 0, 0, la).toInstant());
      Instant eight = java.time.ZonedDateTime.of(2025, 6, 4, 8, 0, 0, 0, la).toInstant();
      await().atMost(Duration.ofSeconds(10)).until(() -> nextAttemptOfFollowUp(app).equals(eight));
      app.app().delivery().outbox().runOnce();
      assertThat(ghl.acknowledgedSends()).as("held through quiet hours").hasSize(1);
      assertThat(app.get("/metrics").body())
          .containsPattern("jorge_outbound_blocked_total\\{[^}]*reason=\"quiet_hours\"[^}]*} [1-9]");

      clock.advanceTo(eight.plus(Duration.ofMinutes(1)));
      await().atMost(Duration.ofSeconds(10)).until(() -> outboxWith(app, "sent") == 2);
      assertThat(ghl.acknowledgedSends()).hasSize(2);
    }
  }

  private static Instant nextAttemptOfFollowUp(TestApp app) {
    return app.app().database().jdbi().withHandle(h -> h.createQuery(
            "SELECT next_attempt_at FROM outbox WHERE kind = 'followup'").mapTo(Instant.class).one());
  }
}
