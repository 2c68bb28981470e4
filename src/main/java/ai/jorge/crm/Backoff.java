package ai.jorge.crm;

import java.time.Duration;

/**
 * When to try a failed delivery again: exponential from {@code first}, doubling per attempt up to
 * {@code max}, and never sooner than the provider's {@code Retry-After}. Immutable.
 */
public record Backoff(Duration first, Duration max) {
  public static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(10));

  /** The wait after the {@code attempts}-th failed attempt (1 for the first failure). */
  public Duration after(int attempts, Channel.DeliveryException failure) {
    int doublings = Math.max(0, Math.min(attempts - 1, 30));
    Duration exp = first.multipliedBy(1L << Math.min(doublings, 20));
    Duration wait = exp.compareTo(max) > 0 ? max : exp;
    Duration asked = failure.retryAfter().orElse(Duration.ZERO);
    return asked.compareTo(wait) > 0 ? asked : wait;
  }
}
