package ai.jorge.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.jorge.support.Backend;
import ai.jorge.support.FakeGhl;
import ai.jorge.support.Ghl;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Follow-ups survive a crash (SPEC §3.8): the packaged App runs in a child JVM against a shared
 * database and a fake GHL, twelve follow-ups are made due, the process is killed with SIGKILL in
 * the middle of sending them, and a fresh process on the same database finishes the job.
 *
 * <p>Determinism: the fake GHL holds the 5th follow-up send open and the test kills the child only
 * once that request is in flight, so the kill always lands mid-run with four follow-ups delivered,
 * one in flight and the rest written but unsent (or still to be written). Every follow-up is
 * written in one transaction with its message and outbox row, so none can be written twice; the
 * outbox keeps GHL's message id as a receipt, so none acknowledged is sent again. The one request
 * in flight at the kill never got an answer, so the restarted instance (same instance id) takes it
 * back and sends it again: that single send is the only one GHL sees twice, and it is the only one
 * it could not have confirmed.
 */
class KillRestartIT {
  private static final int LEADS = 12;
  private static final int HELD_FOLLOW_UP = 5;

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(Backend.class)
  void a_process_killed_mid_run_and_restarted_sends_every_due_follow_up_once(Backend backend) throws Exception {
    Backend.TestDatabase db =
        backend == Backend.H2
            ? new Backend.TestDatabase(
                new ai.jorge.config.JorgeConfig.Database(
                    Backend.h2File(dir).config().url() + ";AUTO_SERVER=TRUE", "sa", ""),
                () -> {})
            : backend.create();
    try (db; FakeGhl ghl = new FakeGhl()) {
      Jdbi jdbi = Jdbi.create(db.config().url(), db.config().user(), db.config().password());
      int port = freePort();
      Map<String, String> env = new HashMap<>();
      env.put("JORGE_PORT", String.valueOf(port));
      env.put("JORGE_DB_URL", db.config().url());
      env.put("JORGE_DB_USER", db.config().user());
      env.put("JORGE_DB_PASSWORD", db.config().password());
      env.put("JORGE_WEBHOOK_SIGNATURES", "off");
      env.put("JORGE_GHL_API_TOKEN", "ghl-test-token");
      env.put("JORGE_GHL_BASE_URL", ghl.baseUrl());
      env.put("JORGE_INSTANCE_ID", "kill-test");
      env.put("JORGE_TIMEZONE", middayZone());

      Process first = launch(env, "first");
      try {
        awaitReady(port);
        for (int i = 1; i <= LEADS; i++) {
          ObjectNode body = Ghl.sample("inbound-sms");
          body.put("contactId", "kill-" + i).put("messageId", "kill-m-" + i)
              .put("body", "Hi, I'm thinking about selling my house");
          body.remove("dateAdded");
          post(port, "/api/v1/webhooks/ghl", body.toString());
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> ghl.acknowledgedSends().size() == LEADS);
        await().atMost(Duration.ofSeconds(10)).until(() -> count(jdbi, "SELECT COUNT(*) FROM followups WHERE status = 'pending'") == LEADS);

        ghl.holdSend(LEADS + HELD_FOLLOW_UP);
        jdbi.useHandle(h -> h.createUpdate("UPDATE followups SET due_at = :t WHERE status = 'pending'")
            .bind("t", Instant.now().minus(Duration.ofMinutes(1))).execute());
        assertThat(ghl.awaitHeld(30)).as("the 5th follow-up send reached GHL").isTrue();
      } finally {
        first.destroyForcibly().waitFor();
      }
      long ackedBeforeKill = followUpAcks(ghl).size();
      assertThat(ackedBeforeKill).as("killed mid-run").isEqualTo(HELD_FOLLOW_UP - 1);
      ghl.releaseHeld();

      Process second = launch(env, "second");
      try {
        awaitReady(port);
        await().atMost(Duration.ofSeconds(60)).until(() -> followUpAcks(ghl).size() >= LEADS
            && count(jdbi, "SELECT COUNT(*) FROM outbox WHERE kind = 'followup' AND status = 'sent'") == LEADS);
        Thread.sleep(1500);
      } finally {
        second.destroy();
        second.waitFor();
      }

      assertThat(count(jdbi, "SELECT COUNT(*) FROM followups WHERE attempt = 1 AND status = 'sent'")).isEqualTo(LEADS);
      assertThat(count(jdbi, "SELECT COUNT(*) FROM followups WHERE attempt = 2 AND status = 'pending'"))
          .as("each lead's next touch scheduled once").isEqualTo(LEADS);
      assertThat(count(jdbi, "SELECT COUNT(*) FROM outbox WHERE kind = 'followup'")).isEqualTo(LEADS);
      assertThat(count(jdbi, "SELECT COUNT(DISTINCT provider_message_id) FROM outbox WHERE kind = 'followup'")).isEqualTo(LEADS);
      assertThat(count(jdbi, "SELECT COUNT(*) FROM messages WHERE author = 'bot' AND in_reply_to IS NULL")).isEqualTo(LEADS);

      List<FakeGhl.Call> acks = followUpAcks(ghl);
      Set<String> contacts = acks.stream().map(c -> c.body().get("contactId").asText()).collect(Collectors.toSet());
      assertThat(acks).as("every follow-up acknowledged exactly once").hasSize(LEADS);
      assertThat(contacts).hasSize(LEADS);
      long sendsSeen = ghl.calls("POST", "/conversations/messages").stream()
          .filter(c -> !c.body().get("message").asText().contains("What's got you thinking")).count();
      assertThat(sendsSeen).as("only the request in flight at the kill was seen twice").isEqualTo(LEADS + 1);
    }
  }

  private static List<FakeGhl.Call> followUpAcks(FakeGhl ghl) {
    return ghl.acknowledgedSends().stream()
        .filter(c -> !c.body().get("message").asText().contains("What's got you thinking"))
        .toList();
  }

  /** A fixed-offset zone where it is about midday now, so quiet hours never defer the test. */
  private static String middayZone() {
    int hour = Instant.now().atZone(ZoneOffset.UTC).getHour();
    int offset = 12 - hour;
    if (offset < -12) {
      offset += 24;
    } else if (offset > 14) {
      offset -= 24;
    }
    return ZoneOffset.ofHours(offset).getId();
  }

  private Process launch(Map<String, String> env, String name) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    Path jar = Path.of("target", "jorge.jar");
    String classpath = Files.exists(jar) ? jar.toString() : System.getProperty("java.class.path");
    var pb = new ProcessBuilder(java, "-Xmx384m", "-cp", classpath, "ai.jorge.cli.Main", "serve");
    pb.environment().keySet().removeIf(k -> k.startsWith("JORGE_"));
    pb.environment().putAll(env);
    File log = dir.resolve(name + ".log").toFile();
    pb.redirectErrorStream(true).redirectOutput(log);
    return pb.start();
  }

  private static void awaitReady(int port) {
    HttpClient http = HttpClient.newHttpClient();
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() ->
        http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready")).build(),
            HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
  }

  private static void post(int port, String path, String body) throws Exception {
    var r = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
  }

  private static long count(Jdbi jdbi, String sql) {
    return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
  }

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
