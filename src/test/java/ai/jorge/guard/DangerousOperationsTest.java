package ai.jorge.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DangerousOperationsTest {
  @TempDir Path dir;

  @Test
  void an_admin_with_a_reason_may_promote_a_model_and_the_decision_is_audited() throws Exception {
    var f = new GuardFixture(dir);
    Decision d = new DangerousOperations(f.guard)
        .authorize(DangerousOperations.PROMOTE_MODEL, "admin", "weekly retrain beat the baseline", 0);

    assertThat(d.verdict()).isEqualTo(Verdict.ALLOW);
    assertThat(Files.readString(f.auditFile))
        .contains("\"operation\":\"promote_model\"", "\"given_reason\":\"weekly retrain");
    assertThat(AuditLog.verify(f.auditFile).ok()).isTrue();
  }

  @Test
  void an_agent_an_empty_reason_and_an_oversized_bulk_send_are_refused_with_their_rule() {
    var ops = new DangerousOperations(new GuardFixture(dir).guard);

    assertThatThrownBy(() -> ops.authorize(DangerousOperations.EXPORT_CONTACTS, "agent", "crm", 10))
        .isInstanceOfSatisfying(OperationRefusedException.class, e -> {
          assertThat(e.decision().ruleId()).isEqualTo("operation.admin_only");
          assertThat(e.code()).isEqualTo("operation_refused");
        });
    assertThatThrownBy(() -> ops.authorize(DangerousOperations.DELETE_CONTACTS, "admin", " ", 3))
        .isInstanceOfSatisfying(OperationRefusedException.class,
            e -> assertThat(e.decision().ruleId()).isEqualTo("operation.reason_required"));
    assertThatThrownBy(() -> ops.authorize(DangerousOperations.BULK_SEND, "admin", "open house", 501))
        .isInstanceOfSatisfying(OperationRefusedException.class,
            e -> assertThat(e.decision().ruleId()).isEqualTo("operation.bulk_send_limit"));
    assertThat(ops.authorize(DangerousOperations.BULK_SEND, "admin", "open house", 500).blocked())
        .isFalse();
  }
}
