package ai.jorge.users;

import static org.assertj.core.api.Assertions.assertThat;

import ai.jorge.App;
import ai.jorge.support.Backend;
import ai.jorge.support.TestApp;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Users, roles, login sessions and CSRF over HTTP, on H2 and PostgreSQL. */
class AuthIT {
  private static final Map<Backend, TestApp> apps = new EnumMap<>(Backend.class);
  private static final AtomicInteger n = new AtomicInteger();

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

  /** A logged-in browser: its cookie and CSRF token. */
  record Login(String cookie, String csrf, String setCookie) {}

  static Login login(TestApp app, String user, String password) {
    var r = app.post("/api/v1/auth/login", "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    String set = r.headers().get("set-cookie").get(0);
    return new Login(set.split(";")[0], r.json().get("csrf_token").asText(), set);
  }

  static String createUser(TestApp app, String role) {
    String name = role + "-" + n.incrementAndGet();
    var r =
        app.post(
            "/api/v1/users",
            "{\"username\":\"" + name + "\",\"password\":\"password-" + name + "\",\"role\":\"" + role + "\"}",
            TestApp.admin());
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return name;
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void the_first_admin_logs_in_with_the_configured_password_and_gets_a_strict_httponly_cookie(Backend backend) {
    TestApp app = apps.get(backend);
    Login admin = login(app, "admin", TestApp.ADMIN_PASSWORD);
    assertThat(admin.setCookie())
        .startsWith("jorge_session=")
        .containsIgnoringCase("HttpOnly")
        .containsIgnoringCase("SameSite=Strict")
        .contains("Path=/")
        .doesNotContainIgnoringCase("Secure");
    var me = app.get("/api/v1/auth/me", "Cookie", admin.cookie());
    assertThat(me.status()).isEqualTo(200);
    assertThat(me.json().get("username").asText()).isEqualTo("admin");
    assertThat(me.json().get("role").asText()).isEqualTo("admin");
    assertThat(me.json().get("csrf_token").asText()).isEqualTo(admin.csrf());
    long hashed =
        app.app().database().jdbi().withHandle(h -> h.createQuery(
            "SELECT COUNT(*) FROM users WHERE username = 'admin' AND password_hash LIKE 'pbkdf2-sha256$210000$%'")
            .mapTo(Long.class).one());
    assertThat(hashed).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void a_wrong_password_or_unknown_user_is_401_and_sets_no_cookie(Backend backend) {
    TestApp app = apps.get(backend);
    var wrong = app.post("/api/v1/auth/login", "{\"username\":\"admin\",\"password\":\"nope-nope-nope\"}");
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(wrong.json().at("/error/code").asText()).isEqualTo("invalid_credentials");
    assertThat(wrong.headers()).doesNotContainKey("set-cookie");
    assertThat(app.post("/api/v1/auth/login", "{\"username\":\"ghost\",\"password\":\"nope-nope-nope\"}").status())
        .isEqualTo(401);
    assertThat(app.post("/api/v1/auth/login", "{\"username\":\"admin\"}").status()).isEqualTo(400);
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void a_state_changing_call_with_the_cookie_needs_the_csrf_token_but_a_bearer_key_does_not(Backend backend) {
    TestApp app = apps.get(backend);
    String contact = app.chat("csrf-" + backend + n.incrementAndGet(), "I want to sell").json().get("contact_id").asText();
    String agentName = createUser(app, "agent");
    Login agent = login(app, agentName, "password-" + agentName);

    var noToken = app.post("/api/v1/contacts/" + contact + "/takeover", "{}", "Cookie", agent.cookie());
    assertThat(noToken.status()).isEqualTo(403);
    assertThat(noToken.json().at("/error/code").asText()).isEqualTo("csrf_failed");
    var wrongToken =
        app.post("/api/v1/contacts/" + contact + "/takeover", "{}", "Cookie", agent.cookie(), "X-CSRF-Token", "x" + agent.csrf());
    assertThat(wrongToken.status()).isEqualTo(403);
    assertThat(app.get("/api/v1/contacts/" + contact, TestApp.admin()).json().get("human_hold").asBoolean()).isFalse();

    var ok =
        app.post("/api/v1/contacts/" + contact + "/takeover", "{}", "Cookie", agent.cookie(), "X-CSRF-Token", agent.csrf());
    assertThat(ok.status()).isEqualTo(200);
    assertThat(app.get("/api/v1/contacts/" + contact, "Cookie", agent.cookie()).json().get("human_hold").asBoolean()).isTrue();
    assertThat(app.post("/api/v1/contacts/" + contact + "/release", "{}", TestApp.admin()).status()).isEqualTo(200);
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void roles_limit_what_a_session_may_do_and_a_viewer_sees_no_contact_details(Backend backend) {
    TestApp app = apps.get(backend);
    var chat =
        app.post(
            "/api/v1/chat/messages",
            "{\"session_id\":\"roles-" + backend + n.incrementAndGet()
                + "\",\"text\":\"I want to sell\",\"name\":\"Dana Whitfield\",\"phone\":\"+19095550100\",\"email\":\"dana@example.com\"}");
    String contact = chat.json().get("contact_id").asText();
    String viewerName = createUser(app, "viewer");
    Login viewer = login(app, viewerName, "password-" + viewerName);

    var view = app.get("/api/v1/contacts/" + contact, "Cookie", viewer.cookie());
    assertThat(view.status()).isEqualTo(200);
    assertThat(view.json().get("name").asText()).isEqualTo("Dana");
    assertThat(view.body()).doesNotContain("Whitfield").doesNotContain("5550100").doesNotContain("dana@");
    var takeover =
        app.post("/api/v1/contacts/" + contact + "/takeover", "{}", "Cookie", viewer.cookie(), "X-CSRF-Token", viewer.csrf());
    assertThat(takeover.status()).isEqualTo(403);
    assertThat(
            app.post("/api/v1/users", "{\"username\":\"sneaky\",\"password\":\"sneaky-password\",\"role\":\"admin\"}",
                    "Cookie", viewer.cookie(), "X-CSRF-Token", viewer.csrf())
                .status())
        .isEqualTo(403);
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void logout_ends_the_session(Backend backend) {
    TestApp app = apps.get(backend);
    Login admin = login(app, "admin", TestApp.ADMIN_PASSWORD);
    assertThat(app.post("/api/v1/auth/logout", "{}", "Cookie", admin.cookie()).status()).isEqualTo(403);
    var out = app.post("/api/v1/auth/logout", "{}", "Cookie", admin.cookie(), "X-CSRF-Token", admin.csrf());
    assertThat(out.status()).isEqualTo(200);
    assertThat(out.headers().get("set-cookie").get(0)).startsWith("jorge_session=;").contains("Expires=Thu, 01 Jan 1970");
    assertThat(app.get("/api/v1/auth/me", "Cookie", admin.cookie()).status()).isEqualTo(401);
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void users_are_created_by_admins_only_with_valid_input_and_unique_names(Backend backend) {
    TestApp app = apps.get(backend);
    String name = createUser(app, "agent");
    var dup =
        app.post("/api/v1/users", "{\"username\":\"" + name.toUpperCase() + "\",\"password\":\"another-password\",\"role\":\"agent\"}", TestApp.admin());
    assertThat(dup.status()).isEqualTo(409);
    var bad = app.post("/api/v1/users", "{\"username\":\"x y\",\"password\":\"short\",\"role\":\"king\"}", TestApp.admin());
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body()).contains("role");
    var list = app.get("/api/v1/users", TestApp.admin());
    assertThat(list.body()).contains(name).doesNotContain("pbkdf2");
  }

  @Test
  void without_a_configured_password_the_first_admin_password_is_printed_once_and_works() {
    PrintStream original = System.out;
    var captured = new ByteArrayOutputStream();
    try (var db = Backend.H2.create()) {
      Map<String, String> env = new HashMap<>();
      env.put("JORGE_ADMIN_PASSWORD", "");
      String first;
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      try (App app = App.create(TestApp.config(db.config(), env), Clock.systemUTC()).start()) {
        first = captured.toString(StandardCharsets.UTF_8);
      } finally {
        System.setOut(original);
      }
      Matcher m = Pattern.compile("password: (\\S+)").matcher(first);
      assertThat(m.find()).as(first).isTrue();
      String password = m.group(1);

      captured.reset();
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      try (var app = TestApp.start(db, false, env, Clock.systemUTC())) {
        System.setOut(original);
        assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain("password:");
        assertThat(login(app, "admin", password).csrf()).isNotBlank();
        assertThat(app.count("users")).isEqualTo(1);
      } finally {
        System.setOut(original);
      }
    }
  }
}
