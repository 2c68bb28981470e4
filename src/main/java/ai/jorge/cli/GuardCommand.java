package ai.jorge.cli;

import ai.jorge.guard.AuditLog;
import ai.jorge.guard.AuditVerification;
import ai.jorge.guard.CorpusReport;
import ai.jorge.guard.Decision;
import ai.jorge.guard.Finding;
import ai.jorge.guard.GitHooks;
import ai.jorge.guard.Guard;
import ai.jorge.guard.GuardCorpus;
import ai.jorge.guard.GuardPolicy;
import ai.jorge.guard.ScanReport;
import ai.jorge.guard.StagedScan;
import ai.jorge.guard.ToolCall;
import ai.jorge.guard.TreeScan;
import ai.jorge.guard.Verdict;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code jorge guard}: the guard hooks from the command line (SPEC §8, §12). Each subcommand builds
 * a {@link Guard} from the shipped hooks.yaml merged with {@code config/hooks.yaml} when present
 * (or {@code --hooks FILE}) and audits to {@code data/guard-audit.jsonl} (or {@code --audit FILE},
 * {@code JORGE_GUARD_AUDIT}). One instance per invocation.
 */
@Command(
    name = "guard",
    mixinStandardHelpOptions = true,
    description = "Guard hooks: block secrets, destructive commands and non-compliant content.",
    subcommands = {
      GuardCommand.PreCommit.class,
      GuardCommand.Install.class,
      GuardCommand.PreToolUse.class,
      GuardCommand.Scan.class,
      GuardCommand.Test.class,
      GuardCommand.VerifyAudit.class
    })
public final class GuardCommand implements Callable<Integer> {
  static final String HOOK_MARKER = "# Installed by `jorge guard install`";

  @Spec CommandSpec spec;

  @Option(names = "--hooks", scope = ScopeType.INHERIT,
      description = "Hooks file merged over the shipped default "
          + "(default: config/hooks.yaml when present).")
  Path hooks;

  @Option(names = "--audit", scope = ScopeType.INHERIT,
      description = "Audit log file (default: $JORGE_GUARD_AUDIT or data/guard-audit.jsonl).")
  Path audit;

  private final InputStream stdin;

  public GuardCommand() {
    this(System.in);
  }

  /** For tests and embedding: {@code pre-tool-use} reads its tool call from {@code stdin}. */
  public GuardCommand(InputStream stdin) {
    this.stdin = stdin;
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCode.USAGE;
  }

  GuardPolicy policy(Path base) {
    return hooks != null
        ? GuardPolicy.load(hooks)
        : GuardPolicy.loadIfPresent(base.resolve("config/hooks.yaml"));
  }

  Guard guard(Path base) {
    return guard(base, auditFile(base));
  }

  Guard guard(Path base, Path auditFile) {
    return new Guard(policy(base), Clock.systemDefaultZone(), new SimpleMeterRegistry(),
        AuditLog.open(auditFile));
  }

  private Path auditFile(Path base) {
    if (audit != null) {
      return audit;
    }
    String env = System.getenv("JORGE_GUARD_AUDIT");
    return env != null && !env.isBlank() ? Path.of(env) : base.resolve("data/guard-audit.jsonl");
  }

  private static int report(ScanReport report, PrintWriter out, PrintWriter err) {
    for (Finding f : report.findings()) {
      (f.decision().blocked() ? err : out).println(f.describe());
    }
    out.println(report.summary());
    return report.blocked() ? 1 : ExitCode.OK;
  }

  @Command(name = "pre-commit", mixinStandardHelpOptions = true,
      description = "Check the staged changes of a git repository; exit 1 when blocked.")
  static final class PreCommit implements Callable<Integer> {
    @ParentCommand GuardCommand parent;
    @Spec CommandSpec spec;

    @Option(names = "--repo", defaultValue = ".",
        description = "Repository to check (default: current directory).")
    Path repo;

    @Override
    public Integer call() {
      PrintWriter err = spec.commandLine().getErr();
      try {
        return report(StagedScan.scan(parent.guard(repo), repo), spec.commandLine().getOut(), err);
      } catch (RuntimeException e) {
        err.println("guard pre-commit: cannot check staged changes, refusing the commit: "
            + e.getMessage());
        return 1;
      }
    }
  }

  @Command(name = "install", mixinStandardHelpOptions = true,
      description = "Install the git hook running `jorge guard pre-commit` (idempotent).")
  static final class Install implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--repo", defaultValue = ".",
        description = "Repository to install into (default: current directory).")
    Path repo;

    @Option(names = "--force",
        description = "Replace a pre-commit hook not written by jorge (kept as pre-commit.bak).")
    boolean force;

    @Override
    public Integer call() throws IOException {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      Path hooksDir;
      try {
        hooksDir = repo.resolve(GitHooks.hooksDir(repo));
      } catch (RuntimeException e) {
        err.println("guard install: not a git repository: " + e.getMessage());
        return 1;
      }
      Path hook = hooksDir.resolve("pre-commit");
      String script = script();
      if (Files.exists(hook)) {
        String existing = Files.readString(hook, StandardCharsets.UTF_8);
        if (existing.equals(script)) {
          out.println("guard pre-commit hook already installed: " + hook);
          return ExitCode.OK;
        }
        if (!existing.contains(HOOK_MARKER)) {
          if (!force) {
            err.println("guard install: " + hook
                + " exists and was not written by jorge; use --force to replace it");
            return 1;
          }
          Path backup = hook.resolveSibling("pre-commit.bak");
          Files.copy(hook, backup, StandardCopyOption.REPLACE_EXISTING);
        }
      }
      Files.createDirectories(hooksDir);
      Files.writeString(hook, script, StandardCharsets.UTF_8);
      try {
        Files.setPosixFilePermissions(hook, PosixFilePermissions.fromString("rwxr-xr-x"));
      } catch (UnsupportedOperationException notPosix) {
        hook.toFile().setExecutable(true);
      }
      out.println("guard pre-commit hook installed: " + hook);
      return ExitCode.OK;
    }

    static String script() {
      return """
          #!/bin/sh
          %s: refuses commits the guard blocks (SPEC §8).
          cd "$(git rev-parse --show-toplevel)" || exit 1
          if [ -x ./jorge ]; then
            exec ./jorge guard pre-commit
          fi
          exec java -jar target/jorge.jar guard pre-commit
          """.formatted(HOOK_MARKER);
    }
  }

  @Command(name = "pre-tool-use", mixinStandardHelpOptions = true,
      description = {"Check a coding assistant's tool call (Claude Code hook JSON on stdin).",
          "Exit 0 to allow; exit 2 with the reason on stderr to block."})
  static final class PreToolUse implements Callable<Integer> {
    static final int BLOCK = 2;

    @ParentCommand GuardCommand parent;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter err = spec.commandLine().getErr();
      try {
        String json = new String(parent.stdin.readAllBytes(), StandardCharsets.UTF_8);
        Decision d = ToolCall.check(parent.guard(Path.of(".")), json);
        if (d.verdict() == Verdict.ALLOW) {
          return ExitCode.OK;
        }
        err.println("Blocked by jorge guard [" + d.ruleId() + "]: " + d.reason());
        return d.blocked() ? BLOCK : ExitCode.OK;
      } catch (IOException | RuntimeException e) {
        err.println("Blocked by jorge guard [guard.error]: " + e.getMessage());
        return BLOCK;
      }
    }
  }

  @Command(name = "scan", mixinStandardHelpOptions = true,
      description = "Check every file under PATH (skips .git, target, ...); exit 1 when blocked.")
  static final class Scan implements Callable<Integer> {
    @ParentCommand GuardCommand parent;
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PATH", description = "File or directory to scan.")
    Path path;

    @Override
    public Integer call() {
      if (!Files.exists(path)) {
        spec.commandLine().getErr().println("guard scan: no such file or directory: " + path);
        return 1;
      }
      Path cwd = Path.of("").toAbsolutePath();
      ScanReport result = TreeScan.scan(parent.guard(cwd), path, cwd);
      return report(result, spec.commandLine().getOut(), spec.commandLine().getErr());
    }
  }

  @Command(name = "test", mixinStandardHelpOptions = true,
      description = "Run the built-in corpus on the effective hooks; print `N passed, M failed`.")
  static final class Test implements Callable<Integer> {
    @ParentCommand GuardCommand parent;
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      PrintWriter out = spec.commandLine().getOut();
      Path dir = Files.createTempDirectory("jorge-guard-test");
      Path auditFile = dir.resolve("audit.jsonl");
      try {
        CorpusReport report = GuardCorpus.builtIn().run(parent.guard(Path.of("."), auditFile));
        report.failures().forEach(out::println);
        out.println(report.summary());
        return report.failed() == 0 ? ExitCode.OK : 1;
      } finally {
        Files.deleteIfExists(auditFile);
        Files.deleteIfExists(dir);
      }
    }
  }

  @Command(name = "verify-audit", mixinStandardHelpOptions = true,
      description = "Verify the hash chain of an audit log; exit 1 at the first tampered line.")
  static final class VerifyAudit implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "Audit log (JSON lines).")
    Path file;

    @Override
    public Integer call() {
      try {
        AuditVerification v = AuditLog.verify(file);
        if (v.ok()) {
          spec.commandLine().getOut().println("OK: " + v.lines() + " lines, chain intact");
          return ExitCode.OK;
        }
        spec.commandLine().getErr().println("TAMPERED: " + v.describe());
        return 1;
      } catch (UncheckedIOException e) {
        spec.commandLine().getErr().println("guard verify-audit: " + e.getMessage());
        return 1;
      }
    }
  }
}
