package ai.jorge.scoring;

import ai.jorge.InvalidInputException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The work behind {@code jorge train --data FILE.csv} and {@code jorge evaluate}: reading a team's
 * CSV, reporting bad rows by line number, training and printing the quality report. The command
 * line parsing and storing the model belong to the caller. Stateless and thread-safe.
 */
public final class ScoringCli {
  private ScoringCli() {}

  /**
   * Trains on a history CSV and prints the quality report. When any row is bad, prints every bad
   * row with its line number and trains nothing.
   *
   * @return the trained model, or empty when the file had bad rows or could not train a model
   */
  public static Optional<TrainedModel> train(Path csv, String version, PrintStream out) {
    TrainingCsv.Result rows = TrainingCsv.read(csv);
    if (!rows.errors().isEmpty()) {
      out.println(csv + ": " + rows.errors().size() + " bad rows; nothing trained");
      rows.errors().forEach(e -> out.println("  " + e));
      return Optional.empty();
    }
    try {
      TrainedModel trained =
          new ModelTrainer()
              .train(
                  rows.leads(),
                  version,
                  csv.getFileName() + " (" + rows.leads().size() + " leads)");
      printModel(trained.model(), out);
      return Optional.of(trained);
    } catch (InvalidInputException e) {
      out.println(csv + ": " + e.getMessage());
      e.details().forEach(d -> out.println("  " + d));
      return Optional.empty();
    }
  }

  /**
   * Prints the model's provenance and the metrics measured on its own holdout when it was trained.
   */
  public static void printModel(LeadModel model, PrintStream out) {
    ModelProvenance p = model.provenance();
    out.println(
        "model " + model.version() + " (" + p.trainer() + ", Tribuo " + p.tribuoVersion() + ")");
    out.println("data: " + p.dataDescription());
    out.print(Evaluation.report(model.metrics()));
  }

  /**
   * Evaluates a model on labelled leads (e.g. a CSV read with {@link TrainingCsv}) and prints the
   * report.
   */
  public static ModelMetrics evaluate(LeadModel model, List<LabelledLead> leads, PrintStream out) {
    ModelMetrics metrics = Evaluation.evaluate(model, leads);
    out.println("model " + model.version() + " on " + leads.size() + " leads");
    out.print(Evaluation.report(metrics));
    return metrics;
  }
}
