package ai.jorge.guard;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds credentials assigned to secret-sounding names ({@code password=}, {@code api_key:},
 * {@code DB_PASSWORD=...}) when the value looks real: at least {@code min_length} characters, not a
 * placeholder word, not naming itself ({@code smoke-secret}, {@code my-api-key}), not a
 * reference ({@code ${VAR}}, {@code <...>}, a call) and, when unquoted, not a bare identifier.
 * Names carrying a placeholder word ({@code FAKE_API_KEY}, {@code TEST_PASSWORD}) are fixtures.
 * Immutable, thread-safe.
 */
final class AssignmentRule extends BaseRule {
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z_.]*");
  private static final Pattern REPEATED = Pattern.compile("(.)\\1*");
  /** A rate such as {@code 1200/1m} (Jorge's own rate-limit syntax), never a credential. */
  private static final Pattern RATE = Pattern.compile("^\\d+/\\d+[smhd](?![A-Za-z0-9])");
  private static final Pattern SELF_DESCRIBING =
      Pattern.compile("(?i)key|secret|passw|token");

  private final Pattern assignment;
  private final int minLength;
  private final List<String> placeholders;

  AssignmentRule(RuleSpec spec, Params p) {
    super(spec);
    String keys = String.join("|", p.list("keys", true));
    this.assignment = Pattern.compile(
        "(?<![A-Za-z0-9])((?:[A-Za-z0-9_.-]*[_.-])?(?:" + keys + "))(?![A-Za-z0-9])[\"']?[ \\t]*"
            + "(?::=|=>|==|[:=])[ \\t]*(?:\"([^\"\\n]*)\"|'([^'\\n]*)'|([^\\s,;'\"#)]+))",
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
        boolean quoted = m.group(4) == null;
        String value = quoted ? (m.group(2) != null ? m.group(2) : m.group(3)) : m.group(4);
        if (!placeholder(m.group(1)) && realLooking(value, quoted)) {
          return Optional.of(spec.reason());
        }
      }
    }
    return Optional.empty();
  }

  private boolean realLooking(String value, boolean quoted) {
    String v = value.strip();
    if (v.length() < minLength || REPEATED.matcher(v).matches() || RATE.matcher(v).find()) {
      return false;
    }
    char first = v.charAt(0);
    if ("$<{%@&*".indexOf(first) >= 0 || v.contains("(") || v.contains("${") || v.contains("{{")) {
      return false;
    }
    if (!quoted && IDENTIFIER.matcher(v).matches()) {
      return false;
    }
    return !placeholder(v) && !SELF_DESCRIBING.matcher(v).find();
  }

  private boolean placeholder(String s) {
    String lower = s.toLowerCase(Locale.ROOT);
    return placeholders.stream().anyMatch(lower::contains);
  }
}
