package ai.jorge.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.jorge.support.Backend;
import ai.jorge.support.Ghl;
import ai.jorge.support.Redis;
import ai.jorge.support.Scrape;
import ai.jorge.support.TestApp;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * After a scripted conversation (web chat with a handoff and an opt-out, webhooks with a
 * duplicate and an unsigned one in shadow mode), {@code GET /metrics} shows every SPEC §7 metric
 * this code owns having moved. H2 runs with the in-process bus, PostgreSQL with Redis.
 */
class MetricsIT {
  private static Map<String, String> env(Backend backend) {
    var env = new java.util.HashMap<String, String>();
    env.put("JORGE_WEBHOOK_SIGNATURES", "shadow");
    env.put("JORGE_WEBHOOK_SECRETS", "whsec-metrics-it");
    if (backend == Backend.POSTGRES) {
      env.put("JORGE_REDIS_URL", Redis.required().toString());
      env.put("JORGE_REDIS_PREFIX", Redis.freshPrefix());
    }
    return env;
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void a_scripted_conversation_moves_every_listed_metric(Backend backend) {
    try (TestApp app = TestApp.start(backend, env(backend))) {
      Scrape before = Scrape.parse(app.get("/metrics").body());
      assertThat(before.sum("jorge_optout_violations_total")).isZero();
      assertThat(before.has("jorge_optout_violations_total")).as("registered at start").isTrue();
      assertThat(before.sum("jorge_ready")).isEqualTo(1.0);

      String session = "metrics-" + UUID.randomUUID();
      app.chat(session, "Hi, I want to sell my house, we're relocating to Austin for a job");
      app.chat(session, "we need to be out within 30 days");
      app.chat(session, "it's move-in ready");
      app.chat(session, "hoping for around 650k");
      app.chat(session, "STOP");
      app.chat(session, "hello? are you there");

      var hook = Ghl.sample("inbound-sms");
      hook.put("messageId", "m-" + UUID.randomUUID()).put("contactId", "metrics-ghl-" + backend);
      assertThat(app.post("/api/v1/webhooks/ghl", hook.toString()).json().get("status").asText())
          .isEqualTo("accepted");
      assertThat(app.post("/api/v1/webhooks/ghl", hook.toString()).json().get("status").asText())
          .isEqualTo("duplicate");
      assertThat(app.get("/api/v1/contacts/ct_missing", TestApp.admin()).status()).isEqualTo(404);

      await()
          .atMost(Duration.ofSeconds(15))
          .untilAsserted(
              () -> {
                Scrape s = Scrape.parse(app.get("/metrics").body());
                assertThat(s.sum("jorge_outbox_delivered_total")).isPositive();
                assertThat(s.sum("jorge_message_processing_seconds_count"))
                    .as("the webhook's turn ran too")
                    .isGreaterThanOrEqualTo(7);
              });
      Scrape s = Scrape.parse(app.get("/metrics").body());
      String chat = "route=\"/api/v1/chat/messages\"";
      assertThat(s.sum("jorge_http_server_requests_seconds_count", chat)).isGreaterThanOrEqualTo(6);
      assertThat(s.sum("jorge_http_server_requests_seconds_bucket", chat, "le=\"0.15\""))
          .as("the 150 ms SLO bucket the ack alert reads")
          .isPositive();
      assertThat(s.sum("jorge_http_server_requests_seconds_count", "status=\"404\"")).isPositive();
      assertThat(s.sum("jorge_webhook_requests_total", "source=\"ghl\"", "outcome=\"accepted\"")).isEqualTo(1);
      assertThat(s.sum("jorge_webhook_requests_total", "outcome=\"duplicate\"")).isEqualTo(1);
      assertThat(s.sum("jorge_webhook_duplicates_total")).isEqualTo(1);
      assertThat(s.sum("jorge_webhook_signature_failures_total")).isEqualTo(2);
      assertThat(s.sum("jorge_message_processing_seconds_count", "bot=\"seller\"")).isPositive();
      assertThat(s.sum("jorge_conversation_lock_wait_seconds_count")).isGreaterThanOrEqualTo(7);
      assertThat(s.sum("jorge_bot_handoffs_total", "from=\"concierge\"", "to=\"seller\"")).isPositive();
      assertThat(s.sum("jorge_leads_total")).isPositive();
      assertThat(s.sum("jorge_optouts_total")).isEqualTo(1);
      assertThat(s.sum("jorge_optout_violations_total")).isZero();
      assertThat(s.has("jorge_outbox_pending")).isTrue();
      assertThat(s.sum("jorge_scheduler_lag_seconds")).isNotNaN().isGreaterThanOrEqualTo(0);
      assertThat(s.has("jorge_model_drift")).isTrue();
      assertThat(s.sum("jorge_ready")).isEqualTo(1.0);
      assertThat(s.sum("jorge_jvm_memory_used_bytes", "area=\"heap\"")).isPositive();
      assertThat(s.sum("jorge_hikaricp_connections")).isPositive();
      assertThat(s.samples().keySet()).allSatisfy(k -> assertThat(k).startsWith("jorge_"));
      assertThat(s.samples().keySet())
          .as("no per-contact labels")
          .noneMatch(k -> k.contains("ct_") || k.contains(session));
    }
  }
}
