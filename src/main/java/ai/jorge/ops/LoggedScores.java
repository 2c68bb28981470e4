package ai.jorge.ops;

import ai.jorge.scoring.LeadModel;
import ai.jorge.scoring.ReliabilityBin;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link DriftCheck.Scores} from what the platform records: recent probabilities are the {@code
 * lead.scored} events of topic {@code leads} ({@code data.probability}, or {@code data.score}
 * 0–100), the baseline is the reliability table of the model in use (its holdout's probabilities
 * per bin). The model is asked for only when there are scores to compare. Thread-safe.
 */
public final class LoggedScores implements DriftCheck.Scores {
  private final Jdbi jdbi;
  private final ObjectMapper json;
  private final Supplier<LeadModel> model;

  public LoggedScores(Jdbi jdbi, ObjectMapper json, Supplier<LeadModel> model) {
    this.jdbi = jdbi;
    this.json = json;
    this.model = model;
  }

  @Override
  public Optional<double[]> baselineShares() {
    List<ReliabilityBin> bins = model.get().metrics().reliability();
    double[] out = new double[DriftCheck.BINS];
    double total = 0;
    for (ReliabilityBin b : bins) {
      int i = Math.min(DriftCheck.BINS - 1, (int) Math.round(b.lower() * DriftCheck.BINS));
      out[i] += b.count();
      total += b.count();
    }
    if (total == 0) {
      return Optional.empty();
    }
    for (int i = 0; i < out.length; i++) {
      out[i] /= total;
    }
    return Optional.of(out);
  }

  @Override
  public List<Double> recent(Instant since) {
    List<String> rows =
        jdbi.withHandle(
            h ->
                h.createQuery(
                        "SELECT data FROM events WHERE topic = 'leads' AND type = 'lead.scored' AND"
                            + " at >= :since")
                    .bind("since", since)
                    .mapTo(String.class)
                    .list());
    List<Double> out = new ArrayList<>();
    for (String row : rows) {
      try {
        JsonNode data = json.readTree(row);
        if (data.path("probability").isNumber()) {
          out.add(data.get("probability").asDouble());
        } else if (data.path("score").isNumber()) {
          out.add(data.get("score").asDouble() / 100.0);
        }
      } catch (java.io.IOException e) {
        throw new IllegalStateException("corrupt event data", e);
      }
    }
    return out;
  }
}
