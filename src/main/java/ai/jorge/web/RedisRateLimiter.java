package ai.jorge.web;

import ai.jorge.Service;
import ai.jorge.config.RateLimit;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Token buckets in Redis (Bucket4j's compare-and-swap proxy over one Lettuce connection), shared
 * by every instance that uses the same Redis and key prefix. Keys are {@code
 * <prefix>rl:<tier>:<sha256(key)>}, so no IP, session or account name is stored, and they expire
 * once the bucket would be full again.
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

  private final RedisURI uri;
  private final String prefix;
  private final LocalRateLimiter fallback = new LocalRateLimiter();
  private final MeterRegistry meters;
  private RedisClient client;
  private ScheduledExecutorService connector;
  private volatile StatefulRedisConnection<String, byte[]> connection;
  private volatile ProxyManager<String> remote;
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
      connection = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
      remote =
          Bucket4jLettuce.casBasedBuilder(connection)
              .requestTimeout(COMMAND_TIMEOUT)
              .expirationAfterWrite(
                  ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                      Duration.ofSeconds(10)))
              .build();
      log.info("rate limits shared through Redis at {}:{}", uri.getHost(), uri.getPort());
      return true;
    } catch (RuntimeException e) {
      warnOnce("Redis unreachable (" + e.getMessage() + ")");
      return false;
    }
  }

  @Override
  public Outcome consume(RateLimit limit, String key) {
    ProxyManager<String> r = remote;
    if (r != null && System.nanoTime() - retryAtNanos >= 0) {
      try {
        var probe =
            r.builder()
                .build(redisKey(limit.tier(), key), () -> RateLimiter.bucket(limit))
                .tryConsumeAndReturnRemaining(1);
        if (degraded) {
          degraded = false;
          log.info("Redis is back; rate limits are shared again");
        }
        return Outcome.of(limit, probe);
      } catch (RuntimeException e) {
        retryAtNanos = System.nanoTime() + RETRY_AFTER_FAILURE.toNanos();
        warnOnce("Redis rate-limit call failed (" + e.getMessage() + ")");
      }
    }
    meters.counter("jorge.ratelimit.fallbacks", "tier", limit.tier()).increment();
    return fallback.consume(limit, key);
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
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
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
