package ai.jorge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.jorge.store.Database;
import ai.jorge.support.Backend;
import ai.jorge.support.Ghl;
import ai.jorge.support.TestApp;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Graceful shutdown (SPEC §7) on a real App: while a turn is still running, stopping refuses new
 * intake with 503 and reports not ready, waits for the turn, then delivers its reply in the last
 * outbox batch before the process lets go of the database.
 */
class GracefulShutdownIT {
  private static String webhook(String messageId, String text) {
    var body = Ghl.sample("inbound-sms");
    body.put("messageId", messageId).put("contactId", "shutdown-lead").put("body", text);
    return body.toString();
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void stopping_refuses_new_intake_finishes_the_running_turn_and_flushes_its_reply(Backend backend)
      throws Exception {
    try (var testDb = backend.create()) {
      TestApp app = TestApp.start(testDb, false, Map.of(), Clock.systemUTC());
      Database observer = Database.migrateAndConnect(testDb.config(), new SimpleMeterRegistry());
      try {
        assertThat(app.post("/api/v1/webhooks/ghl", webhook("sd-1", "I want to sell my house")).status())
            .isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> unprocessed(observer) == 0);
        String contactId =
            observer.jdbi().withHandle(h -> h.createQuery(
                    "SELECT id FROM contacts WHERE external_id = 'shutdown-lead'")
                .mapTo(String.class)
                .one());

        CompletableFuture<Void> stopping;
        try (Handle lock = observer.jdbi().open()) {
          lock.begin();
          lock.createQuery("SELECT contact_id FROM conversations WHERE contact_id = :c FOR UPDATE")
              .bind("c", contactId)
              .mapTo(String.class)
              .one();
          assertThat(app.post("/api/v1/webhooks/ghl", webhook("sd-2", "we're relocating for work")).json().get("status").asText())
              .isEqualTo("accepted");
          Thread.sleep(300);
          stopping = CompletableFuture.runAsync(app::close);

          await()
              .atMost(Duration.ofSeconds(5))
              .untilAsserted(
                  () -> {
                    var refused = app.post("/api/v1/webhooks/ghl", webhook("sd-3", "hello?"));
                    assertThat(refused.status()).isEqualTo(503);
                    assertThat(refused.json().at("/error/code").asText()).isEqualTo("shutting_down");
                  });
          var ready = app.get("/health/ready");
          assertThat(ready.status()).isEqualTo(503);
          assertThat(ready.json().at("/components/intake/status").asText()).isEqualTo("DOWN");
          assertThat(app.get("/health/live").status()).isEqualTo(200);
          assertThat(stopping).as("waits for the running turn").isNotDone();
          lock.commit();
        }
        stopping.get(30, TimeUnit.SECONDS);

        assertThat(unprocessed(observer)).as("the acknowledged message was processed").isZero();
        assertThat(count(observer, "SELECT COUNT(*) FROM messages WHERE dedupe_key = 'ghl:sd-3'"))
            .as("refused intake stored nothing")
            .isZero();
        assertThat(count(observer, "SELECT COUNT(*) FROM outbox WHERE status <> 'sent'"))
            .as("the last turn's reply went out in the final batch")
            .isZero();
        assertThat(count(observer, "SELECT COUNT(*) FROM outbox WHERE status = 'sent'")).isGreaterThanOrEqualTo(2);
      } finally {
        app.close();
        observer.close();
      }
    }
  }

  private static long unprocessed(Database db) {
    return count(db, "SELECT COUNT(*) FROM messages WHERE direction = 'inbound' AND processed_at IS NULL");
  }

  private static long count(Database db, String sql) {
    return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
  }
}
