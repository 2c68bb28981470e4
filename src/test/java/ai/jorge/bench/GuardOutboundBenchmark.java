package ai.jorge.bench;

import ai.jorge.guard.AuditLog;
import ai.jorge.guard.Decision;
import ai.jorge.guard.Guard;
import ai.jorge.guard.GuardPolicy;
import ai.jorge.guard.OutboundMessage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The guard's cost per outbound message: {@link Guard#checkOutbound} with the shipped policy
 * (layer 3 and the daily cap), the Micrometer counters and the hash-chained audit append to a file
 * on local disk, as the outbox dispatcher calls it before each delivery. {@code compliant} is a
 * typical bot question (every rule runs to the end); {@code steering} is blocked by the Fair
 * Housing rule. Run: see BENCHMARKS.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class GuardOutboundBenchmark {
  private static final ZoneId LA = ZoneId.of("America/Los_Angeles");

  @Param({"compliant", "steering"})
  public String message;

  private Guard guard;
  private OutboundMessage outbound;

  @Setup
  public void setUp() throws IOException {
    Path dir = Files.createTempDirectory("jorge-guard-bench");
    guard = new Guard(GuardPolicy.builtIn(), Clock.system(LA), new SimpleMeterRegistry(),
        AuditLog.open(dir.resolve("audit.jsonl")));
    String text = message.equals("compliant")
        ? "Got it, relocating for work makes sense. What timeline are you working with: 30, 60"
            + " or 90 days?"
        : "Etiwanda is a quiet, mostly white neighborhood, great for people like you.";
    outbound = new OutboundMessage("ct_5f2a9c01d4e3b7a8", text, false, false,
        ZonedDateTime.now(LA).withHour(14), false, 3, 320,
        List.of("ct_5f2a9c01d4e3b7a8", "cv_5f2a9c01d4e3b7a8", "lead-session-4821"));
  }

  @Benchmark
  public Decision checkOutbound() {
    return guard.checkOutbound(outbound);
  }
}
