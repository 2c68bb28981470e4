package ai.jorge.guard;

import java.util.List;

/** The outcome of running the corpus: counts and one line per failed case. */
public record CorpusReport(int passed, int failed, List<String> failures) {
  public CorpusReport {
    failures = List.copyOf(failures);
  }

  /** Exactly {@code N passed, M failed}. */
  public String summary() {
    return passed + " passed, " + failed + " failed";
  }
}
