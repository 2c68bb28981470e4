package ai.jorge.conversation;

/** How ready a lead is to transact, recomputed every turn from the answers gathered. */
public enum Temperature {
  HOT,
  WARM,
  COLD
}
