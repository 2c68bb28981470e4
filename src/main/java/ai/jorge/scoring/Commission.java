package ai.jorge.scoring;

import java.util.OptionalDouble;

/**
 * The money and time a lead is expected to bring: expected commission and expected days to close.
 * Stateless and thread-safe.
 */
public final class Commission {
  public static final double DEFAULT_RATE = 0.06;

  static final int ESCROW_DAYS = 30;
  static final int CASH_ESCROW_DAYS = 14;
  static final int SELLER_FAST_SALE_DAYS = 30;
  static final int SELLER_DEFAULT_DAYS = 90;
  static final int BUYER_BROWSING_DAYS = 180;

  private Commission() {}

  /** {@code probability × price × rate}. */
  public static double expectedCommission(double probability, double price, double rate) {
    if (!(probability >= 0 && probability <= 1)) {
      throw new IllegalArgumentException("probability must be 0 to 1, was " + probability);
    }
    if (!(price >= 0) || Double.isInfinite(price)) {
      throw new IllegalArgumentException("price must be a finite number >= 0, was " + price);
    }
    if (!(rate >= 0 && rate <= 1)) {
      throw new IllegalArgumentException("rate must be 0 to 1, was " + rate);
    }
    return probability * price * rate;
  }

  /**
   * The expected commission on the lead's price (a buyer's budget), or empty when no price is
   * known.
   */
  public static OptionalDouble expectedCommission(
      double probability, LeadFeatures features, double rate) {
    return features.price() == null
        ? OptionalDouble.empty()
        : OptionalDouble.of(expectedCommission(probability, features.price(), rate));
  }

  /**
   * Days until the deal is expected to close: the time to sell or to find a home, then escrow. The
   * first part is {@code timeline_days} when known; otherwise 30 days for a seller who accepts a
   * fast sale, 90 for other sellers and 180 ("browsing") for buyers and undecided leads. Escrow is
   * 14 days for a cash buyer and 30 days otherwise.
   */
  public static int expectedCloseDays(LeadFeatures features) {
    int search;
    if (features.timelineDays() != null) {
      search = features.timelineDays();
    } else if (features.side().equals("seller")) {
      search =
          Boolean.TRUE.equals(features.acceptsFastSale())
              ? SELLER_FAST_SALE_DAYS
              : SELLER_DEFAULT_DAYS;
    } else {
      search = BUYER_BROWSING_DAYS;
    }
    boolean cashBuyer = features.side().equals("buyer") && "cash".equals(features.financing());
    return search + (cashBuyer ? CASH_ESCROW_DAYS : ESCROW_DAYS);
  }
}
