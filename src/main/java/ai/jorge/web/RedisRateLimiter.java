package ai.jorge.web;

import ai.jorge.Service;
import ai.jorge.config.RateLimit;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.StringCodec;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Token buckets in Redis, shared by every instance that uses the same Redis and key prefix. A
 * decision is one command: {@code EVALSHA} of {@code token-bucket.lua} (loaded at connect; {@code
 * EVAL} when Redis answers {@code NOSCRIPT}, after a restart), which refills the bucket by the
 * time elapsed on Redis's own clock, takes a token and returns what the headers need. The same
 * greedy bucket as {@link LocalRateLimiter}'s Bucket4j buckets; Bucket4j's Redis integration is
 * compare-and-swap (a {@code GET}, then an {@code EVAL}), two round trips, so it is not used here.
 * Keys are {@code <prefix>rl:<tier>:<sha256(key)>} hashes, so no IP, session or account name is
 * stored, and they expire two periods after their last decision.
 *
 * <p>When Redis is unreachable (at start, or a command fails or times out after 500 ms) each
 * decision falls back to this instance's {@link LocalRateLimiter}, for every tier: limits stay
 * enforced per instance instead of across them, so a Redis outage never stops lead intake or
 * dashboard logins. Each fallback decision is counted in {@code
 * jorge_ratelimit_fallbacks_total{tier}} and {@code jorge_ratelimit_redis_up} reads 0. Redis is
 * tried again two seconds after a failure; before the first connection succeeds a background
 * thread retries every two seconds. Thread-safe; a {@link Service} owned by App.
 */
public final class RedisRateLimiter implements RateLimiter, Service {
  private static final Logger log = LoggerFactory.getLogger(RedisRateLimiter.class);
  static final Duration COMMAND_TIMEOUT = Duration.ofMillis(500);
  static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(2);
  static final String SCRIPT = script();
  static final String SCRIPT_SHA = hex("SHA-1", SCRIPT, 20);

  private final RedisURI uri;
  private final String prefix;
  private final LocalRateLimiter fallback = new LocalRateLimiter();
  private final MeterRegistry meters;
  private RedisClient client;
  private ScheduledExecutorService connector;
  private volatile StatefulRedisConnection<String, String> connection;
  private volatile RedisCommands<String, String> remote;
  private volatile long retryAtNanos;
  private volatile boolean degraded;

  public RedisRateLimiter(URI redisUrl, String prefix, MeterRegistry meters) {
    this.uri = RedisURI.create(redisUrl);
    this.uri.setTimeout(COMMAND_TIMEOUT);
    this.prefix = prefix;
    this.meters = meters;
    this.retryAtNanos = System.nanoTime();
    Gauge.builder("jorge.ratelimit.redis.up", this, r -> r.usingRedis() ? 1 : 0).register(meters);
  }

  @Override
  public String name() {
    return "rate-limiter-redis";
  }

  @Override
  public void start() {
    client = RedisClient.create(uri);
    client.setOptions(
        ClientOptions.builder()
            .autoReconnect(true)
            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
            .socketOptions(SocketOptions.builder().connectTimeout(Duration.ofSeconds(1)).build())
            .timeoutOptions(TimeoutOptions.enabled(COMMAND_TIMEOUT))
            .build());
    connector =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("ratelimit-redis").daemon().factory());
    if (!connect()) {
      connector.scheduleWithFixedDelay(
          () -> {
            if (remote == null && connect()) {
              connector.shutdown();
            }
          },
          RETRY_AFTER_FAILURE.toMillis(),
          RETRY_AFTER_FAILURE.toMillis(),
          TimeUnit.MILLISECONDS);
    }
  }

  private synchronized boolean connect() {
    if (remote != null) {
      return true;
    }
    try {
      if (connection == null) {
        connection = client.connect(StringCodec.UTF8);
      }
      connection.sync().scriptLoad(SCRIPT);
      remote = connection.sync();
      log.info("rate limits shared through Redis at {}:{}", uri.getHost(), uri.getPort());
      return true;
    } catch (RuntimeException e) {
      warnOnce("Redis unreachable (" + e.getMessage() + ")");
      return false;
    }
  }

  @Override
  public Outcome consume(RateLimit limit, String key) {
    RedisCommands<String, String> r = remote;
    if (r != null && System.nanoTime() - retryAtNanos >= 0) {
      try {
        Outcome outcome = decide(r, limit, redisKey(limit.tier(), key));
        if (degraded) {
          degraded = false;
          log.info("Redis is back; rate limits are shared again");
        }
        return outcome;
      } catch (RuntimeException e) {
        retryAtNanos = System.nanoTime() + RETRY_AFTER_FAILURE.toNanos();
        warnOnce("Redis rate-limit call failed (" + e.getMessage() + ")");
      }
    }
    meters.counter("jorge.ratelimit.fallbacks", "tier", limit.tier()).increment();
    return fallback.consume(limit, key);
  }

  private static Outcome decide(RedisCommands<String, String> r, RateLimit limit, String key) {
    String[] keys = {key};
    String[] args = {
      Long.toString(limit.capacity()),
      Long.toString(Math.max(1, limit.period().toNanos() / 1_000)),
      Long.toString(Math.max(1, limit.period().multipliedBy(2).toMillis()))
    };
    List<Long> answer;
    try {
      answer = r.evalsha(SCRIPT_SHA, ScriptOutputType.MULTI, keys, args);
    } catch (RedisNoScriptException e) {
      answer = r.eval(SCRIPT, ScriptOutputType.MULTI, keys, args);
    }
    return Outcome.of(
        limit,
        answer.get(0) == 1L,
        answer.get(1),
        answer.get(2) * 1_000L,
        answer.get(3) * 1_000L);
  }

  /** True when the last decision could go to Redis and none failed since. */
  boolean usingRedis() {
    return remote != null && !degraded && System.nanoTime() - retryAtNanos >= 0;
  }

  private void warnOnce(String what) {
    if (!degraded) {
      degraded = true;
      log.warn("{}: rate limits fall back to this instance's memory until Redis answers", what);
    }
  }

  String redisKey(String tier, String key) {
    return prefix + "rl:" + tier + ":" + sha256(key);
  }

  private static String sha256(String s) {
    return hex("SHA-256", s, 16);
  }

  private static String hex(String algorithm, String s, int bytes) {
    try {
      byte[] d = MessageDigest.getInstance(algorithm).digest(s.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String script() {
    try (InputStream in = RedisRateLimiter.class.getResourceAsStream("token-bucket.lua")) {
      if (in == null) {
        throw new IllegalStateException("token-bucket.lua is missing from the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void stop() {
    if (connector != null) {
      connector.shutdownNow();
    }
    if (connection != null) {
      connection.close();
    }
    if (client != null) {
      client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
  }
}
