package ai.jorge.guard;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * Builds rules from hooks.yaml entries. An entry that cannot be built (unknown type, bad regex,
 * missing field) becomes a {@link BrokenRule} that blocks; one without a valid layer or targets
 * blocks in every layer and for every input, so a typo can never switch a rule off.
 */
final class RuleFactory {
  private RuleFactory() {}

  static List<Rule> build(JsonNode node, int index) {
    String id = node.path("id").asText("");
    if (id.isBlank()) {
      id = "rule#" + (index + 1);
    }
    boolean warnOnly =
        node.path("warn_only").asBoolean(false) || !node.path("block").asBoolean(true);
    String reason = node.path("reason").asText(id);
    String type = node.path("type").asText("");
    int layer = node.path("layer").asInt(0);
    Set<Target> targets;
    try {
      targets = targets(node, type);
    } catch (IllegalArgumentException e) {
      targets = EnumSet.allOf(Target.class);
      layer = 0;
    }
    if (layer < 1 || layer > 5 || node.path("id").asText("").isBlank()) {
      String brokenId = id;
      String why = "rule " + id + ": needs an id, a layer from 1 to 5 and known targets";
      Set<Target> all = EnumSet.allOf(Target.class);
      return IntStream.rangeClosed(1, 5)
          .<Rule>mapToObj(l -> new BrokenRule(new RuleSpec(brokenId, l, all, false, why), why))
          .toList();
    }
    RuleSpec spec = new RuleSpec(id, layer, targets, warnOnly, reason);
    try {
      spec = new RuleSpec(id, layer, targets, warnOnly, reason,
          optionalPattern(node, "paths"), optionalPattern(node, "skip_paths"));
      return List.of(create(type, spec, new Params(id, node)));
    } catch (RuntimeException e) {
      return List.of(new BrokenRule(spec, "rule " + id + " (" + type + "): " + e.getMessage()));
    }
  }

  private static Rule create(String type, RuleSpec spec, Params p) {
    return switch (type) {
      case "regex" -> new RegexRule(spec, p);
      case "assignment" -> new AssignmentRule(spec, p);
      case "rm_recursive" -> new RmRule(spec, p);
      case "force_push" -> new ForcePushRule(spec, p);
      case "entropy" -> new EntropyRule(spec, p);
      case "customer_data" -> new CustomerDataRule(spec, p);
      case "opted_out" -> new MessageRules.OptedOut(spec);
      case "quiet_hours" -> new MessageRules.QuietHours(spec, p);
      case "message_length" -> new MessageRules.Length(spec, p);
      case "internal_ids" -> new MessageRules.InternalIds(spec, p);
      case "daily_cap" -> new MessageRules.DailyCap(spec, p);
      case "operation_role" -> new OperationRules.Role(spec, p);
      case "operation_reason" -> new OperationRules.Reason(spec, p);
      case "operation_count" -> new OperationRules.CountLimit(spec, p);
      case "budget" -> new BudgetRule(spec, p);
      default -> throw new IllegalArgumentException("unknown rule type '" + type + "'");
    };
  }

  private static Pattern optionalPattern(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : Pattern.compile(v.asText(), Pattern.CASE_INSENSITIVE);
  }

  private static Set<Target> targets(JsonNode node, String type) {
    JsonNode declared = node.get("targets");
    if (declared != null && declared.isArray() && !declared.isEmpty()) {
      Set<Target> out = new HashSet<>();
      declared.forEach(t -> out.add(Target.parse(t.asText())));
      return out;
    }
    return switch (type) {
      case "rm_recursive", "force_push" -> Set.of(Target.COMMAND);
      case "entropy", "customer_data" -> Set.of(Target.CONTENT);
      case "opted_out", "quiet_hours", "message_length", "internal_ids", "daily_cap" ->
          Set.of(Target.MESSAGE);
      case "operation_role", "operation_reason", "operation_count" -> Set.of(Target.OPERATION);
      case "budget" -> Set.of(Target.BUDGET);
      default -> throw new IllegalArgumentException("targets required");
    };
  }
}
