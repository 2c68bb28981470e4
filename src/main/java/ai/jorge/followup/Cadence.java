package ai.jorge.followup;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When follow-up number {@code attempt} (1-based) is due, counted from the lead's last message:
 * days 2, 5, 8, …, 29 (ten touches three days apart), then every 14 days for ten long-term
 * touches. Pure.
 */
final class Cadence {
  static final int SHORT_TERM = 10;
  static final int LONG_TERM = 10;
  static final int MAX_ATTEMPTS = SHORT_TERM + LONG_TERM;

  private Cadence() {}

  /** Days after the last message; empty past the last touch. */
  static Optional<Integer> day(int attempt) {
    if (attempt < 1 || attempt > MAX_ATTEMPTS) {
      return Optional.empty();
    }
    if (attempt <= SHORT_TERM) {
      return Optional.of(2 + 3 * (attempt - 1));
    }
    return Optional.of(29 + 14 * (attempt - SHORT_TERM));
  }

  static Optional<Instant> dueAt(Instant lastMessage, int attempt) {
    return day(attempt).map(d -> lastMessage.plus(Duration.ofDays(d)));
  }

  static boolean longTerm(int attempt) {
    return attempt > SHORT_TERM;
  }

  /** Why the follow-up exists, as shown in the contact view. */
  static String reason(int attempt) {
    int day = day(attempt).orElseThrow();
    return longTerm(attempt)
        ? "long-term touch " + (attempt - SHORT_TERM) + " of " + LONG_TERM + ": no reply for " + day + " days"
        : "follow-up " + attempt + " of " + SHORT_TERM + ": no reply for " + day + " days";
  }
}
