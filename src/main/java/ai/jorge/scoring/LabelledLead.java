package ai.jorge.scoring;

import java.time.Instant;
import java.util.Objects;

/**
 * One training example: a lead's features as of time {@code at}, and whether that lead later
 * converted. Immutable.
 */
public record LabelledLead(LeadFeatures features, boolean converted, Instant at) {
  public LabelledLead {
    Objects.requireNonNull(features, "features");
    Objects.requireNonNull(at, "at");
  }
}
