package ai.jorge.web;

import static org.assertj.core.api.Assertions.assertThat;

import ai.jorge.support.Backend;
import ai.jorge.support.TestApp;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Admin management of machine API keys over HTTP (SPEC §8), on H2 and PostgreSQL. */
class ApiKeysIT {
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

  private static JsonNode create(TestApp app, String name, String role) {
    var r = app.post("/api/v1/api-keys",
        "{\"name\":\"" + name + "\",\"role\":\"" + role + "\"}", TestApp.admin());
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json();
  }

  private static String[] bearer(String key) {
    return new String[] {"Authorization", "Bearer " + key};
  }

  private static JsonNode listed(TestApp app, String id) {
    for (JsonNode k : app.get("/api/v1/api-keys", TestApp.admin()).json().get("api_keys")) {
      if (k.get("id").asText().equals(id)) {
        return k;
      }
    }
    throw new AssertionError("key " + id + " not listed");
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void an_admin_creates_a_role_scoped_key_that_works_for_its_role_only(Backend backend) {
    TestApp app = apps.get(backend);
    JsonNode created = create(app, "crm sync " + backend, "agent");
    String key = created.get("key").asText();
    assertThat(created.get("role").asText()).isEqualTo("agent");
    assertThat(created.get("id").asText()).startsWith("key_");
    assertThat(created.has("created_at")).isTrue();

    String contact = app.chat("keys-" + backend, "I want to sell my house").json().get("contact_id").asText();
    assertThat(app.get("/api/v1/contacts/" + contact, bearer(key)).status()).isEqualTo(200);
    assertThat(app.post("/api/v1/contacts/" + contact + "/takeover", "{}", bearer(key)).status())
        .isEqualTo(200);
    var adminOnly = app.get("/api/v1/api-keys", bearer(key));
    assertThat(adminOnly.status()).isEqualTo(403);
    assertThat(adminOnly.json().at("/error/code").asText()).isEqualTo("forbidden");
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void keys_are_stored_hashed_and_listed_with_their_last_use_but_never_the_secret(Backend backend)
      throws Exception {
    TestApp app = apps.get(backend);
    JsonNode created = create(app, "dashboard tv " + backend, "viewer");
    String id = created.get("id").asText();
    String key = created.get("key").asText();
    assertThat(listed(app, id).get("last_used_at").isNull()).isTrue();

    app.get("/api/v1/contacts/ct_none", bearer(key));

    JsonNode row = listed(app, id);
    assertThat(row.get("last_used_at").isNull()).isFalse();
    assertThat(row.get("role").asText()).isEqualTo("viewer");
    String listing = app.get("/api/v1/api-keys", TestApp.admin()).body();
    assertThat(listing).doesNotContain(key).doesNotContain("hash");
    String stored = app.app().database().jdbi().withHandle(h -> h.createQuery(
            "SELECT key_hash FROM api_keys WHERE id = :id").bind("id", id).mapTo(String.class).one());
    String sha256 = HexFormat.of().formatHex(
        MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    assertThat(stored).isEqualTo(sha256).doesNotContain(key);
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void a_revoked_key_is_refused_at_once_and_revoking_twice_is_harmless(Backend backend) {
    TestApp app = apps.get(backend);
    JsonNode created = create(app, "old integration " + backend, "admin");
    String id = created.get("id").asText();
    String key = created.get("key").asText();
    assertThat(app.get("/api/v1/api-keys", bearer(key)).status()).isEqualTo(200);

    assertThat(app.delete("/api/v1/api-keys/" + id, TestApp.admin()).status()).isEqualTo(204);

    var refused = app.get("/api/v1/api-keys", bearer(key));
    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.json().at("/error/code").asText()).isEqualTo("unauthorized");
    assertThat(listed(app, id).get("revoked_at").isNull()).isFalse();
    assertThat(app.delete("/api/v1/api-keys/" + id, TestApp.admin()).status()).isEqualTo(204);
    var unknown = app.delete("/api/v1/api-keys/key_doesnotexist", TestApp.admin());
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().at("/error/code").asText()).isEqualTo("not_found");
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void only_admins_manage_keys_and_bad_requests_are_named(Backend backend) {
    TestApp app = apps.get(backend);
    String agent = create(app, "agent " + backend, "agent").get("key").asText();

    assertThat(app.post("/api/v1/api-keys", "{\"name\":\"x\",\"role\":\"admin\"}").status())
        .isEqualTo(401);
    assertThat(app.post("/api/v1/api-keys", "{\"name\":\"x\",\"role\":\"admin\"}", bearer(agent))
        .status()).isEqualTo(403);
    assertThat(app.delete("/api/v1/api-keys/key_x", bearer(agent)).status()).isEqualTo(403);

    var badRole = app.post("/api/v1/api-keys", "{\"name\":\"x\",\"role\":\"root\"}", TestApp.admin());
    assertThat(badRole.status()).isEqualTo(400);
    assertThat(badRole.json().at("/error/details").toString()).contains("role");
    var missing = app.post("/api/v1/api-keys", "{}", TestApp.admin());
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.json().at("/error/details").toString()).contains("name", "role");
  }
}
