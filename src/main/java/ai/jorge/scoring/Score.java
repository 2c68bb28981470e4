package ai.jorge.scoring;

import java.util.List;

/**
 * A model's verdict on one lead. {@code logit} equals {@code intercept} plus the contributions of
 * all features, of which the three largest positive and the three largest negative are listed;
 * {@code probability} is the logistic function of {@code logit}. Immutable.
 *
 * @param probability calibrated probability of conversion, 0 to 1
 * @param score {@code probability} as a whole percentage, 0 to 100
 * @param positive up to three factors with positive contributions, largest first
 * @param negative up to three factors with negative contributions, most negative first
 */
public record Score(
    double probability,
    int score,
    String modelVersion,
    List<Factor> positive,
    List<Factor> negative,
    double logit,
    double intercept) {
  public Score {
    positive = List.copyOf(positive);
    negative = List.copyOf(negative);
  }
}
