package ai.jorge.intake;

import static org.assertj.core.api.Assertions.assertThat;

import ai.jorge.guard.AuditLog;
import ai.jorge.support.Backend;
import ai.jorge.support.Ghl;
import ai.jorge.support.Scrape;
import ai.jorge.support.TestApp;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The signature modes other than {@code enforce} (SPEC §2.2): {@code shadow} verifies, counts
 * failures in {@code jorge_webhook_signature_failures_total} and accepts; {@code off} is a
 * dangerous operation (SPEC §8 layer 4) that the guard audits when the App starts.
 */
class WebhookModesIT {
  private static final String SECRET = "whsec-shadow-mode-secret";

  private static byte[] inbound(String messageId, String contactId) {
    ObjectNode body = Ghl.sample("inbound-sms");
    body.put("messageId", messageId).put("contactId", contactId).put("body", "Looking to buy");
    return body.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static double failures(TestApp app, String reason) {
    return Scrape.value(app, "jorge_webhook_signature_failures_total", "reason", reason);
  }

  private static long stored(TestApp app, String messageId) {
    return app.app().database().jdbi().withHandle(h -> h.createQuery(
            "SELECT COUNT(*) FROM messages WHERE dedupe_key = :k").bind("k", "ghl:" + messageId)
        .mapTo(Long.class).one());
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void shadow_mode_accepts_unsigned_and_badly_signed_webhooks_and_counts_each_failure(
      Backend backend) {
    try (var app = TestApp.start(backend,
        Map.of("JORGE_WEBHOOK_SIGNATURES", "shadow", "JORGE_WEBHOOK_SECRETS", SECRET))) {
      long now = Instant.now().getEpochSecond();

      byte[] unsigned = inbound("msg_shadow_unsigned", "ct_shadow_1");
      var r1 = app.postBytes("/api/v1/webhooks/ghl", unsigned);
      assertThat(r1.status()).isEqualTo(200);
      assertThat(r1.json().get("status").asText()).isEqualTo("accepted");
      assertThat(failures(app, "missing")).isEqualTo(1);

      byte[] forged = inbound("msg_shadow_forged", "ct_shadow_2");
      var r2 = app.postBytes("/api/v1/webhooks/ghl", forged,
          "X-Jorge-Signature", SignatureVerifier.sign("not-the-secret", now, forged));
      assertThat(r2.status()).isEqualTo(200);
      assertThat(failures(app, "invalid")).isEqualTo(1);

      byte[] good = inbound("msg_shadow_good", "ct_shadow_3");
      var r3 = app.postBytes("/api/v1/webhooks/ghl", good,
          "X-Jorge-Signature", SignatureVerifier.sign(SECRET, now, good));
      assertThat(r3.status()).isEqualTo(200);
      assertThat(failures(app, "missing") + failures(app, "invalid")).isEqualTo(2);

      assertThat(stored(app, "msg_shadow_unsigned") + stored(app, "msg_shadow_forged")
          + stored(app, "msg_shadow_good")).isEqualTo(3);
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void turning_signatures_off_is_audited_by_the_guard_and_enforce_is_not(Backend backend)
      throws Exception {
    Path off = TestApp.auditFile();
    Path enforce = TestApp.auditFile();
    try (var app = TestApp.start(backend,
        Map.of("JORGE_WEBHOOK_SIGNATURES", "off", "JORGE_GUARD_AUDIT", off.toString()))) {
      assertThat(app.post("/api/v1/webhooks/ghl", "{\"type\":\"Other\"}").status()).isEqualTo(200);
    }
    try (var app = TestApp.start(backend, Map.of("JORGE_WEBHOOK_SIGNATURES", "enforce",
        "JORGE_WEBHOOK_SECRETS", SECRET, "JORGE_GUARD_AUDIT", enforce.toString()))) {
      assertThat(app.post("/api/v1/webhooks/ghl", "{\"type\":\"Other\"}").status()).isEqualTo(401);
    }

    String audit = Files.readString(off);
    assertThat(audit).contains("\"operation\":\"signatures_off\"", "\"decision\":\"allow\"",
        "\"role\":\"admin\"", "\"check\":\"operation\"");
    assertThat(AuditLog.verify(off).ok()).isTrue();
    assertThat(Files.exists(enforce) ? Files.readString(enforce) : "")
        .doesNotContain("signatures_off");
  }
}
