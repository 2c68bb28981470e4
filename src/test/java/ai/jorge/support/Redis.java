package ai.jorge.support;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Redis for the tests. The shared server comes from {@code JORGE_TEST_REDIS_URL} (default {@code
 * redis://127.0.0.1:6379}) and is required: when it does not answer the test fails, it does not
 * skip. Tests that stop Redis start their own {@code redis-server} on a free port and stop only
 * that one.
 */
public final class Redis {
  public static final String URL =
      System.getenv().getOrDefault("JORGE_TEST_REDIS_URL", "redis://127.0.0.1:6379");

  private Redis() {}

  /** The shared server's URL, after checking that it answers. */
  public static String requireShared() {
    RedisURI uri = RedisURI.create(URL);
    uri.setTimeout(Duration.ofSeconds(2));
    RedisClient client = RedisClient.create(uri);
    try (StatefulRedisConnection<String, String> c = client.connect()) {
      if (!"PONG".equals(c.sync().ping())) {
        throw new IllegalStateException("Redis at " + URL + " did not answer PING");
      }
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "Redis is required for the tests (" + URL + "): " + e.getMessage(), e);
    } finally {
      client.shutdown();
    }
    return URL;
  }

  /** The shared server's URL as a URI, after checking that it answers. */
  public static URI required() {
    return URI.create(requireShared());
  }

  /** Fails unless the Redis at {@code url} answers PING. */
  static void requirePing(URI url) {
    RedisURI uri = RedisURI.create(url.toString());
    uri.setTimeout(Duration.ofSeconds(2));
    RedisClient client = RedisClient.create(uri);
    try (StatefulRedisConnection<String, String> c = client.connect()) {
      c.sync().ping();
    } catch (RuntimeException e) {
      throw new IllegalStateException("Redis is required (" + url + "): " + e.getMessage(), e);
    } finally {
      client.shutdown();
    }
  }

  /** Same as {@link #randomPrefix()}. */
  public static String freshPrefix() {
    return randomPrefix();
  }

  /** A key prefix no other test or run uses. */
  public static String randomPrefix() {
    return "jorge-test-" + UUID.randomUUID().toString().substring(0, 8) + ":";
  }

  /** Keys under {@code prefix} in the Redis at {@code url}. */
  public static List<String> keys(String url, String prefix) {
    RedisClient client = RedisClient.create(url);
    try (StatefulRedisConnection<String, String> c = client.connect()) {
      return c.sync().keys(prefix + "*");
    } finally {
      client.shutdown();
    }
  }

  /** A free TCP port on the loopback interface (nothing listens on it when this returns). */
  public static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A {@code redis-server} of the test's own, on {@code port}, without persistence. */
  public static final class Server implements AutoCloseable {
    private final int port;
    private Process process;

    public Server(int port) {
      this.port = port;
    }

    public String url() {
      return "redis://127.0.0.1:" + port;
    }

    public Server start() {
      try {
        Path dir = Files.createTempDirectory("jorge-redis-");
        process =
            new ProcessBuilder(
                    "redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no", "--dir", dir.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("redis.log").toFile())
                .start();
      } catch (IOException e) {
        throw new IllegalStateException("redis-server is required for the tests: " + e.getMessage(), e);
      }
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (System.nanoTime() < deadline) {
        try (var socket = new java.net.Socket("127.0.0.1", port)) {
          return this;
        } catch (IOException notYet) {
          sleep(50);
        }
      }
      throw new IllegalStateException("redis-server did not start on port " + port);
    }

    /** Kills this server (only the process this object started). */
    public void stop() {
      if (process != null) {
        process.destroyForcibly();
        try {
          process.waitFor();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        process = null;
      }
    }

    @Override
    public void close() {
      stop();
    }

    private static void sleep(long ms) {
      try {
        Thread.sleep(ms);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
