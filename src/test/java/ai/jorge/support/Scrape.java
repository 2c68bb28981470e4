package ai.jorge.support;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A parsed Prometheus text exposition: sample (name with its label set) to value. */
public record Scrape(Map<String, Double> samples) {
  private static final Pattern LINE =
      Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{.*\\})?\\s+(\\S+)(\\s+\\d+)?$");

  public static Scrape parse(String text) {
    Map<String, Double> out = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      Matcher m = LINE.matcher(line.trim());
      if (m.matches()) {
        out.put(m.group(1) + (m.group(2) == null ? "" : m.group(2)), Double.parseDouble(m.group(3)));
      }
    }
    return new Scrape(out);
  }

  /** Sum over every sample of {@code name} whose labels contain each {@code key="value"} given. */
  public double sum(String name, String... labels) {
    double total = 0;
    for (var e : samples.entrySet()) {
      String k = e.getKey();
      if (!(k.equals(name) || k.startsWith(name + "{"))) {
        continue;
      }
      boolean all = true;
      for (String l : labels) {
        all &= k.contains(l);
      }
      if (all) {
        total += e.getValue();
      }
    }
    return total;
  }

  /**
   * Scrapes an App's {@code /metrics} and sums {@code metric} over every series carrying all
   * {@code labels}, given as pairs ("k", "v", …).
   */
  public static double value(TestApp app, String metric, String... labels) {
    var r = app.get("/metrics");
    if (r.status() != 200) {
      throw new IllegalStateException("/metrics answered " + r.status());
    }
    String[] pairs = new String[labels.length / 2];
    for (int i = 0; i < labels.length; i += 2) {
      pairs[i / 2] = labels[i] + "=\"" + labels[i + 1] + "\"";
    }
    return parse(r.body()).sum(metric, pairs);
  }

  /** True when at least one sample of {@code name} exists. */
  public boolean has(String name) {
    return samples.keySet().stream().anyMatch(k -> k.equals(name) || k.startsWith(name + "{"));
  }
}
