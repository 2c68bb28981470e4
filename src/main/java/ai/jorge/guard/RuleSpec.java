package ai.jorge.guard;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * The fields every rule shares, read from its hooks.yaml entry. {@code onlyPaths} and
 * {@code skipPaths} (nullable) limit content and path rules by file path; input without a path is
 * always checked.
 */
record RuleSpec(
    String id, int layer, Set<Target> targets, boolean warnOnly, String reason,
    Pattern onlyPaths, Pattern skipPaths) {
  RuleSpec {
    targets = Set.copyOf(targets);
  }

  RuleSpec(String id, int layer, Set<Target> targets, boolean warnOnly, String reason) {
    this(id, layer, targets, warnOnly, reason, null, null);
  }

  boolean appliesToPath(String path) {
    if (path == null) {
      return true;
    }
    String p = path.replace('\\', '/');
    return (onlyPaths == null || onlyPaths.matcher(p).find())
        && (skipPaths == null || !skipPaths.matcher(p).find());
  }
}
