package ai.jorge.guard;

import java.util.List;

/** The outcome of scanning files: how many were checked and the ones that warned or blocked. */
public record ScanReport(int files, List<Finding> findings) {
  public ScanReport {
    findings = List.copyOf(findings);
  }

  public boolean blocked() {
    return findings.stream().anyMatch(f -> f.decision().blocked());
  }

  public long count(Verdict verdict) {
    return findings.stream().filter(f -> f.decision().verdict() == verdict).count();
  }

  public String summary() {
    return files + " files checked, " + count(Verdict.BLOCK) + " blocked, "
        + count(Verdict.WARN) + " warned";
  }
}
