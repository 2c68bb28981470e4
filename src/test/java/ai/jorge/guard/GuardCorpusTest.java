package ai.jorge.guard;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GuardCorpusTest {
  private static final GuardCorpus CORPUS = GuardCorpus.builtIn();
  private static final Guard GUARD = newGuard();

  static Guard newGuard() {
    try {
      Path audit = Files.createTempDirectory("guard-corpus").resolve("audit.jsonl");
      Clock clock = Clock.fixed(Instant.parse("2025-06-02T18:00:00Z"), ZoneOffset.UTC);
      return new Guard(
          GuardPolicy.builtIn(), clock, new SimpleMeterRegistry(), AuditLog.open(audit));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Stream<Arguments> cases() {
    return CORPUS.cases().stream()
        .map(c -> Arguments.of(Named.of(c.expectation() + " <- " + c.name(), c)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void corpus_entry_gets_its_expected_verdict_and_rule(CorpusCase c) {
    Decision d = c.run(GUARD);

    assertThat(c.accepts(d)).as("expected %s, got %s", c.expectation(), d.describe()).isTrue();
  }

  @Test
  void corpus_holds_at_least_60_dangerous_and_30_safe_inputs() {
    assertThat(CORPUS.count(Verdict.BLOCK)).isGreaterThanOrEqualTo(60);
    assertThat(CORPUS.count(Verdict.ALLOW)).isGreaterThanOrEqualTo(30);
  }

  @Test
  void running_the_corpus_reports_every_entry_passed() {
    CorpusReport report = CORPUS.run(newGuard());

    assertThat(report.failures()).isEmpty();
    assertThat(report.summary()).isEqualTo(CORPUS.cases().size() + " passed, 0 failed");
  }
}
