package ai.jorge.scoring;

import java.io.Reader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A seeded generator of synthetic labelled leads, used to train the default model until a team has
 * its own outcomes. The same seed and size always give the same leads, ordered by time. The
 * assumptions (base rate about 20 %, which answers and behaviours raise conversion, the latent
 * intent that acts as noise) are written down in docs/scoring.md. Stateless and thread-safe.
 */
public final class SyntheticLeads {
  /** Bumped whenever a change to the generator changes its output for a seed. */
  public static final int GENERATOR_VERSION = 1;

  private SyntheticLeads() {}

  /** Generates {@code n} leads from {@code seed}, oldest first. */
  public static List<LabelledLead> generate(long seed, int n) {
    if (n < 0) {
      throw new IllegalArgumentException("n must be >= 0, was " + n);
    }
    SyntheticLeadSampler sampler = new SyntheticLeadSampler(seed);
    List<LabelledLead> leads = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      leads.add(sampler.next());
    }
    leads.sort(Comparator.comparing(LabelledLead::at));
    return List.copyOf(leads);
  }

  /** A one-line description of a generated data set, for model provenance. */
  public static String describe(long seed, int n) {
    return "synthetic (SyntheticLeads v"
        + GENERATOR_VERSION
        + ", seed "
        + seed
        + ", "
        + n
        + " leads; not real outcomes)";
  }

  /** Writes leads in the training CSV format of {@link TrainingCsv}. */
  public static void writeCsv(List<LabelledLead> leads, Writer out) {
    TrainingCsv.write(leads, out);
  }

  /**
   * Reads leads written by {@link #writeCsv}.
   *
   * @throws ai.jorge.InvalidInputException naming every bad line
   */
  public static List<LabelledLead> readCsv(Reader in) {
    return TrainingCsv.read(in).orThrow();
  }
}
