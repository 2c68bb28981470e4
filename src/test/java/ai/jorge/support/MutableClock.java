package ai.jorge.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that runs at real speed from a chosen start and can be jumped forward, so tests can make
 * follow-ups and retries due without sleeping while everything else still sees time pass.
 * Thread-safe.
 */
public final class MutableClock extends Clock {
  private final long startNanos = System.nanoTime();
  private final Instant start;
  private final AtomicLong offsetNanos = new AtomicLong();

  public MutableClock(Instant start) {
    this.start = start;
  }

  /** Starts at the real current time. */
  public static MutableClock now() {
    return new MutableClock(Instant.now());
  }

  public void advance(Duration d) {
    offsetNanos.addAndGet(d.toNanos());
  }

  /** Jumps so that {@link #instant()} reads {@code target} (never backwards). */
  public void advanceTo(Instant target) {
    Duration gap = Duration.between(instant(), target);
    if (!gap.isNegative()) {
      advance(gap);
    }
  }

  @Override
  public Instant instant() {
    return start.plusNanos(System.nanoTime() - startNanos + offsetNanos.get());
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  /** A view in another zone that reads, and moves with, this same clock. */
  @Override
  public Clock withZone(ZoneId zone) {
    MutableClock source = this;
    return new Clock() {
      @Override
      public ZoneId getZone() {
        return zone;
      }

      @Override
      public Clock withZone(ZoneId other) {
        return source.withZone(other);
      }

      @Override
      public Instant instant() {
        return source.instant();
      }
    };
  }
}
