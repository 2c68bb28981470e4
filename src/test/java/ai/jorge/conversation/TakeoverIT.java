package ai.jorge.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.jorge.support.Backend;
import ai.jorge.support.Ghl;
import ai.jorge.support.MutableClock;
import ai.jorge.support.TestApp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Human takeover (SPEC §3.7) over HTTP on H2 and PostgreSQL: while an agent holds a contact the
 * bots send nothing but inbound messages are still stored, read and shown; release hands it back;
 * a person replying from the CRM silences the bots for {@code silence_minutes}.
 */
class TakeoverIT {
  private static JsonNode view(TestApp app, String id) {
    return app.get("/api/v1/contacts/" + id, TestApp.admin()).json();
  }

  private static long botMessages(TestApp app, String id) {
    return app.app().database().jdbi().withHandle(h -> h.createQuery(
            "SELECT COUNT(*) FROM messages WHERE contact_id = :c AND author = 'bot'")
        .bind("c", id).mapTo(Long.class).one());
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void a_taken_over_contact_gets_no_bot_reply_until_released(Backend backend) {
    try (TestApp app = TestApp.start(backend)) {
      String session = "takeover-" + backend;
      var first = app.chat(session, "Hi, I'm thinking about selling my house").json();
      String id = first.get("contact_id").asText();
      assertThat(first.get("replies")).hasSize(1);

      var taken = app.post("/api/v1/contacts/" + id + "/takeover", "{}", TestApp.admin());
      assertThat(taken.status()).isEqualTo(200);
      assertThat(taken.json().get("human_hold").asBoolean()).isTrue();
      assertThat(view(app, id).get("bot").asText()).isEqualTo("human");

      var held = app.chat(session, "We're relocating to Austin for my husband's job").json();
      assertThat(held.get("replies")).as("no bot reply while a person holds the contact").isEmpty();
      assertThat(botMessages(app, id)).isEqualTo(1);
      JsonNode v = view(app, id);
      assertThat(v.get("transcript").toString()).contains("relocating to Austin");
      assertThat(v.get("qualification").get("seller").get("answers").get("motivation").asText())
          .as("answers are still read while held").isEqualTo("relocation");

      var released = app.post("/api/v1/contacts/" + id + "/release", "{}", TestApp.admin());
      assertThat(released.json().get("human_hold").asBoolean()).isFalse();
      var back = app.chat(session, "Yes, 30-45 days would actually be perfect").json();
      assertThat(back.get("replies")).isNotEmpty();
      assertThat(back.get("replies").toString()).contains("move-in ready");
      assertThat(back.get("replies").toString()).doesNotContain("thinking about selling");

      long events = app.app().database().jdbi().withHandle(h -> h.createQuery(
              "SELECT COUNT(*) FROM events WHERE type IN ('human.takeover', 'human.released') AND data LIKE :c")
          .bind("c", "%" + id + "%").mapTo(Long.class).one());
      assertThat(events).isEqualTo(2);
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void takeover_needs_the_agent_role_and_a_known_contact(Backend backend) {
    try (TestApp app = TestApp.start(backend)) {
      assertThat(app.post("/api/v1/contacts/ct_nobody/takeover", "{}").status()).isEqualTo(401);
      var missing = app.post("/api/v1/contacts/ct_nobody/takeover", "{}", TestApp.admin());
      assertThat(missing.status()).isEqualTo(404);
      assertThat(missing.json().get("error").get("code").asText()).isNotBlank();
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void a_person_replying_from_the_crm_silences_the_bots_for_silence_minutes(Backend backend) {
    MutableClock clock = MutableClock.now();
    try (TestApp app = TestApp.start(backend.create(), true, Map.of("JORGE_SILENCE_MINUTES", "30"), clock)) {
      String contact = "crm-silence-" + backend;
      post(app, inbound(contact, "s1", "Hi, I'm thinking about selling my house"));
      await().atMost(Duration.ofSeconds(10)).until(() -> outbound(app, contact) == 1);

      ObjectNode human = Ghl.sample("outbound-by-human");
      human.put("contactId", contact).put("messageId", "s2-" + backend);
      assertThat(post(app, human).get("status").asText()).isEqualTo("accepted");

      clock.advance(Duration.ofMinutes(29));
      post(app, inbound(contact, "s3", "We're relocating to Austin for my husband's job"));
      await().atMost(Duration.ofSeconds(10)).until(() -> processed(app, "ghl:s3-" + contact));
      assertThat(outbound(app, contact)).as("bot reply + the human's; nothing new").isEqualTo(2);

      clock.advance(Duration.ofMinutes(2));
      post(app, inbound(contact, "s4", "Yes, 30-45 days would actually be perfect"));
      await().atMost(Duration.ofSeconds(10)).until(() -> outbound(app, contact) == 3);
      String last = app.app().database().jdbi().withHandle(h -> h.createQuery(
              "SELECT m.body FROM messages m JOIN contacts c ON c.id = m.contact_id WHERE c.external_id = :e"
                  + " AND m.author = 'bot' ORDER BY m.id DESC LIMIT 1")
          .bind("e", contact).mapTo(String.class).one());
      assertThat(last).contains("move-in ready");
    }
  }

  private ObjectNode inbound(String contact, String id, String text) {
    ObjectNode body = Ghl.sample("inbound-sms");
    body.put("contactId", contact).put("messageId", id + "-" + contact).put("body", text);
    body.remove("dateAdded");
    return body;
  }

  private static JsonNode post(TestApp app, ObjectNode body) {
    var r = app.post("/api/v1/webhooks/ghl", body.toString());
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  private static long outbound(TestApp app, String external) {
    return app.app().database().jdbi().withHandle(h -> h.createQuery(
            "SELECT COUNT(*) FROM messages m JOIN contacts c ON c.id = m.contact_id WHERE c.external_id = :e"
                + " AND m.direction = 'outbound'")
        .bind("e", external).mapTo(Long.class).one());
  }

  private static boolean processed(TestApp app, String key) {
    return app.app().database().jdbi().withHandle(h -> h.createQuery(
            "SELECT COUNT(*) FROM messages WHERE dedupe_key = :k AND processed_at IS NOT NULL")
        .bind("k", key).mapTo(Long.class).one()) == 1;
  }
}
