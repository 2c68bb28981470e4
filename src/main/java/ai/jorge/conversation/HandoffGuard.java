package ai.jorge.conversation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Limits bot-to-bot handoffs per contact so a confused conversation cannot ping-pong: the same
 * from-to pair not twice within 30 minutes, at most 3 handoffs in an hour and 10 in a day.
 */
final class HandoffGuard {
  static final Duration SAME_PAIR = Duration.ofMinutes(30);
  static final int PER_HOUR = 3;
  static final int PER_DAY = 10;

  private HandoffGuard() {}

  static boolean allows(List<Handoff> history, Bot from, Bot to, Instant now) {
    boolean samePairRecently =
        history.stream()
            .anyMatch(h -> h.from() == from && h.to() == to && within(h, now, SAME_PAIR));
    long lastHour = history.stream().filter(h -> within(h, now, Duration.ofHours(1))).count();
    long lastDay = history.stream().filter(h -> within(h, now, Duration.ofDays(1))).count();
    return !samePairRecently && lastHour < PER_HOUR && lastDay < PER_DAY;
  }

  private static boolean within(Handoff h, Instant now, Duration window) {
    return h.at() != null && h.at().isAfter(now.minus(window)) && !h.at().isAfter(now);
  }
}
