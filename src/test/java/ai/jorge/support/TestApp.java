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
    env.putAll(extraEnv);
    return ConfigLoader.fromEnv(env);
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
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new IllegalStateException("not JSON: " + body, e);
      }
    }
  }
}
