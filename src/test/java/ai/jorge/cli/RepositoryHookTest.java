package ai.jorge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The repository's own pre-commit hook is the one {@code jorge guard install} writes. */
class RepositoryHookTest {
  private static final Path HOOK = Path.of(".githooks", "pre-commit");

  @Test
  void the_committed_hook_runs_the_guard_and_matches_what_install_writes() throws Exception {
    assertThat(Files.readString(HOOK)).isEqualTo(GuardCommand.Install.script());
    assertThat(Files.isExecutable(HOOK)).isTrue();
  }
}
