package ai.jorge.guard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Blocks {@code git push} that forces ({@code --force}, {@code -f} in any flag cluster,
 * {@code --force-with-lease}, {@code --mirror}, a {@code +refspec}) onto a protected branch, or
 * deletes one. A forced push naming no branch, or {@code --all}, counts as protected because the
 * branch it hits is not visible in the command. Immutable, thread-safe.
 */
final class ForcePushRule extends BaseRule {
  private static final Set<String> GIT_OPTIONS_WITH_VALUE =
      Set.of("-c", "-C", "--git-dir", "--work-tree");

  private final Set<String> protectedBranches;

  ForcePushRule(RuleSpec spec, Params p) {
    super(spec);
    this.protectedBranches = Set.copyOf(p.list("protected_branches", true));
  }

  @Override
  public Optional<String> evaluate(Subject subject) {
    if (!(subject instanceof Subject.Text text)) {
      return Optional.empty();
    }
    for (String form : text.forms()) {
      for (String part : Normalizer.commandParts(form)) {
        Optional<String> hit = check(List.of(part.toLowerCase(Locale.ROOT).split(" ")));
        if (hit.isPresent()) {
          return hit;
        }
      }
    }
    return Optional.empty();
  }

  private Optional<String> check(List<String> tokens) {
    int git = indexOfGit(tokens);
    if (git < 0) {
      return Optional.empty();
    }
    int sub = git + 1;
    while (sub < tokens.size() && tokens.get(sub).startsWith("-")) {
      sub += GIT_OPTIONS_WITH_VALUE.contains(tokens.get(sub)) ? 2 : 1;
    }
    if (sub >= tokens.size() || !tokens.get(sub).equals("push")) {
      return Optional.empty();
    }
    boolean force = false;
    boolean delete = false;
    boolean everything = false;
    List<String> positional = new ArrayList<>();
    for (String t : tokens.subList(sub + 1, tokens.size())) {
      if (t.startsWith("--")) {
        force |= t.equals("--force") || t.startsWith("--force-with-lease") || t.equals("--mirror");
        delete |= t.equals("--delete");
        everything |= t.equals("--all") || t.equals("--mirror");
      } else if (t.startsWith("-") && t.length() > 1) {
        force |= t.indexOf('f') > 0;
        delete |= t.indexOf('d') > 0;
      } else if (!t.isEmpty()) {
        positional.add(t);
      }
    }
    List<String> refspecs =
        positional.isEmpty() ? List.of() : positional.subList(1, positional.size());
    boolean hitsProtected = everything || refspecs.stream().anyMatch(this::isProtected);
    boolean deletesProtected = delete && hitsProtected
        || refspecs.stream().anyMatch(r -> r.startsWith(":") && isProtected(r));
    if (deletesProtected) {
      return Optional.of("deleting a protected branch");
    }
    force |= refspecs.stream().anyMatch(r -> r.startsWith("+"));
    if (force && (hitsProtected || refspecs.isEmpty())) {
      return Optional.of(refspecs.isEmpty() ? spec.reason() + " (no branch named)" : spec.reason());
    }
    return Optional.empty();
  }

  private static int indexOfGit(List<String> tokens) {
    for (int i = 0; i < tokens.size(); i++) {
      String t = tokens.get(i);
      if (t.substring(t.lastIndexOf('/') + 1).equals("git")) {
        return i;
      }
    }
    return -1;
  }

  private boolean isProtected(String refspec) {
    String r = refspec.startsWith("+") ? refspec.substring(1) : refspec;
    String dst = r.contains(":") ? r.substring(r.indexOf(':') + 1) : r;
    dst = dst.replaceFirst("^refs/heads/", "");
    return protectedBranches.contains(dst);
  }
}
