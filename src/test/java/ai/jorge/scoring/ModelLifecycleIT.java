package ai.jorge.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.jorge.Json;
import ai.jorge.cli.Main;
import ai.jorge.config.JorgeConfig;
import ai.jorge.support.Backend;
import ai.jorge.support.TestApp;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import picocli.CommandLine;

/**
 * {@code jorge train} and {@code jorge evaluate} against the database of a running App: bad rows, a
 * worse candidate refused, an equal one promoted and picked up by the App, and rollback over HTTP
 * restoring the previous version; on H2 and PostgreSQL.
 */
class ModelLifecycleIT {
  private static final ObjectMapper JSON = Json.newMapper();

  @TempDir Path dir;

  private record Run(int exit, String out) {}

  private Run jorge(JorgeConfig.Database db, String... args) {
    Path config = dir.resolve("jorge.yaml");
    try {
      Files.writeString(
          config,
          "db_url: \""
              + db.url()
              + "\"\ndb_user: \""
              + db.user()
              + "\"\ndb_password: \""
              + db.password()
              + "\"\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    StringWriter out = new StringWriter();
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--config");
    all.add(config.toString());
    int exit =
        new CommandLine(new Main())
            .setOut(new PrintWriter(out, true))
            .setErr(new PrintWriter(out, true))
            .execute(all.toArray(String[]::new));
    return new Run(exit, out.toString());
  }

  private Path csv(String name, List<LabelledLead> leads) throws IOException {
    Path file = dir.resolve(name);
    try (Writer w = Files.newBufferedWriter(file)) {
      TrainingCsv.write(leads, w);
    }
    return file;
  }

  /** The oldest 80 % (fit and calibration slices) carry shuffled labels; the holdout is true. */
  private static List<LabelledLead> noisyHistory() {
    List<LabelledLead> leads = SyntheticLeads.generate(77, 5_000);
    int cut = (int) (leads.size() * 0.8);
    List<Boolean> labels =
        new ArrayList<>(leads.subList(0, cut).stream().map(LabelledLead::converted).toList());
    Collections.shuffle(labels, new Random(3));
    List<LabelledLead> out = new ArrayList<>();
    for (int i = 0; i < leads.size(); i++) {
      LabelledLead l = leads.get(i);
      out.add(new LabelledLead(l.features(), i < cut ? labels.get(i) : l.converted(), l.at()));
    }
    return out;
  }

  private static String scoredVersion(TestApp app) {
    ObjectNode body = JSON.createObjectNode();
    body.set("features", JSON.valueToTree(Leads.coldBuyer().toMap()));
    return app.post("/api/v1/ml/score", body.toString(), TestApp.admin())
        .json()
        .get("model_version")
        .asText();
  }

  private static String status(TestApp app, String version) {
    return app.app()
        .database()
        .jdbi()
        .withHandle(
            h ->
                h.createQuery("SELECT status FROM model_versions WHERE version = :v")
                    .bind("v", version)
                    .mapTo(String.class)
                    .one());
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void train_reports_bad_rows_refuses_worse_promotes_equal_and_rollback_restores(Backend backend)
      throws IOException {
    try (TestApp app = TestApp.start(backend)) {
      JorgeConfig.Database db = app.app().config().database();

      Path bad = dir.resolve("bad.csv");
      List<String> lines =
          new ArrayList<>(Files.readAllLines(csv("good.csv", SyntheticLeads.generate(5, 200))));
      lines.set(2, lines.get(2).replaceFirst("^sms|^web_chat|^live_chat|^api", "fax"));
      lines.set(5, lines.get(5) + ",extra");
      Files.write(bad, lines);
      Run badRun = jorge(db, "train", "--data", bad.toString());
      assertThat(badRun.exit()).isEqualTo(1);
      assertThat(badRun.out())
          .contains("line 3: ")
          .contains("line 6: ")
          .contains("nothing trained");

      long versions = app.count("model_versions");
      Run worse =
          jorge(
              db,
              "train",
              "--data",
              csv("noisy.csv", noisyHistory()).toString(),
              "--model-version",
              "noisy");
      assertThat(worse.exit()).isEqualTo(0);
      assertThat(worse.out())
          .contains("AUC")
          .contains("Brier score")
          .contains("ECE")
          .contains("Top-decile lift")
          .contains("Reliability")
          .contains("REJECTED noisy");
      assertThat(status(app, "noisy")).isEqualTo("rejected");
      assertThat(status(app, DefaultModel.VERSION)).isEqualTo("active");
      assertThat(app.count("model_versions")).isEqualTo(versions + 1);

      Path same = csv("same.csv", SyntheticLeads.generate(DefaultModel.SEED, DefaultModel.ROWS));
      Run equal = jorge(db, "train", "--data", same.toString(), "--model-version", "team-v2");
      assertThat(equal.exit()).isEqualTo(0);
      assertThat(equal.out()).contains("ACTIVE team-v2");
      assertThat(status(app, "team-v2")).isEqualTo("active");
      assertThat(status(app, DefaultModel.VERSION)).isEqualTo("retired");
      await().atMost(Duration.ofSeconds(30)).until(() -> scoredVersion(app).equals("team-v2"));

      var rollback = app.post("/api/v1/ml/rollback", "{\"reason\":\"bad calibration after promotion\"}", TestApp.admin());
      assertThat(rollback.status()).isEqualTo(200);
      assertThat(rollback.json().get("version").asText()).isEqualTo(DefaultModel.VERSION);
      assertThat(rollback.json().get("rolled_back").asText()).isEqualTo("team-v2");
      assertThat(scoredVersion(app)).isEqualTo(DefaultModel.VERSION);
      assertThat(status(app, "team-v2")).isEqualTo("rolled_back");
      var model = app.get("/api/v1/ml/model", TestApp.admin()).json();
      assertThat(model.at("/active/version").asText()).isEqualTo(DefaultModel.VERSION);
      assertThat(model.get("versions").toString()).contains("noisy").contains("team-v2");

      var again = app.post("/api/v1/ml/rollback", "{\"reason\":\"bad calibration after promotion\"}", TestApp.admin());
      assertThat(again.status()).isEqualTo(409);
      assertThat(again.json().at("/error/code").asText()).isEqualTo("conflict");
      assertThat(app.post("/api/v1/ml/rollback", "{}").status()).isEqualTo(401);

      Run evaluate = jorge(db, "evaluate", "--rows", "2000");
      assertThat(evaluate.exit()).isEqualTo(0);
      assertThat(evaluate.out())
          .contains("model " + DefaultModel.VERSION)
          .contains("AUC")
          .contains("Brier score")
          .contains("ECE")
          .contains("Top-decile lift")
          .contains("Reliability")
          .contains("synthetic");
      Run evaluateBad = jorge(db, "evaluate", "--data", bad.toString());
      assertThat(evaluateBad.exit()).isEqualTo(1);
      assertThat(evaluateBad.out()).contains("line 3: ");
    }
  }
}
