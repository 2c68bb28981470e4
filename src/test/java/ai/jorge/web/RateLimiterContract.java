package ai.jorge.web;

import static org.assertj.core.api.Assertions.assertThat;

import ai.jorge.config.RateLimit;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link RateLimiter} does, whatever keeps its buckets. */
abstract class RateLimiterContract {
  abstract RateLimiter limiter();

  private static String key() {
    return "k-" + UUID.randomUUID();
  }

  @Test
  void allows_the_capacity_then_refuses_with_a_wait() {
    RateLimit limit = new RateLimit("chat_ip", 3, Duration.ofMinutes(1));
    String key = key();
    for (long left = 2; left >= 0; left--) {
      var o = limiter().consume(limit, key);
      assertThat(o.allowed()).isTrue();
      assertThat(o.limit()).isEqualTo(3);
      assertThat(o.remaining()).isEqualTo(left);
      assertThat(o.resetSeconds()).isBetween(1L, 60L);
    }
    var refused = limiter().consume(limit, key);
    assertThat(refused.allowed()).isFalse();
    assertThat(refused.remaining()).isZero();
    assertThat(refused.retryAfterSeconds()).isBetween(1L, 20L);
    assertThat(refused.resetSeconds()).isBetween(40L, 60L);
  }

  @Test
  void keys_and_tiers_have_buckets_of_their_own() {
    RateLimit chat = new RateLimit("chat_ip", 1, Duration.ofMinutes(1));
    RateLimit login = new RateLimit("login", 1, Duration.ofMinutes(1));
    String a = key();
    assertThat(limiter().consume(chat, a).allowed()).isTrue();
    assertThat(limiter().consume(chat, a).allowed()).isFalse();
    assertThat(limiter().consume(chat, key()).allowed()).isTrue();
    assertThat(limiter().consume(login, a).allowed()).isTrue();
  }

  @Test
  void tokens_come_back_as_the_period_passes() throws InterruptedException {
    RateLimit limit = new RateLimit("api_key", 2, Duration.ofMillis(400));
    String key = key();
    limiter().consume(limit, key);
    limiter().consume(limit, key);
    assertThat(limiter().consume(limit, key).allowed()).isFalse();
    Thread.sleep(450);
    assertThat(limiter().consume(limit, key).allowed()).isTrue();
  }
}
