package ai.jorge.guard;

import java.nio.file.Path;

/**
 * Where a repository keeps its git hooks (honours worktrees and {@code core.hooksPath}). Stateless.
 */
public final class GitHooks {
  private GitHooks() {}

  /**
   * The hooks directory of {@code repo}, relative to it or absolute; throws when it is no git
   * repository.
   */
  public static Path hooksDir(Path repo) {
    return Path.of(Git.text(repo, "rev-parse", "--git-path", "hooks"));
  }
}
