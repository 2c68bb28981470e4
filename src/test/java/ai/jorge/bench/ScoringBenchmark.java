package ai.jorge.bench;

import ai.jorge.scoring.DefaultModel;
import ai.jorge.scoring.LabelledLead;
import ai.jorge.scoring.LeadFeatures;
import ai.jorge.scoring.LeadModel;
import ai.jorge.scoring.Score;
import ai.jorge.scoring.SyntheticLeads;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * In-process latency of one lead score with the default model (SPEC §11: p99 below 50 µs). Cycles
 * through 1,024 synthetic leads so that branch prediction does not see one lead only. Run: {@code
 * java -cp target/test-classes:target/classes:$(cat /tmp/cp.txt) org.openjdk.jmh.Main
 * ScoringBenchmark -f 1 -wi 2 -i 3}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ScoringBenchmark {
  private LeadModel model;
  private LeadFeatures[] leads;
  private int next;

  @Setup
  public void setUp() {
    model = DefaultModel.train();
    leads =
        SyntheticLeads.generate(99, 1_024).stream()
            .map(LabelledLead::features)
            .toArray(LeadFeatures[]::new);
  }

  @Benchmark
  public Score scoreOneLead() {
    LeadFeatures features = leads[next];
    next = (next + 1) & (leads.length - 1);
    return model.score(features);
  }
}
