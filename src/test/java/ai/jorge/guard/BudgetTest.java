package ai.jorge.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BudgetTest {
  @TempDir Path dir;

  /** A clock the test moves by hand. */
  static final class ManualClock extends Clock {
    private Instant now;

    ManualClock(Instant start) {
      this.now = start;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private static final String POLICY = """
      rules:
        - {id: budget.llm_calls, layer: 5, type: budget, reason: LLM budget exhausted,
           budget: llm_calls, per_minute: 2, per_day: 3}
      """;

  @Test
  void spending_stops_at_the_per_minute_limit_and_resumes_next_minute() {
    ManualClock clock = new ManualClock(Instant.parse("2025-06-02T10:00:05Z"));
    GuardFixture f = new GuardFixture(dir, GuardPolicy.fromYaml(POLICY), clock);

    assertThat(f.guard.spend("llm_calls").verdict()).isEqualTo(Verdict.ALLOW);
    assertThat(f.guard.spend("llm_calls").verdict()).isEqualTo(Verdict.ALLOW);
    Decision third = f.guard.spend("llm_calls");
    clock.advance(Duration.ofMinutes(1));

    assertThat(third.ruleId()).isEqualTo("budget.llm_calls");
    assertThat(third.reason()).isEqualTo("LLM budget exhausted: llm_calls over 2 per minute");
    assertThat(f.guard.spend("llm_calls").verdict()).isEqualTo(Verdict.ALLOW);
    assertThat(f.count(5, Verdict.BLOCK)).isEqualTo(1.0);
  }

  @Test
  void spending_stops_at_the_per_day_limit_until_the_next_day() {
    ManualClock clock = new ManualClock(Instant.parse("2025-06-02T10:00:00Z"));
    Guard guard = new GuardFixture(dir, GuardPolicy.fromYaml(POLICY), clock).guard;
    for (int i = 0; i < 3; i++) {
      guard.spend("llm_calls");
      clock.advance(Duration.ofMinutes(5));
    }

    Decision refused = guard.spend("llm_calls");
    clock.advance(Duration.ofDays(1));

    assertThat(refused.reason()).endsWith("over 3 per day");
    assertThat(guard.spend("llm_calls").verdict()).isEqualTo(Verdict.ALLOW);
  }

  @Test
  void unknown_budget_is_blocked() {
    Guard guard = new GuardFixture(dir).guard;

    Decision d = guard.spend("sms_calls");

    assertThat(d.verdict()).isEqualTo(Verdict.BLOCK);
    assertThat(d.ruleId()).isEqualTo("budget.unknown");
  }

  @Test
  void shipped_budgets_cover_llm_and_crm_calls() {
    Guard guard = new GuardFixture(dir).guard;

    assertThat(guard.spend("llm_calls").verdict()).isEqualTo(Verdict.ALLOW);
    assertThat(guard.spend("crm_calls").verdict()).isEqualTo(Verdict.ALLOW);
  }

  @Test
  void the_26th_message_of_the_day_to_one_contact_is_blocked() {
    Guard guard = new GuardFixture(dir).guard;
    OutboundMessage m25 = new OutboundMessage("ct_a1", "ok", false, false, GuardFixture.afternoon(),
        false, 24, 0, java.util.List.of());
    OutboundMessage m26 = new OutboundMessage("ct_a1", "ok", false, false, GuardFixture.afternoon(),
        false, 25, 0, java.util.List.of());

    assertThat(guard.checkOutbound(m25).verdict()).isEqualTo(Verdict.ALLOW);
    Decision d = guard.checkOutbound(m26);
    assertThat(d.ruleId()).isEqualTo("budget.contact_daily_cap");
    assertThat(d.layer()).isEqualTo(5);
  }
}
