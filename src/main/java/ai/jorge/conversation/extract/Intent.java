package ai.jorge.conversation.extract;

/**
 * Seller and buyer intent read from one message, each from 0 to 1, plus whether the lead said they
 * are not planning to sell or buy, and whether they said they are not interested at all.
 */
public record Intent(
    double seller,
    double buyer,
    boolean sellerDeclined,
    boolean buyerDeclined,
    boolean notInterested) {
  public static final Intent NONE = new Intent(0, 0, false, false, false);
}
