/**
 * Lead scoring: the calibrated probability that a lead converts, with the factors behind it.
 *
 * <p>Features are extracted from a lead's timestamped facts as of the scoring time, so nothing
 * recorded later can leak into a score. The model is a Tribuo logistic regression with Platt
 * scaling on its logit, which keeps every score an exact sum of per-feature contributions. Until a
 * team has its own outcomes the default model is trained on a documented, seeded synthetic data
 * set, and every model carries its provenance and its metrics on a time-ordered holdout.
 */
package ai.jorge.scoring;
