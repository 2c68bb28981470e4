package ai.jorge.bench;

import ai.jorge.App;
import ai.jorge.conversation.Inbound;
import ai.jorge.support.Backend;
import ai.jorge.support.TestApp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One chat turn in process, no LLM: store the message, lock and load the state, extract, compute
 * the temperature, write state, transcript, outbox and events, and read the response back. Each
 * lead runs a five-message seller qualification, so state sizes are realistic.
 *
 * <p>Run: see BENCHMARKS.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ChatTurnBenchmark {
  private static final List<String> SCRIPT =
      List.of(
          "Hi, I'm thinking about selling my house",
          "We're relocating to Austin for my husband's job",
          "Yes, 30-45 days would actually be perfect",
          "It's move-in ready, we just redid the kitchen",
          "We'd want around $725k");

  @Param({"H2", "POSTGRES"})
  public String backend;

  private Backend.TestDatabase db;
  private App app;
  private long turn;

  @Setup(Level.Trial)
  public void start() {
    db = Backend.valueOf(backend).create();
    app = App.create(TestApp.config(db.config(), Map.of()), Clock.systemUTC());
    app.start();
  }

  @Benchmark
  public Object turn() {
    long n = turn++;
    String session = "bench-" + (n / SCRIPT.size());
    return app.conversations()
        .converse(
            new Inbound(
                "chat", session, "web_chat", null, null, SCRIPT.get((int) (n % SCRIPT.size())),
                Instant.now(), null, null, null, null));
  }

  @TearDown(Level.Trial)
  public void stop() {
    app.stop();
    db.close();
  }
}
