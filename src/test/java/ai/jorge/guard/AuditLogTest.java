package ai.jorge.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogTest {
  @TempDir Path dir;

  private Path logWith(int entries) {
    Path file = dir.resolve("audit.jsonl");
    AuditLog log = AuditLog.open(file);
    for (int i = 0; i < entries; i++) {
      log.append(Map.of("decision", "allow", "n", i));
    }
    return file;
  }

  @Test
  void two_writers_on_one_file_keep_one_chain() {
    Path file = dir.resolve("shared.jsonl");
    AuditLog server = AuditLog.open(file);
    AuditLog hook = AuditLog.open(file);
    for (int i = 0; i < 6; i++) {
      (i % 3 == 0 ? hook : server).append(Map.of("decision", "allow", "n", i));
    }

    assertThat(AuditLog.verify(file)).isEqualTo(AuditVerification.intact(6));
  }

  @Test
  void a_last_line_longer_than_the_first_read_is_still_found() {
    Path file = dir.resolve("long.jsonl");
    AuditLog.open(file).append(Map.of("decision", "block", "reason", "r".repeat(20_000)));
    AuditLog.open(file).append(Map.of("decision", "allow"));
    AuditLog.open(file).append(Map.of("decision", "block", "reason", "s".repeat(9_000)));
    AuditLog.open(file).append(Map.of("decision", "allow"));

    assertThat(AuditLog.verify(file)).isEqualTo(AuditVerification.intact(4));
  }

  @Test
  void untouched_log_verifies() {
    Path file = logWith(5);

    assertThat(AuditLog.verify(file)).isEqualTo(AuditVerification.intact(5));
  }

  @Test
  void each_line_links_to_the_previous_hash_starting_from_zeros() throws IOException {
    List<String> lines = Files.readAllLines(logWith(2));

    assertThat(lines.get(0)).contains("\"prev_hash\":\"" + AuditLog.GENESIS + "\"", "\"seq\":1");
    String firstHash = lines.get(0).replaceAll(".*\"hash\":\"([0-9a-f]{64})\".*", "$1");
    assertThat(lines.get(1)).contains("\"prev_hash\":\"" + firstHash + "\"");
  }

  @Test
  void tampered_line_is_reported_by_number() throws IOException {
    Path file = logWith(4);
    List<String> lines = new ArrayList<>(Files.readAllLines(file));
    lines.set(2, lines.get(2).replace("\"decision\":\"allow\"", "\"decision\":\"block\""));
    Files.write(file, lines);

    AuditVerification v = AuditLog.verify(file);

    assertThat(v.ok()).isFalse();
    assertThat(v.firstBadLine()).isEqualTo(3);
    assertThat(v.problem()).contains("hash");
  }

  @Test
  void deleted_line_breaks_the_chain_at_the_next_line() throws IOException {
    Path file = logWith(4);
    List<String> lines = new ArrayList<>(Files.readAllLines(file));
    lines.remove(1);
    Files.write(file, lines);

    assertThat(AuditLog.verify(file).firstBadLine()).isEqualTo(2);
  }

  @Test
  void recomputing_one_hash_does_not_hide_an_edit() throws IOException {
    Path file = logWith(3);
    List<String> lines = new ArrayList<>(Files.readAllLines(file));
    String edited = lines.get(0).replace("\"n\":0", "\"n\":7");
    String prev = AuditLog.GENESIS;
    String withoutHash = edited.replaceAll(",\"hash\":\"[0-9a-f]{64}\"", "");
    String newHash = AuditLog.sha256(prev + withoutHash);
    lines.set(0, edited.replaceAll("\"hash\":\"[0-9a-f]{64}\"", "\"hash\":\"" + newHash + "\""));
    Files.write(file, lines);

    assertThat(AuditLog.verify(file).firstBadLine()).isEqualTo(2);
  }

  @Test
  void two_logs_on_one_file_and_many_threads_keep_one_valid_chain() throws Exception {
    Path file = dir.resolve("shared.jsonl");
    AuditLog a = AuditLog.open(file);
    AuditLog b = AuditLog.open(file);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    for (int i = 0; i < 200; i++) {
      AuditLog log = i % 2 == 0 ? a : b;
      int n = i;
      pool.submit(() -> log.append(Map.of("n", n)));
    }
    pool.shutdown();
    assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

    assertThat(AuditLog.verify(file)).isEqualTo(AuditVerification.intact(200));
  }
}
