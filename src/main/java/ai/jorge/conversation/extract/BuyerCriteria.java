package ai.jorge.conversation.extract;

/**
 * What a buyer is looking for; every field is null when not mentioned. Baths are an Integer when
 * whole and a Double for halves, so JSON shows 2 rather than 2.0.
 */
public record BuyerCriteria(
    Integer beds, Number baths, Long sqftMin, Long priceMin, Long priceMax, String area) {
  public static final BuyerCriteria NONE = new BuyerCriteria(null, null, null, null, null, null);

  public boolean isEmpty() {
    return equals(NONE);
  }
}
