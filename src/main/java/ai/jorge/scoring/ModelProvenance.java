package ai.jorge.scoring;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a model came from: the Tribuo trainer and its hyperparameters, the seed, the data it was
 * trained on and how that data was split, when, and with which Tribuo version. Immutable.
 *
 * @param fitRows oldest rows, used to fit the weights
 * @param calibrationRows next rows in time, used to fit the Platt scaling
 * @param holdoutRows newest rows, used only for the metrics
 */
public record ModelProvenance(
    String trainer,
    Map<String, String> hyperparameters,
    long seed,
    String dataDescription,
    int fitRows,
    int calibrationRows,
    int holdoutRows,
    Instant trainedAt,
    String tribuoVersion) {
  public ModelProvenance {
    hyperparameters = Collections.unmodifiableMap(new LinkedHashMap<>(hyperparameters));
  }
}
