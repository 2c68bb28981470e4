package ai.jorge.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.jorge.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GuardPolicyTest {
  @TempDir Path dir;

  private Guard guardWith(String overrideYaml) throws IOException {
    Path file = Files.writeString(dir.resolve("hooks.yaml"), overrideYaml);
    return new GuardFixture(dir, GuardPolicy.load(file), GuardFixture.NOON_UTC).guard;
  }

  @Test
  void override_patches_a_shipped_rule_field_by_field() throws IOException {
    Guard guard = guardWith("""
        rules:
          - {id: message.length, default_max_chars: 10}
        """);

    Decision d = guard.checkOutbound(GuardFixture.reply("twelve chars"));

    assertThat(d.ruleId()).isEqualTo("message.length");
    assertThat(d.reason()).isEqualTo("message too long for the channel: 12 > 10 characters");
  }

  @Test
  void override_can_turn_a_rule_into_a_warning_but_never_drops_it_silently() throws IOException {
    Guard guard = guardWith("""
        rules:
          - {id: destructive.chmod_777, warn_only: true}
        """);

    assertThat(guard.checkCommand("chmod 777 public").verdict()).isEqualTo(Verdict.WARN);
    assertThat(guard.checkCommand("rm -rf /").verdict()).isEqualTo(Verdict.BLOCK);
  }

  @Test
  void override_adds_new_rules_and_allow_paths() throws IOException {
    Guard guard = guardWith("""
        allow_paths: [fixtures/]
        rules:
          - {id: team.no_kubectl_delete, layer: 1, type: regex, targets: [command],
             reason: no kubectl delete, patterns: ['\\bkubectl\\s+delete\\b']}
        """);

    assertThat(guard.checkCommand("kubectl delete ns prod").ruleId())
        .isEqualTo("team.no_kubectl_delete");
    assertThat(guard.policy().allowListed("fixtures/leads.csv")).isTrue();
    assertThat(guard.policy().allowListed("src/main/resources/guard/corpus.yaml")).isTrue();
  }

  @Test
  void replace_true_drops_the_shipped_rules() throws IOException {
    Guard guard = guardWith("""
        replace: true
        rules:
          - {id: only.this, layer: 1, type: regex, targets: [command], patterns: ['forbidden']}
        """);

    assertThat(guard.policy().ruleIds()).containsExactly("only.this");
    assertThat(guard.checkCommand("rm -rf /").verdict()).isEqualTo(Verdict.ALLOW);
  }

  @Test
  void repository_copy_of_the_hooks_file_matches_the_shipped_default() throws IOException {
    byte[] shipped = GuardPolicy.class.getClassLoader()
        .getResourceAsStream(GuardPolicy.BUILT_IN).readAllBytes();

    assertThat(Files.readAllBytes(Path.of("config/hooks.yaml"))).isEqualTo(shipped);
  }

  @Test
  void malformed_yaml_fails_at_load() {
    assertThatThrownBy(() -> GuardPolicy.fromYaml("rules: [ {id: x"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("not valid YAML");
  }

  @Test
  void missing_override_file_fails_and_load_if_present_falls_back_to_the_default() {
    Path missing = dir.resolve("nope.yaml");

    assertThatThrownBy(() -> GuardPolicy.load(missing)).isInstanceOf(InvalidInputException.class);
    assertThat(GuardPolicy.loadIfPresent(missing).ruleIds())
        .isEqualTo(GuardPolicy.builtIn().ruleIds());
  }
}
