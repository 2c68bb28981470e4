package ai.jorge.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Whether this instance should receive traffic: every configured dependency answers (each check
 * bounded by a deadline, so a hung database cannot hang the probe) and intake is open. Mirrored by
 * the gauge {@code jorge_ready} (1 ready, 0 not). A failing check only reports; it never stops
 * the process. Thread-safe.
 */
public final class Readiness {
  private static final Duration DEADLINE = Duration.ofSeconds(3);
  private final List<Check> checks;
  private final ExecutorService probes = Executors.newVirtualThreadPerTaskExecutor();

  /** One dependency readiness depends on; {@code up} may block, it is given three seconds. */
  public record Check(String name, BooleanSupplier up) {}

  /** A component's state as the probes report it. */
  public record Status(String name, boolean up, String detail) {}

  public Readiness(List<Check> checks, MeterRegistry meters) {
    this.checks = List.copyOf(checks);
    Gauge.builder("jorge.ready", this, r -> r.isReady() ? 1 : 0)
        .description("1 when every dependency answers and intake is open")
        .register(meters);
  }

  /** Runs every check concurrently, each within the deadline. */
  public Map<String, Status> components() {
    Map<String, CompletableFuture<Boolean>> running = new LinkedHashMap<>();
    for (Check c : checks) {
      running.put(
          c.name(),
          CompletableFuture.supplyAsync(c.up()::getAsBoolean, probes)
              .completeOnTimeout(false, DEADLINE.toMillis(), TimeUnit.MILLISECONDS));
    }
    Map<String, Status> out = new LinkedHashMap<>();
    running.forEach(
        (name, f) -> {
          boolean up;
          String detail;
          try {
            up = f.join();
            detail = up ? "reachable" : "not reachable within " + DEADLINE.toSeconds() + " s";
          } catch (RuntimeException e) {
            up = false;
            detail = String.valueOf(e.getCause() == null ? e : e.getCause());
          }
          out.put(name, new Status(name, up, detail));
        });
    return out;
  }

  public boolean isReady() {
    return components().values().stream().allMatch(Status::up);
  }
}
