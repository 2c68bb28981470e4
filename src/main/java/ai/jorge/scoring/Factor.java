package ai.jorge.scoring;

/**
 * One feature's share of a score: its value for this lead and its additive contribution to the
 * calibrated logit (positive raises the probability). Immutable.
 */
public record Factor(String feature, Object value, double contribution) {}
