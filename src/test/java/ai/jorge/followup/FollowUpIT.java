package ai.jorge.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.jorge.support.Backend;
import ai.jorge.support.MutableClock;
import ai.jorge.support.TestApp;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Follow-ups through the running App on H2 and PostgreSQL, with a clock the test moves forward:
 * the cadence, cancellation by a reply, quiet hours, the cases that get none, and the scheduler
 * running the job by itself. Each test starts its own App because each needs its own clock.
 */
class FollowUpIT {
  private static final ZoneId LA = ZoneId.of("America/Los_Angeles");
  /** Tuesday 3 June 2025, 12:00 in Los Angeles (the default team zone). */
  private static final Instant NOON_LA = ZonedDateTime.of(2025, 6, 3, 12, 0, 0, 0, LA).toInstant();

  private static TestApp start(Backend backend, MutableClock clock) {
    return TestApp.start(backend.create(), true, Map.of(), clock);
  }

  private static String contact(TestApp app, String session, String text) {
    var r = app.chat(session, text);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json().get("contact_id").asText();
  }

  private static JsonNode followups(TestApp app, String contactId) {
    return app.get("/api/v1/contacts/" + contactId, TestApp.admin()).json().get("followups");
  }

  private static List<JsonNode> withStatus(JsonNode followups, String status) {
    List<JsonNode> out = new ArrayList<>();
    followups.forEach(f -> {
      if (f.get("status").asText().equals(status)) {
        out.add(f);
      }
    });
    return out;
  }

  private static List<String> followUpTexts(TestApp app, String contactId) {
    return app.app().database().jdbi().withHandle(h -> h.createQuery(
            "SELECT o.body FROM outbox o WHERE o.contact_id = :c AND o.kind = 'followup' ORDER BY o.id")
        .bind("c", contactId).mapTo(String.class).list());
  }

  private static Instant lastInboundTurn(TestApp app, String contactId) {
    return app.app().database().jdbi().withHandle(h -> h.createQuery(
            "SELECT MAX(processed_at) FROM messages WHERE contact_id = :c AND direction = 'inbound'")
        .bind("c", contactId).mapTo(Instant.class).one());
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void a_lead_who_stops_answering_gets_follow_ups_on_days_2_5_8_to_29_then_every_14_days_ten_times(
      Backend backend) {
    MutableClock clock = new MutableClock(NOON_LA);
    try (TestApp app = start(backend, clock)) {
      String id = contact(app, "fu-cadence-" + backend, "Hi, I'm thinking about selling my house");
      Instant from = lastInboundTurn(app, id);
      JsonNode first = withStatus(followups(app, id), "pending").get(0);
      assertThat(Instant.parse(first.get("due_at").asText())).isEqualTo(from.plus(Duration.ofDays(2)));

      List<Integer> expectedDays = List.of(2, 5, 8, 11, 14, 17, 20, 23, 26, 29, 43, 57, 71, 85, 99, 113, 127, 141, 155, 169);
      for (int i = 0; i < expectedDays.size(); i++) {
        int day = expectedDays.get(i);
        clock.advanceTo(from.plus(Duration.ofDays(day)).minus(Duration.ofMinutes(1)));
        assertThat(app.app().delivery().followUps().runOnce()).as("nothing before day " + day).isZero();
        clock.advanceTo(from.plus(Duration.ofDays(day)).plus(Duration.ofMinutes(1)));
        assertThat(app.app().delivery().followUps().runOnce()).as("day " + day).isEqualTo(1);
      }
      clock.advance(Duration.ofDays(60));
      assertThat(app.app().delivery().followUps().runOnce()).as("no touch after the 10 long-term ones").isZero();

      JsonNode all = followups(app, id);
      assertThat(withStatus(all, "sent")).hasSize(20);
      assertThat(withStatus(all, "pending")).isEmpty();
      List<String> texts = followUpTexts(app, id);
      assertThat(texts).hasSize(20);
      assertThat(texts.subList(0, 10))
          .allSatisfy(t -> assertThat(t).contains("thinking about selling").contains("prompting the move"));
      assertThat(texts.subList(10, 20)).allSatisfy(t -> assertThat(t).contains("if your plans change"));
      assertThat(app.count("outbox")).as("the greeting question + 20 follow-ups").isEqualTo(21);
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void a_follow_up_re_asks_the_open_question_and_never_one_already_answered(Backend backend) {
    MutableClock clock = new MutableClock(NOON_LA);
    try (TestApp app = start(backend, clock)) {
      String session = "fu-open-" + backend;
      String id = contact(app, session, "Hi, I'm thinking about selling my house");
      contact(app, session, "We're relocating to Austin for my husband's job");
      clock.advance(Duration.ofDays(2).plusMinutes(1));
      assertThat(app.app().delivery().followUps().runOnce()).isEqualTo(1);
      String text = followUpTexts(app, id).get(0);
      assertThat(text).contains("30 to 45 days").doesNotContain("prompting");
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void an_inbound_message_cancels_pending_follow_ups_and_restarts_the_cadence(Backend backend) {
    MutableClock clock = new MutableClock(NOON_LA);
    try (TestApp app = start(backend, clock)) {
      String session = "fu-cancel-" + backend;
      String id = contact(app, session, "Hi, I'm thinking about selling my house");
      clock.advance(Duration.ofDays(1));
      contact(app, session, "We're relocating to Austin for my husband's job");
      Instant second = lastInboundTurn(app, id);

      JsonNode all = followups(app, id);
      assertThat(all).hasSize(2);
      assertThat(all.get(0).get("status").asText()).isEqualTo("cancelled");
      assertThat(all.get(0).get("reason").asText()).isEqualTo("the lead replied");
      assertThat(all.get(1).get("status").asText()).isEqualTo("pending");
      assertThat(Instant.parse(all.get(1).get("due_at").asText())).isEqualTo(second.plus(Duration.ofDays(2)));

      clock.advance(Duration.ofDays(1).plusMinutes(1));
      assertThat(app.app().delivery().followUps().runOnce())
          .as("the cancelled day-2 touch of the first message is not sent")
          .isZero();
      assertThat(followUpTexts(app, id)).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void a_follow_up_due_in_quiet_hours_is_deferred_to_8am_with_the_reason_visible(Backend backend) {
    Instant lateEvening = ZonedDateTime.of(2025, 6, 2, 22, 30, 0, 0, LA).toInstant();
    MutableClock clock = new MutableClock(lateEvening);
    try (TestApp app = start(backend, clock)) {
      String id = contact(app, "fu-quiet-" + backend, "Hi, I'm thinking about selling my house");
      clock.advance(Duration.ofDays(2).plusMinutes(1));
      assertThat(app.app().delivery().followUps().runOnce()).isZero();

      JsonNode f = followups(app, id).get(0);
      assertThat(f.get("status").asText()).isEqualTo("deferred");
      assertThat(f.get("reason").asText()).contains("quiet hours").contains("22:3").contains("America/Los_Angeles");
      Instant eight = ZonedDateTime.of(2025, 6, 5, 8, 0, 0, 0, LA).toInstant();
      assertThat(Instant.parse(f.get("due_at").asText())).isEqualTo(eight);
      assertThat(app.get("/metrics").body())
          .containsPattern("jorge_outbound_blocked_total\\{[^}]*reason=\"quiet_hours\"[^}]*} 1\\.0");
      assertThat(followUpTexts(app, id)).isEmpty();

      clock.advanceTo(eight.minus(Duration.ofMinutes(2)));
      assertThat(app.app().delivery().followUps().runOnce()).as("still 07:58").isZero();
      clock.advanceTo(eight.plus(Duration.ofMinutes(1)));
      assertThat(app.app().delivery().followUps().runOnce()).isEqualTo(1);
      assertThat(followups(app, id).get(0).get("status").asText()).isEqualTo("sent");
      assertThat(followUpTexts(app, id)).hasSize(1);
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void no_follow_ups_for_a_lead_who_is_not_interested_or_opted_out(Backend backend) {
    MutableClock clock = new MutableClock(NOON_LA);
    try (TestApp app = start(backend, clock)) {
      String curious =
          contact(app, "fu-curious-" + backend, "Just curious what my house would sell for, not planning to sell anytime soon");
      assertThat(followups(app, curious)).isEmpty();

      String stop = "fu-stop-" + backend;
      String stopped = contact(app, stop, "I might sell my house next year");
      assertThat(withStatus(followups(app, stopped), "pending")).hasSize(1);
      contact(app, stop, "STOP");
      JsonNode all = followups(app, stopped);
      assertThat(withStatus(all, "pending")).isEmpty();
      assertThat(withStatus(all, "cancelled")).hasSize(1);

      clock.advance(Duration.ofDays(40));
      assertThat(app.app().delivery().followUps().runOnce()).isZero();
      assertThat(followUpTexts(app, curious)).isEmpty();
      assertThat(followUpTexts(app, stopped)).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void a_follow_up_due_while_a_person_holds_the_contact_is_cancelled(Backend backend) {
    MutableClock clock = new MutableClock(NOON_LA);
    try (TestApp app = start(backend, clock)) {
      String id = contact(app, "fu-held-" + backend, "Hi, I'm thinking about selling my house");
      assertThat(app.post("/api/v1/contacts/" + id + "/takeover", "{}", TestApp.admin()).status()).isEqualTo(200);
      clock.advance(Duration.ofDays(2).plusMinutes(1));
      assertThat(app.app().delivery().followUps().runOnce()).isZero();
      JsonNode f = followups(app, id).get(0);
      assertThat(f.get("status").asText()).isEqualTo("cancelled");
      assertThat(f.get("reason").asText()).contains("person holds");
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void the_cluster_safe_scheduler_sends_due_follow_ups_by_itself(Backend backend) {
    MutableClock clock = new MutableClock(NOON_LA);
    try (TestApp app = start(backend, clock)) {
      String id = contact(app, "fu-scheduler-" + backend, "Hi, I'm thinking about selling my house");
      clock.advance(Duration.ofDays(2).plusMinutes(1));
      await().atMost(Duration.ofSeconds(20)).until(() -> followUpTexts(app, id).size() == 1);
      assertThat(withStatus(followups(app, id), "sent")).hasSize(1);
      assertThat(withStatus(followups(app, id), "pending")).hasSize(1);
      long events = app.app().database().jdbi().withHandle(h -> h.createQuery(
              "SELECT COUNT(*) FROM events WHERE type = 'followup.sent'").mapTo(Long.class).one());
      assertThat(events).isEqualTo(1);
    }
  }
}
