package ai.jorge.guard;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * Counts spending per budget in fixed windows: the current minute (epoch-aligned) and the current
 * calendar day in the guard's clock zone. Owned by one {@link Guard}; thread-safe.
 */
final class BudgetLedger {
  private final Map<String, Window> windows = new HashMap<>();

  /** Spends one unit when both limits allow it; returns the limit that refused otherwise. */
  synchronized String tryConsume(
      String budget, int perMinute, int perDay, Instant now, LocalDate today) {
    long minute = now.getEpochSecond() / 60;
    Window w = windows.computeIfAbsent(budget, b -> new Window());
    if (w.minute != minute) {
      w.minute = minute;
      w.minuteCount = 0;
    }
    if (!today.equals(w.day)) {
      w.day = today;
      w.dayCount = 0;
    }
    if (perMinute >= 0 && w.minuteCount >= perMinute) {
      return perMinute + " per minute";
    }
    if (perDay >= 0 && w.dayCount >= perDay) {
      return perDay + " per day";
    }
    w.minuteCount++;
    w.dayCount++;
    return null;
  }

  private static final class Window {
    long minute = Long.MIN_VALUE;
    int minuteCount;
    LocalDate day;
    int dayCount;
  }
}
