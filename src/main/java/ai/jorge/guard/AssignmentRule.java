package ai.jorge.guard;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds credentials assigned to secret-sounding names ({@code password=}, {@code api_key:},
 * {@code DB_PASSWORD=...}) when the value looks real: at least {@code min_length} characters, not a
 * placeholder word, not a reference ({@code ${VAR}}, {@code <...>}, a call) and, when unquoted, not a
 * bare identifier. Immutable, thread-safe.
 */
final class AssignmentRule extends BaseRule {
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z_.]*");
  private static final Pattern REPEATED = Pattern.compile("(.)\\1*");

  private final Pattern assignment;
  private final int minLength;
  private final List<String> placeholders;

  AssignmentRule(RuleSpec spec, Params p) {
    super(spec);
    String keys = String.join("|", p.list("keys", true));
    this.assignment = Pattern.compile(
        "(?<![A-Za-z0-9])(?:[A-Za-z0-9_.-]*[_.-])?(?:" + keys + ")(?![A-Za-z0-9])[\"']?\\s*"
            + "(?::=|=>|==|[:=])\\s*(?:\"([^\"\\n]*)\"|'([^'\\n]*)'|([^\\s,;'\"#)]+))",
        Pattern.CASE_INSENSITIVE);
    this.minLength = p.integer("min_length", 8);
    this.placeholders = p.list("placeholders", false).stream()
        .map(s -> s.toLowerCase(Locale.ROOT)).toList();
  }

  @Override
  public Optional<String> evaluate(Subject subject) {
    if (!(subject instanceof Subject.Text text)) {
      return Optional.empty();
    }
    for (String form : text.forms()) {
      Matcher m = assignment.matcher(form);
      while (m.find()) {
        boolean quoted = m.group(3) == null;
        String value = quoted ? (m.group(1) != null ? m.group(1) : m.group(2)) : m.group(3);
        if (realLooking(value, quoted)) {
          return Optional.of(spec.reason());
        }
      }
    }
    return Optional.empty();
  }

  private boolean realLooking(String value, boolean quoted) {
    String v = value.strip();
    if (v.length() < minLength || REPEATED.matcher(v).matches()) {
      return false;
    }
    char first = v.charAt(0);
    if ("$<{%@&*".indexOf(first) >= 0 || v.contains("(") || v.contains("${") || v.contains("{{")) {
      return false;
    }
    if (!quoted && IDENTIFIER.matcher(v).matches()) {
      return false;
    }
    String lower = v.toLowerCase(Locale.ROOT);
    return placeholders.stream().noneMatch(lower::contains);
  }
}
