package ai.jorge.guard;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/** Builds guards for tests with a temp audit file and a meter registry the test can read. */
final class GuardFixture {
  static final ZoneId LA = ZoneId.of("America/Los_Angeles");
  static final Clock NOON_UTC =
      Clock.fixed(Instant.parse("2025-06-02T12:00:00Z"), ZoneId.of("UTC"));

  final MeterRegistry meters = new SimpleMeterRegistry();
  final Path auditFile;
  final Guard guard;

  GuardFixture(Path dir) {
    this(dir, GuardPolicy.builtIn(), NOON_UTC);
  }

  GuardFixture(Path dir, GuardPolicy policy, Clock clock) {
    this.auditFile = dir.resolve("audit.jsonl");
    this.guard = new Guard(policy, clock, meters, AuditLog.open(auditFile));
  }

  double count(int layer, Verdict verdict) {
    var counter = meters.find("jorge.guard.decisions")
        .tag("layer", Integer.toString(layer)).tag("decision", verdict.label()).counter();
    return counter == null ? 0 : counter.count();
  }

  static OutboundMessage reply(String text) {
    return new OutboundMessage("ct_test1", text, false, false, afternoon(), false, 0, 0, List.of());
  }

  static ZonedDateTime afternoon() {
    return ZonedDateTime.of(2025, 6, 2, 14, 0, 0, 0, LA);
  }
}
