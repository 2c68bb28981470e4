package ai.jorge.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.jorge.conversation.Inbound;
import ai.jorge.conversation.Stored;
import ai.jorge.support.Backend;
import ai.jorge.support.TestApp;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Group commit of webhook messages against the real databases: what one batch stores and
 * answers, and what happens to a batch the database refuses.
 */
class InboundCommitterIT {
  private static final Map<Backend, TestApp> apps = new EnumMap<>(Backend.class);

  @BeforeAll
  static void start() {
    for (Backend b : Backend.values()) {
      apps.put(b, TestApp.start(b));
    }
  }

  @AfterAll
  static void stop() {
    apps.values().forEach(TestApp::close);
  }

  private static Inbound message(String contact, String messageId, String channel) {
    return new Inbound(
        "ghl", contact, channel, null, messageId, "Thinking about selling", Instant.now(), null, null,
        null, "loc_1");
  }

  private static long stored(TestApp app, String messageId) {
    return app.app().database().jdbi().withHandle(
        h -> h.createQuery("SELECT COUNT(*) FROM messages WHERE dedupe_key = :k")
            .bind("k", "ghl:" + messageId)
            .mapTo(Long.class)
            .one());
  }

  private static long contacts(TestApp app, String external) {
    return app.app().database().jdbi().withHandle(
        h -> h.createQuery("SELECT COUNT(*) FROM contacts WHERE source = 'ghl' AND external_id = :e")
            .bind("e", external)
            .mapTo(Long.class)
            .one());
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void one_batch_stores_each_new_message_once_and_answers_in_order(Backend backend)
      throws Exception {
    TestApp app = apps.get(backend);
    String p = "batch-" + backend + "-";
    Stored earlier = app.app().conversations().store(message(p + "known", p + "m0", "sms"));
    var meters = new SimpleMeterRegistry();
    var committer = new InboundCommitter(app.app().conversations(), meters);
    List<InboundCommitter.Pending> batch =
        List.of(
            new InboundCommitter.Pending(message(p + "new1", p + "m1", "sms")),
            new InboundCommitter.Pending(message(p + "known", p + "m2", "sms")),
            new InboundCommitter.Pending(message(p + "new1", p + "m1", "sms")),
            new InboundCommitter.Pending(message(p + "known", p + "m0", "sms")),
            new InboundCommitter.Pending(message(p + "new2", p + "m3", "email")),
            new InboundCommitter.Pending(message(p + "new2", p + "m4", "email")));

    committer.commit(batch);

    List<Stored> results = batch.stream().map(b -> b.stored().join()).toList();
    assertThat(results).extracting(Stored::duplicate)
        .containsExactly(false, false, true, true, false, false);
    assertThat(results.get(2).messageId()).isEqualTo(results.get(0).messageId());
    assertThat(results.get(2).contactId()).isEqualTo(results.get(0).contactId());
    assertThat(results.get(3).messageId()).isEqualTo(earlier.messageId());
    assertThat(results.get(1).contactId()).isEqualTo(earlier.contactId());
    assertThat(results.get(4).contactId()).isEqualTo(results.get(5).contactId());
    assertThat(results.stream().map(Stored::messageId).distinct()).hasSize(5);
    for (String m : List.of("m0", "m1", "m2", "m3", "m4")) {
      assertThat(stored(app, p + m)).as(m).isEqualTo(1);
    }
    assertThat(contacts(app, p + "new1")).isEqualTo(1);
    assertThat(contacts(app, p + "new2")).isEqualTo(1);
    assertThat(meters.get("jorge.webhook.commit.batch").summary().count()).isEqualTo(1);
    assertThat(meters.get("jorge.webhook.commit.batch").summary().totalAmount()).isEqualTo(6);
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void a_message_the_database_refuses_fails_alone_and_the_rest_of_its_batch_is_stored(
      Backend backend) {
    TestApp app = apps.get(backend);
    String p = "refused-" + backend + "-";
    app.app().conversations().store(message(p + "known", p + "m0", "sms"));
    var committer = new InboundCommitter(app.app().conversations(), new SimpleMeterRegistry());
    // A channel longer than its column: the batch's transaction fails on this message's update.
    var refused = new InboundCommitter.Pending(message(p + "known", p + "bad", "x".repeat(40)));
    var first = new InboundCommitter.Pending(message(p + "a", p + "m1", "sms"));
    var second = new InboundCommitter.Pending(message(p + "known", p + "m2", "sms"));
    var again = new InboundCommitter.Pending(message(p + "a", p + "m1", "sms"));

    committer.commit(List.of(first, refused, second, again));

    assertThatThrownBy(() -> refused.stored().get()).isInstanceOf(ExecutionException.class);
    assertThat(first.stored().join().duplicate()).isFalse();
    assertThat(second.stored().join().duplicate()).isFalse();
    assertThat(again.stored().join().duplicate()).isTrue();
    assertThat(again.stored().join().messageId()).isEqualTo(first.stored().join().messageId());
    assertThat(stored(app, p + "bad")).isZero();
    assertThat(stored(app, p + "m1")).isEqualTo(1);
    assertThat(stored(app, p + "m2")).isEqualTo(1);
  }
}
