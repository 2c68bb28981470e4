package ai.jorge.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.jorge.store.Messages;
import ai.jorge.store.Outbox;
import ai.jorge.store.OutboxRow;
import ai.jorge.support.Backend;
import ai.jorge.support.Scrape;
import ai.jorge.support.TestApp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The guard at the outbox, through the running App: rows that reach the outbox (here written
 * straight into it, as a faulty bot or a follow-up job could) are judged by layer 3 before
 * delivery. Blocked rows end as {@code blocked} with the rule recorded, are never sent, and move
 * {@code jorge_guard_decisions_total{layer="3",decision="block"}}; on H2 and PostgreSQL.
 */
class OutboundGuardIT {
  private static final ZoneId LA = ZoneId.of("America/Los_Angeles");
  private static final Map<Backend, TestApp> apps = new EnumMap<>(Backend.class);
  private static final Map<Backend, TestApp> lateEvening = new EnumMap<>(Backend.class);
  private static final Map<TestApp, Clock> clocks = new java.util.HashMap<>();

  @BeforeAll
  static void start() {
    for (Backend b : Backend.values()) {
      apps.put(b, TestApp.start(b));
      Clock late = clockAt(LocalTime.of(23, 15));
      TestApp app = TestApp.start(b.create(), true, Map.of(), late);
      lateEvening.put(b, app);
      clocks.put(app, late);
    }
  }

  @AfterAll
  static void stop() {
    apps.values().forEach(TestApp::close);
    lateEvening.values().forEach(TestApp::close);
  }

  /** The system clock shifted so that it is {@code time} today in Los Angeles. */
  private static Clock clockAt(LocalTime time) {
    Instant target = ZonedDateTime.of(LocalDate.now(LA), time, LA).toInstant();
    return Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), target));
  }

  private static long enqueue(TestApp app, String contactId, String kind, String text) {
    Instant now = clocks.getOrDefault(app, Clock.systemUTC()).instant();
    return app.app().database().jdbi().inTransaction(h -> {
      long messageId = new Messages().insert(h, new Messages.NewMessage(
          contactId, "outbound", "bot", "sms", null, text, false, now, now, now, null));
      return new Outbox().enqueue(h, messageId, contactId, "sms", kind, text, "pending", now);
    });
  }

  private static OutboxRow row(TestApp app, String contactId, long id) {
    return app.app().database().jdbi().withHandle(h -> new Outbox().forContact(h, contactId))
        .stream().filter(r -> r.id() == id).findFirst().orElseThrow();
  }

  private static OutboxRow settled(TestApp app, String contactId, long id) {
    await().atMost(Duration.ofSeconds(10))
        .until(() -> !row(app, contactId, id).status().equals("pending")
            && !row(app, contactId, id).status().equals("sending"));
    return row(app, contactId, id);
  }

  private static String contact(TestApp app, String session) {
    var r = app.chat(session, "Hi, I'm thinking about selling my house");
    assertThat(r.status()).isEqualTo(200);
    return r.json().get("contact_id").asText();
  }

  private static double layer3Blocks(TestApp app) {
    return Scrape.value(app, "jorge_guard_decisions_total", "layer", "3", "decision", "block");
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void a_message_to_an_opted_out_contact_is_blocked_at_the_outbox(Backend backend) {
    TestApp app = apps.get(backend);
    String id = contact(app, "optout-" + backend);
    assertThat(app.chat("optout-" + backend, "STOP").json().at("/qualification/opted_out").asBoolean())
        .isTrue();
    double before = layer3Blocks(app);
    double blockedBefore = Scrape.value(
        app, "jorge_outbound_blocked_total", "reason", "message.opted_out");

    long outboxId = enqueue(app, id, "reply", "Are you still thinking about selling?");
    OutboxRow r = settled(app, id, outboxId);

    assertThat(r.status()).isEqualTo("blocked");
    assertThat(r.sentAt()).isNull();
    assertThat(r.lastError()).contains("message.opted_out");
    assertThat(layer3Blocks(app)).isGreaterThan(before);
    assertThat(Scrape.value(app, "jorge_outbound_blocked_total", "reason", "message.opted_out"))
        .isEqualTo(blockedBefore + 1);
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void steering_language_about_a_protected_class_is_blocked_at_the_outbox(Backend backend) {
    TestApp app = apps.get(backend);
    String id = contact(app, "steer-" + backend);
    double before = layer3Blocks(app);

    long outboxId = enqueue(app, id, "reply",
        "You'd love Etiwanda, it's a mostly white neighborhood with no section 8.");
    OutboxRow r = settled(app, id, outboxId);

    assertThat(r.status()).isEqualTo("blocked");
    assertThat(r.sentAt()).isNull();
    assertThat(r.lastError()).contains("message.fair_housing");
    assertThat(layer3Blocks(app)).isGreaterThan(before);
    assertThat(Scrape.value(app, "jorge_outbound_blocked_total", "reason", "message.fair_housing"))
        .isGreaterThanOrEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void a_message_that_claims_to_be_human_is_blocked_at_the_outbox(Backend backend) {
    TestApp app = apps.get(backend);
    String id = contact(app, "human-" + backend);
    double before = layer3Blocks(app);

    long outboxId = enqueue(app, id, "reply", "Don't worry, I'm a real person, not a bot!");
    OutboxRow r = settled(app, id, outboxId);

    assertThat(r.status()).isEqualTo("blocked");
    assertThat(r.sentAt()).isNull();
    assertThat(r.lastError()).contains("message.claims_human");
    assertThat(layer3Blocks(app)).isGreaterThan(before);
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void a_compliant_message_is_delivered_and_an_internal_id_is_not(Backend backend) {
    TestApp app = apps.get(backend);
    String id = contact(app, "clean-" + backend);

    long clean = enqueue(app, id, "reply", "Happy to help. When would you like to move?");
    long leaky = enqueue(app, id, "reply", "Your record is " + id + ", talk soon.");

    assertThat(settled(app, id, clean).status()).isEqualTo("sent");
    assertThat(settled(app, id, clean).sentAt()).isNotNull();
    OutboxRow r = settled(app, id, leaky);
    assertThat(r.status()).isEqualTo("blocked");
    assertThat(r.lastError()).contains("message.internal_id");
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void a_follow_up_in_quiet_hours_waits_for_the_morning_while_a_direct_reply_goes_out(
      Backend backend) {
    TestApp app = lateEvening.get(backend);
    String id = contact(app, "quiet-" + backend);

    long followup = enqueue(app, id, "followup", "Just checking in about your home sale.");
    long reply = enqueue(app, id, "reply", "Sure, I can answer that.");

    assertThat(settled(app, id, reply).status()).isEqualTo("sent");
    await().atMost(Duration.ofSeconds(10))
        .until(() -> row(app, id, followup).lastError() != null);
    OutboxRow deferred = row(app, id, followup);
    assertThat(deferred.status()).isEqualTo("pending");
    assertThat(deferred.lastError()).contains("message.quiet_hours");
    assertThat(deferred.nextAttemptAt().atZone(LA).toLocalTime()).isEqualTo(LocalTime.of(8, 0));
    assertThat(deferred.nextAttemptAt().atZone(LA).toLocalDate())
        .isEqualTo(LocalDate.now(LA).plusDays(1));
  }
}
