package ai.jorge.cli;

import ai.jorge.scoring.Evaluation;
import ai.jorge.scoring.PromotionPolicy;
import ai.jorge.scoring.Promotions;
import ai.jorge.scoring.ScoringCli;
import ai.jorge.scoring.TrainedModel;
import ai.jorge.scoring.TribuoLogging;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code jorge train --data FILE.csv}: trains on a team's own lead history, prints the quality
 * report, stores the model in the configured database's registry and promotes it only when it is no
 * worse than the active model on the same time-ordered holdout. Bad rows: every one is printed with
 * its line number, nothing is trained, exit code 1.
 */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = {
      "Train a lead-scoring model on a history CSV (columns: docs/scoring.md section 5), print"
          + " AUC, Brier score, ECE, top-decile lift and the reliability table, and store it.",
      "It becomes the active model only when its AUC is no lower and its ECE no higher than the"
          + " active model's on the newest 20 % of the file; otherwise it is kept as rejected."
    })
final class TrainCommand implements Callable<Integer> {
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  @Mixin ConfigOptions options;

  @Option(names = "--data", required = true, paramLabel = "FILE.csv", description = "History CSV.")
  Path data;

  @Option(
      names = "--model-version",
      paramLabel = "NAME",
      description = "Version name to store the model under (default csv-<UTC time>).")
  String version;

  @Option(names = "--dry-run", description = "Print the report only; store nothing.")
  boolean dryRun;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    TribuoLogging.quiet();
    PrintWriter out = spec.commandLine().getOut();
    if (!Files.isReadable(data)) {
      spec.commandLine().getErr().println("cannot read " + data);
      return 1;
    }
    String name = version != null ? version : "csv-" + STAMP.format(Instant.now());
    var buffer = new ByteArrayOutputStream();
    Optional<TrainedModel> trained;
    try (var report = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
      trained = ScoringCli.train(data, name, report);
    }
    out.print(buffer.toString(StandardCharsets.UTF_8));
    out.flush();
    if (trained.isEmpty()) {
      return 1;
    }
    if (dryRun) {
      return 0;
    }
    try (var store = new ScoringStore(options.load())) {
      Promotions.Decision d =
          new Promotions(
                  store.database.jdbi(),
                  store.registry,
                  store.events,
                  new PromotionPolicy(),
                  store.clock)
              .submit(trained.get(), "cli");
      if (d.current() != null) {
        out.println();
        out.println("active model " + d.previousVersion() + " on the same holdout:");
        out.print(Evaluation.report(d.current()));
      }
      out.println();
      out.println((d.promoted() ? "ACTIVE " : "REJECTED ") + d.version() + " - " + d.reason());
      out.flush();
    }
    return 0;
  }
}
