package ai.jorge.support;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads one series from an App's {@code /metrics} text (summed over series that match). */
public final class Scrape {
  private static final Pattern LINE = Pattern.compile("^([a-zA-Z_:][\\w:]*)(\\{[^}]*\\})? (\\S+)$");

  private Scrape() {}

  /** The sum of {@code metric} over every series carrying all {@code labels} ("k", "v", …). */
  public static double value(TestApp app, String metric, String... labels) {
    var r = app.get("/metrics");
    if (r.status() != 200) {
      throw new IllegalStateException("/metrics answered " + r.status());
    }
    double sum = 0;
    for (String line : r.body().split("\n")) {
      Matcher m = LINE.matcher(line);
      if (!m.matches() || !m.group(1).equals(metric)) {
        continue;
      }
      String set = m.group(2) == null ? "" : m.group(2);
      boolean all = true;
      for (int i = 0; i < labels.length; i += 2) {
        all &= set.contains(labels[i] + "=\"" + labels[i + 1] + "\"");
      }
      if (all) {
        sum += Double.parseDouble(m.group(3));
      }
    }
    return sum;
  }
}
