package ai.jorge.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.jorge.support.Backend;
import ai.jorge.support.Redis;
import ai.jorge.support.Scrape;
import ai.jorge.support.TestApp;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Rate limits over Redis through running Apps (SPEC §8): shared by two instances, and the
 * documented behaviour when Redis is down (each instance falls back to its own in-memory buckets,
 * counts {@code jorge_ratelimit_fallbacks_total}, keeps answering, and shares again once Redis is
 * back). The shared Redis is required; the tests that stop Redis stop only a server they started.
 */
class RateLimitRedisIT {
  private static final String LIMITS = "chat_ip=4/1m,chat_session=100/1m";

  @BeforeAll
  static void redisIsThere() {
    Redis.requireShared();
  }

  private static Map<String, String> env(String url, String prefix) {
    return Map.of("JORGE_RATE_LIMITS", LIMITS, "JORGE_REDIS_URL", url, "JORGE_REDIS_PREFIX", prefix);
  }

  private static double fallbacks(TestApp app) {
    return Scrape.value(app, "jorge_ratelimit_fallbacks_total", "tier", "chat_ip");
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void two_instances_on_one_redis_share_the_limit(Backend backend) {
    String prefix = Redis.randomPrefix();
    try (var db = backend.create();
        var a = TestApp.start(db, false, env(Redis.URL, prefix), Clock.systemUTC());
        var b = TestApp.start(db, false, env(Redis.URL, prefix), Clock.systemUTC())) {
      for (int i = 0; i < 4; i++) {
        TestApp app = i % 2 == 0 ? a : b;
        var r = app.chat("shared-" + backend + "-" + i, "Hi, I'm looking to buy");
        assertThat(r.status()).as("request %d", i).isEqualTo(200);
        assertThat(r.header("RateLimit-Remaining")).isEqualTo(Integer.toString(3 - i));
      }
      var onA = a.chat("shared-" + backend + "-a", "Hello?");
      var onB = b.chat("shared-" + backend + "-b", "Hello?");
      RateLimitIT.assertRateLimited(onA, 4);
      RateLimitIT.assertRateLimited(onB, 4);
      assertThat(fallbacks(a) + fallbacks(b)).isZero();
      assertThat(Scrape.value(a, "jorge_ratelimit_redis_up")).isEqualTo(1);
      assertThat(Redis.keys(Redis.URL, prefix)).isNotEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void with_redis_unreachable_at_start_an_instance_serves_and_limits_on_its_own(Backend backend) {
    String url = "redis://127.0.0.1:" + Redis.freePort();
    try (var app = TestApp.start(backend, env(url, Redis.randomPrefix()))) {
      for (int i = 0; i < 4; i++) {
        assertThat(app.chat("down-" + backend + "-" + i, "Hi there").status()).isEqualTo(200);
      }
      RateLimitIT.assertRateLimited(app.chat("down-" + backend + "-x", "Hello?"), 4);
      assertThat(fallbacks(app)).isEqualTo(5);
      assertThat(Scrape.value(app, "jorge_ratelimit_redis_up")).isZero();
      assertThat(app.get("/health/live").status()).isEqualTo(200);
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void when_redis_stops_limits_fall_back_to_memory_and_are_shared_again_once_it_is_back(
      Backend backend) {
    int port = Redis.freePort();
    String prefix = Redis.randomPrefix();
    try (var redis = new Redis.Server(port).start();
        var app = TestApp.start(backend, env(redis.url(), prefix))) {
      assertThat(app.chat("blip-" + backend + "-0", "Hi, selling my condo").status()).isEqualTo(200);
      assertThat(Redis.keys(redis.url(), prefix)).isNotEmpty();
      assertThat(fallbacks(app)).isZero();

      redis.stop();
      for (int i = 1; i <= 4; i++) {
        var r = app.chat("blip-" + backend + "-" + i, "Still there?");
        assertThat(r.status()).as("request %d with Redis stopped", i).isEqualTo(200);
      }
      RateLimitIT.assertRateLimited(app.chat("blip-" + backend + "-5", "Hello?"), 4);
      assertThat(fallbacks(app)).isEqualTo(5);
      assertThat(Scrape.value(app, "jorge_ratelimit_redis_up")).isZero();

      redis.start();
      await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(500)).until(() -> {
        app.chat("blip-" + backend + "-probe", "ping");
        return Scrape.value(app, "jorge_ratelimit_redis_up") == 1;
      });
      double settled = fallbacks(app);
      app.chat("blip-" + backend + "-after", "back again");
      assertThat(fallbacks(app)).as("decisions go to Redis again").isEqualTo(settled);
      assertThat(Redis.keys(redis.url(), prefix)).isNotEmpty();
    }
  }
}
