package ai.jorge.web;

import static org.assertj.core.api.Assertions.assertThat;

import ai.jorge.config.RateLimit;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LocalRateLimiterTest extends RateLimiterContract {
  private final LocalRateLimiter limiter = new LocalRateLimiter();

  @Override
  RateLimiter limiter() {
    return limiter;
  }

  @Test
  void past_the_key_cap_new_keys_share_one_overflow_bucket() {
    var small = new LocalRateLimiter(3);
    RateLimit limit = new RateLimit("chat_session", 2, Duration.ofMinutes(1));
    for (int i = 0; i < 3; i++) {
      assertThat(small.consume(limit, "s" + i).allowed()).isTrue();
    }
    assertThat(small.consume(limit, "fresh-1").allowed()).isTrue();
    assertThat(small.consume(limit, "fresh-2").allowed()).isTrue();
    assertThat(small.consume(limit, "fresh-3").allowed()).as("overflow bucket is empty").isFalse();
    assertThat(small.size()).isEqualTo(4);
  }

  @Test
  void the_sweep_drops_buckets_idle_for_longer_than_their_period_only() {
    var local = new LocalRateLimiter();
    local.consume(new RateLimit("chat_ip", 5, Duration.ofMillis(1)), "idle");
    local.consume(new RateLimit("login", 5, Duration.ofHours(1)), "recent");
    local.sweep(System.nanoTime() + Duration.ofSeconds(1).toNanos());
    assertThat(local.size()).isEqualTo(1);
  }
}
