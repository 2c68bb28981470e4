package ai.jorge.web;

import ai.jorge.config.RateLimit;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;

/**
 * Decides whether one more request fits a tier's token bucket for a key (an IP, a session, a
 * location, an API key, an account). {@link LocalRateLimiter} keeps buckets in this process;
 * {@link RedisRateLimiter} shares them between instances. Implementations are thread-safe.
 */
public interface RateLimiter {

  /** Takes one token from {@code limit}'s bucket for {@code key} when there is one. */
  Outcome consume(RateLimit limit, String key);

  /**
   * The decision and what the {@code RateLimit-*} headers say: the tier's capacity, tokens left,
   * seconds until the bucket is full again, and (when refused) seconds until a token is back.
   */
  record Outcome(
      boolean allowed, long limit, long remaining, long resetSeconds, long retryAfterSeconds) {

    static Outcome of(RateLimit limit, ConsumptionProbe probe) {
      return of(
          limit,
          probe.isConsumed(),
          probe.getRemainingTokens(),
          probe.getNanosToWaitForReset(),
          probe.getNanosToWaitForRefill());
    }

    static Outcome of(
        RateLimit limit, boolean allowed, long remaining, long nanosToFull, long nanosToToken) {
      return new Outcome(
          allowed,
          limit.capacity(),
          Math.max(0, remaining),
          seconds(nanosToFull),
          allowed ? 0 : Math.max(1, seconds(nanosToToken)));
    }

    private static long seconds(long nanos) {
      return nanos <= 0 ? 0 : (nanos + 999_999_999L) / 1_000_000_000L;
    }
  }

  /** A greedy token bucket: {@code capacity} tokens, refilled evenly over {@code period}. */
  static BucketConfiguration bucket(RateLimit limit) {
    return BucketConfiguration.builder()
        .addLimit(
            Bandwidth.builder()
                .capacity(limit.capacity())
                .refillGreedy(limit.capacity(), limit.period())
                .build())
        .build();
  }
}
