package ai.jorge.conversation.extract;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites spelled-out numbers as digits ("six fifty" to 650, "two and a half" to 2.5, "a couple
 * of" to 2) so the numeric parsers see one form. Works on normalized text.
 */
final class NumberWords {
  private static final Map<String, Integer> UNITS =
      Map.ofEntries(
          Map.entry("zero", 0),
          Map.entry("one", 1),
          Map.entry("two", 2),
          Map.entry("three", 3),
          Map.entry("four", 4),
          Map.entry("five", 5),
          Map.entry("six", 6),
          Map.entry("seven", 7),
          Map.entry("eight", 8),
          Map.entry("nine", 9));
  private static final Map<String, Integer> TEENS =
      Map.ofEntries(
          Map.entry("ten", 10),
          Map.entry("eleven", 11),
          Map.entry("twelve", 12),
          Map.entry("thirteen", 13),
          Map.entry("fourteen", 14),
          Map.entry("fifteen", 15),
          Map.entry("sixteen", 16),
          Map.entry("seventeen", 17),
          Map.entry("eighteen", 18),
          Map.entry("nineteen", 19));
  private static final Map<String, Integer> TENS =
      Map.of(
          "twenty", 20, "thirty", 30, "forty", 40, "fifty", 50, "sixty", 60, "seventy", 70,
          "eighty", 80, "ninety", 90);
  private static final Pattern WORD_RUN =
      Pattern.compile(
          "\\b(?:(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen"
              + "|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty"
              + "|sixty|seventy|eighty|ninety|hundred)(?:[ -]+(?:and[ -]+)?|\\b))+");
  private static final Pattern POINT = Pattern.compile("\\b(\\d+) point (\\d)\\b");
  private static final Pattern AND_A_HALF = Pattern.compile("\\b(\\d+) and a half\\b");
  private static final Pattern HALF_A = Pattern.compile("\\bhalf (?:a|an) (million|year)\\b");
  private static final Pattern ONE_AND_HALF =
      Pattern.compile("\\ba (year|month|week) and a half\\b");
  private static final Pattern A_UNIT =
      Pattern.compile("\\b(?:a|an) (million|month|year|week|day)\\b");
  private static final Pattern COUPLE = Pattern.compile("\\b(?:a )?couple(?: of)?\\b");
  private static final Pattern FEW = Pattern.compile("\\b(?:a )?(?:few|several)\\b");

  private NumberWords() {}

  static String digitize(String normalized) {
    String s = ONE_AND_HALF.matcher(normalized).replaceAll("1.5 $1s");
    s = HALF_A.matcher(s).replaceAll("0.5 $1");
    s = replaceRuns(s);
    s = POINT.matcher(s).replaceAll("$1.$2");
    s = AND_A_HALF.matcher(s).replaceAll(m -> m.group(1) + ".5");
    s = COUPLE.matcher(s).replaceAll("2");
    s = FEW.matcher(s).replaceAll("3");
    return A_UNIT.matcher(s).replaceAll("1 $1");
  }

  private static String replaceRuns(String s) {
    Matcher m = WORD_RUN.matcher(s);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String run = m.group();
      String trailing = run.substring(run.stripTrailing().length());
      String trimmed = run.strip().replaceAll("[ -]+and$", "");
      Long value = valueOf(trimmed);
      String replacement =
          value == null ? run : value + (run.strip().endsWith("and") ? " and" : "") + trailing;
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static Long valueOf(String run) {
    long current = 0;
    String last = "";
    for (String w : run.split("[ -]+")) {
      if (w.equals("and") || w.isEmpty()) {
        continue;
      }
      if (UNITS.containsKey(w)) {
        if (last.equals("unit") || last.equals("teen")) {
          return null;
        }
        current += UNITS.get(w);
        last = "unit";
      } else if (TEENS.containsKey(w) || TENS.containsKey(w)) {
        int v = TEENS.containsKey(w) ? TEENS.get(w) : TENS.get(w);
        boolean shorthand = (last.equals("unit") || last.equals("teen")) && current < 100;
        current = shorthand ? current * 100 + v : current + v;
        last = TEENS.containsKey(w) ? "teen" : "tens";
      } else if (w.equals("hundred")) {
        current = (current == 0 ? 1 : current) * 100;
        last = "hundred";
      } else {
        return null;
      }
    }
    return last.isEmpty() ? null : current;
  }
}
