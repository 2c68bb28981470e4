package ai.jorge.guard;

import java.util.Locale;

/**
 * The kind of input a rule applies to; {@code targets:} in hooks.yaml names these in lower case.
 */
enum Target {
  COMMAND,
  CONTENT,
  PATH,
  MESSAGE,
  OPERATION,
  BUDGET;

  static Target parse(String s) {
    return valueOf(s.trim().toUpperCase(Locale.ROOT));
  }
}
