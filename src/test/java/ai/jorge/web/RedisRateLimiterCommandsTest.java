package ai.jorge.web;

import static org.assertj.core.api.Assertions.assertThat;

import ai.jorge.config.RateLimit;
import ai.jorge.support.Redis;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What {@link RedisRateLimiter} sends to Redis, seen by {@code MONITOR} on a {@code redis-server}
 * this test starts on a free port (the shared server is never monitored or stopped): one command
 * per decision, and the script's own commands run inside Redis.
 */
class RedisRateLimiterCommandsTest {
  private static final Pattern INSIDE_SCRIPT = Pattern.compile("\\[\\d+ lua\\]");
  private static final RateLimit TIER = new RateLimit("chat_ip", 100, Duration.ofMinutes(1));

  private Redis.Server server;
  private RedisClient admin;
  private StatefulRedisConnection<String, String> adminConnection;
  private SimpleMeterRegistry meters;
  private RedisRateLimiter limiter;
  private final String prefix = Redis.randomPrefix();

  @BeforeEach
  void start() {
    server = new Redis.Server(Redis.freePort()).start();
    admin = RedisClient.create(server.url());
    adminConnection = admin.connect();
    meters = new SimpleMeterRegistry();
    limiter = new RedisRateLimiter(URI.create(server.url()), prefix, meters);
    limiter.start();
    assertThat(limiter.usingRedis()).isTrue();
  }

  @AfterEach
  void stop() {
    limiter.stop();
    adminConnection.close();
    admin.shutdown();
    server.stop();
  }

  @Test
  void each_decision_is_one_evalsha_and_the_bucket_work_runs_inside_redis() throws IOException {
    limiter.consume(TIER, "warm-up");
    List<String> seen;
    try (var monitor = new Monitor(server)) {
      for (int i = 0; i < 25; i++) {
        limiter.consume(TIER, "10.0.0." + (i % 5));
      }
      seen = monitor.linesUntilMarker(adminConnection);
    }
    List<String> sent = fromClients(seen);
    assertThat(sent).hasSize(25).allSatisfy(line -> assertThat(line).contains("\"EVALSHA\""));
    assertThat(seen).anySatisfy(line -> assertThat(line).contains("lua]").contains("\"TIME\""));
    assertThat(fallbacks()).isZero();
  }

  @Test
  void when_redis_forgets_the_script_one_eval_reloads_it_and_the_bucket_carries_on()
      throws IOException {
    assertThat(limiter.consume(TIER, "10.0.0.9").remaining()).isEqualTo(99);
    adminConnection.sync().scriptFlush();
    List<String> seen;
    RateLimiter.Outcome afterFlush;
    RateLimiter.Outcome next;
    try (var monitor = new Monitor(server)) {
      afterFlush = limiter.consume(TIER, "10.0.0.9");
      next = limiter.consume(TIER, "10.0.0.9");
      seen = monitor.linesUntilMarker(adminConnection);
    }
    assertThat(afterFlush.remaining()).isEqualTo(98);
    assertThat(next.remaining()).isEqualTo(97);
    assertThat(fromClients(seen))
        .extracting(line -> line.replaceFirst("^.*?\\] \"([A-Z]+)\".*$", "$1"))
        .containsExactly("EVALSHA", "EVAL", "EVALSHA");
    assertThat(fallbacks()).isZero();
    assertThat(limiter.usingRedis()).isTrue();
  }

  @Test
  void a_bucket_key_expires_two_periods_after_its_last_decision() {
    limiter.consume(TIER, "10.0.0.1");
    long ttl = adminConnection.sync().pttl(limiter.redisKey(TIER.tier(), "10.0.0.1"));
    assertThat(ttl).isBetween(110_000L, 120_000L);
  }

  @Test
  void a_key_of_another_type_left_under_the_bucket_name_is_replaced_not_a_failure() {
    String key = limiter.redisKey(TIER.tier(), "10.0.0.2");
    adminConnection.sync().set(key, "state written by an older release");
    var outcome = limiter.consume(TIER, "10.0.0.2");
    assertThat(outcome.allowed()).isTrue();
    assertThat(outcome.remaining()).isEqualTo(99);
    assertThat(adminConnection.sync().type(key)).isEqualTo("hash");
    assertThat(fallbacks()).isZero();
  }

  private double fallbacks() {
    return meters.counter("jorge.ratelimit.fallbacks", "tier", TIER.tier()).count();
  }

  /** Monitor lines of commands sent by clients, without the marker and the script's own calls. */
  private static List<String> fromClients(List<String> lines) {
    return lines.stream().filter(l -> !INSIDE_SCRIPT.matcher(l).find()).toList();
  }

  /** A raw {@code MONITOR} connection: every command the server runs, in order. */
  private static final class Monitor implements AutoCloseable {
    private final Socket socket;
    private final BufferedReader in;

    Monitor(Redis.Server server) throws IOException {
      URI url = URI.create(server.url());
      socket = new Socket(url.getHost(), url.getPort());
      socket.setSoTimeout(5_000);
      in = new BufferedReader(
          new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
      OutputStream out = socket.getOutputStream();
      out.write("MONITOR\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      assertThat(in.readLine()).isEqualTo("+OK");
    }

    /**
     * Sends {@code ECHO <marker>} on {@code other} and returns the lines before it: MONITOR
     * reports commands in the order they ran, so every earlier command is in the answer.
     */
    List<String> linesUntilMarker(StatefulRedisConnection<String, String> other)
        throws IOException {
      String marker = "marker-" + UUID.randomUUID();
      other.sync().echo(marker);
      List<String> lines = new ArrayList<>();
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.contains(marker)) {
          return lines;
        }
        lines.add(line);
      }
      throw new IOException("MONITOR closed before the marker");
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }
}
