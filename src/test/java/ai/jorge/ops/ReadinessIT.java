package ai.jorge.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.jorge.support.Backend;
import ai.jorge.support.RedisServer;
import ai.jorge.support.Scrape;
import ai.jorge.support.TestApp;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Health per SPEC §7 against a real App on PostgreSQL and a private Redis that the test kills:
 * readiness turns 503 naming Redis and {@code jorge_ready} drops to 0, liveness stays 200, the
 * process keeps serving, and everything is ready again once Redis is back.
 */
class ReadinessIT {
  @Test
  void a_redis_outage_makes_the_instance_unready_but_never_kills_it() {
    try (RedisServer redis = RedisServer.start();
        TestApp app =
            TestApp.start(
                Backend.POSTGRES,
                Map.of("JORGE_REDIS_URL", redis.url().toString(), "JORGE_REDIS_PREFIX", "ready:"))) {
      var ready = app.get("/health/ready");
      assertThat(ready.status()).isEqualTo(200);
      assertThat(ready.json().at("/components/redis/status").asText()).isEqualTo("UP");
      assertThat(ready.json().at("/components/database/status").asText()).isEqualTo("UP");

      redis.kill();
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(() -> assertThat(app.get("/health/ready").status()).isEqualTo(503));
      var down = app.get("/health/ready").json();
      assertThat(down.at("/components/redis/status").asText()).isEqualTo("DOWN");
      assertThat(down.at("/components/redis/detail").asText()).isNotBlank();
      assertThat(down.at("/components/database/status").asText()).isEqualTo("UP");
      assertThat(app.get("/health/live").status()).isEqualTo(200);
      assertThat(app.get("/health").status()).isEqualTo(503);
      assertThat(Scrape.parse(app.get("/metrics").body()).sum("jorge_ready")).isZero();
      assertThat(app.chat("during-outage", "I want to sell my house").status())
          .as("intake keeps working: events reach the log and are replayed later")
          .isEqualTo(200);

      redis.restart();
      await()
          .atMost(Duration.ofSeconds(15))
          .untilAsserted(() -> assertThat(app.get("/health/ready").status()).isEqualTo(200));
      assertThat(Scrape.parse(app.get("/metrics").body()).sum("jorge_ready")).isEqualTo(1.0);
    }
  }

  @Test
  void a_metrics_snapshot_is_recorded_on_the_metrics_topic_every_five_seconds() {
    try (TestApp app = TestApp.start(Backend.H2)) {
      app.chat("snapshot", "I want to sell my house");
      await()
          .atMost(Duration.ofSeconds(20))
          .until(
              () ->
                  app.app()
                          .database()
                          .jdbi()
                          .withHandle(
                              h ->
                                  h.createQuery(
                                          "SELECT COUNT(*) FROM events WHERE topic = 'metrics' AND"
                                              + " type = 'metrics.snapshot'")
                                      .mapTo(Long.class)
                                      .one())
                      >= 2);
      String data =
          app.app()
              .database()
              .jdbi()
              .withHandle(
                  h ->
                      h.createQuery(
                              "SELECT data FROM events WHERE topic = 'metrics' ORDER BY seq DESC"
                                  + " LIMIT 1")
                          .mapTo(String.class)
                          .one());
      assertThat(data).contains("\"temperatures\"", "\"funnel\"", "\"total_leads\":1");
    }
  }
}
