package ai.jorge.intake;

import static org.assertj.core.api.Assertions.assertThat;

import ai.jorge.support.Backend;
import ai.jorge.support.TestApp;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The original plan's {@code /api/bots/jorge-seller} endpoint, an alias of the chat API (SPEC §12). */
class BotAliasIT {
  private static final Map<Backend, TestApp> apps = new EnumMap<>(Backend.class);

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
  void a_bare_test_message_goes_straight_to_the_seller_bot(Backend backend) {
    var r = apps.get(backend).post("/api/bots/jorge-seller", "{\"message\":\"test\"}");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().get("bot").asText()).isEqualTo("seller");
    assertThat(r.json().get("asking").asText()).isEqualTo("motivation");
    assertThat(r.json().get("contact_id").asText()).startsWith("ct_");
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void a_seller_is_qualified_to_hot_through_the_alias_with_a_session(Backend backend) {
    TestApp app = apps.get(backend);
    String session = "alias-" + backend;
    String[] lines = {
      "hello", "We're relocating to Austin", "Yes, 30 days works", "Move-in ready", "About $700k"
    };
    TestApp.Response last = null;
    for (String line : lines) {
      last = app.post("/api/bots/jorge-seller",
          "{\"session_id\":\"" + session + "\",\"message\":\"" + line + "\"}");
      assertThat(last.status()).isEqualTo(200);
    }
    assertThat(last.json().get("temperature").asText()).isEqualTo("HOT");
    assertThat(last.json().get("asking").asText()).isEqualTo("appointment");

    String contactId = last.json().get("contact_id").asText();
    var booked = app.post("/api/bots/jorge-seller",
        "{\"contact_id\":\"" + contactId + "\",\"message\":\"the first one works\"}", TestApp.admin());
    assertThat(booked.json().at("/qualification/appointment").isObject()).isTrue();

    var anonymous = app.post("/api/bots/jorge-seller",
        "{\"contact_id\":\"" + contactId + "\",\"message\":\"hi\"}");
    assertThat(anonymous.status()).isEqualTo(401);
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void a_missing_message_is_a_400_naming_it(Backend backend) {
    var r = apps.get(backend).post("/api/bots/jorge-seller", "{\"session_id\":\"x\"}");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().at("/error/details/0").asText()).isEqualTo("message");
  }
}
