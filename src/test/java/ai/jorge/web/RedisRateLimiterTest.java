package ai.jorge.web;

import static org.assertj.core.api.Assertions.assertThat;

import ai.jorge.config.RateLimit;
import ai.jorge.support.Redis;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The contract against the shared Redis (required: fails when Redis is missing), plus sharing. */
class RedisRateLimiterTest extends RateLimiterContract {
  private static final String PREFIX = Redis.randomPrefix();
  private static RedisRateLimiter first;
  private static RedisRateLimiter second;

  @BeforeAll
  static void connect() {
    String url = Redis.requireShared();
    first = new RedisRateLimiter(URI.create(url), PREFIX, new SimpleMeterRegistry());
    second = new RedisRateLimiter(URI.create(url), PREFIX, new SimpleMeterRegistry());
    first.start();
    second.start();
    assertThat(first.usingRedis()).as("connected to " + url).isTrue();
  }

  @AfterAll
  static void close() {
    first.stop();
    second.stop();
  }

  @Override
  RateLimiter limiter() {
    return first;
  }

  @Test
  void two_limiters_on_one_redis_share_each_bucket() {
    RateLimit limit = new RateLimit("chat_ip", 4, Duration.ofMinutes(1));
    for (int i = 0; i < 4; i++) {
      assertThat((i % 2 == 0 ? first : second).consume(limit, "10.0.0.1").allowed()).isTrue();
    }
    assertThat(first.consume(limit, "10.0.0.1").allowed()).isFalse();
    assertThat(second.consume(limit, "10.0.0.1").allowed()).isFalse();
    assertThat(first.usingRedis() && second.usingRedis()).isTrue();
  }

  @Test
  void keys_in_redis_carry_the_prefix_and_never_the_raw_key() {
    first.consume(new RateLimit("login", 5, Duration.ofMinutes(15)), "account:ann@example.com");
    assertThat(Redis.keys(Redis.URL, PREFIX + "rl:login:"))
        .isNotEmpty()
        .allSatisfy(k -> assertThat(k).doesNotContain("ann"));
  }

  @Test
  void an_unreachable_redis_falls_back_to_local_limits_and_counts_it() {
    var meters = new SimpleMeterRegistry();
    var limiter = new RedisRateLimiter(
        URI.create("redis://127.0.0.1:" + Redis.freePort()), Redis.randomPrefix(), meters);
    limiter.start();
    try {
      RateLimit limit = new RateLimit("webhook_location", 2, Duration.ofMinutes(1));
      assertThat(limiter.consume(limit, "loc").allowed()).isTrue();
      assertThat(limiter.consume(limit, "loc").allowed()).isTrue();
      assertThat(limiter.consume(limit, "loc").allowed()).isFalse();
      assertThat(limiter.usingRedis()).isFalse();
      assertThat(meters.counter("jorge.ratelimit.fallbacks", "tier", "webhook_location").count())
          .isEqualTo(3);
      assertThat(meters.get("jorge.ratelimit.redis.up").gauge().value()).isZero();
    } finally {
      limiter.stop();
    }
  }
}
