package ai.jorge.config;

import java.time.Duration;

/** One rate-limit tier: at most {@code capacity} requests per {@code period}. */
public record RateLimit(String tier, long capacity, Duration period) {
  public RateLimit {
    if (capacity <= 0) {
      throw new IllegalArgumentException("capacity must be positive");
    }
    if (period.isZero() || period.isNegative()) {
      throw new IllegalArgumentException("period must be positive");
    }
  }
}
