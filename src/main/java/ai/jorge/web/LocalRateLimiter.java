package ai.jorge.web;

import ai.jorge.config.RateLimit;
import io.github.bucket4j.Bucket;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Token buckets in this process's memory (Bucket4j), one per tier and key. A bucket idle for
 * longer than its period is full again, so a periodic sweep drops it without changing any
 * decision. Past {@code maxKeys} live buckets, new keys of a tier share one overflow bucket, so a
 * flood of fresh keys neither exhausts memory nor escapes the limit. Thread-safe.
 */
public final class LocalRateLimiter implements RateLimiter {
  static final int DEFAULT_MAX_KEYS = 100_000;
  private static final int SWEEP_EVERY = 4096;
  private static final String OVERFLOW = "\u0000overflow";

  private final ConcurrentHashMap<String, Entry> buckets = new ConcurrentHashMap<>();
  private final AtomicLong calls = new AtomicLong();
  private final int maxKeys;

  private record Entry(Bucket bucket, long periodNanos, AtomicLong touched) {}

  public LocalRateLimiter() {
    this(DEFAULT_MAX_KEYS);
  }

  LocalRateLimiter(int maxKeys) {
    this.maxKeys = maxKeys;
  }

  @Override
  public Outcome consume(RateLimit limit, String key) {
    long now = System.nanoTime();
    if (calls.incrementAndGet() % SWEEP_EVERY == 0) {
      sweep(now);
    }
    String id = limit.tier() + ':' + key;
    Entry e = buckets.get(id);
    if (e == null) {
      if (buckets.size() >= maxKeys) {
        id = limit.tier() + ':' + OVERFLOW;
      }
      e = buckets.computeIfAbsent(
          id,
          k -> new Entry(
              Bucket.builder().addLimit(RateLimiter.bucket(limit).getBandwidths()[0]).build(),
              limit.period().toNanos(),
              new AtomicLong(now)));
    }
    e.touched().set(now);
    return Outcome.of(limit, e.bucket().tryConsumeAndReturnRemaining(1));
  }

  /** Live buckets, for tests and metrics. */
  int size() {
    return buckets.size();
  }

  void sweep(long now) {
    buckets.entrySet().removeIf(en -> now - en.getValue().touched().get() > en.getValue().periodNanos());
  }
}
