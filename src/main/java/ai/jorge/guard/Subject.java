package ai.jorge.guard;

import java.time.Clock;
import java.util.List;

/** One input under evaluation, already normalised into the forms rules match against. */
sealed interface Subject {
  Target target();

  /**
   * Text input (command, content or path): {@code raw} as given, {@code forms} every normalised
   * variant a rule must check (the whole decoded text, each compound-command part, decoded
   * payloads).
   */
  record Text(Target target, String raw, List<String> forms, String path) implements Subject {
    public Text {
      forms = List.copyOf(forms);
    }
  }

  /**
   * An outbound message; {@code normalized} is its text lower-cased with whitespace and quotes
   * folded.
   */
  record Message(OutboundMessage message, String normalized) implements Subject {
    @Override
    public Target target() {
      return Target.MESSAGE;
    }
  }

  record Op(Operation operation) implements Subject {
    @Override
    public Target target() {
      return Target.OPERATION;
    }
  }

  record Spend(String budget, BudgetLedger ledger, Clock clock) implements Subject {
    @Override
    public Target target() {
      return Target.BUDGET;
    }
  }
}
