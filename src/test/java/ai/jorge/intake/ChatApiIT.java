package ai.jorge.intake;

import static org.assertj.core.api.Assertions.assertThat;

import ai.jorge.support.Backend;
import ai.jorge.support.TestApp;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The chat and contact APIs over HTTP: response shape, auth, and bad input, on H2 and PostgreSQL. */
class ChatApiIT {
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
  void a_chat_message_answers_with_the_full_response_shape(Backend backend) {
    var r = apps.get(backend).chat("shape-" + backend, "Hi, I'm thinking about selling my house");
    assertThat(r.status()).isEqualTo(200);
    var j = r.json();
    assertThat(j.get("contact_id").asText()).startsWith("ct_");
    assertThat(j.get("conversation_id").asText()).isNotBlank();
    assertThat(j.get("bot").asText()).isEqualTo("seller");
    assertThat(j.get("asking").asText()).isEqualTo("motivation");
    assertThat(j.get("replies")).hasSize(1);
    assertThat(j.at("/replies/0/text").asText()).isNotBlank().doesNotContain(j.get("contact_id").asText());
    assertThat(j.has("temperature")).isTrue();
    assertThat(j.at("/qualification/seller/answers").isObject()).isTrue();
    assertThat(j.at("/qualification/buyer").isNull()).isTrue();
    assertThat(j.at("/qualification/opted_out").asBoolean()).isFalse();
    assertThat(j.at("/qualification/appointment").isNull()).isTrue();
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void the_contact_view_shows_state_answers_and_transcript(Backend backend) {
    TestApp app = apps.get(backend);
    String id = app.chat("view-" + backend, "I want to sell, we're relocating to Austin").json().get("contact_id").asText();

    var view = app.get("/api/v1/contacts/" + id, TestApp.admin());
    assertThat(view.status()).isEqualTo(200);
    var j = view.json();
    assertThat(j.get("id").asText()).isEqualTo(id);
    assertThat(j.get("bot").asText()).isEqualTo("seller");
    assertThat(j.at("/qualification/seller/answers/motivation").asText()).isEqualTo("relocation");
    assertThat(j.get("transcript")).hasSize(2);
    assertThat(j.at("/transcript/0/author").asText()).isEqualTo("lead");
    assertThat(j.at("/transcript/1/author").asText()).isEqualTo("bot");
    assertThat(j.at("/transcript/1/direction").asText()).isEqualTo("outbound");
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void contact_routes_need_a_key_and_unknown_ids_are_404(Backend backend) {
    TestApp app = apps.get(backend);
    assertThat(app.get("/api/v1/contacts/ct_nope").status()).isEqualTo(401);
    assertThat(app.get("/api/v1/contacts/ct_nope", "Authorization", "Bearer wrong").status()).isEqualTo(401);
    var missing = app.get("/api/v1/contacts/ct_nope", TestApp.admin());
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.json().at("/error/code").asText()).isEqualTo("not_found");

    long before = app.count("messages");
    var post = app.post("/api/v1/contacts/ct_nope/messages", "{\"text\":\"hello\"}", TestApp.admin());
    assertThat(post.status()).isEqualTo(404);
    assertThat(app.count("messages")).isEqualTo(before);
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void the_contact_message_api_continues_a_conversation(Backend backend) {
    TestApp app = apps.get(backend);
    String id = app.chat("api-" + backend, "thinking about selling my home").json().get("contact_id").asText();
    var r = app.post("/api/v1/contacts/" + id + "/messages", "{\"text\":\"Divorce, sadly\"}", TestApp.admin());
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().at("/qualification/seller/answers/motivation").asText()).isEqualTo("divorce");
    assertThat(r.json().get("asking").asText()).isEqualTo("timeline");
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void bad_chat_input_gets_a_4xx_with_the_error_format_and_writes_nothing(Backend backend) {
    TestApp app = apps.get(backend);
    long messages = app.count("messages");
    long contacts = app.count("contacts");

    var malformed = app.post("/api/v1/chat/messages", "{\"session_id\": \"x\", ");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.json().at("/error/code").asText()).isEqualTo("malformed_json");
    assertThat(malformed.json().at("/error/message").asText()).isNotBlank();

    var missing = app.post("/api/v1/chat/messages", "{\"session_id\": \"bad-" + backend + "\"}");
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.json().at("/error/details/0").asText()).isEqualTo("text");

    var notObject = app.post("/api/v1/chat/messages", "[1,2]");
    assertThat(notObject.status()).isEqualTo(400);

    var huge = app.post("/api/v1/chat/messages", "{\"session_id\":\"big\",\"text\":\"" + "a".repeat(70_000) + "\"}");
    assertThat(huge.status()).isEqualTo(413);

    byte[] invalid = "{\"session_id\":\"u\",\"text\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
    var badUtf8 = app.postBytes("/api/v1/chat/messages", invalid);
    assertThat(badUtf8.status()).isEqualTo(400);
    assertThat(badUtf8.json().at("/error/code").asText()).isEqualTo("invalid_utf8");

    var foreign = app.post(
        "/api/v1/chat/messages", "{\"session_id\":\"o\",\"text\":\"hi\"}", "Origin", "https://evil.example");
    assertThat(foreign.status()).isEqualTo(403);

    assertThat(app.count("messages")).isEqualTo(messages);
    assertThat(app.count("contacts")).isEqualTo(contacts);
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void text_over_2000_characters_is_truncated_and_flagged(Backend backend) {
    TestApp app = apps.get(backend);
    String text = "I want to sell my house. " + "b".repeat(2100);
    var r = app.post("/api/v1/chat/messages", "{\"session_id\":\"long-" + backend + "\",\"text\":\"" + text + "\"}",
        "Origin", TestApp.ORIGIN);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().get("truncated").asBoolean()).isTrue();
    String id = r.json().get("contact_id").asText();
    var view = app.get("/api/v1/contacts/" + id, TestApp.admin()).json();
    assertThat(view.at("/transcript/0/text").asText()).hasSize(2000);
    assertThat(view.at("/transcript/0/truncated").asBoolean()).isTrue();
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void a_client_message_id_makes_chat_retries_harmless(Backend backend) {
    TestApp app = apps.get(backend);
    String body = "{\"session_id\":\"retry-" + backend + "\",\"text\":\"I want to sell\",\"client_message_id\":\"c1\"}";
    var first = app.post("/api/v1/chat/messages", body);
    var second = app.post("/api/v1/chat/messages", body);
    assertThat(second.json().get("duplicate").asBoolean()).isTrue();
    assertThat(second.json().get("replies")).isEqualTo(first.json().get("replies"));
    String id = first.json().get("contact_id").asText();
    assertThat(app.get("/api/v1/contacts/" + id, TestApp.admin()).json().get("transcript")).hasSize(2);
  }
}
