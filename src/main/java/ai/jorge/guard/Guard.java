package ai.jorge.guard;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The guard's in-process entry point. Each check runs the layers it belongs to (content: 1-2,
 * command: 1, path: 1, outbound message: 3 then 5, operation: 4, budget spend: 5), counts each
 * layer's verdict in {@code jorge_guard_decisions_total{layer,decision}} and appends the final
 * decision to the audit log; the log records a SHA-256 of the input, never the input. When the
 * audit log cannot be written the decision is a block ({@code guard.audit}). Built once by the
 * composition root; thread-safe.
 */
public final class Guard {
  static final String AUDIT_RULE = "guard.audit";

  private final GuardPolicy policy;
  private final Clock clock;
  private final AuditLog audit;
  private final Engine engine;
  private final BudgetLedger ledger = new BudgetLedger();

  public Guard(GuardPolicy policy, Clock clock, MeterRegistry meters, AuditLog audit) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.audit = Objects.requireNonNull(audit, "audit");
    this.engine = new Engine(policy.rules(), Objects.requireNonNull(meters, "meters"));
  }

  public GuardPolicy policy() {
    return policy;
  }

  /** Layers 1-2 on a file's content and, when {@code path} is not null, layer 1 on the path. */
  public Decision checkContent(String content, String path) {
    Objects.requireNonNull(content, "content");
    List<Subject> subjects = new ArrayList<>();
    if (path != null) {
      subjects.add(pathSubject(path));
    }
    subjects.add(new Subject.Text(Target.CONTENT, content, Normalizer.contentForms(content), path));
    Map<String, Object> detail = path == null ? Map.of() : Map.of("path", path);
    return record("content", engine.run(subjects, 1, 2), content, detail);
  }

  /** Layer 1 on a file path alone (secret files, traversal). */
  public Decision checkPath(String path) {
    Objects.requireNonNull(path, "path");
    return record("path", engine.run(List.of(pathSubject(path)), 1), path, Map.of("path", path));
  }

  /** Layer 1 on a shell command, every compound part and decoded payload checked. */
  public Decision checkCommand(String shellCommand) {
    Objects.requireNonNull(shellCommand, "shellCommand");
    Subject s = new Subject.Text(
        Target.COMMAND, shellCommand, Normalizer.commandForms(shellCommand), null);
    return record("command", engine.run(List.of(s), 1), shellCommand, Map.of());
  }

  /**
   * Layer 3 (messaging compliance) then layer 5 (per-contact daily cap); call before every
   * delivery.
   */
  public Decision checkOutbound(OutboundMessage m) {
    Objects.requireNonNull(m, "message");
    Subject s = new Subject.Message(m, Normalizer.messageText(m.text()));
    Map<String, Object> detail = Map.of("contact_id", m.contactId());
    return record("outbound", engine.run(List.of(s), 3, 5), m.text(), detail);
  }

  /** Layer 4: a dangerous operation; the caller's role, reason and count are audited. */
  public Decision checkOperation(Operation op) {
    Objects.requireNonNull(op, "operation");
    Map<String, Object> detail = Map.of("operation", op.name(), "role", op.role(),
        "given_reason", op.reason(), "count", op.count());
    return record("operation", engine.run(List.of(new Subject.Op(op)), 4), op.name(), detail);
  }

  /**
   * Layer 5: spends one unit of {@code budget} ({@code llm_calls}, {@code crm_calls}) when allowed.
   */
  public Decision spend(String budget) {
    Objects.requireNonNull(budget, "budget");
    boolean known = policy.rules().stream()
        .anyMatch(r -> r instanceof BudgetRule b && b.budget().equals(budget));
    Decision d = known
        ? engine.run(List.of(new Subject.Spend(budget, ledger, clock)), 5)
        : unknownBudget(budget);
    return record("budget", d, budget, Map.of("budget", budget));
  }

  private Decision unknownBudget(String budget) {
    engine.count(5, Verdict.BLOCK);
    return new Decision(
        Verdict.BLOCK, "budget.unknown", 5, "no budget named " + budget + " in hooks.yaml");
  }

  private static Subject pathSubject(String path) {
    return new Subject.Text(Target.PATH, path, Normalizer.pathForms(path), path);
  }

  private Decision record(String check, Decision d, String input, Map<String, Object> detail) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("ts", clock.instant().toString());
    entry.put("check", check);
    entry.put("decision", d.verdict().label());
    entry.put("layer", d.layer());
    entry.put("rule", d.ruleId());
    entry.put("reason", d.reason());
    entry.put("input_sha256", AuditLog.sha256(input));
    entry.putAll(detail);
    try {
      audit.append(entry);
      return d;
    } catch (UncheckedIOException e) {
      engine.count(d.layer(), Verdict.BLOCK);
      return new Decision(
          Verdict.BLOCK, AUDIT_RULE, d.layer(), "audit log unavailable: " + e.getMessage());
    }
  }
}
