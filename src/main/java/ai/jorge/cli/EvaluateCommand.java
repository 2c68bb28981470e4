package ai.jorge.cli;

import ai.jorge.scoring.LabelledLead;
import ai.jorge.scoring.LeadModel;
import ai.jorge.scoring.ScoringCli;
import ai.jorge.scoring.SyntheticLeads;
import ai.jorge.scoring.TrainingCsv;
import ai.jorge.scoring.TribuoLogging;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code jorge evaluate [--data FILE.csv]}: prints the active model's AUC, Brier score, ECE,
 * top-decile lift and reliability table on a labelled CSV, or on fresh synthetic leads from a seed
 * the default model never saw. Bad rows: printed with their line numbers, exit code 1.
 */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description =
        "Evaluate the active lead-scoring model on a labelled CSV, or on synthetic leads from"
            + " another seed, and print AUC, Brier score, ECE, top-decile lift and reliability.")
final class EvaluateCommand implements Callable<Integer> {
  @Mixin ConfigOptions options;

  @Option(names = "--data", paramLabel = "FILE.csv", description = "Labelled history CSV.")
  Path data;

  @Option(
      names = "--seed",
      defaultValue = "4242",
      description = "Seed of the synthetic leads without --data (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--rows",
      defaultValue = "20000",
      description = "Synthetic leads without --data (default ${DEFAULT-VALUE}).")
  int rows;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    TribuoLogging.quiet();
    PrintWriter out = spec.commandLine().getOut();
    List<LabelledLead> leads;
    if (data != null) {
      if (!Files.isReadable(data)) {
        spec.commandLine().getErr().println("cannot read " + data);
        return 1;
      }
      TrainingCsv.Result read = TrainingCsv.read(data);
      if (!read.errors().isEmpty()) {
        out.println(data + ": " + read.errors().size() + " bad rows; nothing evaluated");
        read.errors().forEach(e -> out.println("  " + e));
        out.flush();
        return 1;
      }
      leads = read.leads();
      out.println("data: " + data.getFileName() + " (" + leads.size() + " leads)");
    } else {
      leads = SyntheticLeads.generate(seed, rows);
      out.println("data: " + SyntheticLeads.describe(seed, rows) + " - synthetic, not real leads");
    }
    LeadModel model;
    try (var store = new ScoringStore(options.load())) {
      model = store.database.jdbi().withHandle(h -> store.registry.loadActive(h)).orElseThrow();
    }
    var buffer = new ByteArrayOutputStream();
    try (var report = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
      ScoringCli.evaluate(model, leads, report);
    }
    out.print(buffer.toString(StandardCharsets.UTF_8));
    out.flush();
    return 0;
  }
}
