package ai.jorge.support;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;

/**
 * The Redis the integration tests use: {@code JORGE_TEST_REDIS_URL} (default the local 6379).
 * Required like PostgreSQL: when it does not answer, the test fails, it does not skip. Each test
 * takes a fresh key prefix, so runs never see each other's messages.
 */
public final class Redis {
  public static final URI URL =
      URI.create(System.getenv().getOrDefault("JORGE_TEST_REDIS_URL", "redis://127.0.0.1:6379"));

  private Redis() {}

  /** The shared Redis's URL after checking that it answers. */
  public static URI required() {
    requirePing(URL);
    return URL;
  }

  public static String freshPrefix() {
    return "jt" + UUID.randomUUID().toString().substring(0, 8) + ":";
  }

  static void requirePing(URI url) {
    RedisURI uri = RedisURI.create(url.toString());
    uri.setTimeout(Duration.ofSeconds(2));
    RedisClient client = RedisClient.create(uri);
    try (var c = client.connect()) {
      c.sync().ping();
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "Redis is required for the tests (" + url + "): " + e.getMessage(), e);
    } finally {
      client.shutdown();
    }
  }
}
