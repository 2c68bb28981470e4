package ai.jorge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.jorge.events.Event;
import ai.jorge.events.EventBus;
import ai.jorge.support.Backend;
import ai.jorge.support.ChildApp;
import ai.jorge.support.Ghl;
import ai.jorge.support.Nginx;
import ai.jorge.support.RedisServer;
import ai.jorge.support.TestApp;
import ai.jorge.support.WsTestClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The scaled deployment on one machine (SPEC §1, §7): three instances on one PostgreSQL schema
 * and one Redis (a private redis-server, so it can be restarted) behind Debian's nginx on
 * loopback. Instance A runs in this JVM (its bus is observable), B and C are child JVMs running
 * the built jar (so C can be killed like a crash). The tests run in order: the kill comes last.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleIT {
  /**
   * Issue 5's WebSocket hub ({@code GET /api/v1/ws}) is not in this branch: switch this on after
   * merging it, and the health check's websocket probe and {@link #webSocketClientOnASees} become
   * part of the assertions.
   */
  static final boolean WEBSOCKET_HUB_MERGED = true;

  private static final ObjectMapper JSON = Json.newMapper();
  private static final Duration WAIT = Duration.ofSeconds(40);
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
  private Backend.TestDatabase db;
  private RedisServer redis;
  private TestApp a;
  private ChildApp b;
  private ChildApp c;
  private Nginx nginx;
  private final List<Event> seenOnA = Collections.synchronizedList(new ArrayList<>());

  @BeforeAll
  void startCluster() throws Exception {
    db = Backend.POSTGRES.create();
    redis = RedisServer.start();
    Map<String, String> env = new HashMap<>();
    env.put("JORGE_DB_URL", db.config().url());
    env.put("JORGE_DB_USER", db.config().user());
    env.put("JORGE_DB_PASSWORD", db.config().password());
    env.put("JORGE_REDIS_URL", redis.url().toString());
    env.put("JORGE_REDIS_PREFIX", "scale:");
    env.put("JORGE_API_KEY", TestApp.API_KEY);
    env.put("JORGE_ALLOWED_ORIGINS", TestApp.ORIGIN);
    env.put("JORGE_WEBHOOK_SIGNATURES", "off");
    Map<String, String> envA = new HashMap<>(env);
    envA.put("JORGE_INSTANCE_ID", "app-a");
    a = TestApp.start(db, false, envA, Clock.systemUTC());
    a.app().bus().subscribe(seenOnA::add);
    b = ChildApp.start("app-b", env);
    c = ChildApp.start("app-c", env);
    nginx = Nginx.start(List.of(a.app().port(), b.port(), c.port()));
  }

  @AfterAll
  void stopCluster() throws Exception {
    for (AutoCloseable x : new AutoCloseable[] {nginx, c, b}) {
      if (x != null) {
        x.close();
      }
    }
    if (a != null) {
      a.close();
    }
    if (redis != null) {
      redis.close();
    }
    if (db != null) {
      db.close();
    }
  }

  private String urlA() {
    return "http://127.0.0.1:" + a.app().port();
  }

  private HttpResponse<String> postWebhook(String base, String contact, String messageId, String text, Instant at)
      throws IOException, InterruptedException {
    var body = Ghl.sample("inbound-sms");
    body.put("contactId", contact).put("messageId", messageId).put("body", text).put("dateAdded", at.toString());
    body.put("conversationId", "cv-" + contact);
    return http.send(
        HttpRequest.newBuilder(URI.create(base + "/api/v1/webhooks/ghl"))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private record Check(int exit, JsonNode json, String output) {}

  private Check healthCheck(Map<String, String> env, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("bash", Path.of("scripts/health-check.sh").toAbsolutePath().toString()));
    cmd.addAll(List.of(args));
    cmd.add("--json");
    var pb = new ProcessBuilder(cmd).redirectErrorStream(false);
    pb.environment().putAll(env);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Check(p.exitValue(), JSON.readTree(out), out);
  }

  private static List<String> failed(Check check) {
    List<String> out = new ArrayList<>();
    check.json().get("checks").forEach(ch -> {
      if (!ch.get("ok").asBoolean()) {
        out.add(ch.get("name").asText());
      }
    });
    return out;
  }

  private void assertHealthy(Check check) {
    if (WEBSOCKET_HUB_MERGED) {
      assertThat(check.exit()).as(check.output()).isZero();
    } else {
      assertThat(failed(check)).as(check.output()).containsExactly("websocket");
    }
    assertThat(check.json().get("passed").asInt()).isGreaterThanOrEqualTo(5);
  }

  private String instances() {
    return String.join(",", urlA(), b.url(), c.url());
  }

  @Test
  @Order(1)
  void health_check_passes_against_one_instance_and_against_the_cluster() throws Exception {
    assertHealthy(healthCheck(Map.of("JORGE_API_KEY", TestApp.API_KEY), "--url", urlA()));
    Check all =
        healthCheck(
            Map.of("JORGE_API_KEY", TestApp.API_KEY, "JORGE_INSTANCES", instances()),
            "--comprehensive",
            "--url",
            nginx.url());
    assertHealthy(all);
    assertThat(all.output()).contains("app-a app-b app-c");
    Long discarded =
        a.app().database().jdbi().withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM outbox WHERE channel = 'healthcheck'")
            .mapTo(Long.class)
            .one());
    assertThat(discarded).as("the probe's replies go to the discarding channel only").isPositive();
  }

  @Test
  @Order(2)
  void events_caused_through_instance_c_reach_instance_a() throws Exception {
    String contact = "scale-events-" + UUID.randomUUID();
    WsTestClient ws = WsTestClient.connect(a, "/api/v1/ws");
    ws.auth(TestApp.API_KEY);
    ws.send("{\"type\":\"subscribe\",\"topics\":[\"leads\"]}");
    assertThat(postWebhook(c.url(), contact, "ev-" + contact, "I want to sell my house", Instant.now()).statusCode())
        .isEqualTo(200);
    String id = contactId(contact);
    await()
        .atMost(WAIT)
        .until(() -> seenOnA.stream().anyMatch(e -> "lead.created".equals(e.type())
            && id.equals(e.data().get("contact_id")) && "app-c".equals(e.instanceId())));
    webSocketClientOnASees(ws, id);
  }

  /** A WebSocket client on A receives the lead created through C. */
  private void webSocketClientOnASees(WsTestClient ws, String contactId) {
    try (ws) {
      await()
          .atMost(WAIT)
          .until(
              () ->
                  ws.drain(Duration.ofMillis(200)).stream()
                      .anyMatch(
                          m ->
                              "lead.created".equals(m.path("event").asText())
                                  && contactId.equals(m.path("data").path("contact_id").asText())));
    }
  }

  @Test
  @Order(3)
  void messages_for_one_contact_spread_over_every_instance_stay_in_order() throws Exception {
    String contact = "scale-order-" + UUID.randomUUID();
    List<String> bases = List.of(urlA(), b.url(), c.url(), nginx.url());
    Instant t0 = Instant.now().minusSeconds(60);
    int n = 16;
    for (int i = 0; i < n; i++) {
      var r = postWebhook(bases.get(i % bases.size()), contact, contact + "-" + i, "message " + i, t0.plusSeconds(i));
      assertThat(r.statusCode()).isEqualTo(200);
    }
    await().atMost(WAIT).until(() -> unprocessed(contact) == 0 && received(contact).size() == n);
    List<String> texts = received(contact);
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      expected.add("message " + i);
    }
    assertThat(texts).as("one turn per message, in provider order").isEqualTo(expected);
  }

  private String contactId(String external) {
    return a.app().database().jdbi().withHandle(h -> h.createQuery(
            "SELECT id FROM contacts WHERE external_id = :e")
        .bind("e", external)
        .mapTo(String.class)
        .one());
  }

  private List<String> received(String contact) {
    String id = contactId(contact);
    return a.app().database().jdbi().withHandle(h -> h.createQuery(
            "SELECT data FROM events WHERE topic = 'conversations' AND type = 'message.received'"
                + " AND data LIKE :c ORDER BY seq")
        .bind("c", "%" + id + "%")
        .mapTo(String.class)
        .map(d -> {
          try {
            return JSON.readTree(d).get("text").asText();
          } catch (IOException e) {
            throw new IllegalStateException(e);
          }
        })
        .list());
  }

  private long unprocessed(String externalPrefix) {
    return a.app().database().jdbi().withHandle(h -> h.createQuery(
            "SELECT COUNT(*) FROM messages m JOIN contacts c ON c.id = m.contact_id WHERE"
                + " c.external_id LIKE :c AND m.direction = 'inbound' AND m.processed_at IS NULL")
        .bind("c", externalPrefix + "%")
        .mapTo(Long.class)
        .one());
  }

  @Test
  @Order(4)
  void after_a_redis_restart_instance_a_catches_up_by_replay() throws Exception {
    String contact = "scale-redis-" + UUID.randomUUID();
    long before = seenOnA.size();
    redis.kill();
    for (int i = 0; i < 5; i++) {
      assertThat(postWebhook(c.url(), contact + i, contact + "-m" + i, "I want to sell my house", Instant.now()).statusCode())
          .isEqualTo(200);
    }
    await().atMost(WAIT).until(() -> unprocessed(contact) == 0);
    java.util.Set<String> ids = new java.util.HashSet<>();
    for (int i = 0; i < 5; i++) {
      ids.add(contactId(contact + i));
    }
    redis.restart();
    await().atMost(WAIT).until(() -> seenOnA.stream()
        .filter(e -> "message.received".equals(e.type()) && ids.contains(e.data().get("contact_id")))
        .count() == 5);
    Map<String, List<Long>> seqs = new HashMap<>();
    synchronized (seenOnA) {
      for (Event e : seenOnA) {
        seqs.computeIfAbsent(e.topic(), t -> new ArrayList<>()).add(e.seq());
      }
    }
    seqs.forEach((topic, list) -> {
      for (int i = 1; i < list.size(); i++) {
        assertThat(list.get(i)).as("%s has no gap or duplicate", topic).isEqualTo(list.get(i - 1) + 1);
      }
    });
    assertThat(seenOnA.size()).isGreaterThan((int) before);
  }

  @Test
  @Order(5)
  void killing_an_instance_mid_run_loses_no_acknowledged_message() throws Exception {
    String prefix = "scale-kill-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    List<String> acked = new ArrayList<>();
    Thread killer = new Thread(() -> {
      try {
        Thread.sleep(400);
        c.kill();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    killer.start();
    for (int i = 0; i < 400 && c.isAlive(); i++) {
      try {
        var r = postWebhook(c.url(), prefix + (i % 7), prefix + "m" + i, "I want to sell my house, message " + i, Instant.now());
        if (r.statusCode() == 200 && r.body().contains("accepted")) {
          acked.add(prefix + "m" + i);
        }
      } catch (IOException e) {
        break;
      }
    }
    killer.join();
    assertThat(acked).as("some messages were acknowledged before the kill").isNotEmpty();
    await().atMost(Duration.ofSeconds(60)).until(() -> unprocessed(prefix) == 0);
    long processed = a.app().database().jdbi().withHandle(h -> h.createQuery(
            "SELECT COUNT(*) FROM messages WHERE dedupe_key IN (<keys>) AND processed_at IS NOT NULL")
        .bindList("keys", acked.stream().map(k -> "ghl:" + k).toList())
        .mapTo(Long.class)
        .one());
    assertThat(processed).as("every acknowledged message was processed by a survivor").isEqualTo(acked.size());
  }

  @Test
  @Order(6)
  void the_comprehensive_health_check_fails_when_an_instance_is_down() throws Exception {
    assertThat(c.isAlive()).isFalse();
    Check all =
        healthCheck(
            Map.of("JORGE_API_KEY", TestApp.API_KEY, "JORGE_INSTANCES", instances()),
            "--comprehensive",
            "--url",
            nginx.url());
    assertThat(all.exit()).isNotZero();
    assertThat(failed(all)).contains("instance " + c.url() + " live", "instance " + c.url() + " ready");
  }
}
