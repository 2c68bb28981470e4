package ai.jorge.scoring;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the golden file of {@link SyntheticLeadsTest}. Run it after an intended change to the
 * generator (and bump {@link SyntheticLeads#GENERATOR_VERSION}) from the project root: {@code java
 * -cp target/test-classes:target/classes:$(cat /tmp/cp.txt) ai.jorge.scoring.SyntheticLeadsGolden}.
 */
final class SyntheticLeadsGolden {
  static final String RESOURCE = "/scoring/synthetic-seed42-25.csv";
  static final long SEED = 42;
  static final int ROWS = 25;

  private SyntheticLeadsGolden() {}

  static List<LabelledLead> leads() {
    return SyntheticLeads.generate(SEED, ROWS);
  }

  public static void main(String[] args) throws IOException {
    Path file = Path.of("src/test/resources" + RESOURCE);
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      SyntheticLeads.writeCsv(leads(), out);
    }
    System.out.println("wrote " + file);
  }
}
