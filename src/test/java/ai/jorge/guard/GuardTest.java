package ai.jorge.guard;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GuardTest {
  @TempDir Path dir;

  @Test
  void rule_with_a_bad_regex_blocks_with_a_rule_error() {
    GuardPolicy policy = GuardPolicy.fromYaml("""
        rules:
          - {id: broken.regex, layer: 1, type: regex, targets: [command], patterns: ['(unclosed']}
        """);
    Guard guard = new GuardFixture(dir, policy, GuardFixture.NOON_UTC).guard;

    Decision d = guard.checkCommand("ls -la");

    assertThat(d.verdict()).isEqualTo(Verdict.BLOCK);
    assertThat(d.ruleId()).isEqualTo("broken.regex");
    assertThat(d.reason()).startsWith("rule error: ");
  }

  @Test
  void rule_that_throws_while_evaluating_blocks_with_its_id() {
    RuleSpec spec = new RuleSpec("test.throws", 3, Set.of(Target.MESSAGE), false, "never");
    Rule throwing = new BaseRule(spec) {
      @Override
      public Optional<String> evaluate(Subject subject) {
        throw new IllegalStateException("boom");
      }
    };
    GuardPolicy policy = GuardPolicy.builtIn().plus(throwing);
    Guard guard = new GuardFixture(dir, policy, GuardFixture.NOON_UTC).guard;

    Decision d = guard.checkOutbound(GuardFixture.reply("See you Saturday at 10."));

    assertThat(d).isEqualTo(new Decision(Verdict.BLOCK, "test.throws", 3, "rule error: boom"));
  }

  @Test
  void unknown_rule_type_blocks_instead_of_being_ignored() {
    GuardPolicy policy = GuardPolicy.fromYaml("""
        rules:
          - {id: typo.type, layer: 3, type: regexp, targets: [message], patterns: ['x']}
        """);
    Guard guard = new GuardFixture(dir, policy, GuardFixture.NOON_UTC).guard;

    Decision d = guard.checkOutbound(GuardFixture.reply("hello"));

    assertThat(d.verdict()).isEqualTo(Verdict.BLOCK);
    assertThat(d.reason()).contains("unknown rule type 'regexp'");
  }

  @Test
  void rule_without_a_valid_layer_blocks_every_kind_of_check() {
    GuardPolicy policy = GuardPolicy.fromYaml("""
        rules:
          - {id: no.layer, type: regex, targets: [command], patterns: ['x']}
        """);
    Guard guard = new GuardFixture(dir, policy, GuardFixture.NOON_UTC).guard;

    assertThat(guard.checkCommand("ls").ruleId()).isEqualTo("no.layer");
    assertThat(guard.checkOutbound(GuardFixture.reply("hi")).ruleId()).isEqualTo("no.layer");
    assertThat(guard.checkOperation(new Operation("bulk_send", "admin", "x", 1)).ruleId())
        .isEqualTo("no.layer");
  }

  @Test
  void warn_only_rule_warns_and_does_not_block() {
    GuardPolicy policy = GuardPolicy.fromYaml("""
        rules:
          - {id: style.shout, layer: 3, type: regex, targets: [message], warn_only: true,
             reason: shouting, patterns: ['!!!']}
        """);
    Guard guard = new GuardFixture(dir, policy, GuardFixture.NOON_UTC).guard;

    Decision d = guard.checkOutbound(GuardFixture.reply("Great news!!!"));

    assertThat(d).isEqualTo(new Decision(Verdict.WARN, "style.shout", 3, "shouting"));
  }

  @Test
  void every_shipped_rule_blocks_by_default() {
    assertThat(GuardPolicy.builtIn().rules())
        .isNotEmpty()
        .allSatisfy(r -> {
          assertThat(r.warnOnly()).as(r.id()).isFalse();
          assertThat(r).as(r.id()).isNotInstanceOf(BrokenRule.class);
        });
  }

  @Test
  void outbound_to_opted_out_contact_steering_and_claiming_human_are_blocked_and_counted() {
    GuardFixture f = new GuardFixture(dir);
    OutboundMessage optedOut = new OutboundMessage(
        "ct_a1", "Still interested?", true, false, GuardFixture.afternoon(),
        false, 0, 0, List.of());

    Decision d1 = f.guard.checkOutbound(optedOut);
    Decision d2 =
        f.guard.checkOutbound(GuardFixture.reply("Great neighborhood for Christian families."));
    Decision d3 = f.guard.checkOutbound(GuardFixture.reply("I'm a real person, promise."));

    assertThat(List.of(d1.ruleId(), d2.ruleId(), d3.ruleId()))
        .containsExactly("message.opted_out", "message.fair_housing", "message.claims_human");
    assertThat(d2.reason()).isEqualTo("Fair Housing: steering language about religion");
    assertThat(f.count(3, Verdict.BLOCK)).isEqualTo(3.0);
    assertThat(f.count(5, Verdict.ALLOW)).isZero();
  }

  @Test
  void blocked_outbound_messages_show_up_in_prometheus_as_jorge_guard_decisions_total() {
    PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Guard guard = new Guard(GuardPolicy.builtIn(), GuardFixture.NOON_UTC, prometheus,
        AuditLog.open(dir.resolve("audit.jsonl")));

    guard.checkOutbound(GuardFixture.reply("This is not a bot."));
    guard.checkOutbound(GuardFixture.reply("See you at 10."));

    assertThat(prometheus.scrape())
        .contains("jorge_guard_decisions_total{decision=\"block\",layer=\"3\"} 1.0")
        .contains("jorge_guard_decisions_total{decision=\"allow\",layer=\"3\"} 1.0")
        .contains("jorge_guard_decisions_total{decision=\"allow\",layer=\"5\"} 1.0");
  }

  @Test
  void allowed_outbound_passes_layer_3_then_layer_5_and_counts_both() {
    GuardFixture f = new GuardFixture(dir);

    Decision d = f.guard.checkOutbound(GuardFixture.reply("Does Saturday at 10 work?"));

    assertThat(d.verdict()).isEqualTo(Verdict.ALLOW);
    assertThat(f.count(3, Verdict.ALLOW)).isEqualTo(1.0);
    assertThat(f.count(5, Verdict.ALLOW)).isEqualTo(1.0);
  }

  @Test
  void opt_out_confirmation_reaches_a_just_opted_out_contact_even_at_the_daily_cap() {
    GuardFixture f = new GuardFixture(dir);
    OutboundMessage confirmation = new OutboundMessage("ct_a1",
        "You're unsubscribed and won't get more texts from us. Reply START to resume.",
        true, false, GuardFixture.afternoon(), true, 25, 0, List.of());

    assertThat(f.guard.checkOutbound(confirmation).verdict()).isEqualTo(Verdict.ALLOW);
  }

  @Test
  void proactive_message_is_blocked_at_21_00_and_allowed_at_08_00_contact_local() {
    GuardFixture f = new GuardFixture(dir);
    ZonedDateTime nine = ZonedDateTime.of(2025, 6, 2, 21, 0, 0, 0, GuardFixture.LA);
    ZonedDateTime eight = nine.withHour(8);

    Decision late = f.guard.checkOutbound(
        new OutboundMessage("ct_a1", "Any news?", false, true, nine, false, 0, 0, List.of()));
    Decision early = f.guard.checkOutbound(
        new OutboundMessage("ct_a1", "Any news?", false, true, eight, false, 0, 0, List.of()));

    assertThat(late.ruleId()).isEqualTo("message.quiet_hours");
    assertThat(late.reason()).contains("21:00", "America/Los_Angeles");
    assertThat(early.verdict()).isEqualTo(Verdict.ALLOW);
  }

  @Test
  void dangerous_operations_need_admin_a_reason_and_a_bulk_size_within_the_limit() {
    Guard guard = new GuardFixture(dir).guard;

    assertThat(guard.checkOperation(new Operation("delete_contacts", "agent", "tidy", 3)).ruleId())
        .isEqualTo("operation.admin_only");
    assertThat(guard.checkOperation(new Operation("promote_model", "admin", " ", 1)).ruleId())
        .isEqualTo("operation.reason_required");
    assertThat(guard.checkOperation(new Operation("bulk_send", "admin", "campaign", 501)).ruleId())
        .isEqualTo("operation.bulk_send_limit");
    assertThat(guard.checkOperation(new Operation("bulk_send", "admin", "campaign", 500)).verdict())
        .isEqualTo(Verdict.ALLOW);
    assertThat(guard.checkOperation(new Operation("drop_everything", "admin", "why", 1)).reason())
        .isEqualTo("unknown operation drop_everything");
  }

  @Test
  void every_decision_is_audited_without_the_input_itself() throws IOException {
    GuardFixture f = new GuardFixture(dir);
    String secretCommand = "export KEY=" + "sk-ant-" + "api03-EXAMPLEfake_00000000000000000000000";

    f.guard.checkCommand("ls");
    f.guard.checkCommand(secretCommand);
    f.guard.checkOperation(new Operation("export_contacts", "admin", "migration to new CRM", 40));

    List<String> lines = Files.readAllLines(f.auditFile);
    assertThat(lines).hasSize(3);
    assertThat(lines.get(1)).contains("\"rule\":\"secret.anthropic_key\"")
        .doesNotContain("EXAMPLEfake");
    assertThat(lines.get(2))
        .contains("\"given_reason\":\"migration to new CRM\"", "\"role\":\"admin\"");
    assertThat(AuditLog.verify(f.auditFile).ok()).isTrue();
  }

  @Test
  void decision_is_block_when_the_audit_log_cannot_be_written() throws IOException {
    Path notAFile = Files.createDirectories(dir.resolve("audit-is-a-directory"));
    Guard guard = new Guard(GuardPolicy.builtIn(), GuardFixture.NOON_UTC,
        new SimpleMeterRegistry(), AuditLog.open(notAFile));

    Decision d = guard.checkCommand("ls");

    assertThat(d.verdict()).isEqualTo(Verdict.BLOCK);
    assertThat(d.ruleId()).isEqualTo(Guard.AUDIT_RULE);
  }

  @Test
  void content_check_also_checks_the_path() {
    Guard guard = new GuardFixture(dir).guard;

    assertThat(guard.checkContent("DEBUG=true", "deploy/.env").ruleId()).isEqualTo("secret.file");
    assertThat(guard.checkContent("DEBUG=true", "deploy/.env.example").verdict())
        .isEqualTo(Verdict.ALLOW);
  }

  @Test
  void sql_concatenation_is_only_flagged_in_code_files() {
    Guard guard = new GuardFixture(dir).guard;
    String line = "String sql = \"SELECT * FROM leads WHERE id = \" + id;";

    assertThat(guard.checkContent(line, "src/main/java/Dao.java").ruleId())
        .isEqualTo("content.sql_concat");
    assertThat(guard.checkContent(line, "docs/anti-patterns.md").verdict())
        .isEqualTo(Verdict.ALLOW);
  }
}
