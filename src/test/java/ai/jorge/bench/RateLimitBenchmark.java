package ai.jorge.bench;

import ai.jorge.config.RateLimit;
import ai.jorge.support.Redis;
import ai.jorge.web.LocalRateLimiter;
import ai.jorge.web.RateLimiter;
import ai.jorge.web.RedisRateLimiter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Latency of one rate-limit decision (SPEC §11: p99 below 2 ms with Redis), in memory and against
 * the Redis of {@code JORGE_TEST_REDIS_URL} (default 127.0.0.1:6379; it must answer, a fallback
 * run is refused). Cycles through 4,096 client keys of one tier whose capacity is never reached,
 * so every decision reads and writes its bucket. Run: see BENCHMARKS.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RateLimitBenchmark {
  private static final RateLimit TIER = new RateLimit("chat_ip", 1_000_000_000L, Duration.ofMinutes(1));
  private static final int KEYS = 4_096;

  @Param({"local", "redis"})
  public String backend;

  private RateLimiter limiter;
  private String[] keys;
  private int next;

  @Setup
  public void setUp() {
    keys = new String[KEYS];
    for (int i = 0; i < KEYS; i++) {
      keys[i] = "10." + (i >> 8) + "." + (i & 255) + ".7";
    }
    if (backend.equals("local")) {
      limiter = new LocalRateLimiter();
      return;
    }
    var meters = new SimpleMeterRegistry();
    var redis = new RedisRateLimiter(URI.create(Redis.requireShared()), Redis.randomPrefix(), meters);
    redis.start();
    limiter = redis;
    limiter.consume(TIER, keys[0]);
    if (meters.get("jorge.ratelimit.redis.up").gauge().value() != 1) {
      throw new IllegalStateException("not deciding through Redis");
    }
  }

  @Benchmark
  public RateLimiter.Outcome decide() {
    String key = keys[next++ & (KEYS - 1)];
    return limiter.consume(TIER, key);
  }

  @TearDown
  public void tearDown() throws Exception {
    if (limiter instanceof RedisRateLimiter r) {
      r.stop();
    }
  }
}
