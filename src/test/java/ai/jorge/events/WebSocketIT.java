package ai.jorge.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ai.jorge.Json;
import ai.jorge.support.Backend;
import ai.jorge.support.TestApp;
import ai.jorge.support.WsTestClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The WebSocket of SPEC §5 over a real socket, on H2 and PostgreSQL. */
class WebSocketIT {
  private static final ObjectMapper JSON = Json.newMapper();
  private static final Map<Backend, TestApp> apps = new EnumMap<>(Backend.class);
  private static final AtomicInteger sessions = new AtomicInteger();

  @BeforeAll
  static void start() {
    for (Backend b : Backend.values()) {
      apps.put(b, TestApp.start(b));
    }
  }

  @AfterAll
  static void stop() {
    apps.values().forEach(TestApp::close);
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void a_wrong_token_closes_the_connection_with_4401(Backend backend) {
    try (var ws = WsTestClient.connect(apps.get(backend), "/api/v1/ws")) {
      ws.send("{\"type\":\"auth\",\"token\":\"not-a-key\"}");
      assertThat(ws.closeCode(Duration.ofSeconds(5))).isEqualTo(4401);
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void a_first_message_that_is_not_auth_closes_with_4401(Backend backend) {
    try (var ws = WsTestClient.connect(apps.get(backend), "/api/v1/ws")) {
      ws.send("{\"type\":\"subscribe\",\"topics\":[\"leads\"]}");
      assertThat(ws.closeCode(Duration.ofSeconds(5))).isEqualTo(4401);
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void silence_for_five_seconds_after_connecting_closes_with_4401(Backend backend) {
    try (var ws = WsTestClient.connect(apps.get(backend), "/api/v1/ws")) {
      long started = System.nanoTime();
      assertThat(ws.closeCode(Duration.ofSeconds(8))).isEqualTo(4401);
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThan(Duration.ofSeconds(4));
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void a_foreign_origin_is_refused_at_the_handshake(Backend backend) {
    TestApp app = apps.get(backend);
    assertThatThrownBy(() -> WsTestClient.connect(app, "/api/v1/ws", "https://evil.example", true))
        .isInstanceOf(CompletionException.class)
        .cause()
        .isInstanceOfSatisfying(
            WebSocketHandshakeException.class, e -> assertThat(e.getResponse().statusCode()).isEqualTo(403));
    try (var ok = WsTestClient.connect(app, "/api/v1/ws", TestApp.ORIGIN, true)) {
      assertThat(ok.auth(TestApp.API_KEY).path("role").asText()).isEqualTo("admin");
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void a_plain_get_on_a_websocket_path_answers_426(Backend backend) {
    TestApp app = apps.get(backend);
    assertThat(app.get("/api/v1/ws").status()).isEqualTo(426);
    assertThat(app.get("/api/v1/ml/ws/metrics").status()).isEqualTo(426);
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void ping_is_answered_with_pong_and_unknown_topics_with_an_error(Backend backend) {
    try (var ws = WsTestClient.connect(apps.get(backend), "/api/v1/ws")) {
      ws.auth(TestApp.API_KEY);
      ws.send("{\"type\":\"ping\"}");
      assertThat(ws.next("pong")).isNotNull();
      ws.send("{\"type\":\"subscribe\",\"topics\":[\"nope\"]}");
      assertThat(ws.next("error").path("code").asText()).isEqualTo("unknown_topic");
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void a_client_that_reconnects_with_since_gets_every_missed_event_once_in_order(Backend backend)
      throws Exception {
    TestApp app = apps.get(backend);
    long since;
    try (var ws = WsTestClient.connect(app, "/api/v1/ws")) {
      since = ws.auth(TestApp.API_KEY).at("/latest/conversations").asLong();
      ws.send("{\"type\":\"subscribe\",\"topics\":[\"conversations\"]}");
    }
    // Disconnected: at least 200 events are published by parallel chat turns.
    chatUntil(app, "conversations", since + 200);

    try (var ws = WsTestClient.connect(app, "/api/v1/ws")) {
      ws.auth(TestApp.API_KEY);
      ws.send(
          JSON.createObjectNode()
              .put("type", "subscribe")
              .<com.fasterxml.jackson.databind.node.ObjectNode>set(
                  "since", JSON.createObjectNode().put("conversations", since))
              .toString());
      // More arrive while the replay is running: live and replayed events must merge cleanly.
      long target = app.app().events().latestSeq("conversations") + 30;
      chatUntil(app, "conversations", target);
      long latest = app.app().events().latestSeq("conversations");

      List<JsonNode> got = ws.events((int) (latest - since));
      List<Long> seqs = got.stream().map(e -> e.get("seq").asLong()).toList();
      List<Long> expected = new ArrayList<>();
      for (long s = since + 1; s <= latest; s++) {
        expected.add(s);
      }
      assertThat(seqs).hasSizeGreaterThanOrEqualTo(230).containsExactlyElementsOf(expected);
      List<String> loggedTypes =
          app.app().events().since("conversations", since, 10_000).stream().map(Event::type).toList();
      assertThat(got.stream().map(e -> e.get("event").asText()).toList())
          .containsExactlyElementsOf(loggedTypes);
      assertThat(ws.drain(Duration.ofMillis(300))).noneMatch(m -> m.path("type").asText().equals("event"));
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void a_client_that_stops_reading_is_evicted_while_another_keeps_receiving(Backend backend) {
    TestApp app = apps.get(backend);
    try (var slow = WsTestClient.connect(app, "/api/v1/ws", null, false);
        var fast = WsTestClient.connect(app, "/api/v1/ws")) {
      slow.send("{\"type\":\"auth\",\"token\":\"" + TestApp.API_KEY + "\"}");
      slow.send("{\"type\":\"subscribe\",\"topics\":[\"system\"]}");
      fast.auth(TestApp.API_KEY);
      fast.send("{\"type\":\"subscribe\",\"topics\":[\"system\"]}");
      await().atMost(Duration.ofSeconds(5)).until(() -> metric(app, "jorge_ws_connections") >= 2);
      double evictedBefore = metric(app, "jorge_ws_evictions_total");
      String blob = "x".repeat(32 * 1024);
      int published = 0;
      while (metric(app, "jorge_ws_evictions_total") == evictedBefore && published < 6_000) {
        publishBatch(app, "system", 100, blob);
        published += 100;
      }
      // At least one: a client an earlier test closed may still be counted until its close lands;
      // the 4008 below proves the slow client is the one evicted.
      assertThat(metric(app, "jorge_ws_evictions_total")).isGreaterThanOrEqualTo(evictedBefore + 1);
      List<JsonNode> received = fast.events(published);
      assertThat(received).hasSize(published);
      assertThat(fast.isClosed()).isFalse();

      slow.resumeReading();
      assertThat(slow.closeCode(Duration.ofSeconds(30))).isEqualTo(4008);
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void a_viewer_gets_no_contact_details_and_a_ticket_works_once(Backend backend) {
    TestApp app = apps.get(backend);
    String viewer = "viewer" + sessions.incrementAndGet();
    assertThat(
            app.post(
                    "/api/v1/users",
                    "{\"username\":\"" + viewer + "\",\"password\":\"viewer-password-1\",\"role\":\"viewer\"}",
                    TestApp.admin())
                .status())
        .isEqualTo(201);
    var login =
        app.post("/api/v1/auth/login", "{\"username\":\"" + viewer + "\",\"password\":\"viewer-password-1\"}");
    assertThat(login.status()).isEqualTo(200);
    String cookie = login.headers().get("set-cookie").get(0).split(";")[0];
    String csrf = login.json().get("csrf_token").asText();
    String ticket =
        app.post("/api/v1/ws/ticket", "{}", "Cookie", cookie, "X-CSRF-Token", csrf).json().get("ticket").asText();

    try (var v = WsTestClient.connect(app, "/api/v1/ws");
        var admin = WsTestClient.connect(app, "/api/v1/ws")) {
      assertThat(v.auth(ticket).path("role").asText()).isEqualTo("viewer");
      admin.auth(TestApp.API_KEY);
      v.send("{\"type\":\"subscribe\",\"topics\":[\"leads\",\"conversations\"]}");
      admin.send("{\"type\":\"subscribe\",\"topics\":[\"leads\",\"conversations\"]}");
      v.send("{\"type\":\"ping\"}");
      admin.send("{\"type\":\"ping\"}");
      v.next("pong");
      admin.next("pong");

      var body =
          JSON.createObjectNode()
              .put("session_id", "viewer-" + backend + sessions.incrementAndGet())
              .put("text", "I want to sell, call me at (909) 555-0142 or maria.lopez@example.com")
              .put("name", "Maria Lopez")
              .put("phone", "+19095550142")
              .put("email", "maria.lopez@example.com");
      assertThat(app.post("/api/v1/chat/messages", body.toString()).status()).isEqualTo(200);

      JsonNode vCreated = until(v, "lead.created");
      JsonNode aCreated = until(admin, "lead.created");
      assertThat(aCreated.at("/data/name").asText()).isEqualTo("Maria Lopez");
      assertThat(vCreated.at("/data/name").asText()).isEqualTo("Maria");
      assertThat(vCreated.at("/data/contact_id").asText()).isEqualTo(aCreated.at("/data/contact_id").asText());
      JsonNode vReceived = until(v, "message.received");
      assertThat(vReceived.toString())
          .doesNotContain("Lopez")
          .doesNotContain("555-0142")
          .doesNotContain("maria.lopez@")
          .doesNotContain("phone")
          .doesNotContain("email");
      assertThat(vReceived.at("/data/text").asText()).contains("I want to sell");
    }
    try (var again = WsTestClient.connect(app, "/api/v1/ws")) {
      again.send("{\"type\":\"auth\",\"token\":\"" + ticket + "\"}");
      assertThat(again.closeCode(Duration.ofSeconds(5))).isEqualTo(4401);
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void a_since_beyond_retention_gets_resync(Backend backend) {
    TestApp app = apps.get(backend);
    publishBatch(app, "system", 3, "old");
    long latest = app.app().events().latestSeq("system");
    app.app().events().deleteOlderThan(Instant.now().plusSeconds(1));
    try (var ws = WsTestClient.connect(app, "/api/v1/ws")) {
      ws.auth(TestApp.API_KEY);
      ws.send("{\"type\":\"subscribe\",\"since\":{\"system\":0}}");
      JsonNode resync = ws.next("resync");
      assertThat(resync.get("topic").asText()).isEqualTo("system");
      publishBatch(app, "system", 1, "new");
      assertThat(ws.next("event").get("seq").asLong()).isEqualTo(latest + 1);
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void the_ml_metrics_stream_subscribes_itself_to_ml_and_metrics(Backend backend) {
    TestApp app = apps.get(backend);
    try (var ws = WsTestClient.connect(app, "/api/v1/ml/ws/metrics")) {
      ws.auth(TestApp.API_KEY);
      publishBatch(app, "leads", 1, "not streamed here");
      publishBatch(app, "ml", 1, "streamed");
      JsonNode e = ws.next("event");
      assertThat(e.get("topic").asText()).isIn("ml", "metrics");
    }
  }

  private static JsonNode until(WsTestClient ws, String type) {
    while (true) {
      JsonNode m = ws.next();
      if (type.equals(m.path("event").asText())) {
        return m;
      }
    }
  }

  private static void chatUntil(TestApp app, String topic, long seq) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      String[] texts = {"I want to sell my house", "relocating to Austin", "yes 30 days works", "move-in ready"};
      int run = sessions.incrementAndGet();
      while (app.app().events().latestSeq(topic) < seq) {
        List<Future<?>> batch = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
          String session = "ws-" + run + "-" + t + "-" + sessions.incrementAndGet();
          batch.add(
              pool.submit(
                  () -> {
                    for (String text : texts) {
                      assertThat(app.chat(session, text).status()).isEqualTo(200);
                    }
                  }));
        }
        for (Future<?> f : batch) {
          f.get();
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static void publishBatch(TestApp app, String topic, int n, String payload) {
    EventLog log = app.app().events();
    List<Event> batch =
        app.app()
            .database()
            .jdbi()
            .inTransaction(
                h -> {
                  List<Event> out = new ArrayList<>();
                  for (int i = 0; i < n; i++) {
                    out.add(log.append(h, topic, "alert", Map.of("i", i, "payload", payload)));
                  }
                  return out;
                });
    log.publish(batch);
  }

  private static double metric(TestApp app, String name) {
    return app.get("/metrics").body().lines()
        .filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .sum();
  }
}
