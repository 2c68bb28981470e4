package ai.jorge.guard;

import static org.assertj.core.api.Assertions.assertThat;

import ai.jorge.cli.GuardCommand;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class GuardCommandTest {
  @TempDir Path dir;

  private static final String GITHUB_TOKEN_LINE =
      "token: gh" + "p_EXAMPLEexample0000fake1111corpus2222";

  record Run(int exit, String out, String err) {}

  private static String bash(String command) {
    return "{\"tool_name\":\"Bash\",\"tool_input\":{\"command\":\"" + command + "\"}}";
  }

  private Run run(String stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(
        new GuardCommand(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8))));
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--audit");
    all.add(dir.resolve("audit.jsonl").toString());
    int exit = cli.execute(all.toArray(String[]::new));
    return new Run(exit, out.toString(), err.toString());
  }

  private static void git(Path repo, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("git", "-C", repo.toString()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    assertThat(p.waitFor()).as(String.join(" ", command)).isZero();
  }

  @Test
  void test_runs_the_built_in_corpus_and_prints_the_summary_line() {
    Run r = run("", "test");

    int n = GuardCorpus.builtIn().cases().size();
    assertThat(r.exit()).isZero();
    assertThat(r.out().strip()).endsWith(n + " passed, 0 failed");
  }

  @Test
  void test_exits_non_zero_when_the_effective_hooks_fail_the_corpus() throws IOException {
    Path weakened = Files.writeString(dir.resolve("weak.yaml"), """
        rules:
          - {id: destructive.rm_recursive, warn_only: true}
        """);

    Run r = run("", "test", "--hooks", weakened.toString());

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains("FAIL ").containsPattern("\\d+ passed, [1-9]\\d* failed");
  }

  @Test
  void pre_tool_use_blocks_a_destructive_bash_call_with_exit_2_and_the_reason_on_stderr() {
    Run r = run(bash("cd / && r\\\"m\\\" -rf ~"), "pre-tool-use");

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("destructive.rm_recursive", "recursive delete");
  }

  @Test
  void pre_tool_use_allows_a_safe_bash_call_with_exit_0() {
    Run r = run(bash("rm -rf ./target && mvn -q test"), "pre-tool-use");

    assertThat(r.exit()).isZero();
    assertThat(r.err()).isEmpty();
  }

  @Test
  void pre_tool_use_blocks_writing_a_secret_and_editing_a_dot_env_file() {
    String key = "AKIA" + "IOSFODNN7EXAMPLE";
    Run write = run("{\"tool_name\":\"Write\",\"tool_input\":{\"file_path\":\"/repo/src/Cfg.java\","
        + "\"content\":\"String k = \\\"" + key + "\\\";\"}}", "pre-tool-use");
    Run edit = run("{\"tool_name\":\"Edit\",\"tool_input\":{\"file_path\":\"/repo/.env\","
        + "\"old_string\":\"a\",\"new_string\":\"DEBUG=1\"}}", "pre-tool-use");
    Run read = run(
        "{\"tool_name\":\"Read\",\"tool_input\":{\"file_path\":\"/home/me/.ssh/id_rsa\"}}",
        "pre-tool-use");

    assertThat(write.exit()).isEqualTo(2);
    assertThat(write.err()).contains("secret.aws_access_key").doesNotContain(key);
    assertThat(edit.exit()).isEqualTo(2);
    assertThat(edit.err()).contains("secret.file");
    assertThat(read.exit()).isEqualTo(2);
  }

  @Test
  void pre_tool_use_blocks_input_it_cannot_read() {
    Run r = run("not json at all", "pre-tool-use");

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("unreadable tool call");
  }

  @Test
  void scan_blocks_a_tree_with_a_secret_and_skips_git_and_target() throws IOException {
    Path tree = Files.createDirectories(dir.resolve("tree"));
    Files.writeString(tree.resolve("README.md"), "hello");
    Files.createDirectories(tree.resolve("target"));
    Files.writeString(tree.resolve("target/leak.txt"), GITHUB_TOKEN_LINE);
    Run clean = run("", "scan", tree.toString());
    Files.writeString(tree.resolve("app.yaml"), GITHUB_TOKEN_LINE);

    Run dirty = run("", "scan", tree.toString());

    assertThat(clean.exit()).isZero();
    assertThat(clean.out()).contains("1 files checked, 0 blocked");
    assertThat(dirty.exit()).isEqualTo(1);
    assertThat(dirty.err()).contains("app.yaml", "secret.github_token");
  }

  @Test
  void in_a_git_work_tree_scan_skips_ignored_files_but_not_untracked_ones() throws Exception {
    Path repo = Files.createDirectories(dir.resolve("repo"));
    git(repo, "init", "-q");
    Files.writeString(repo.resolve(".gitignore"), "data/\n");
    Files.writeString(repo.resolve("App.java"), "class App {}");
    Files.createDirectories(repo.resolve("data"));
    Files.writeString(repo.resolve("data/leak.yaml"), GITHUB_TOKEN_LINE);
    git(repo, "add", "App.java", ".gitignore");

    Run clean = run("", "scan", repo.toString());
    Files.writeString(repo.resolve("notes.yaml"), GITHUB_TOKEN_LINE);
    Run dirty = run("", "scan", repo.toString());

    assertThat(clean.exit()).as(clean.err()).isZero();
    assertThat(clean.out()).contains("2 files checked, 0 blocked");
    assertThat(dirty.exit()).isEqualTo(1);
    assertThat(dirty.err()).contains("notes.yaml").doesNotContain("data/leak.yaml");
  }

  @Test
  void scanning_this_repository_blocks_nothing_because_the_corpus_is_allow_listed() {
    Run r = run("", "scan", ".");

    assertThat(r.err()).isEmpty();
    assertThat(r.exit()).isZero();
  }

  @Test
  void pre_commit_refuses_staged_secrets_and_passes_clean_changes() throws Exception {
    Path repo = Files.createDirectories(dir.resolve("repo"));
    git(repo, "init", "-q");
    Files.writeString(repo.resolve("App.java"), "class App {}");
    git(repo, "add", "App.java");
    Run clean = run("", "pre-commit", "--repo", repo.toString());
    Files.writeString(repo.resolve("leak.env"),
        "SLACK=xox" + "b-000000000000-0000000000000-EXAMPLEfakeEXAMPLE");
    Files.writeString(repo.resolve(".env"), "DEBUG=1");
    git(repo, "add", "leak.env", ".env");

    Run dirty = run("", "pre-commit", "--repo", repo.toString());

    assertThat(clean.exit()).isZero();
    assertThat(dirty.exit()).isEqualTo(1);
    assertThat(dirty.err()).contains("leak.env: [secret.slack_token]", ".env: [secret.file]");
  }

  @Test
  void install_writes_an_executable_hook_once_and_refuses_to_clobber_a_foreign_one()
      throws Exception {
    Path repo = Files.createDirectories(dir.resolve("repo"));
    git(repo, "init", "-q");
    Path hook = repo.resolve(".git/hooks/pre-commit");

    Run first = run("", "install", "--repo", repo.toString());
    Run second = run("", "install", "--repo", repo.toString());
    Files.writeString(hook, "#!/bin/sh\necho mine\n");
    Run foreign = run("", "install", "--repo", repo.toString());

    assertThat(first.exit()).isZero();
    assertThat(second.exit()).isZero();
    assertThat(second.out()).contains("already installed");
    assertThat(foreign.exit()).isEqualTo(1);
    assertThat(Files.readString(hook)).isEqualTo("#!/bin/sh\necho mine\n");
    Files.delete(hook);
    run("", "install", "--repo", repo.toString());
    assertThat(Files.isExecutable(hook)).isTrue();
    assertThat(Files.readString(hook))
        .contains("./jorge guard pre-commit", "java -jar target/jorge.jar guard pre-commit");
  }

  @Test
  void verify_audit_reports_ok_then_the_tampered_line() throws IOException {
    run(bash("ls"), "pre-tool-use");
    run(bash("rm -rf /"), "pre-tool-use");
    Path audit = dir.resolve("audit.jsonl");
    Run ok = run("", "verify-audit", audit.toString());
    List<String> lines = Files.readAllLines(audit);
    lines.set(1, lines.get(1).replace("\"decision\":\"block\"", "\"decision\":\"allow\""));
    Files.write(audit, lines);

    Run tampered = run("", "verify-audit", audit.toString());

    assertThat(ok.exit()).isZero();
    assertThat(ok.out()).contains("OK: 2 lines");
    assertThat(tampered.exit()).isEqualTo(1);
    assertThat(tampered.err()).contains("TAMPERED: line 2");
  }

  @Test
  void every_subcommand_has_help() {
    List<String> subcommands =
        List.of("pre-commit", "install", "pre-tool-use", "scan", "test", "verify-audit");
    for (String sub : subcommands) {
      Run r = run("", sub, "--help");
      assertThat(r.exit()).as(sub).isZero();
      assertThat(r.out()).as(sub).contains("Usage:").contains(sub);
    }
  }
}
