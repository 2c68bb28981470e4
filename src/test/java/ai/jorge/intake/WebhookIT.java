package ai.jorge.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.jorge.support.Backend;
import ai.jorge.support.Ghl;
import ai.jorge.support.Scrape;
import ai.jorge.support.TestApp;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The GoHighLevel webhook over HTTP: idempotency, human replies and signatures, on H2 and PostgreSQL. */
class WebhookIT {
  private static final String SECRET_OLD = "whsec-old-rotation-secret";
  private static final String SECRET_NEW = "whsec-new-rotation-secret";
  private static final Map<Backend, TestApp> apps = new EnumMap<>(Backend.class);
  private static KeyPair ghlKeys;

  @BeforeAll
  static void start() throws Exception {
    ghlKeys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    for (Backend b : Backend.values()) {
      apps.put(
          b,
          TestApp.start(
              b,
              Map.of(
                  "JORGE_WEBHOOK_SIGNATURES", "enforce",
                  "JORGE_GHL_PUBLIC_KEY", Base64.getEncoder().encodeToString(ghlKeys.getPublic().getEncoded()),
                  "JORGE_WEBHOOK_SECRETS", SECRET_OLD + "," + SECRET_NEW)));
    }
  }

  @AfterAll
  static void stop() {
    apps.values().forEach(TestApp::close);
  }

  private static ObjectNode inbound(String messageId, String contactId, String text) {
    ObjectNode body = Ghl.sample("inbound-sms");
    body.put("messageId", messageId).put("contactId", contactId).put("body", text);
    return body;
  }

  private static String ghlSign(byte[] body) throws Exception {
    Signature s = Signature.getInstance("Ed25519");
    s.initSign(ghlKeys.getPrivate());
    s.update(body);
    return Base64.getEncoder().encodeToString(s.sign());
  }

  private static TestApp.Response postSigned(TestApp app, ObjectNode body) throws Exception {
    byte[] raw = body.toString().getBytes(StandardCharsets.UTF_8);
    return app.postBytes("/api/v1/webhooks/ghl", raw, "X-GHL-Signature", ghlSign(raw));
  }

  private static long replies(TestApp app, String externalContact) {
    return app.app().database().jdbi().withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM messages m JOIN contacts c ON c.id = m.contact_id"
                    + " WHERE c.external_id = :e AND m.direction = 'outbound'")
            .bind("e", externalContact)
            .mapTo(Long.class)
            .one());
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void redelivering_a_webhook_three_times_stores_one_message_and_replies_once(Backend backend)
      throws Exception {
    TestApp app = apps.get(backend);
    ObjectNode body = inbound("msg_redeliver_" + backend, "ct_redeliver_" + backend, "Thinking about selling my house");

    assertThat(postSigned(app, body).json().get("status").asText()).isEqualTo("accepted");
    await().atMost(Duration.ofSeconds(10)).until(() -> replies(app, "ct_redeliver_" + backend) == 1);
    assertThat(postSigned(app, body).json().get("status").asText()).isEqualTo("duplicate");
    var third = postSigned(app, body);
    assertThat(third.status()).isEqualTo(200);
    assertThat(third.json().get("status").asText()).isEqualTo("duplicate");
    assertThat(third.json().get("message_id").asText()).isEqualTo("msg_redeliver_" + backend);

    Thread.sleep(500);
    long stored = app.app().database().jdbi().withHandle(h -> h.createQuery(
            "SELECT COUNT(*) FROM messages WHERE dedupe_key = :k").bind("k", "ghl:msg_redeliver_" + backend)
        .mapTo(Long.class).one());
    assertThat(stored).isEqualTo(1);
    assertThat(replies(app, "ct_redeliver_" + backend)).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void every_sample_webhook_is_accepted_or_ignored_as_documented(Backend backend) throws Exception {
    TestApp app = apps.get(backend);
    for (String sample : new String[] {"inbound-sms", "inbound-sms-minimal", "inbound-live-chat"}) {
      ObjectNode body = Ghl.sample(sample);
      body.put("messageId", body.get("messageId").asText() + "_" + backend);
      var r = postSigned(app, body);
      assertThat(r.status()).as(sample).isEqualTo(200);
      assertThat(r.json().get("status").asText()).as(sample).isEqualTo("accepted");
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void a_reply_from_a_person_in_the_crm_silences_the_bots(Backend backend) throws Exception {
    TestApp app = apps.get(backend);
    String contact = "ct_human_" + backend;
    postSigned(app, inbound("msg_h1_" + backend, contact, "I want to sell my house"));
    await().atMost(Duration.ofSeconds(10)).until(() -> replies(app, contact) == 1);

    ObjectNode human = Ghl.sample("outbound-by-human");
    human.put("contactId", contact).put("messageId", "msg_h2_" + backend);
    assertThat(postSigned(app, human).json().get("status").asText()).isEqualTo("accepted");

    postSigned(app, inbound("msg_h3_" + backend, contact, "We are relocating for work"));
    await().atMost(Duration.ofSeconds(10)).until(() -> processed(app, "ghl:msg_h3_" + backend));
    assertThat(replies(app, contact)).as("bot replies + the human one").isEqualTo(2);
  }

  private static boolean processed(TestApp app, String key) {
    return app.app().database().jdbi().withHandle(h -> h.createQuery(
            "SELECT COUNT(*) FROM messages WHERE dedupe_key = :k AND processed_at IS NOT NULL")
        .bind("k", key).mapTo(Long.class).one()) == 1;
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void hmac_signatures_verify_with_any_rotated_secret_inside_the_window(Backend backend) {
    TestApp app = apps.get(backend);
    long now = Instant.now().getEpochSecond();
    for (String secret : new String[] {SECRET_OLD, SECRET_NEW}) {
      byte[] raw = inbound("msg_hmac_" + secret + backend, "ct_hmac_" + backend, "looking to buy").toString()
          .getBytes(StandardCharsets.UTF_8);
      var r = app.postBytes("/api/v1/webhooks/ghl", raw, "X-Jorge-Signature", SignatureVerifier.sign(secret, now, raw));
      assertThat(r.status()).isEqualTo(200);
    }
    byte[] raw = inbound("msg_hmac_stale" + backend, "ct_hmac_" + backend, "hello").toString()
        .getBytes(StandardCharsets.UTF_8);
    var stale = app.postBytes("/api/v1/webhooks/ghl", raw, "X-Jorge-Signature", SignatureVerifier.sign(SECRET_NEW, now - 301, raw));
    assertThat(stale.status()).isEqualTo(401);
    var wrong = app.postBytes("/api/v1/webhooks/ghl", raw, "X-Jorge-Signature", SignatureVerifier.sign("not-a-secret", now, raw));
    assertThat(wrong.status()).isEqualTo(401);
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void unsigned_or_badly_signed_webhooks_are_refused_in_enforce_mode_and_nothing_is_written(
      Backend backend) throws Exception {
    TestApp app = apps.get(backend);
    long before = app.count("messages");
    long contacts = app.count("contacts");
    byte[] raw = inbound("msg_unsigned_" + backend, "ct_unsigned_" + backend, "hi").toString().getBytes(StandardCharsets.UTF_8);

    var unsigned = app.postBytes("/api/v1/webhooks/ghl", raw);
    assertThat(unsigned.status()).isEqualTo(401);
    assertThat(unsigned.json().at("/error/code").asText()).isEqualTo("invalid_signature");

    byte[] tampered = inbound("msg_unsigned_" + backend, "ct_unsigned_" + backend, "hi!").toString().getBytes(StandardCharsets.UTF_8);
    var bad = app.postBytes("/api/v1/webhooks/ghl", tampered, "X-GHL-Signature", ghlSign(raw));
    assertThat(bad.status()).isEqualTo(401);

    assertThat(app.count("messages")).as("other tests' turns finish in the background")
        .isGreaterThanOrEqualTo(before);
    assertThat(stored(app, "ghl:msg_unsigned_" + backend)).isZero();
    assertThat(app.count("contacts")).isEqualTo(contacts);
  }

  private static long stored(TestApp app, String dedupeKey) {
    return app.app().database().jdbi().withHandle(h -> h.createQuery(
            "SELECT COUNT(*) FROM messages WHERE dedupe_key = :k").bind("k", dedupeKey)
        .mapTo(Long.class).one());
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void the_signature_is_checked_on_the_raw_body_before_anything_parses_it(Backend backend)
      throws Exception {
    TestApp app = apps.get(backend);
    byte[] broken = "{\"type\":\"InboundMessage\",".getBytes(StandardCharsets.UTF_8);
    var unsigned = app.postBytes("/api/v1/webhooks/ghl", broken);
    assertThat(unsigned.status()).as("refused for its signature, not its JSON").isEqualTo(401);
    assertThat(unsigned.json().at("/error/code").asText()).isEqualTo("invalid_signature");

    ObjectNode body = inbound("msg_raw_" + backend, "ct_raw_" + backend, "Hi");
    byte[] compact = body.toString().getBytes(StandardCharsets.UTF_8);
    byte[] spaced = body.toPrettyString().getBytes(StandardCharsets.UTF_8);
    var reformatted = app.postBytes("/api/v1/webhooks/ghl", spaced, "X-GHL-Signature", ghlSign(compact));
    assertThat(reformatted.status()).as("same JSON, other bytes").isEqualTo(401);
    var exact = app.postBytes("/api/v1/webhooks/ghl", spaced, "X-GHL-Signature", ghlSign(spaced));
    assertThat(exact.status()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(10)).until(() -> processed(app, "ghl:msg_raw_" + backend));
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void concurrent_deliveries_are_group_committed_and_each_message_stored_once(Backend backend)
      throws Exception {
    TestApp app = apps.get(backend);
    double batchedBefore = Scrape.value(app, "jorge_webhook_commit_batch_sum");
    int distinct = 30;
    List<ObjectNode> deliveries = new ArrayList<>();
    for (int i = 0; i < distinct + 10; i++) {
      int n = i % distinct;
      deliveries.add(inbound("msg_burst_" + backend + "_" + n, "ct_burst_" + backend + "_" + (n % 6), "Selling soon " + n));
    }
    List<String> statuses;
    try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
      List<Future<TestApp.Response>> sent = new ArrayList<>();
      for (ObjectNode d : deliveries) {
        sent.add(pool.submit(() -> postSigned(app, d)));
      }
      statuses = new ArrayList<>();
      for (Future<TestApp.Response> f : sent) {
        TestApp.Response r = f.get();
        assertThat(r.status()).isEqualTo(200);
        statuses.add(r.json().get("message_id").asText() + "=" + r.json().get("status").asText());
      }
    }
    for (int n = 0; n < distinct; n++) {
      String id = "msg_burst_" + backend + "_" + n;
      long accepted = statuses.stream().filter((id + "=accepted")::equals).count();
      assertThat(accepted).as(id).isEqualTo(1);
      assertThat(stored(app, "ghl:" + id)).as(id).isEqualTo(1);
    }
    assertThat(statuses.stream().filter(s -> s.endsWith("=duplicate"))).hasSize(10);
    // Every delivery went through the committer, however the batches fell.
    assertThat(Scrape.value(app, "jorge_webhook_commit_batch_sum") - batchedBefore)
        .isEqualTo(deliveries.size());
    for (int n = 0; n < distinct; n++) {
      String key = "ghl:msg_burst_" + backend + "_" + n;
      await().atMost(Duration.ofSeconds(20)).until(() -> processed(app, key));
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void malformed_or_incomplete_webhooks_get_a_clear_4xx_and_write_nothing(Backend backend) throws Exception {
    TestApp app = apps.get(backend);
    long before = app.count("messages");
    long contacts = app.count("contacts");

    byte[] broken = "{\"type\":\"InboundMessage\",".getBytes(StandardCharsets.UTF_8);
    var malformed = app.postBytes("/api/v1/webhooks/ghl", broken, "X-GHL-Signature", ghlSign(broken));
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.json().at("/error/code").asText()).isEqualTo("malformed_json");

    ObjectNode missing = inbound("msg_missing_" + backend, "ct_missing_" + backend, "hello");
    missing.remove("contactId");
    missing.remove("messageId");
    var incomplete = postSigned(app, missing);
    assertThat(incomplete.status()).isEqualTo(400);
    assertThat(incomplete.json().at("/error/details").toString()).contains("contactId", "messageId");

    byte[] huge = inbound("msg_huge_" + backend, "ct_huge_" + backend, "x".repeat(70_000)).toString().getBytes(StandardCharsets.UTF_8);
    var tooLarge = app.postBytes("/api/v1/webhooks/ghl", huge, "X-GHL-Signature", ghlSign(huge));
    assertThat(tooLarge.status()).isEqualTo(413);
    assertThat(tooLarge.json().at("/error/code").asText()).isEqualTo("payload_too_large");

    ObjectNode oversized = inbound("m".repeat(197), "c".repeat(129), "hello");
    oversized.put("messageType", "TYPE_" + "S".repeat(40));
    var tooLong = postSigned(app, oversized);
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.json().at("/error/details").toString())
        .contains("contactId (longer than 128", "messageId (longer than 196", "messageType");

    byte[] invalidUtf8 = new byte[] {'{', '"', 't', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
    var badText = app.postBytes("/api/v1/webhooks/ghl", invalidUtf8, "X-GHL-Signature", ghlSign(invalidUtf8));
    assertThat(badText.status()).isEqualTo(400);
    assertThat(badText.json().at("/error/code").asText()).isEqualTo("invalid_utf8");

    assertThat(app.count("messages")).isEqualTo(before);
    assertThat(app.count("contacts")).isEqualTo(contacts);
  }
}
