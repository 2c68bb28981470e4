package ai.jorge.scoring;

/**
 * One row of a reliability table: the leads whose predicted probability fell in {@code [lower,
 * upper)} (the last bin includes 1.0), their mean prediction and the rate at which they actually
 * converted. Immutable.
 */
public record ReliabilityBin(
    double lower, double upper, int count, double meanPredicted, double observedRate) {}
