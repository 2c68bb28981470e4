package ai.jorge.conversation;

import java.text.NumberFormat;
import java.util.Locale;
import java.util.Map;

/** Typed reads of answer maps, whose numbers may come back from JSON as any Number type. */
final class Answers {
  private Answers() {}

  static Long number(Map<String, Object> answers, String key) {
    return answers.get(key) instanceof Number n ? n.longValue() : null;
  }

  static boolean isTrue(Map<String, Object> answers, String key) {
    return Boolean.TRUE.equals(answers.get(key));
  }

  static String string(Map<String, Object> answers, String key) {
    Object v = answers.get(key);
    return v instanceof String s && !SideState.UNKNOWN.equals(s) ? s : null;
  }

  static String dollars(long amount) {
    return NumberFormat.getCurrencyInstance(Locale.US).format(amount).replace(".00", "");
  }
}
