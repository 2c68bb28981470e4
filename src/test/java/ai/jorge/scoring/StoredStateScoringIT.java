package ai.jorge.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import ai.jorge.Json;
import ai.jorge.config.JorgeConfig;
import ai.jorge.events.EventLog;
import ai.jorge.events.InProcessEventBus;
import ai.jorge.support.Backend;
import ai.jorge.support.TestApp;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Features read from what the running App stored, as of a time: later messages, answers, handoffs
 * and opt-outs change nothing (the leakage test through storage); and the nightly retrain runs only
 * once enough new outcomes exist. On H2 and PostgreSQL.
 */
class StoredStateScoringIT {
  private static final Instant T0 = Instant.parse("2025-03-03T17:00:00Z");

  /** A clock the test moves forward. */
  private static final class TestClock extends Clock {
    private volatile Instant now = T0;

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private static Scorer scorer(Jdbi jdbi, Clock clock) {
    var json = Json.newMapper();
    var events = new EventLog(jdbi, new InProcessEventBus(), json, clock, "test");
    var model =
        new ActiveModel(
            jdbi,
            new ModelRegistry(json),
            events,
            new InProcessEventBus(),
            clock,
            Duration.ofHours(1));
    model.reload();
    return new Scorer(
        jdbi,
        model,
        events,
        json,
        ZoneId.of("America/Los_Angeles"),
        0.06,
        new SimpleMeterRegistry(),
        clock);
  }

  private static LeadFeatures asOf(Jdbi jdbi, Scorer scorer, String contactId, Instant at) {
    return jdbi.withHandle(h -> scorer.features(h, contactId, at)).orElseThrow();
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void features_as_of_a_time_ignore_everything_stored_after_it(Backend backend) {
    TestClock clock = new TestClock();
    try (var db = backend.create();
        TestApp app = TestApp.start(db, false, Map.of(), clock)) {
      Jdbi jdbi = app.app().database().jdbi();
      Scorer scorer = scorer(jdbi, clock);
      String id =
          app.chat("asof-" + backend, "Hi, I'm thinking about selling my house")
              .json()
              .get("contact_id")
              .asText();
      clock.advance(Duration.ofMinutes(5));
      app.post(
          "/api/v1/contacts/" + id + "/messages",
          "{\"text\":\"We're relocating to Austin\"}",
          TestApp.admin());
      clock.advance(Duration.ofMinutes(5));
      Instant cut = clock.instant();
      LeadFeatures before = asOf(jdbi, scorer, id, cut);

      assertThat(before.side()).isEqualTo("seller");
      assertThat(before.motivation()).isEqualTo("relocation");
      assertThat(before.timelineDays()).isNull();
      assertThat(before.acceptsFastSale()).isNull();
      assertThat(before.inboundMessages()).isEqualTo(2);
      assertThat(before.outboundMessages()).isEqualTo(2);
      assertThat(before.optedOut()).isFalse();

      clock.advance(Duration.ofMillis(1));
      app.post(
          "/api/v1/contacts/" + id + "/messages",
          "{\"text\":\"30-45 days would be perfect\"}",
          TestApp.admin());
      clock.advance(Duration.ofMinutes(5));
      app.post(
          "/api/v1/contacts/" + id + "/messages",
          "{\"text\":\"Actually we also need to buy a place in Austin, 3 beds, we're"
              + " preapproved\"}",
          TestApp.admin());
      clock.advance(Duration.ofMinutes(5));
      app.post("/api/v1/contacts/" + id + "/messages", "{\"text\":\"STOP\"}", TestApp.admin());
      clock.advance(Duration.ofMinutes(5));
      app.post("/api/v1/contacts/" + id + "/outcome", "{\"outcome\":\"lost\"}", TestApp.admin());

      LeadFeatures now = asOf(jdbi, scorer, id, clock.instant());
      assertThat(now.optedOut()).isTrue();
      assertThat(now.inboundMessages()).isEqualTo(5);
      assertThat(now.acceptsFastSale()).isTrue();
      assertThat(now.hoursSinceFirstContact()).isGreaterThan(before.hoursSinceFirstContact());

      LeadFeatures again = asOf(jdbi, scorer, id, cut);
      assertThat(again).isEqualTo(before);
      assertThat(DefaultModel.VERSION).isEqualTo(scorer.score(again).score().modelVersion());
      assertThat(scorer.score(again).score().probability())
          .isEqualTo(scorer.score(before).score().probability());
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void the_nightly_retrain_waits_for_enough_new_outcomes(Backend backend) {
    try (TestApp app = TestApp.start(backend)) {
      Jdbi jdbi = app.app().database().jdbi();
      Clock clock = Clock.systemUTC();
      var json = Json.newMapper();
      var registry = new ModelRegistry(json);
      var events = new EventLog(jdbi, new InProcessEventBus(), json, clock, "test");
      var loop =
          new LearningLoop(
              jdbi,
              registry,
              scorer(jdbi, clock),
              new Promotions(jdbi, registry, events, new PromotionPolicy(), clock),
              new JorgeConfig.Learning(2, List.of("won", "appointment_kept")),
              clock);
      String a =
          app.chat("nightly-a-" + backend, "I want to sell my house")
              .json()
              .get("contact_id")
              .asText();
      String b =
          app.chat("nightly-b-" + backend, "I'm looking to buy a home")
              .json()
              .get("contact_id")
              .asText();
      app.post("/api/v1/contacts/" + a + "/outcome", "{\"outcome\":\"won\"}", TestApp.admin());
      long versions = app.count("model_versions");

      loop.retrainIfDue();
      assertThat(app.count("model_versions")).isEqualTo(versions);

      app.post("/api/v1/contacts/" + b + "/outcome", "{\"outcome\":\"lost\"}", TestApp.admin());
      assertThat(loop.newOutcomes()).isEqualTo(2);
      loop.retrainIfDue();
      assertThat(app.count("model_versions")).isEqualTo(versions + 1);
      assertThat(loop.newOutcomes()).isZero();
      String data =
          jdbi.withHandle(
              h ->
                  h.createQuery(
                          "SELECT data_description FROM model_versions WHERE trained_by = 'job'")
                      .mapTo(String.class)
                      .one());
      assertThat(data).startsWith("2 team leads (1 converted)");
    }
  }
}
