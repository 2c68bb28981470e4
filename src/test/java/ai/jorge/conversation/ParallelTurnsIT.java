package ai.jorge.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import ai.jorge.support.Backend;
import ai.jorge.support.TestApp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Per-contact ordering across instances (SPEC §2.2): two Apps share one PostgreSQL schema, and a
 * contact's messages are processed one at a time, in provider-time order, with no lost update.
 */
class ParallelTurnsIT {
  private Backend.TestDatabase db;
  private TestApp a;
  private TestApp b;

  @BeforeEach
  void start() {
    db = Backend.POSTGRES.create();
    a = TestApp.start(db, false, Map.of("JORGE_INSTANCE_ID", "a"), Clock.systemUTC());
    b = TestApp.start(db, false, Map.of("JORGE_INSTANCE_ID", "b"), Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    a.close();
    b.close();
    db.close();
  }

  @Test
  void five_parallel_messages_on_two_instances_give_five_turns_and_no_lost_update() throws Exception {
    String session = "parallel-session";
    String contactId = a.chat(session, "Hi, I'm thinking about selling my house").json().get("contact_id").asText();
    List<String> lines =
        List.of(
            "We're relocating to Austin for my husband's job",
            "The house is move-in ready, we just redid the kitchen",
            "We'd want around $725k for it",
            "We could sell within 30 days",
            "This is urgent for us honestly");
    ExecutorService pool = Executors.newFixedThreadPool(5);
    List<Future<TestApp.Response>> answers = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      TestApp target = i % 2 == 0 ? a : b;
      String line = lines.get(i);
      answers.add(pool.submit(() -> target.chat(session, line)));
    }
    for (Future<TestApp.Response> f : answers) {
      assertThat(f.get().status()).isEqualTo(200);
    }
    pool.shutdown();

    var view = a.get("/api/v1/contacts/" + contactId, TestApp.admin()).json();
    var answersNode = view.at("/qualification/seller/answers");
    assertThat(answersNode.get("motivation").asText()).isEqualTo("relocation");
    assertThat(answersNode.get("condition").asText()).isEqualTo("move_in_ready");
    assertThat(answersNode.get("price").asLong()).isEqualTo(725_000);
    assertThat(answersNode.get("urgency").asText()).isEqualTo("high");

    long turns = a.app().database().jdbi().withHandle(h -> h.createQuery(
            "SELECT COUNT(*) FROM messages WHERE contact_id = :c AND direction = 'inbound' AND processed_at IS NOT NULL")
        .bind("c", contactId).mapTo(Long.class).one());
    assertThat(turns).isEqualTo(6);
    long received = a.app().database().jdbi().withHandle(h -> h.createQuery(
            "SELECT COUNT(*) FROM events WHERE type = 'message.received' AND data LIKE :c")
        .bind("c", "%" + contactId + "%").mapTo(Long.class).one());
    assertThat(received).isEqualTo(6);
  }

  @Test
  void pending_messages_are_processed_in_provider_time_order_whichever_instance_runs_them()
      throws Exception {
    String contactId = a.chat("ordered-session", "I want to sell my house").json().get("contact_id").asText();
    Instant t0 = Instant.parse("2026-11-20T17:00:00Z");
    int[] storeOrder = {4, 1, 3, 0, 2};
    for (int minute : storeOrder) {
      a.app().conversations().store(new Inbound(
          "chat", "ordered-session", "web_chat", null, "ordered-" + minute, "message " + minute,
          t0.plusSeconds(60L * minute), null, null, null, null));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Callable<Void>> runners = new ArrayList<>();
    for (TestApp app : List.of(a, b, a, b)) {
      runners.add(() -> {
        app.app().conversations().processPending(contactId);
        return null;
      });
    }
    for (Future<Void> f : pool.invokeAll(runners)) {
      f.get();
    }
    pool.shutdown();

    List<String> processedTexts = a.app().database().jdbi().withHandle(h -> h.createQuery(
            "SELECT data FROM events WHERE type = 'message.received' AND data LIKE :c ORDER BY seq")
        .bind("c", "%" + contactId + "%").mapTo(String.class).list());
    List<String> order = processedTexts.stream()
        .filter(d -> d.contains("message "))
        .map(d -> d.replaceAll(".*\"text\":\"(message \\d)\".*", "$1"))
        .toList();
    assertThat(order).containsExactly("message 0", "message 1", "message 2", "message 3", "message 4");
  }
}
