package ai.jorge.scoring;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * Converts loosely typed feature values (JSON numbers, CSV text) to the Java type each feature
 * holds, recording a readable problem instead of throwing. Stateless.
 */
final class FeatureValues {
  private FeatureValues() {}

  /** Converts a JSON-like value (String, Number, Boolean or null). */
  static Object coerce(FeatureSchema.Spec spec, Object value, List<String> problems) {
    if (value == null) {
      if (!spec.nullable()) {
        problems.add("feature '" + spec.name() + "' must not be null");
      }
      return null;
    }
    return switch (spec.kind()) {
      case CATEGORY -> value instanceof String s ? s : wrongType(spec, value, "a string", problems);
      case BOOLEAN ->
          value instanceof Boolean b ? b : wrongType(spec, value, "a boolean", problems);
      case DECIMAL ->
          value instanceof Number n
              ? n.doubleValue()
              : wrongType(spec, value, "a number", problems);
      case INTEGER, LONG -> integral(spec, value, problems);
    };
  }

  /** Converts the text of a CSV cell; an empty cell is {@code null}. */
  static Object parse(FeatureSchema.Spec spec, String text, List<String> problems) {
    String t = text.strip();
    if (t.isEmpty()) {
      return coerce(spec, null, problems);
    }
    return switch (spec.kind()) {
      case CATEGORY -> t;
      case BOOLEAN -> {
        Boolean b = parseBoolean(t);
        yield b != null ? b : wrongType(spec, t, "true or false", problems);
      }
      case DECIMAL, INTEGER, LONG -> {
        BigDecimal number = parseNumber(t);
        yield number == null
            ? wrongType(spec, t, "a number", problems)
            : coerce(
                spec,
                spec.kind() == FeatureSchema.Kind.DECIMAL ? number.doubleValue() : number,
                problems);
      }
    };
  }

  static Boolean parseBoolean(String text) {
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "1" -> Boolean.TRUE;
      case "false", "no", "0" -> Boolean.FALSE;
      default -> null;
    };
  }

  private static BigDecimal parseNumber(String text) {
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Object integral(FeatureSchema.Spec spec, Object value, List<String> problems) {
    if (!(value instanceof Number n)) {
      return wrongType(spec, value, "a whole number", problems);
    }
    BigDecimal d;
    try {
      d = n instanceof BigDecimal b ? b : new BigDecimal(n.toString());
    } catch (NumberFormatException e) {
      return wrongType(spec, value, "a whole number", problems);
    }
    try {
      long whole = d.stripTrailingZeros().longValueExact();
      if (spec.kind() == FeatureSchema.Kind.LONG) {
        return whole;
      }
      return Math.toIntExact(whole);
    } catch (ArithmeticException e) {
      return wrongType(spec, value, "a whole number", problems);
    }
  }

  private static Object wrongType(
      FeatureSchema.Spec spec, Object value, String expected, List<String> problems) {
    problems.add("feature '" + spec.name() + "' must be " + expected + ", was '" + value + "'");
    return null;
  }
}
