package ai.jorge.support;

import ai.jorge.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A WebSocket client for tests on the JDK's {@code java.net.http.WebSocket}: collects every text
 * message and the close code. With {@code reading = false} it takes no frames until {@link
 * #resumeReading}, like a browser tab that froze.
 */
public final class WsTestClient implements AutoCloseable {
  private static final ObjectMapper JSON = Json.newMapper();
  private final LinkedBlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
  private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
  private final WebSocket ws;
  private volatile boolean reading;

  private WsTestClient(URI uri, String origin, boolean reading) {
    this.reading = reading;
    var b = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
    if (origin != null) {
      b.header("Origin", origin);
    }
    this.ws = b.buildAsync(uri, new Listener()).join();
  }

  public static WsTestClient connect(TestApp app, String path) {
    return new WsTestClient(wsUri(app, path), null, true);
  }

  public static WsTestClient connect(TestApp app, String path, String origin, boolean reading) {
    return new WsTestClient(wsUri(app, path), origin, reading);
  }

  public static URI wsUri(TestApp app, String path) {
    return URI.create(app.url(path).replaceFirst("^http", "ws"));
  }

  public WsTestClient send(String text) {
    ws.sendText(text, true).join();
    return this;
  }

  /** Authenticates and waits for the welcome. */
  public JsonNode auth(String token) {
    send(JSON.createObjectNode().put("type", "auth").put("token", token).toString());
    return next("welcome");
  }

  /** The next message, failing after 10 s. */
  public JsonNode next() {
    try {
      JsonNode n = messages.poll(10, TimeUnit.SECONDS);
      if (n == null) {
        throw new AssertionError("no WebSocket message within 10 s");
      }
      return n;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** The next message, which must be of this type. */
  public JsonNode next(String type) {
    JsonNode n = next();
    if (!type.equals(n.path("type").asText())) {
      throw new AssertionError("expected a " + type + " message, got " + n);
    }
    return n;
  }

  /** The next {@code n} messages of type event (other types are skipped). */
  public List<JsonNode> events(int n) {
    List<JsonNode> out = new ArrayList<>();
    while (out.size() < n) {
      JsonNode m = next();
      if ("event".equals(m.path("type").asText())) {
        out.add(m);
      }
    }
    return out;
  }

  /** Messages that arrive within {@code wait}, without failing when none do. */
  public List<JsonNode> drain(Duration wait) {
    List<JsonNode> out = new ArrayList<>();
    long end = System.nanoTime() + wait.toNanos();
    try {
      while (true) {
        long left = end - System.nanoTime();
        if (left <= 0) {
          return out;
        }
        JsonNode n = messages.poll(left, TimeUnit.NANOSECONDS);
        if (n != null) {
          out.add(n);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return out;
    }
  }

  public void resumeReading() {
    reading = true;
    ws.request(Long.MAX_VALUE);
  }

  /** The close code the server sent, waiting up to {@code wait}. */
  public int closeCode(Duration wait) {
    try {
      return closeCode.get(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      throw new AssertionError("the connection was not closed within " + wait, e);
    }
  }

  public boolean isClosed() {
    return closeCode.isDone();
  }

  @Override
  public void close() {
    if (!ws.isOutputClosed()) {
      ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
    }
    ws.abort();
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public void onOpen(WebSocket webSocket) {
      if (reading) {
        webSocket.request(Long.MAX_VALUE);
      }
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        try {
          messages.add(JSON.readTree(partial.toString()));
        } catch (IOException e) {
          messages.add(JSON.createObjectNode().put("type", "unparseable").put("raw", partial.toString()));
        }
        partial.setLength(0);
      }
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      closeCode.complete(statusCode);
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      closeCode.complete(-1);
    }
  }
}
