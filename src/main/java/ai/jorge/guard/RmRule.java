package ai.jorge.guard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Blocks a recursive {@code rm} (any spelling of {@code -r}/{@code -R}/{@code --recursive}, flags
 * split or combined, any path to the binary) aimed at a dangerous target, and any {@code rm} with
 * {@code --no-preserve-root}. Targets are compared lower-cased with trailing slashes removed.
 * Immutable, thread-safe.
 */
final class RmRule extends BaseRule {
  private final Set<String> dangerous;
  private final List<Pattern> dangerousPatterns;

  RmRule(RuleSpec spec, Params p) {
    super(spec);
    this.dangerous = Set.copyOf(p.list("dangerous_targets", true));
    this.dangerousPatterns =
        p.patterns("dangerous_target_patterns", false, Pattern.CASE_INSENSITIVE);
  }

  @Override
  public Optional<String> evaluate(Subject subject) {
    if (!(subject instanceof Subject.Text text)) {
      return Optional.empty();
    }
    for (String form : text.forms()) {
      for (String part : Normalizer.commandParts(form)) {
        Optional<String> hit = check(part.toLowerCase(Locale.ROOT).split(" "));
        if (hit.isPresent()) {
          return hit;
        }
      }
    }
    return Optional.empty();
  }

  private Optional<String> check(String[] tokens) {
    for (int i = 0; i < tokens.length; i++) {
      if (!basename(tokens[i]).equals("rm")) {
        continue;
      }
      boolean recursive = false;
      boolean optionsEnded = false;
      List<String> targets = new ArrayList<>();
      for (int j = i + 1; j < tokens.length; j++) {
        String t = tokens[j];
        if (optionsEnded || !t.startsWith("-") || t.length() == 1) {
          targets.add(t);
        } else if (t.equals("--")) {
          optionsEnded = true;
        } else if (t.equals("--no-preserve-root")) {
          return Optional.of(spec.reason() + " with --no-preserve-root");
        } else if (t.startsWith("--")) {
          recursive |= t.equals("--recursive");
        } else {
          recursive |= t.indexOf('r') > 0;
        }
      }
      if (recursive) {
        for (String t : targets) {
          if (isDangerous(t)) {
            return Optional.of(spec.reason() + " of " + t);
          }
        }
      }
    }
    return Optional.empty();
  }

  private boolean isDangerous(String target) {
    String t = target.matches("/+") ? "/" : target.replaceAll("(?<=.)/+$", "");
    return dangerous.contains(t)
        || dangerousPatterns.stream().anyMatch(p -> p.matcher(target).matches());
  }

  private static String basename(String token) {
    return token.substring(token.lastIndexOf('/') + 1);
  }
}
