package ai.jorge.conversation.extract;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Lower-cases a message and folds typographic quotes and dashes so the parsers match one spelling.
 */
public final class Normalized {
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private Normalized() {}

  /** The text in lower case with straight quotes, plain hyphens and single spaces; never null. */
  public static String of(String text) {
    if (text == null) {
      return "";
    }
    String folded =
        text.replace('\u2019', '\'')
            .replace('\u2018', '\'')
            .replace('\u201C', '"')
            .replace('\u201D', '"')
            .replace('\u2013', '-')
            .replace('\u2014', '-')
            .replace('\u00A0', ' ');
    return SPACES.matcher(folded.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
  }

  /** True when the pattern is found anywhere in the normalized text. */
  static boolean has(String normalized, Pattern pattern) {
    return pattern.matcher(normalized).find();
  }
}
