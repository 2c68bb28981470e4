package ai.jorge.guard;

import ai.jorge.InvalidInputException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The guard's built-in corpus ({@code guard/corpus.yaml} on the classpath): dangerous inputs that
 * must be blocked by a named rule and look-alike safe inputs that must be allowed. An {@code input}
 * may be a list of strings joined without separator, so fake credentials never appear whole in the
 * source. Immutable, thread-safe.
 */
public final class GuardCorpus {
  public static final String RESOURCE = "guard/corpus.yaml";
  static final String DEFAULT_LOCAL_TIME = "2025-06-02T14:00:00-07:00[America/Los_Angeles]";
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final List<CorpusCase> cases;

  private GuardCorpus(List<CorpusCase> cases) {
    this.cases = List.copyOf(cases);
  }

  public static GuardCorpus builtIn() {
    try (InputStream in = GuardCorpus.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing classpath resource " + RESOURCE);
      }
      JsonNode root = YAML.readTree(in);
      List<CorpusCase> cases = new ArrayList<>();
      root.path("dangerous").forEach(n -> cases.add(parse(n, Verdict.BLOCK)));
      root.path("safe").forEach(n -> cases.add(parse(n, Verdict.ALLOW)));
      return new GuardCorpus(cases);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public List<CorpusCase> cases() {
    return cases;
  }

  public long count(Verdict expected) {
    return cases.stream().filter(c -> c.expected() == expected).count();
  }

  /** Runs every case; a case whose check throws counts as failed. */
  public CorpusReport run(Guard guard) {
    int passed = 0;
    List<String> failures = new ArrayList<>();
    for (CorpusCase c : cases) {
      String outcome;
      try {
        Decision d = c.run(guard);
        if (c.accepts(d)) {
          passed++;
          continue;
        }
        outcome = d.describe();
      } catch (RuntimeException e) {
        outcome = "error " + e;
      }
      failures.add("FAIL " + c.name() + ": expected " + c.expectation() + ", got " + outcome);
    }
    return new CorpusReport(passed, failures.size(), failures);
  }

  private static CorpusCase parse(JsonNode n, Verdict defaultVerdict) {
    String kind = n.path("kind").asText("");
    Verdict expected = n.hasNonNull("expect")
        ? Verdict.valueOf(n.get("expect").asText().toUpperCase(Locale.ROOT))
        : defaultVerdict;
    String rule = n.path("rule").asText("");
    if (expected == Verdict.BLOCK && rule.isEmpty()) {
      throw new InvalidInputException("corpus entry without a rule id: " + n);
    }
    String input = joined(n.get("input"));
    OutboundMessage message = kind.equals("outbound") ? message(n.path("message")) : null;
    Operation operation = kind.equals("operation") ? operation(n.path("operation")) : null;
    String shown = input != null ? input
        : message != null ? message.text()
        : String.valueOf(operation);
    String name = n.hasNonNull("note") ? n.get("note").asText() : kind + ": " + abbreviate(shown);
    String path = n.hasNonNull("path") ? n.get("path").asText() : null;
    return new CorpusCase(name, kind, input, path, expected, rule, message, operation);
  }

  private static OutboundMessage message(JsonNode m) {
    List<String> ids = new ArrayList<>();
    m.path("internal_ids").forEach(i -> ids.add(i.asText()));
    return new OutboundMessage(
        m.path("contact_id").asText("ct_corpus"),
        joined(m.get("text")),
        m.path("opted_out").asBoolean(false),
        m.path("proactive").asBoolean(false),
        ZonedDateTime.parse(m.path("local_time").asText(DEFAULT_LOCAL_TIME)),
        m.path("opt_out_confirmation").asBoolean(false),
        m.path("sent_today").asInt(0),
        m.path("max_chars").asInt(0),
        ids);
  }

  private static Operation operation(JsonNode o) {
    return new Operation(o.path("name").asText(), o.path("role").asText(""),
        o.path("reason").asText(""), o.path("count").asInt(0));
  }

  private static String joined(JsonNode v) {
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isArray()) {
      return v.asText();
    }
    StringBuilder sb = new StringBuilder();
    v.forEach(part -> sb.append(part.asText()));
    return sb.toString();
  }

  private static String abbreviate(String s) {
    String oneLine = s.replaceAll("\\s+", " ").strip();
    return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 57) + "...";
  }
}
