package ai.jorge.web;

import static org.assertj.core.api.Assertions.assertThat;

import ai.jorge.support.Backend;
import ai.jorge.support.Client;
import ai.jorge.support.Ghl;
import ai.jorge.support.Scrape;
import ai.jorge.support.TestApp;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The rate-limit tiers of SPEC §8 through the running App with in-memory buckets: 429 with
 * {@code Retry-After} and {@code RateLimit-*} at the limit, one bucket per IP, session, key,
 * location and login account; on H2 and PostgreSQL. Each test acts from its own loopback
 * address so the IP buckets do not mix.
 */
class RateLimitIT {
  static final String LIMITS =
      "chat_ip=4/1m,chat_session=2/1m,webhook_location=2/1m,api_key=3/1m,login=2/15m";
  private static final Map<Backend, TestApp> apps = new EnumMap<>(Backend.class);

  @BeforeAll
  static void start() {
    for (Backend b : Backend.values()) {
      apps.put(b, TestApp.start(b, Map.of("JORGE_RATE_LIMITS", LIMITS)));
    }
  }

  @AfterAll
  static void stop() {
    apps.values().forEach(TestApp::close);
  }

  static void assertRateLimited(TestApp.Response r, long limit) {
    assertThat(r.status()).as(r.body()).isEqualTo(429);
    assertThat(r.json().at("/error/code").asText()).isEqualTo("rate_limited");
    assertThat(Long.parseLong(r.header("Retry-After"))).isBetween(1L, 900L);
    assertThat(r.header("RateLimit-Limit")).isEqualTo(Long.toString(limit));
    assertThat(r.header("RateLimit-Remaining")).isEqualTo("0");
    assertThat(Long.parseLong(r.header("RateLimit-Reset"))).isPositive();
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void the_public_chat_is_limited_per_ip_with_headers_and_a_retry_after(Backend backend) {
    TestApp app = apps.get(backend);
    Client ip = new Client("127.0.0.2");
    double before = Scrape.value(app, "jorge_ratelimit_rejections_total", "tier", "chat_ip");

    for (int i = 1; i <= 4; i++) {
      var ok = ip.chat(app, "ip-" + backend + "-" + i, "Hi, I'm thinking about selling");
      assertThat(ok.status()).isEqualTo(200);
      assertThat(ok.header("RateLimit-Limit")).isNotNull();
      assertThat(ok.header("RateLimit-Remaining")).isNotNull();
      assertThat(ok.header("RateLimit-Reset")).isNotNull();
    }
    var fifth = ip.chat(app, "ip-" + backend + "-5", "Hello?");
    assertRateLimited(fifth, 4);

    assertThat(new Client("127.0.0.4").chat(app, "ip-other-" + backend, "Hi").status())
        .as("another IP has its own bucket").isEqualTo(200);
    assertThat(Scrape.value(app, "jorge_ratelimit_rejections_total", "tier", "chat_ip"))
        .isEqualTo(before + 1);
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void behind_a_local_proxy_the_forwarded_client_address_is_the_key(Backend backend) {
    TestApp app = apps.get(backend);
    Client proxy = new Client("127.0.0.9");
    String client = "203.0.113." + (backend.ordinal() + 10);
    for (int i = 0; i < 4; i++) {
      var r = proxy.post(app, "/api/v1/chat/messages",
          "{\"session_id\":\"fwd-" + backend + i + "\",\"text\":\"Hi\"}",
          "X-Forwarded-For", "198.51.100.1, " + client);
      assertThat(r.status()).isEqualTo(200);
    }
    assertRateLimited(proxy.post(app, "/api/v1/chat/messages",
        "{\"session_id\":\"fwd-" + backend + "x\",\"text\":\"Hi\"}",
        "X-Forwarded-For", "198.51.100.1, " + client), 4);
    var otherClient = proxy.post(app, "/api/v1/chat/messages",
        "{\"session_id\":\"fwd-" + backend + "y\",\"text\":\"Hi\"}",
        "X-Forwarded-For", client + ", 203.0.113.200");
    assertThat(otherClient.status()).as("only the proxy's own entry counts").isEqualTo(200);
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void the_public_chat_is_limited_per_session(Backend backend) {
    TestApp app = apps.get(backend);
    Client ip = new Client("127.0.0.3");
    String session = "chatty-" + backend;

    assertThat(ip.chat(app, session, "Hi, I want to sell my house").status()).isEqualTo(200);
    var second = ip.chat(app, session, "We are relocating");
    assertThat(second.status()).isEqualTo(200);
    assertThat(second.header("RateLimit-Remaining")).isEqualTo("0");
    assertThat(ip.chat(app, "quiet-" + backend, "Hi").status())
        .as("another session has its own bucket").isEqualTo(200);

    assertRateLimited(ip.chat(app, session, "Hello?"), 2);
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void the_api_is_limited_per_key(Backend backend) {
    TestApp app = apps.get(backend);
    Client ip = new Client("127.0.0.5");
    var created = app.post("/api/v1/api-keys", "{\"name\":\"other\",\"role\":\"viewer\"}",
        TestApp.admin());
    assertThat(created.status()).isEqualTo(201);
    String other = created.json().get("key").asText();

    assertThat(app.get("/api/v1/api-keys", TestApp.admin()).status()).isEqualTo(200);
    var last = app.get("/api/v1/api-keys", TestApp.admin());
    assertThat(last.status()).isEqualTo(200);
    assertThat(last.header("RateLimit-Remaining")).isEqualTo("0");
    assertRateLimited(app.get("/api/v1/api-keys", TestApp.admin()), 3);
    assertRateLimited(ip.post(app, "/api/v1/api-keys", "{}", TestApp.admin()), 3);

    var otherKey = app.get("/api/v1/contacts/ct_unknown", "Authorization", "Bearer " + other);
    assertThat(otherKey.status()).as("another key has its own bucket").isEqualTo(404);
    assertThat(Scrape.value(app, "jorge_ratelimit_rejections_total", "tier", "api_key"))
        .isGreaterThanOrEqualTo(2);
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void webhooks_are_limited_per_location(Backend backend) {
    TestApp app = apps.get(backend);
    for (int i = 1; i <= 2; i++) {
      assertThat(app.post("/api/v1/webhooks/ghl", webhook(backend, "loc-a", i)).status())
          .isEqualTo(200);
    }
    var refused = app.post("/api/v1/webhooks/ghl", webhook(backend, "loc-a", 3));
    assertRateLimited(refused, 2);
    assertThat(app.post("/api/v1/webhooks/ghl", webhook(backend, "loc-b", 4)).status())
        .isEqualTo(200);
    long stored = app.app().database().jdbi().withHandle(h -> h.createQuery(
            "SELECT COUNT(*) FROM messages WHERE dedupe_key = :k")
        .bind("k", "ghl:msg_rl_" + backend + "_3").mapTo(Long.class).one());
    assertThat(stored).as("a refused webhook writes nothing").isZero();
  }

  private static String webhook(Backend backend, String location, int n) {
    ObjectNode body = Ghl.sample("inbound-sms");
    body.put("messageId", "msg_rl_" + backend + "_" + n)
        .put("contactId", "ct_rl_" + backend + "_" + location)
        .put("locationId", location + "-" + backend)
        .put("body", "Looking to buy a 3 bed");
    return body.toString();
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void login_is_limited_per_account_and_per_ip(Backend backend) {
    TestApp app = apps.get(backend);
    Client first = new Client("127.0.0.6");
    String ann = "{\"username\":\"Ann-" + backend + "\",\"password\":\"wrong\"}";

    for (int i = 0; i < 2; i++) {
      assertThat(first.post(app, "/api/v1/auth/login", ann).status()).isNotEqualTo(429);
    }
    var sameAccountElsewhere = new Client("127.0.0.7").post(app, "/api/v1/auth/login",
        ann.replace("Ann", "ann"));
    assertRateLimited(sameAccountElsewhere, 2);
    var sameIpOtherAccount = first.post(app, "/api/v1/auth/login",
        "{\"username\":\"bob-" + backend + "\",\"password\":\"x\"}");
    assertRateLimited(sameIpOtherAccount, 2);
    var fresh = new Client("127.0.0.8").post(app, "/api/v1/auth/login",
        "{\"username\":\"carol-" + backend + "\",\"password\":\"x\"}");
    assertThat(fresh.status()).isNotEqualTo(429);
  }
}
