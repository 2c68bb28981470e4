package ai.jorge.guard;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Flags files that look like an export of customer contacts: delimited text (CSV or TSV) with at
 * least {@code min_rows} data rows carrying an email address or phone number. Small fixtures stay
 * below the threshold. Immutable, thread-safe.
 */
final class CustomerDataRule extends BaseRule {
  private static final Pattern EMAIL =
      Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
  private static final Pattern PHONE = Pattern.compile(
      "(?<![\\d.])(?:\\+?1[\\s.-]?)?\\(?\\d{3}\\)?[\\s.-]?\\d{3}[\\s.-]?\\d{4}(?![\\d.])");
  private static final Pattern DELIMITED = Pattern.compile("^[^,\\t;]*([,\\t;][^,\\t;]*){2,}$");

  private final int minRows;

  CustomerDataRule(RuleSpec spec, Params p) {
    super(spec);
    this.minRows = p.integer("min_rows", 10);
  }

  @Override
  public Optional<String> evaluate(Subject subject) {
    if (!(subject instanceof Subject.Text text)) {
      return Optional.empty();
    }
    int rows = 0;
    for (String line : text.raw().split("\\R")) {
      boolean contact = EMAIL.matcher(line).find() || PHONE.matcher(line).find();
      if (contact && DELIMITED.matcher(line).matches()) {
        rows++;
      }
    }
    return rows >= minRows
        ? Optional.of(spec.reason() + " (" + rows + " rows with an email or phone)")
        : Optional.empty();
  }
}
