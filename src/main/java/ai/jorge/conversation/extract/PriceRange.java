package ai.jorge.conversation.extract;

/**
 * A dollar amount or range found in a message, with the few words before it so callers can tell "up
 * to $900k" from "at least $900k".
 */
public record PriceRange(long low, long high, String before) {
  public PriceRange {
    if (low > high) {
      throw new IllegalArgumentException("low " + low + " above high " + high);
    }
    before = before == null ? "" : before;
  }

  /** Midpoint in whole dollars; the amount itself when this is a single price. */
  public long midpoint() {
    return low + (high - low) / 2;
  }

  public boolean isRange() {
    return low != high;
  }
}
