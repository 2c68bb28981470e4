package ai.jorge.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScoringCliTest {
  @TempDir Path dir;

  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

  @Test
  void train_prints_the_quality_report_of_a_good_file() throws IOException {
    Path csv = dir.resolve("history.csv");
    try (Writer w = Files.newBufferedWriter(csv)) {
      SyntheticLeads.writeCsv(SyntheticLeads.generate(3, 2_000), w);
    }

    assertThat(ScoringCli.train(csv, "team-1", out)).isPresent();
    assertThat(printed.toString(StandardCharsets.UTF_8))
        .contains(
            "model team-1",
            "history.csv (2000 leads)",
            "AUC",
            "Brier score",
            "ECE",
            "Top-decile lift",
            "Reliability");
  }

  @Test
  void train_lists_bad_rows_by_line_number_and_trains_nothing() throws IOException {
    Path csv = dir.resolve("bad.csv");
    try (Writer w = Files.newBufferedWriter(csv)) {
      SyntheticLeads.writeCsv(SyntheticLeads.generate(3, 200), w);
    }
    List<String> lines = new ArrayList<>(Files.readAllLines(csv));
    lines.set(9, lines.get(9).replaceFirst("^[a-z_]+,", "fax,"));
    lines.add("web_chat,buyer");
    Files.write(csv, lines);

    assertThat(ScoringCli.train(csv, "team-1", out)).isEmpty();
    assertThat(printed.toString(StandardCharsets.UTF_8))
        .contains("2 bad rows", "line 10: feature 'channel'", "line 202: expected 24 cells");
  }

  @Test
  void evaluate_prints_the_report_for_the_given_leads() {
    ModelMetrics m =
        ScoringCli.evaluate(Leads.defaultModel(), SyntheticLeads.generate(8, 1_000), out);

    assertThat(m.holdoutRows()).isEqualTo(1_000);
    assertThat(printed.toString(StandardCharsets.UTF_8)).contains("on 1000 leads", "AUC");
  }
}
