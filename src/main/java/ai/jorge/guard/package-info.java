/**
 * The guard: a policy engine that checks commands, file contents, outbound messages, dangerous
 * operations and budgets against the rules of {@code hooks.yaml}, in five layers, and blocks for
 * real. Every check yields a {@link ai.jorge.guard.Decision} carrying the rule id and reason, is
 * counted in {@code jorge_guard_decisions_total{layer,decision}} and is appended to a hash-chained
 * {@link ai.jorge.guard.AuditLog}. A rule that fails to load or throws while evaluating blocks
 * (fail-closed). {@link ai.jorge.guard.Guard} is the in-process entry point; the command line
 * reaches it through {@code jorge guard}.
 */
package ai.jorge.guard;
