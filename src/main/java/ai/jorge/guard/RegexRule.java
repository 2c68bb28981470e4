package ai.jorge.guard;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Matches regular expressions against a subject's normalised forms (or only its raw text with
 * {@code match: raw}, or each path-like token with {@code per_token: true}). Patterns may be
 * grouped by name; {@code {group}} in the reason names the group that matched. A match that also
 * matches one of the {@code unless} patterns is ignored. Immutable, thread-safe.
 */
final class RegexRule extends BaseRule {
  private static final Pattern TOKEN_SPLIT = Pattern.compile("[\\s=<>:,]+");

  private final Map<String, List<Pattern>> groups;
  private final List<Pattern> unless;
  private final boolean rawOnly;
  private final boolean perToken;

  RegexRule(RuleSpec spec, Params p) {
    super(spec);
    int flags = p.flag("case_sensitive", false)
        ? 0
        : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    this.groups = p.groupedPatterns("patterns", flags);
    this.unless = p.patterns("unless", false, flags);
    this.rawOnly = "raw".equals(p.text("match", "normalized"));
    this.perToken = p.flag("per_token", false);
  }

  @Override
  public Optional<String> evaluate(Subject subject) {
    for (String candidate : candidates(subject)) {
      for (Map.Entry<String, List<Pattern>> group : groups.entrySet()) {
        for (Pattern pattern : group.getValue()) {
          Matcher m = pattern.matcher(candidate);
          while (m.find()) {
            if (!excluded(m.group())) {
              String name = group.getKey().replace('_', ' ');
              return Optional.of(spec.reason().replace("{group}", name));
            }
          }
        }
      }
    }
    return Optional.empty();
  }

  private boolean excluded(String matched) {
    return unless.stream().anyMatch(u -> u.matcher(matched).find());
  }

  private List<String> candidates(Subject subject) {
    List<String> base = switch (subject) {
      case Subject.Text t -> rawOnly ? List.of(t.raw()) : t.forms();
      case Subject.Message m -> List.of(m.normalized());
      default -> List.of();
    };
    if (!perToken) {
      return base;
    }
    List<String> tokens = new ArrayList<>();
    for (String form : base) {
      for (String token : TOKEN_SPLIT.split(form)) {
        if (!token.isEmpty()) {
          tokens.add(token);
        }
      }
    }
    return tokens;
  }
}
