package ai.jorge.events;

import ai.jorge.Service;
import ai.jorge.web.Authenticator;
import ai.jorge.web.Caller;
import ai.jorge.web.HttpStatusException;
import ai.jorge.web.OriginPolicy;
import ai.jorge.web.Role;
import ai.jorge.web.RouteGroup;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsConnectContext;
import io.javalin.websocket.WsMessageContext;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live event stream of SPEC §5: {@code GET /api/v1/ws} (and {@code /api/v1/ml/ws/metrics},
 * which subscribes itself to the {@code ml} and {@code metrics} topics). Origin checked at the
 * handshake; the first message must authenticate within 5 s with an API key or a ticket from
 * {@code POST /api/v1/ws/ticket}, else close 4401; subscriptions replay from the {@link EventLog}
 * then stream live without gaps or duplicates; a client more than the queue capacity behind is
 * closed with 4008. Publishing stores each event once in its topic's {@link TopicRing}; every
 * {@link #WRITE_INTERVAL} each client's sender writes what it has not sent yet in one batch.
 * Thread-safe; App owns its lifecycle.
 */
public final class WebSocketHub implements Service, RouteGroup {
  public static final int DEFAULT_QUEUE_CAPACITY = 1_000;
  static final int CLOSE_UNAUTHORIZED = 4401;
  static final int CLOSE_SLOW_CONSUMER = 4008;
  private static final Logger log = LoggerFactory.getLogger(WebSocketHub.class);
  private static final Duration AUTH_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration HEARTBEAT = Duration.ofSeconds(30);
  private static final int MAX_MESSAGE_CHARS = 16 * 1024;
  /**
   * How long live events may wait so that one write carries several: at 200 events/s to 1,000
   * clients this turns 200,000 writes a second into 40,000 (BENCHMARKS.md, WebSocket fan-out).
   */
  private static final Duration WRITE_INTERVAL = Duration.ofMillis(25);

  private final EventBus bus;
  private final EventLog events;
  private final ObjectMapper json;
  private final Authenticator auth;
  private final WsTickets tickets;
  private final OriginPolicy origins;
  private final int capacity;
  private final String instanceId;
  private final Map<String, WsClient> clients = new ConcurrentHashMap<>();
  private final Map<String, TopicRing> rings;
  private final Counter sent;
  private final Counter evictions;
  private volatile ScheduledExecutorService timer;
  private EventBus.Subscription subscription;

  public WebSocketHub(
      EventBus bus,
      EventLog events,
      ObjectMapper json,
      Authenticator auth,
      WsTickets tickets,
      OriginPolicy origins,
      int capacity,
      String instanceId,
      MeterRegistry meters) {
    this.bus = bus;
    this.events = events;
    this.json = json;
    this.auth = auth;
    this.tickets = tickets;
    this.origins = origins;
    this.capacity = capacity;
    this.instanceId = instanceId;
    Map<String, TopicRing> r = new HashMap<>();
    EventLog.TOPICS.forEach(t -> r.put(t, new TopicRing(capacity)));
    this.rings = Map.copyOf(r);
    Gauge.builder("jorge.ws.connections", clients, Map::size).register(meters);
    this.sent = Counter.builder("jorge.ws.events").register(meters);
    this.evictions = Counter.builder("jorge.ws.evictions").register(meters);
  }

  @Override
  public String name() {
    return "websocket-hub";
  }

  @Override
  public void start() {
    timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().daemon().name("ws-timer").unstarted(r));
    timer.scheduleAtFixedRate(
        this::writeTick, WRITE_INTERVAL.toNanos(), WRITE_INTERVAL.toNanos(), TimeUnit.NANOSECONDS);
    subscription = bus.subscribe(this::onEvent);
  }

  /**
   * Lets every client with something to send write it: live events wait for the next tick so that
   * the events of one interval share one write per client instead of one write each. A client
   * more than the capacity behind is evicted here, so a stalled sender cannot hide.
   */
  private void writeTick() {
    for (WsClient c : clients.values()) {
      long behind = c.backlog();
      if (behind > capacity) {
        evict(c);
      } else if (behind > 0 || c.hasControl()) {
        c.wake();
      }
    }
  }

  @Override
  public void stop() {
    if (subscription != null) {
      subscription.close();
    }
    clients.values().forEach(c -> c.close(1001, "server shutting down"));
    clients.clear();
    if (timer != null) {
      timer.shutdownNow();
    }
  }

  @Override
  public void register(JavalinDefaultRoutingApi routes) {
    for (String path : List.of("/api/v1/ws", "/api/v1/ml/ws/metrics")) {
      routes.wsBeforeUpgrade(path, this::checkUpgrade);
      routes.get(
          path,
          ctx -> {
            throw new HttpStatusException(
                426, "upgrade_required", "this is a WebSocket endpoint: connect with an Upgrade");
          });
    }
    routes.ws("/api/v1/ws", ws -> configure(ws, Set.of()));
    routes.ws("/api/v1/ml/ws/metrics", ws -> configure(ws, Set.of("ml", "metrics")));
    routes.post(
        "/api/v1/ws/ticket", ctx -> ctx.json(tickets.issue(Authenticator.caller(ctx))), Role.VIEWER);
  }

  /** Connections open right now (authenticated or not). */
  public int connections() {
    return clients.size();
  }

  private void checkUpgrade(Context ctx) {
    origins.check(ctx.header("Origin"), ctx.header("Host"));
  }

  private void configure(WsConfig ws, Set<String> autoTopics) {
    ws.onConnect(this::onConnect);
    ws.onMessage(ctx -> onMessage(ctx, autoTopics));
    ws.onClose(ctx -> closed(ctx.sessionId()));
    ws.onError(ctx -> closed(ctx.sessionId()));
  }

  private void onConnect(WsConnectContext ctx) {
    ScheduledExecutorService t = timer;
    if (t == null || t.isShutdown()) {
      ctx.closeSession(1013, "not ready");
      return;
    }
    ctx.session.setMaxTextMessageSize(MAX_MESSAGE_CHARS);
    ctx.enableAutomaticPings(HEARTBEAT.toSeconds(), TimeUnit.SECONDS);
    var client = new WsClient(ctx.sessionId(), ctx.session, this);
    clients.put(client.id(), client);
    client.start();
    t.schedule(
        () -> {
          if (client.isOpen() && !client.isAuthenticated()) {
            client.close(CLOSE_UNAUTHORIZED, "authentication timeout");
          }
        },
        AUTH_TIMEOUT.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  private void onMessage(WsMessageContext ctx, Set<String> autoTopics) {
    WsClient client = clients.get(ctx.sessionId());
    if (client == null || !client.isOpen()) {
      return;
    }
    JsonNode msg = parse(ctx.message());
    String type = msg == null ? "" : msg.path("type").asText("");
    if (!client.isAuthenticated()) {
      Optional<Caller> caller =
          "auth".equals(type) ? resolve(msg.path("token").asText(null)) : Optional.empty();
      if (caller.isEmpty()) {
        client.close(CLOSE_UNAUTHORIZED, "unauthorized");
        return;
      }
      client.authenticate(caller.get(), welcome(caller.get()), fromNow(autoTopics));
      return;
    }
    switch (type) {
      case "ping" -> client.control(write(Map.of("type", "pong")));
      case "subscribe" -> subscribe(client, msg);
      case "auth" -> client.control(error("already_authenticated", "this connection is authenticated"));
      default -> client.control(error("unknown_message", "unknown message type '" + type + "'"));
    }
  }

  private void subscribe(WsClient client, JsonNode msg) {
    Set<String> wanted = new TreeSet<>();
    msg.path("topics").forEach(t -> wanted.add(t.asText()));
    msg.path("since").fieldNames().forEachRemaining(wanted::add);
    List<String> unknown = new ArrayList<>();
    Map<String, Long> since = new LinkedHashMap<>();
    for (String topic : wanted) {
      if (!EventLog.TOPICS.contains(topic)) {
        unknown.add(topic);
        continue;
      }
      JsonNode s = msg.path("since").path(topic);
      since.put(topic, s.canConvertToLong() && s.asLong() >= 0 ? s.asLong() : events.latestSeq(topic));
    }
    if (!unknown.isEmpty()) {
      client.control(error("unknown_topic", "unknown topics: " + String.join(", ", unknown)));
    }
    if (!since.isEmpty()) {
      client.subscribe(since);
    }
  }

  private Map<String, Long> fromNow(Set<String> topics) {
    Map<String, Long> since = new LinkedHashMap<>();
    topics.forEach(t -> since.put(t, events.latestSeq(t)));
    return since;
  }

  private Optional<Caller> resolve(String token) {
    if (token == null || token.isBlank()) {
      return Optional.empty();
    }
    return token.startsWith("wst_") ? tickets.redeem(token) : auth.byKey(token);
  }

  private void onEvent(Event e) {
    TopicRing ring = rings.get(e.topic());
    if (ring != null) {
      ring.put(new Rendered(e, json));
    }
  }

  TopicRing ring(String topic) {
    return rings.get(topic);
  }

  private void closed(String sessionId) {
    WsClient c = clients.remove(sessionId);
    if (c != null) {
      c.closed();
    }
  }

  void evict(WsClient client) {
    if (client.isOpen()) {
      evictions.increment();
      log.warn("evicting slow WebSocket client {} (more than {} events behind)", client.id(), capacity);
      client.close(CLOSE_SLOW_CONSUMER, "slow consumer: queue full");
    }
  }

  /** True when the log no longer holds every event after {@code since}, or never had them. */
  boolean beyondRetention(String topic, long since) {
    long latest = events.latestSeq(topic);
    if (since == latest) {
      return false;
    }
    if (since > latest) {
      return true;
    }
    Optional<Long> oldest = events.oldestSeq(topic);
    return oldest.isEmpty() || since < oldest.get() - 1;
  }

  String resync(String topic, long latest) {
    return write(Map.of("type", "resync", "topic", topic, "latest", latest));
  }

  EventLog log() {
    return events;
  }

  Rendered render(Event e) {
    return new Rendered(e, json);
  }

  void countSent(int n) {
    if (n > 0) {
      sent.increment(n);
    }
  }

  private String welcome(Caller caller) {
    Map<String, Object> latest = new LinkedHashMap<>();
    new TreeSet<>(EventLog.TOPICS).forEach(t -> latest.put(t, events.latestSeq(t)));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", "welcome");
    m.put("role", caller.role().wireName());
    m.put("instance", instanceId);
    m.put("latest", latest);
    m.put("heartbeat_seconds", HEARTBEAT.toSeconds());
    m.put("queue_capacity", capacity);
    return write(m);
  }

  private String error(String code, String message) {
    return write(Map.of("type", "error", "code", code, "message", message));
  }

  private JsonNode parse(String text) {
    try {
      JsonNode n = json.readTree(text);
      return n != null && n.isObject() ? n : null;
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  private String write(Map<String, Object> m) {
    try {
      return json.writeValueAsString(m);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
