package ai.jorge.guard;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Checks one file for a scan or a commit: the path always, the content unless the file is binary
 * (a NUL byte in its first 8 KB) or allow-listed in hooks.yaml. Stateless.
 */
final class FileCheck {
  private static final int BINARY_PROBE = 8192;

  private FileCheck() {}

  static Optional<Finding> check(Guard guard, String relativePath, byte[] bytes) {
    Decision d = guard.policy().allowListed(relativePath) || binary(bytes)
        ? guard.checkPath(relativePath)
        : guard.checkContent(new String(bytes, StandardCharsets.UTF_8), relativePath);
    return d.verdict() == Verdict.ALLOW
        ? Optional.empty()
        : Optional.of(new Finding(relativePath, d));
  }

  private static boolean binary(byte[] bytes) {
    int n = Math.min(bytes.length, BINARY_PROBE);
    for (int i = 0; i < n; i++) {
      if (bytes[i] == 0) {
        return true;
      }
    }
    return false;
  }
}
