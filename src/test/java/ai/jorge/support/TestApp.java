package ai.jorge.support;

import ai.jorge.App;
import ai.jorge.Json;
import ai.jorge.config.ConfigLoader;
import ai.jorge.config.JorgeConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * A real App on a random port over a fresh database, with a small HTTP client. Built through
 * {@link App#create}, so tests run the production wiring.
 */
public final class TestApp implements AutoCloseable {
  public static final String API_KEY = "test-admin-key-0123456789";
  public static final String ORIGIN = "http://localhost:3000";
  public static final String ADMIN_PASSWORD = "test-admin-password";
  private static final ObjectMapper JSON = Json.newMapper();
  /** Limits no functional test reaches; rate-limit tests set their own. */
  public static final String GENEROUS_LIMITS =
      java.util.stream.Stream.of("chat_ip", "chat_session", "webhook_location", "api_key", "login")
          .map(tier -> tier + "=100000/1m")
          .collect(java.util.stream.Collectors.joining(","));

  private final App app;
  private final Backend.TestDatabase db;
  private final boolean ownsDb;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private TestApp(App app, Backend.TestDatabase db, boolean ownsDb) {
    this.app = app;
    this.db = db;
    this.ownsDb = ownsDb;
  }

  public static TestApp start(Backend backend) {
    return start(backend.create(), true, Map.of(), Clock.systemUTC());
  }

  public static TestApp start(Backend backend, Map<String, String> env) {
    return start(backend.create(), true, env, Clock.systemUTC());
  }

  /** An App over an existing database (several instances may share one). */
  public static TestApp start(
      Backend.TestDatabase db, boolean ownsDb, Map<String, String> extraEnv, Clock clock) {
    App app = App.create(config(db.config(), extraEnv), clock);
    try {
      app.start();
    } catch (RuntimeException e) {
      app.stop();
      throw e;
    }
    return new TestApp(app, db, ownsDb);
  }

  public static JorgeConfig config(JorgeConfig.Database db, Map<String, String> extraEnv) {
    Map<String, String> env = new HashMap<>();
    env.put("JORGE_PORT", "0");
    env.put("JORGE_DB_URL", db.url());
    env.put("JORGE_DB_USER", db.user());
    env.put("JORGE_DB_PASSWORD", db.password());
    env.put("JORGE_API_KEY", API_KEY);
    env.put("JORGE_ADMIN_PASSWORD", ADMIN_PASSWORD);
    env.put("JORGE_ALLOWED_ORIGINS", ORIGIN);
    env.put("JORGE_WEBHOOK_SIGNATURES", "off");
    env.put("JORGE_GUARD_AUDIT", auditFile().toString());
    env.put("JORGE_RATE_LIMITS", GENEROUS_LIMITS);
    env.putAll(extraEnv);
    return ConfigLoader.fromEnv(env);
  }

  /** A fresh guard audit log in the temp directory, so tests never write under ./data. */
  public static Path auditFile() {
    try {
      Path dir = Files.createTempDirectory("jorge-guard-");
      dir.toFile().deleteOnExit();
      return dir.resolve("guard-audit.jsonl");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  public App app() {
    return app;
  }

  public String url(String path) {
    return "http://127.0.0.1:" + app.port() + path;
  }

  public Response post(String path, String body, String... headers) {
    var b =
        HttpRequest.newBuilder(URI.create(url(path)))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return send(b.build());
  }

  public Response postBytes(String path, byte[] body, String... headers) {
    var b =
        HttpRequest.newBuilder(URI.create(url(path)))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return send(b.build());
  }

  public Response get(String path, String... headers) {
    var b = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(30)).GET();
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return send(b.build());
  }

  public Response delete(String path, String... headers) {
    var b = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(30)).DELETE();
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return send(b.build());
  }

  /** Authorization header pair for the admin key. */
  public static String[] admin() {
    return new String[] {"Authorization", "Bearer " + API_KEY};
  }

  public Response chat(String session, String text) {
    return post(
        "/api/v1/chat/messages",
        JSON.createObjectNode().put("session_id", session).put("text", text).toString());
  }

  private Response send(HttpRequest request) {
    try {
      HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Response(r.statusCode(), r.body(), r.headers().map());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Counts rows of a table, straight from the database. */
  public long count(String table) {
    return app.database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
  }

  @Override
  public void close() {
    app.stop();
    if (ownsDb) {
      db.close();
    }
  }

  /** An HTTP answer. */
  public record Response(int status, String body, Map<String, java.util.List<String>> headers) {
    /** The first value of a header (names are case-insensitive), or null. */
    public String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty())
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }

    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new IllegalStateException("not JSON: " + body, e);
      }
    }
  }
}
