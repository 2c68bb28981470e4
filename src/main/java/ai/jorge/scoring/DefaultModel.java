package ai.jorge.scoring;

/**
 * The model a team starts with before it has labelled outcomes of its own: trained on the synthetic
 * data set of {@link SyntheticLeads} with a fixed seed, so every installation trains the same
 * weights. Its metrics describe synthetic data only. Stateless.
 */
public final class DefaultModel {
  public static final long SEED = 20_240_601L;
  public static final int ROWS = 20_000;
  public static final String VERSION = "default-synthetic-v" + SyntheticLeads.GENERATOR_VERSION;

  private DefaultModel() {}

  /** Generates the synthetic data and trains on it; takes about a second. */
  public static LeadModel train() {
    return new ModelTrainer()
        .train(SyntheticLeads.generate(SEED, ROWS), VERSION, SyntheticLeads.describe(SEED, ROWS))
        .model();
  }
}
