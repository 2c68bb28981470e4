package ai.jorge.guard;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code jorge guard pre-commit}: checks every file added, copied, modified or renamed in the git
 * index of {@code repo}, reading the staged blob ({@code git show :path}), not the working copy.
 * A git failure throws, and the command turns that into a refused commit. Stateless.
 */
public final class StagedScan {
  private StagedScan() {}

  public static ScanReport scan(Guard guard, Path repo) {
    byte[] names = Git.run(repo, "diff", "--cached", "--name-only", "-z", "--diff-filter=ACMR");
    List<Finding> findings = new ArrayList<>();
    int files = 0;
    for (String path : new String(names, StandardCharsets.UTF_8).split("\0")) {
      if (path.isEmpty()) {
        continue;
      }
      files++;
      FileCheck.check(guard, path, Git.run(repo, "show", ":" + path)).ifPresent(findings::add);
    }
    return new ScanReport(files, findings);
  }
}
