package ai.jorge.cli;

import ai.jorge.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * A small WebSocket client for operators and scripts: authenticates, subscribes and prints every
 * server message as one JSON line, until each awaited event type was seen or the time is up.
 */
@Command(
    name = "ws",
    mixinStandardHelpOptions = true,
    description = "Listen to Jorge's live events (SPEC §5) and print them as JSON lines.")
final class WsCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = Json.newMapper();

  @Option(names = "--url", defaultValue = "ws://localhost:8080/api/v1/ws", description = "WebSocket URL.")
  URI url;

  @Option(names = "--token", defaultValue = "${env:JORGE_API_KEY}", description = "API key or ticket (default: $JORGE_API_KEY).")
  String token;

  @Option(names = "--origin", description = "Origin header to send (default: the URL's host as http).")
  String origin;

  @Option(names = "--topics", split = ",", defaultValue = "leads,conversations,appointments,ml,metrics,system",
      description = "Topics to subscribe to.")
  List<String> topics;

  @Option(names = "--since", split = ",", description = "Resume points, e.g. leads=120,ml=4.")
  List<String> since;

  @Option(names = "--await", split = ",", description = "Event types to wait for; exit 0 once all were seen.")
  Set<String> await = Set.of();

  @Option(names = "--seconds", defaultValue = "10", description = "How long to listen at most.")
  int seconds;

  @Override
  public Integer call() {
    Set<String> missing = new HashSet<>(await);
    CountDownLatch done = new CountDownLatch(1);
    AtomicInteger events = new AtomicInteger();
    var welcome = new CompletableFuture<JsonNode>();
    var listener = new Printer(missing, !await.isEmpty(), done, events, welcome);
    String originHeader = origin != null ? origin : "http://" + url.getAuthority();
    WebSocket ws =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .header("Origin", originHeader)
            .connectTimeout(Duration.ofSeconds(5))
            .buildAsync(url, listener)
            .join();
    ws.sendText(JSON.createObjectNode().put("type", "auth").put("token", token == null ? "" : token).toString(), true).join();
    JsonNode latest;
    try {
      latest = welcome.get(10, TimeUnit.SECONDS).path("latest");
    } catch (Exception e) {
      System.err.println("no welcome from the server: " + e.getMessage());
      return 1;
    }
    ObjectNode subscribe = JSON.createObjectNode().put("type", "subscribe");
    topics.forEach(subscribe.putArray("topics")::add);
    ObjectNode from = subscribe.putObject("since");
    // From the welcome on: nothing published between it and this subscription is missed.
    topics.stream().filter(t -> latest.has(t)).forEach(t -> from.put(t, latest.get(t).asLong()));
    if (since != null) {
      for (String s : since) {
        String[] kv = s.split("=", 2);
        from.put(kv[0].trim(), Long.parseLong(kv[1].trim()));
      }
    }
    ws.sendText(subscribe.toString(), true).join();
    boolean finished;
    try {
      finished = done.await(seconds, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      finished = false;
    }
    ws.sendClose(WebSocket.NORMAL_CLOSURE, "done");
    if (!await.isEmpty() && !(finished && missing.isEmpty())) {
      System.err.println("did not see: " + missing);
      return 1;
    }
    return 0;
  }

  /** Prints every text frame and ticks off awaited event types. */
  private record Printer(
      Set<String> missing,
      boolean awaiting,
      CountDownLatch done,
      AtomicInteger events,
      CompletableFuture<JsonNode> welcome)
      implements WebSocket.Listener {
    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      String text = data.toString();
      System.out.println(text);
      try {
        JsonNode msg = JSON.readTree(text);
        if ("welcome".equals(msg.path("type").asText())) {
          welcome.complete(msg);
        }
        if ("event".equals(msg.path("type").asText())) {
          events.incrementAndGet();
          synchronized (missing) {
            missing.remove(msg.path("event").asText());
            if (awaiting && missing.isEmpty()) {
              done.countDown();
            }
          }
        }
      } catch (Exception e) {
        System.err.println("unreadable frame: " + text);
      }
      ws.request(1);
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
      System.err.println("closed " + status + " " + reason);
      welcome.completeExceptionally(new IllegalStateException("closed " + status + " " + reason));
      done.countDown();
      return CompletableFuture.completedFuture(null);
    }
  }
}
