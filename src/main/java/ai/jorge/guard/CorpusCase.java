package ai.jorge.guard;

import java.util.Objects;

/**
 * One entry of the guard corpus: an input of a given kind ({@code command}, {@code content},
 * {@code path}, {@code outbound}, {@code operation}), the verdict it must get and, for blocks, the
 * rule id that must decide it.
 */
public record CorpusCase(
    String name, String kind, String input, String path, Verdict expected, String ruleId,
    OutboundMessage message, Operation operation) {

  public CorpusCase {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(expected, "expected");
    ruleId = ruleId == null ? "" : ruleId;
  }

  /** Runs this case through {@code guard}. */
  public Decision run(Guard guard) {
    return switch (kind) {
      case "command" -> guard.checkCommand(input);
      case "content" -> guard.checkContent(input, path);
      case "path" -> guard.checkPath(input);
      case "outbound" -> guard.checkOutbound(message);
      case "operation" -> guard.checkOperation(operation);
      default -> throw new IllegalArgumentException("unknown corpus kind " + kind);
    };
  }

  /** True when {@code d} has the expected verdict and, if one is named, the expected rule. */
  public boolean accepts(Decision d) {
    return d.verdict() == expected && (ruleId.isEmpty() || ruleId.equals(d.ruleId()));
  }

  public String expectation() {
    return expected.label() + (ruleId.isEmpty() ? "" : " [" + ruleId + "]");
  }
}
